// engine/gfx/shader.h — GL programs built from shaders/*.vert|frag (with #include), hot reloaded while running.
// Use: ShaderProgram p; p.load("lit", {"SHADOW_TAPS 9"}); p.use(); p.set("uSun", v);
//      p.reloadIfChanged() re-reads the files when any of them changed; a failed compile keeps the old program and
//      keeps the mapped log ("shaders/lit.frag:57: error: ...") in error() until a good version compiles.
// Errors: a program that never compiled falls back to a built-in magenta program (visible, never a crash).
// Does NOT: reflect uniforms ahead of time (locations are looked up and cached by name).
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "engine/gfx/gl.h"

namespace eng {

class ShaderProgram {
public:
    ShaderProgram() = default;
    ~ShaderProgram();
    ShaderProgram(const ShaderProgram&) = delete;
    ShaderProgram& operator=(const ShaderProgram&) = delete;

    // name "lit" -> shaders/lit.vert + shaders/lit.frag. False (with error()) when the first build failed.
    bool load(const std::string& name, const std::vector<std::string>& defines = {});
    bool reloadIfChanged();  // true when a new program was swapped in
    void use() const;
    GLuint id() const { return m_prog; }
    const std::string& error() const { return m_error; }
    const std::string& name() const { return m_name; }

    GLint loc(const char* uniform);
    void set(const char* u, int v);
    void set(const char* u, float v);
    void set(const char* u, const glm::vec2& v);
    void set(const char* u, const glm::ivec2& v);
    void set(const char* u, const glm::vec3& v);
    void set(const char* u, const glm::vec4& v);
    void set(const char* u, const glm::mat4& v);
    void set(const char* u, const glm::vec4* v, int count);  // a vec4 array uniform ("uName[0]")

private:
    GLuint build(std::string* log, std::vector<std::filesystem::path>* files);
    std::string m_name;
    std::vector<std::string> m_defines;
    GLuint m_prog = 0;
    bool m_fallback = false;
    std::string m_error;
    std::vector<std::pair<std::filesystem::path, std::filesystem::file_time_type>> m_watched;
    std::map<std::string, GLint> m_locs;
};

}  // namespace eng
