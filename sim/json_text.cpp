#include "sim/json_text.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace sim {
namespace {

// Byte offset of the first '[' or '{' that opens a level deeper than maxDepth, outside strings and comments; npos if
// none. Scanned before parsing: nlohmann's parser and any walk over the document recurse once per level, so a file of
// 100,000 nested brackets overflowed the stack (a crash, not a message).
std::size_t tooDeepAt(const std::string& t, int maxDepth) {
    int depth = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char ch = t[i];
        if (ch == '"') {
            for (++i; i < t.size() && t[i] != '"'; ++i)
                if (t[i] == '\\') ++i;
        } else if (ch == '/' && i + 1 < t.size() && t[i + 1] == '/') {
            while (i < t.size() && t[i] != '\n') ++i;
        } else if (ch == '/' && i + 1 < t.size() && t[i + 1] == '*') {
            const std::size_t end = t.find("*/", i + 2);
            if (end == std::string::npos) return std::string::npos;  // the parser reports the open comment
            i = end + 1;
        } else if (ch == '[' || ch == '{') {
            if (++depth > maxDepth) return i;
        } else if (ch == ']' || ch == '}') {
            --depth;
        }
    }
    return std::string::npos;
}

}  // namespace

const char* jsonTypeName(const OrderedJson& j) {
    switch (j.type()) {
        case OrderedJson::value_t::null: return "null";
        case OrderedJson::value_t::boolean: return "true/false";
        case OrderedJson::value_t::string: return "a string";
        case OrderedJson::value_t::array: return "an array";
        case OrderedJson::value_t::object: return "an object";
        case OrderedJson::value_t::discarded: return "nothing";
        default: return "a number";
    }
}

std::string textPosition(const std::string& file, const std::string& text, std::size_t byteOffset) {
    const std::size_t pos = std::min(byteOffset > 0 ? byteOffset - 1 : 0, text.size());
    std::size_t line = 1, lineStart = 0;
    for (std::size_t i = 0; i < pos; ++i)
        if (text[i] == '\n') { ++line; lineStart = i + 1; }
    return file + ":" + std::to_string(line) + ":" + std::to_string(pos - lineStart + 1);
}

bool readTextFile(const std::string& path, std::size_t maxBytes, const std::string& what, std::string* text,
                  std::string* why) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        if (why) *why = path + ": is a folder, not a " + what + " file (give a .json file or a built-in " + what + "'s name)";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (why) *why = path + ": cannot read " + what + " file (" + std::strerror(errno) + ")";
        return false;
    }
    // Read at most one byte past the limit: /dev/zero or a runaway file stops here instead of filling memory.
    std::string t;
    char buf[1 << 16];
    while (in && t.size() <= maxBytes) {
        in.read(buf, sizeof buf);
        t.append(buf, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) {
        if (why) *why = path + ": read error (" + std::strerror(errno) + ")";
        return false;
    }
    if (t.size() > maxBytes) {
        if (why)
            *why = path + ": larger than " + std::to_string(maxBytes >> 20) + " MiB; a " + what +
                   " is a few kilobytes (is this the right file?)";
        return false;
    }
    if (text) *text = std::move(t);
    return true;
}

bool parseJsonText(const std::string& text, const std::string& file, int maxDepth, const std::string& depthHint,
                   OrderedJson* out, std::string* why) {
    if (const std::size_t deep = tooDeepAt(text, maxDepth); deep != std::string::npos) {
        if (why)
            *why = textPosition(file, text, deep + 1) + ": nested deeper than " + std::to_string(maxDepth) +
                   " levels of [ and { (" + depthHint + ")";
        return false;
    }
    try {
        OrderedJson root = OrderedJson::parse(text, nullptr, true, /*ignore_comments=*/true);
        if (out) *out = std::move(root);
        return true;
    } catch (const OrderedJson::parse_error& e) {
        // nlohmann's text is "[json.exception.parse_error.101] parse error at line L, column C: what"; keep "what".
        std::string what = e.what();
        const std::size_t at = what.find("parse error");
        const std::size_t colon = at == std::string::npos ? std::string::npos : what.find(": ", at);
        if (colon != std::string::npos) what = what.substr(colon + 2);
        // nlohmann points at the last character it read; for an unexpected string that is its closing quote, so
        // step back to the opening quote, where a reader looks for the mistake.
        std::size_t byte = e.byte;
        if (what.find("unexpected string literal") != std::string::npos && byte >= 2 && byte <= text.size() &&
            text[byte - 1] == '"') {
            std::size_t open = byte - 2;
            while (open > 0 && !(text[open] == '"' && text[open - 1] != '\\')) --open;
            if (text[open] == '"') byte = open + 1;
        }
        if (why) *why = textPosition(file, text, byte) + ": malformed JSON: " + what;
        return false;
    } catch (const std::exception& e) {
        if (why) *why = file + ": " + e.what();
        return false;
    }
}

}  // namespace sim
