// engine/gfx/context.h — the OpenGL context's set-up and health for code outside engine/gfx (app/), without the GL
// headers: load the entry points once a window's context is current, install the debug output, and read the
// renderer's name and the error count (render tests and `shot` fail on GL errors).
// Use: if (!eng::gfx::loadEntryPoints(&why)) fail(why); eng::gfx::installDebugOutput(); ... eng::gfx::errorCount().
// Does NOT: create the context (engine/window does) or expose any gl* call (only engine/gfx makes them).
#pragma once
#include <string>

namespace eng::gfx {

bool loadEntryPoints(std::string* why);  // false when GL 3.3 core is missing
void installDebugOutput();               // KHR_debug / GL 4.3 debug output when present
int errorCount();                        // GL errors logged so far
std::string rendererName();              // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"
// The largest picture side this GL can render and read back: the least of GL_MAX_TEXTURE_SIZE,
// GL_MAX_RENDERBUFFER_SIZE and GL_MAX_VIEWPORT_DIMS (llvmpipe: 16384).
int maxPictureSide();

}  // namespace eng::gfx
