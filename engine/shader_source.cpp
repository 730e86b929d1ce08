#include "engine/shader_source.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <sstream>

namespace eng {

namespace {

struct Assembler {
    const ShaderFileLoader& load;
    ShaderSource& out;
    std::vector<std::string> stack;  // files being expanded (cycle detection)

    int fileIndex(const std::string& name) {
        auto it = std::find(out.files.begin(), out.files.end(), name);
        if (it != out.files.end()) return static_cast<int>(it - out.files.begin());
        out.files.push_back(name);
        return static_cast<int>(out.files.size()) - 1;
    }

    // Expands `name` into out.text; `isMain` keeps its #version line first and inserts the defines after it.
    bool expand(const std::string& name, const std::vector<std::string>& defines, bool isMain,
                const std::string& from, int fromLine) {
        if (std::find(stack.begin(), stack.end(), name) != stack.end()) {
            out.error = from + ":" + std::to_string(fromLine) + ": cannot include \"" + name + "\": include cycle";
            return false;
        }
        const bool seen = std::find(out.files.begin(), out.files.end(), name) != out.files.end();
        if (seen && !isMain) return true;  // once per program, like #pragma once
        auto text = load(name);
        if (!text) {
            out.error = isMain ? name + ":1: cannot read the shader file"
                               : from + ":" + std::to_string(fromLine) + ": cannot include \"" + name + "\": not found";
            return false;
        }
        const int idx = fileIndex(name);
        stack.push_back(name);
        std::istringstream in(*text);
        std::string line;
        int lineNo = 0;
        bool versionDone = !isMain;
        if (!isMain) out.text += "#line 1 " + std::to_string(idx) + "\n";
        while (std::getline(in, line)) {
            ++lineNo;
            std::size_t p = line.find_first_not_of(" \t");
            if (p != std::string::npos && line.compare(p, 8, "#include") == 0) {
                const auto q1 = line.find('"', p), q2 = q1 == std::string::npos ? q1 : line.find('"', q1 + 1);
                if (q2 == std::string::npos) {
                    out.error = name + ":" + std::to_string(lineNo) + ": expected #include \"file.glsl\"";
                    return false;
                }
                std::string inc = line.substr(q1 + 1, q2 - q1 - 1);
                if (inc.find('/') == std::string::npos) inc = "shaders/" + inc;
                if (!expand(inc, {}, false, name, lineNo)) return false;
                out.text += "#line " + std::to_string(lineNo + 1) + " " + std::to_string(idx) + "\n";
                continue;
            }
            out.text += line + "\n";
            if (!versionDone && p != std::string::npos && line.compare(p, 8, "#version") == 0) {
                versionDone = true;
                for (const auto& d : defines) out.text += "#define " + d + "\n";
                out.text += "#line " + std::to_string(lineNo + 1) + " " + std::to_string(idx) + "\n";
            }
        }
        stack.pop_back();
        return true;
    }
};

}  // namespace

ShaderSource assembleShader(const std::string& name, const ShaderFileLoader& load, const std::vector<std::string>& defines) {
    ShaderSource s;
    Assembler a{load, s, {}};
    s.ok = a.expand(name, defines, true, name, 0);
    if (!s.ok) s.text.clear();
    return s;
}

std::string ShaderSource::mapLog(const std::string& glLog) const {
    // Mesa: "0:12(5): error: ..."; NVIDIA: "0(12) : error ..."; AMD/Intel: "ERROR: 0:12: ...".
    static const std::regex loc(R"((\d+)(?::|\()(\d+)\)?(\(\d+\))?)");
    std::string out;
    std::istringstream in(glLog);
    std::string line;
    while (std::getline(in, line)) {
        std::smatch m;
        if (std::regex_search(line, m, loc)) {
            const std::size_t file = std::stoul(m[1].str());
            if (file < files.size()) {
                line = std::string(m.prefix()) + files[file] + ":" + m[2].str() + std::string(m.suffix());
            }
        }
        out += line + "\n";
    }
    return out;
}

}  // namespace eng
