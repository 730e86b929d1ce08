// engine/shader_source.h — GLSL text assembly with a small `#include "file.glsl"` and error lines mapped back to files.
// Use: ShaderSource s = assembleShader("shaders/lit.frag", loader, defines); compile s.text; on failure
//      s.mapLog(glLog) turns "0:57(12): error ..." into "shaders/common.glsl:12: error ...".
// Includes resolve relative to shaders/ (the loader decides); each file is included at most once (like #pragma once);
// the first line stays "#version ..." and `defines` ("NAME VALUE" or "NAME") follow it.
// Errors: a missing include or a cycle fills `error` with "file:line: cannot include ..." and ok=false.
// Does NOT: touch OpenGL, cache files, or watch them (engine/gfx/shader does, using `files`).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace eng {

// Returns the text of a shader file ("shaders/common.glsl" style name), or nullopt when it cannot be read.
using ShaderFileLoader = std::function<std::optional<std::string>(const std::string& name)>;

struct ShaderSource {
    bool ok = false;
    std::string text;                 // what goes to glShaderSource
    std::string error;                // assembly error (missing include, cycle)
    std::vector<std::string> files;   // every file used; index = the source-string number in emitted #line directives
    // Rewrites a GL compile log so each "N:LINE" / "N(LINE)" location names the file: "shaders/x.glsl:LINE".
    std::string mapLog(const std::string& glLog) const;
};

ShaderSource assembleShader(const std::string& name, const ShaderFileLoader& load,
                            const std::vector<std::string>& defines = {});

}  // namespace eng
