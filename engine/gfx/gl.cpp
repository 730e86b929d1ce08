#include "engine/gfx/gl.h"
#include "engine/gfx/context.h"

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <set>

#include <GLFW/glfw3.h>

namespace eng::gl {

namespace {
int g_errors = 0;
bool g_hasDebug = false;
std::set<std::string>& seen() {
    static std::set<std::string> s;
    return s;
}

const char* errorName(GLenum e) {
    switch (e) {
        case GL_INVALID_ENUM: return "GL_INVALID_ENUM";
        case GL_INVALID_VALUE: return "GL_INVALID_VALUE";
        case GL_INVALID_OPERATION: return "GL_INVALID_OPERATION";
        case GL_INVALID_FRAMEBUFFER_OPERATION: return "GL_INVALID_FRAMEBUFFER_OPERATION";
        case GL_OUT_OF_MEMORY: return "GL_OUT_OF_MEMORY";
        default: return "GL error";
    }
}

void GLAPIENTRY onDebug(GLenum, GLenum type, GLuint, GLenum severity, GLsizei, const GLchar* message, const void*) {
    if (severity == GL_DEBUG_SEVERITY_NOTIFICATION) return;
    const bool isError = type == GL_DEBUG_TYPE_ERROR;
    if (isError) ++g_errors;
    // Performance hints from software drivers are noise, not defects.
    if (type == GL_DEBUG_TYPE_PERFORMANCE || type == GL_DEBUG_TYPE_OTHER) return;
    log(isError ? "error" : "warning", message);
}
}  // namespace

bool load(std::string* why) {
    const int version = gladLoadGL(glfwGetProcAddress);
    if (!version) {
        if (why) *why = "could not load OpenGL functions (no current context?)";
        return false;
    }
    if (GLAD_VERSION_MAJOR(version) * 10 + GLAD_VERSION_MINOR(version) < 33) {
        if (why) *why = "OpenGL 3.3 core is required, the driver offers " + std::to_string(GLAD_VERSION_MAJOR(version)) +
                        "." + std::to_string(GLAD_VERSION_MINOR(version));
        return false;
    }
    return true;
}

void installDebugOutput() {
    GLint n = 0;
    glGetIntegerv(GL_NUM_EXTENSIONS, &n);
    for (GLint i = 0; i < n && !g_hasDebug; ++i) {
        const char* e = reinterpret_cast<const char*>(glGetStringi(GL_EXTENSIONS, static_cast<GLuint>(i)));
        if (e && std::string(e) == "GL_KHR_debug") g_hasDebug = true;
    }
    if (!g_hasDebug || !glDebugMessageCallback) return;
    glEnable(GL_DEBUG_OUTPUT);
    glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
    glDebugMessageCallback(onDebug, nullptr);
}

void log(const std::string& severity, const std::string& msg) {
    const std::string line = "[gl] " + severity + ": " + msg;
    if (!seen().insert(line).second) return;
    std::fprintf(stderr, "%s\n", line.c_str());
}

bool check(const char* what, const char* file, int line) {
    bool ok = true;
    for (GLenum e = glGetError(); e != GL_NO_ERROR; e = glGetError()) {
        ok = false;
        ++g_errors;
        log("error", std::string(what) + " at " + file + ":" + std::to_string(line) + ": " + errorName(e));
    }
    return ok;
}

int errorCount() { return g_errors; }

std::string rendererString() {
    const char* r = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return r ? r : "unknown";
}

void label(GLenum kind, GLuint id, const std::string& name) {
    if (g_hasDebug && glObjectLabel && !name.empty()) glObjectLabel(kind, id, static_cast<GLsizei>(name.size()), name.c_str());
}

}  // namespace eng::gl

// [SECTION] engine/gfx/context.h — the same, for app/ without the GL headers
namespace eng::gfx {
bool loadEntryPoints(std::string* why) { return gl::load(why); }
void installDebugOutput() { gl::installDebugOutput(); }
int errorCount() { return gl::errorCount(); }
std::string rendererName() { return gl::rendererString(); }
int maxPictureSide() {
    GLint tex = 0, rb = 0, vp[2] = {0, 0};
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &tex);
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &rb);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, vp);
    return std::min({tex, rb, vp[0], vp[1]});
}
}  // namespace eng::gfx
