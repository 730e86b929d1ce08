#include "sim/json_text.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <vector>

namespace sim {
namespace {

// One lexical token of JSON text (with comments): a bracket, ',' or ':', a string literal (quotes included) or a
// number; `begin` is its first byte, `end` one past its last. Words (true, false, null) and white space are skipped.
struct Token {
    enum class Kind { Open, Close, Comma, Colon, String, Number };
    Kind kind;
    std::size_t begin, end;
};

// Calls visit(token) for each token in order until it returns false. Not a validator: it runs before the parse (to
// find too deep a nesting) and after one (to find what nlohmann does not report: duplicate keys, the position of a
// number overflow), so it only needs to split valid JSON right and never to crash or loop on anything else.
template <class Visit>
void forEachToken(const std::string& t, Visit visit) {
    using K = Token::Kind;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char ch = t[i];
        if (ch == '"') {
            const std::size_t b = i;
            for (++i; i < t.size() && t[i] != '"'; ++i)
                if (t[i] == '\\') ++i;
            if (!visit(Token{K::String, b, std::min(i + 1, t.size())})) return;
        } else if (ch == '/' && i + 1 < t.size() && t[i + 1] == '/') {
            while (i < t.size() && t[i] != '\n') ++i;
        } else if (ch == '/' && i + 1 < t.size() && t[i + 1] == '*') {
            const std::size_t end = t.find("*/", i + 2);
            if (end == std::string::npos) return;  // the parser reports the open comment
            i = end + 1;
        } else if (ch == '-' || (ch >= '0' && ch <= '9')) {
            const std::size_t b = i;
            const auto numberChar = [](char c) { return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' || c == 'e' || c == 'E'; };
            while (i + 1 < t.size() && numberChar(t[i + 1])) ++i;
            if (!visit(Token{K::Number, b, i + 1})) return;
        } else if (ch == '[' || ch == '{' || ch == ']' || ch == '}' || ch == ',' || ch == ':') {
            const K k = ch == '[' || ch == '{' ? K::Open : ch == ']' || ch == '}' ? K::Close : ch == ',' ? K::Comma : K::Colon;
            if (!visit(Token{k, i, i + 1})) return;
        }
    }
}

// Byte offset of the first '[' or '{' that opens a level deeper than maxDepth; npos if none. Checked before parsing:
// nlohmann's parser and any walk over the document recurse once per level, so a file of 100,000 nested brackets
// overflowed the stack (a crash, not a message).
std::size_t tooDeepAt(const std::string& t, int maxDepth) {
    int depth = 0;
    std::size_t at = std::string::npos;
    forEachToken(t, [&](const Token& k) {
        if (k.kind == Token::Kind::Open && ++depth > maxDepth) at = k.begin;
        if (k.kind == Token::Kind::Close) --depth;
        return at == std::string::npos;
    });
    return at;
}

// "LINE:COLUMN" of a 0-based byte offset.
std::string lineColumn(const std::string& text, std::size_t offset) {
    const std::string p = textPosition("", text, offset + 1);
    return p.substr(1);
}

// The first key that repeats one of its object's earlier keys, as "POS: duplicate key 'k' (first at L:C)"; empty if
// none. Runs on text nlohmann has parsed, so keys are exactly the strings after '{' or ',' inside an object. Keys are
// compared decoded ("a" and "\u0061" are one key) and shown as written.
std::string duplicateKey(const std::string& t, const std::string& file) {
    struct Level {
        bool object = false, expectKey = false;
        std::map<std::string, std::size_t> keys;  // decoded key -> offset of its first occurrence
    };
    std::vector<Level> stack;
    std::string found;
    forEachToken(t, [&](const Token& k) {
        switch (k.kind) {
            case Token::Kind::Open: stack.push_back({t[k.begin] == '{', t[k.begin] == '{', {}}); break;
            case Token::Kind::Close: if (!stack.empty()) stack.pop_back(); break;
            case Token::Kind::Comma: if (!stack.empty() && stack.back().object) stack.back().expectKey = true; break;
            case Token::Kind::String: {
                if (stack.empty() || !stack.back().expectKey) break;
                Level& level = stack.back();
                level.expectKey = false;
                const std::string literal = t.substr(k.begin, k.end - k.begin);
                std::string key = literal.size() >= 2 ? literal.substr(1, literal.size() - 2) : literal;
                if (key.find('\\') != std::string::npos) {
                    try {
                        key = OrderedJson::parse(literal).get<std::string>();
                    } catch (const std::exception&) {
                    }
                }
                const auto [it, fresh] = level.keys.emplace(std::move(key), k.begin);
                if (!fresh)
                    found = textPosition(file, t, k.begin + 1) + ": duplicate key '" +
                            literal.substr(1, literal.size() >= 2 ? literal.size() - 2 : 0) + "' (first at " +
                            lineColumn(t, it->second) + ")";
                break;
            }
            default: break;
        }
        return found.empty();
    });
    return found;
}

// The first number literal that does not fit a double (1e400), as [begin, end); begin == npos if none.
std::pair<std::size_t, std::size_t> overflowAt(const std::string& t) {
    std::pair<std::size_t, std::size_t> at{std::string::npos, std::string::npos};
    forEachToken(t, [&](const Token& k) {
        if (k.kind == Token::Kind::Number &&
            !std::isfinite(std::strtod(t.substr(k.begin, k.end - k.begin).c_str(), nullptr)))
            at = {k.begin, k.end};
        return at.first == std::string::npos;
    });
    return at;
}

}  // namespace

// Length of the valid UTF-8 sequence starting at s[i] (1..4), or 0 if none starts there (a stray continuation byte,
// an overlong form, a surrogate, a code point past U+10FFFF, a sequence cut short).
std::size_t utf8SequenceAt(const std::string& s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
    else return 0;
    if (i + n > s.size() || b(i + 1) < lo || b(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
    return n;
}

bool isValidUtf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8SequenceAt(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string escapeInvalidUtf8(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (const std::size_t n = utf8SequenceAt(s, i); n > 0) {
            out.append(s, i, n);
            i += n;
        } else {
            char hex[5];
            std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned char>(s[i++]));
            out += hex;
        }
    }
    return out;
}

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
    // A file's name reaches messages and JSON outputs (a scenario without "name" is named by its path), and JSON
    // text is UTF-8: a Latin-1 name made the summary's writer throw ("type_error.316", exit 1).
    if (!isValidUtf8(path)) {
        if (why)
            *why = escapeInvalidUtf8(path) + ": the " + what +
                   " file's name is not valid UTF-8 (bytes shown as \\xHH); rename the file";
        return false;
    }
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
        // nlohmann keeps the last of two equal keys; a repeated "set" or a misplaced copy-paste must not pass silently.
        if (const std::string dup = duplicateKey(text, file); !dup.empty()) {
            if (why) *why = dup;
            return false;
        }
        if (out) *out = std::move(root);
        return true;
    } catch (const OrderedJson::out_of_range& e) {
        // 406 "number overflow" (1e400) comes without a position: find the literal.
        const auto [begin, end] = e.id == 406 ? overflowAt(text) : std::pair{std::string::npos, std::string::npos};
        if (why) {
            if (begin == std::string::npos)
                *why = file + ": " + escapeInvalidUtf8(e.what());
            else
                *why = textPosition(file, text, begin + 1) + ": number " + text.substr(begin, std::min<std::size_t>(end - begin, 40)) +
                       " is too large (JSON numbers here must lie within +-1.7e308)";
        }
        return false;
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
        // The token nlohmann quotes may hold the file's invalid UTF-8 bytes: escaped, so the message is text.
        if (why) *why = textPosition(file, text, byte) + ": malformed JSON: " + escapeInvalidUtf8(what);
        return false;
    } catch (const std::exception& e) {
        if (why) *why = file + ": " + escapeInvalidUtf8(e.what());
        return false;
    }
}

}  // namespace sim
