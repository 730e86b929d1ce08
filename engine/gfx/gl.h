// engine/gfx/gl.h — the checked OpenGL layer: loader, KHR_debug callback, error checks and the shared GL log.
// Use: if (!gl::load(&why)) ...; gl::installDebugOutput(); then GL_CHECK("upload terrain") after groups of calls.
// Every message goes to stderr once per distinct text as "[gl] error: ..." or "[gl] warning: ..." (render tests
// grep for these); gl::errorCount() counts errors for tests and the bench.
// Does NOT: wrap every entry point; only engine/gfx includes this file or calls gl* (design.md).
#pragma once
#include <string>

#include <glad/gl.h>

namespace eng::gl {

bool load(std::string* why);   // needs a current context; false when GL 3.3 core is missing
void installDebugOutput();     // KHR_debug / GL 4.3 debug output when present; no-op otherwise
// Drains glGetError; logs "[gl] error: <what> at file:line: GL_INVALID_..." once per distinct message.
bool check(const char* what, const char* file, int line);
void log(const std::string& severity, const std::string& msg);  // deduplicated stderr line
int errorCount();
std::string rendererString();  // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"
void label(GLenum kind, GLuint id, const std::string& name);    // object label when KHR_debug is present

}  // namespace eng::gl

#define GL_CHECK(what) ::eng::gl::check(what, __FILE__, __LINE__)
