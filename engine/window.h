// engine/window.h — the GLFW window with an OpenGL 3.3 core context, DPI scale, fullscreen toggle and input state.
// Use: std::string why; auto w = Window::create({.title="Almalyk", .width=1280, .height=720}, &why);
//      while (!w->shouldClose()) { w->pollEvents(); ... w->swapBuffers(); }
//      Input: mouseDelta(), scrollDelta(), buttonDown(MouseButton::Left), keyPressed(Key::F12) (edge, this frame only).
//      Keys come from GLFW's key and character callbacks into a queue (engine/input.h KeyEventQueue), so a key pressed
//      and released between two frames still counts: keyPresses(k) counts them, keyEvents() has them in order.
//      engine/gui's backend is installed after these callbacks and chains to them (ImGui still gets every event).
//      toggleFullscreen() switches to the primary monitor and back (the app binds it to F11).
//      visible=false gives a hidden window for offscreen shots.
// Errors: create() returns nullptr and fills why (no display: names xvfb-run and `almalyk shot`).
// Does NOT: draw anything, own ImGui (engine/gui does), or decide what keys mean beyond F11.
#pragma once
#include <memory>
#include <string>

#include <glm/glm.hpp>

#include "engine/input.h"

struct GLFWwindow;

namespace eng {

struct WindowDesc {
    std::string title = "Almalyk Explorer";
    // X11 WM_CLASS (name and class): the desktop matches the window to its menu entry and icon by it
    // (packaging/almalyk.desktop's StartupWMClass).
    std::string appId = "almalyk";
    int width = 1280, height = 720;
    bool visible = true;      // false: hidden window (shot, bench under tests)
    bool fullscreen = false;
    bool vsync = true;
};

class Window {
public:
    static std::unique_ptr<Window> create(const WindowDesc& d, std::string* why);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    bool shouldClose() const;
    void requestClose();
    void pollEvents();   // also resets the per-frame deltas and edge-triggered keys first
    void swapBuffers();
    void setVsync(bool on);
    void toggleFullscreen();
    bool fullscreen() const { return m_fullscreen; }
    void setTitle(const std::string& t);

    glm::ivec2 framebufferSize() const;  // pixels
    glm::ivec2 windowSize() const;       // screen coordinates (mouse space)
    // UI scale: monitor content scale times a size factor so text reads at ~1/60 of the screen height on 4K
    // screens and projectors alike (never below 1).
    float uiScale() const;

    glm::vec2 mousePos() const { return m_mouse; }
    glm::vec2 mouseDelta() const { return m_mouseDelta; }
    float scrollDelta() const { return m_scroll; }
    bool buttonDown(MouseButton button) const;
    bool keyDown(Key key) const;
    bool keyPressed(Key key) const { return m_keys.presses(key) > 0; }  // went down since the last pollEvents
    int keyPresses(Key key) const { return m_keys.presses(key); }      // how often (auto-repeat not counted)
    const KeyEventQueue& keyEvents() const { return m_keys; }        // this frame's key and character events
    // Any key, or any mouse button (a touch), went down since the last pollEvents (press and release within one
    // frame included): the kiosk's "someone is there".
    bool anyKeyPressed() const { return m_keys.anyPress(); }
    bool anyButtonPressed() const { return m_anyButton; }
    // Undoes a close request (the window manager's close button, Alt+F4): the kiosk exits only by its own keys.
    void cancelClose();

    GLFWwindow* handle() const { return m_win; }  // for engine/gui's backend; app/ never calls GLFW

private:
    Window() = default;
    static void onScroll(GLFWwindow* w, double dx, double dy);
    static void onKey(GLFWwindow* w, int key, int scancode, int action, int mods);
    static void onChar(GLFWwindow* w, unsigned int codepoint);
    static void onMouseButton(GLFWwindow* w, int button, int action, int mods);
    GLFWwindow* m_win = nullptr;
    bool m_fullscreen = false;
    glm::ivec4 m_windowedRect{0, 0, 1280, 720};
    glm::vec2 m_mouse{0.0f}, m_mouseDelta{0.0f};
    bool m_mouseValid = false;
    float m_scroll = 0.0f;
    KeyEventQueue m_keys;
    bool m_anyButton = false;
};

}  // namespace eng
