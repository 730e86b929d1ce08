#include "engine/gfx/shader.h"

#include <fstream>
#include <sstream>

#include <glm/gtc/type_ptr.hpp>

#include "engine/paths.h"
#include "engine/shader_source.h"

namespace eng {

namespace fs = std::filesystem;

namespace {
const char* kFallbackVert = R"(#version 330 core
layout(location=0) in vec3 aPos; layout(location=3) in mat4 iModel;
uniform mat4 uViewProj; void main(){ gl_Position = uViewProj * iModel * vec4(aPos,1.0); })";
const char* kFallbackFrag = R"(#version 330 core
out vec4 o; void main(){ o = vec4(1.0,0.0,1.0,1.0); })";

GLuint compile(GLenum type, const std::string& text, std::string* log) {
    GLuint s = glCreateShader(type);
    const char* src = text.c_str();
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        GLint n = 0;
        glGetShaderiv(s, GL_INFO_LOG_LENGTH, &n);
        std::string l(static_cast<std::size_t>(std::max(n, 1)), '\0');
        glGetShaderInfoLog(s, n, nullptr, l.data());
        if (log) *log = l.c_str();
        glDeleteShader(s);
        return 0;
    }
    return s;
}

GLuint link(GLuint vs, GLuint fs, std::string* log) {
    GLuint p = glCreateProgram();
    glAttachShader(p, vs);
    glAttachShader(p, fs);
    glLinkProgram(p);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok) {
        GLint n = 0;
        glGetProgramiv(p, GL_INFO_LOG_LENGTH, &n);
        std::string l(static_cast<std::size_t>(std::max(n, 1)), '\0');
        glGetProgramInfoLog(p, n, nullptr, l.data());
        if (log) *log = l.c_str();
        glDeleteProgram(p);
        return 0;
    }
    return p;
}
}  // namespace

ShaderProgram::~ShaderProgram() {
    if (m_prog) glDeleteProgram(m_prog);
}

GLuint ShaderProgram::build(std::string* log, std::vector<fs::path>* files) {
    std::vector<fs::path> used;
    auto loader = [&](const std::string& n) -> std::optional<std::string> {
        const fs::path p = Paths::global().resolve(n);
        if (p.empty()) return std::nullopt;
        std::ifstream f(p);
        if (!f) return std::nullopt;
        used.push_back(p);
        std::stringstream ss;
        ss << f.rdbuf();
        return ss.str();
    };
    GLuint stages[2] = {0, 0};
    const char* ext[2] = {".vert", ".frag"};
    const GLenum type[2] = {GL_VERTEX_SHADER, GL_FRAGMENT_SHADER};
    for (int i = 0; i < 2; ++i) {
        const std::string file = "shaders/" + m_name + ext[i];
        ShaderSource src = assembleShader(file, loader, m_defines);
        if (!src.ok) {
            *log = src.error + (src.error.find("cannot read") != std::string::npos ? " (" + Paths::global().whyMissing(file) + ")" : "");
            if (stages[0]) glDeleteShader(stages[0]);
            *files = used;
            return 0;
        }
        std::string glLog;
        stages[i] = compile(type[i], src.text, &glLog);
        if (!stages[i]) {
            *log = src.mapLog(glLog);
            if (i == 1) glDeleteShader(stages[0]);
            *files = used;
            return 0;
        }
    }
    *files = used;
    GLuint p = link(stages[0], stages[1], log);
    if (p) gl::label(GL_PROGRAM, p, m_name);
    return p;
}

bool ShaderProgram::load(const std::string& name, const std::vector<std::string>& defines) {
    m_name = name;
    m_defines = defines;
    std::string log;
    std::vector<fs::path> files;
    GLuint p = build(&log, &files);
    m_watched.clear();
    std::error_code ec;
    for (const auto& f : files) m_watched.emplace_back(f, fs::last_write_time(f, ec));
    if (!p) {
        m_error = log;
        gl::log("error", "shader " + name + " failed, drawing it magenta:\n" + log);
        std::string flog;
        p = link(compile(GL_VERTEX_SHADER, kFallbackVert, &flog), compile(GL_FRAGMENT_SHADER, kFallbackFrag, &flog), &flog);
        m_fallback = true;
    } else {
        m_error.clear();
        m_fallback = false;
    }
    if (m_prog) glDeleteProgram(m_prog);
    m_prog = p;
    m_locs.clear();
    return !m_fallback;
}

bool ShaderProgram::reloadIfChanged() {
    std::error_code ec;
    bool changed = false;
    for (auto& [path, time] : m_watched) {
        const auto t = fs::last_write_time(path, ec);
        if (!ec && t != time) changed = true;
    }
    if (!changed) return false;
    std::string log;
    std::vector<fs::path> files;
    GLuint p = build(&log, &files);
    m_watched.clear();
    for (const auto& f : files) m_watched.emplace_back(f, fs::last_write_time(f, ec));
    if (!p) {
        m_error = log;  // the old program stays in use
        std::fprintf(stderr, "[shader] %s reload failed, keeping the previous program:\n%s", m_name.c_str(), log.c_str());
        return false;
    }
    glDeleteProgram(m_prog);
    m_prog = p;
    m_locs.clear();
    m_error.clear();
    m_fallback = false;
    std::fprintf(stderr, "[shader] %s reloaded\n", m_name.c_str());
    return true;
}

void ShaderProgram::use() const { glUseProgram(m_prog); }

GLint ShaderProgram::loc(const char* u) {
    auto it = m_locs.find(u);
    if (it != m_locs.end()) return it->second;
    const GLint l = glGetUniformLocation(m_prog, u);
    m_locs.emplace(u, l);
    return l;
}

void ShaderProgram::set(const char* u, int v) { glUniform1i(loc(u), v); }
void ShaderProgram::set(const char* u, float v) { glUniform1f(loc(u), v); }
void ShaderProgram::set(const char* u, const glm::vec2& v) { glUniform2fv(loc(u), 1, glm::value_ptr(v)); }
void ShaderProgram::set(const char* u, const glm::ivec2& v) { glUniform2i(loc(u), v.x, v.y); }
void ShaderProgram::set(const char* u, const glm::vec3& v) { glUniform3fv(loc(u), 1, glm::value_ptr(v)); }
void ShaderProgram::set(const char* u, const glm::vec4& v) { glUniform4fv(loc(u), 1, glm::value_ptr(v)); }
void ShaderProgram::set(const char* u, const glm::mat4& v) { glUniformMatrix4fv(loc(u), 1, GL_FALSE, glm::value_ptr(v)); }
void ShaderProgram::set(const char* u, const glm::vec4* v, int count) {
    if (count > 0) glUniform4fv(loc(u), count, glm::value_ptr(v[0]));
}

}  // namespace eng
