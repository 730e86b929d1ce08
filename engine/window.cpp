#include "engine/window.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <GLFW/glfw3.h>

namespace eng {

namespace {
std::string g_glfwError;
void onGlfwError(int, const char* msg) { g_glfwError = msg ? msg : "unknown GLFW error"; }
}  // namespace

std::unique_ptr<Window> Window::create(const WindowDesc& d, std::string* why) {
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit()) {
        const char* disp = std::getenv("DISPLAY");
        const char* wl = std::getenv("WAYLAND_DISPLAY");
        if (why) {
            *why = "cannot open a window: " + g_glfwError;
            if ((!disp || !*disp) && (!wl || !*wl))
                *why += "\nNo display found (DISPLAY is not set). Run under a virtual display:\n"
                        "  xvfb-run -a -s \"-screen 0 1280x720x24\" almalyk\n"
                        "or render a picture without a window:  almalyk shot --out picture.png";
        }
        return nullptr;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, d.visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_SRGB_CAPABLE, GLFW_FALSE);  // shaders encode sRGB themselves
    glfwWindowHint(GLFW_DEPTH_BITS, 0);              // the scene has its own depth buffer
    glfwWindowHintString(GLFW_X11_CLASS_NAME, d.appId.c_str());
    glfwWindowHintString(GLFW_X11_INSTANCE_NAME, d.appId.c_str());
#ifndef NDEBUG
    glfwWindowHint(GLFW_OPENGL_DEBUG_CONTEXT, GLFW_TRUE);
#endif
    std::unique_ptr<Window> w(new Window());
    GLFWmonitor* mon = d.fullscreen ? glfwGetPrimaryMonitor() : nullptr;
    int width = d.width, height = d.height;
    if (mon) {
        const GLFWvidmode* m = glfwGetVideoMode(mon);
        width = m->width;
        height = m->height;
    }
    w->m_win = glfwCreateWindow(width, height, d.title.c_str(), mon, nullptr);
    if (!w->m_win) {
        if (why) *why = "cannot create an OpenGL 3.3 core window: " + g_glfwError;
        glfwTerminate();
        return nullptr;
    }
    w->m_fullscreen = mon != nullptr;
    w->m_windowedRect = {64, 64, d.width, d.height};
    glfwSetWindowUserPointer(w->m_win, w.get());
    glfwSetScrollCallback(w->m_win, onScroll);
    glfwSetKeyCallback(w->m_win, onKey);
    glfwSetCharCallback(w->m_win, onChar);
    glfwSetMouseButtonCallback(w->m_win, onMouseButton);
    glfwMakeContextCurrent(w->m_win);
    glfwSwapInterval(d.vsync ? 1 : 0);
    return w;
}

Window::~Window() {
    if (m_win) glfwDestroyWindow(m_win);
    glfwTerminate();
}

void Window::onScroll(GLFWwindow* h, double, double dy) {
    if (auto* w = static_cast<Window*>(glfwGetWindowUserPointer(h))) w->m_scroll += static_cast<float>(dy);
}

void Window::onKey(GLFWwindow* h, int key, int, int action, int mods) {
    auto* w = static_cast<Window*>(glfwGetWindowUserPointer(h));
    if (w) w->m_keys.key(key, static_cast<KeyAction>(action), mods);
}

void Window::onChar(GLFWwindow* h, unsigned int codepoint) {
    if (auto* w = static_cast<Window*>(glfwGetWindowUserPointer(h))) w->m_keys.character(static_cast<char32_t>(codepoint));
}

void Window::onMouseButton(GLFWwindow* h, int, int action, int) {
    auto* w = static_cast<Window*>(glfwGetWindowUserPointer(h));
    if (w && action == GLFW_PRESS) w->m_anyButton = true;
}

void Window::cancelClose() { glfwSetWindowShouldClose(m_win, GLFW_FALSE); }

bool Window::shouldClose() const { return glfwWindowShouldClose(m_win); }
void Window::requestClose() { glfwSetWindowShouldClose(m_win, GLFW_TRUE); }

void Window::pollEvents() {
    m_scroll = 0.0f;
    m_keys.beginFrame();
    m_anyButton = false;
    glfwPollEvents();
    double x = 0, y = 0;
    glfwGetCursorPos(m_win, &x, &y);
    const glm::vec2 p(static_cast<float>(x), static_cast<float>(y));
    m_mouseDelta = m_mouseValid ? p - m_mouse : glm::vec2(0.0f);
    m_mouse = p;
    m_mouseValid = true;
}

void Window::swapBuffers() { glfwSwapBuffers(m_win); }
void Window::setVsync(bool on) { glfwSwapInterval(on ? 1 : 0); }
void Window::setTitle(const std::string& t) { glfwSetWindowTitle(m_win, t.c_str()); }

void Window::toggleFullscreen() {
    if (m_fullscreen) {
        glfwSetWindowMonitor(m_win, nullptr, m_windowedRect.x, m_windowedRect.y, m_windowedRect.z, m_windowedRect.w, 0);
    } else {
        GLFWmonitor* mon = glfwGetPrimaryMonitor();
        if (!mon) return;
        glfwGetWindowPos(m_win, &m_windowedRect.x, &m_windowedRect.y);
        glfwGetWindowSize(m_win, &m_windowedRect.z, &m_windowedRect.w);
        const GLFWvidmode* m = glfwGetVideoMode(mon);
        glfwSetWindowMonitor(m_win, mon, 0, 0, m->width, m->height, m->refreshRate);
    }
    m_fullscreen = !m_fullscreen;
}

glm::ivec2 Window::framebufferSize() const {
    glm::ivec2 s;
    glfwGetFramebufferSize(m_win, &s.x, &s.y);
    return s;
}

glm::ivec2 Window::windowSize() const {
    glm::ivec2 s;
    glfwGetWindowSize(m_win, &s.x, &s.y);
    return s;
}

float Window::uiScale() const {
    float sx = 1.0f, sy = 1.0f;
    glfwGetWindowContentScale(m_win, &sx, &sy);
    // Content scale covers HiDPI desktops; big framebuffers without it (4K at 100 %, projectors at 1080p far away)
    // still need larger text: aim for the 1080p look at any resolution.
    const glm::ivec2 fb = framebufferSize();
    const float bySize = static_cast<float>(fb.y) / 1080.0f;
    return std::max({1.0f, sy, bySize});
}

// eng::Key and eng::MouseButton carry GLFW's codes (engine/input.h).
static_assert(keyIndex(Key::E) == GLFW_KEY_E && keyIndex(Key::N) == GLFW_KEY_N && keyIndex(Key::P) == GLFW_KEY_P &&
              keyIndex(Key::Q) == GLFW_KEY_Q && keyIndex(Key::R) == GLFW_KEY_R &&
              keyIndex(Key::Backspace) == GLFW_KEY_BACKSPACE && keyIndex(Key::KpEnter) == GLFW_KEY_KP_ENTER &&
              keyIndex(Key::LeftShift) == GLFW_KEY_LEFT_SHIFT && keyIndex(Key::LeftControl) == GLFW_KEY_LEFT_CONTROL &&
              keyIndex(Key::LeftAlt) == GLFW_KEY_LEFT_ALT && keyIndex(Key::RightShift) == GLFW_KEY_RIGHT_SHIFT &&
              keyIndex(Key::RightControl) == GLFW_KEY_RIGHT_CONTROL && keyIndex(Key::RightAlt) == GLFW_KEY_RIGHT_ALT,
              "eng::Key must carry GLFW's key codes");
static_assert(keyIndex(Key::Space) == GLFW_KEY_SPACE && keyIndex(Key::Period) == GLFW_KEY_PERIOD &&
              keyIndex(Key::Minus) == GLFW_KEY_MINUS && keyIndex(Key::Equal) == GLFW_KEY_EQUAL &&
              keyIndex(Key::Num1) == GLFW_KEY_1 && keyIndex(Key::Num9) == GLFW_KEY_9 && keyIndex(Key::B) == GLFW_KEY_B &&
              keyIndex(Key::F) == GLFW_KEY_F && keyIndex(Key::Escape) == GLFW_KEY_ESCAPE &&
              keyIndex(Key::Enter) == GLFW_KEY_ENTER && keyIndex(Key::Tab) == GLFW_KEY_TAB &&
              keyIndex(Key::Right) == GLFW_KEY_RIGHT && keyIndex(Key::Left) == GLFW_KEY_LEFT &&
              keyIndex(Key::Down) == GLFW_KEY_DOWN && keyIndex(Key::Up) == GLFW_KEY_UP &&
              keyIndex(Key::PageUp) == GLFW_KEY_PAGE_UP && keyIndex(Key::PageDown) == GLFW_KEY_PAGE_DOWN &&
              keyIndex(Key::Home) == GLFW_KEY_HOME && keyIndex(Key::End) == GLFW_KEY_END &&
              keyIndex(Key::F1) == GLFW_KEY_F1 && keyIndex(Key::F11) == GLFW_KEY_F11 && keyIndex(Key::F12) == GLFW_KEY_F12 &&
              keyIndex(Key::KpSubtract) == GLFW_KEY_KP_SUBTRACT && keyIndex(Key::KpAdd) == GLFW_KEY_KP_ADD,
              "engine/input.h must use GLFW's key codes");
static_assert(static_cast<int>(KeyAction::Release) == GLFW_RELEASE && static_cast<int>(KeyAction::Press) == GLFW_PRESS &&
              static_cast<int>(KeyAction::Repeat) == GLFW_REPEAT && kKeyCount > GLFW_KEY_LAST, "engine/input.h KeyAction");
static_assert(static_cast<int>(MouseButton::Left) == GLFW_MOUSE_BUTTON_LEFT &&
              static_cast<int>(MouseButton::Right) == GLFW_MOUSE_BUTTON_RIGHT &&
              static_cast<int>(MouseButton::Middle) == GLFW_MOUSE_BUTTON_MIDDLE, "engine/input.h mouse buttons");

bool Window::buttonDown(MouseButton b) const { return glfwGetMouseButton(m_win, static_cast<int>(b)) == GLFW_PRESS; }
bool Window::keyDown(Key k) const { return glfwGetKey(m_win, keyIndex(k)) == GLFW_PRESS; }

}  // namespace eng
