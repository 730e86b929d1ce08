#include "engine/text_wrap.h"

#include <cstdint>

namespace eng {
namespace {

struct Cp {
    char32_t c;
    std::size_t at, len;   // byte offset and length in the text
};

std::vector<Cp> decode(std::string_view s) {
    std::vector<Cp> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
        if (i + n > s.size()) n = 1;
        char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
        for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back({c, i, n});
        i += n;
    }
    return out;
}

// Kinsoku shori (JIS X 4051): characters that never start a line ...
bool noLineStart(char32_t c) {
    static constexpr char32_t k[] = {U'、', U'。', U'，', U'．', U'・', U'：', U'；', U'？', U'！', U'ー', U'）', U'」', U'』',
                                     U'】', U'〕', U'〉', U'》', U'ゝ', U'ゞ', U'々', U'ぁ', U'ぃ', U'ぅ', U'ぇ', U'ぉ', U'っ',
                                     U'ゃ', U'ゅ', U'ょ', U'ゎ', U'ァ', U'ィ', U'ゥ', U'ェ', U'ォ', U'ッ', U'ャ', U'ュ', U'ョ',
                                     U'ヮ', U'ヵ', U'ヶ', U')', U']', U'}', U',', U'.', U':', U';', U'!', U'?', U'%', U'°'};
    for (char32_t x : k)
        if (c == x) return true;
    return false;
}
// ... and that never end one.
bool noLineEnd(char32_t c) {
    static constexpr char32_t k[] = {U'（', U'「', U'『', U'【', U'〔', U'〈', U'《', U'(', U'[', U'{'};
    for (char32_t x : k)
        if (c == x) return true;
    return false;
}

bool isSpace(char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000; }

}  // namespace

bool breaksWithoutSpace(char32_t c) {
    return (c >= 0x3040 && c <= 0x30FF) ||   // hiragana, katakana
           (c >= 0x3000 && c <= 0x303F) ||   // CJK punctuation
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||   // ideographs
           (c >= 0xF900 && c <= 0xFAFF) ||   // compatibility ideographs
           (c >= 0xFF00 && c <= 0xFFEF);     // fullwidth forms
}

std::vector<std::string> wrapText(std::string_view text, float width,
                                  const std::function<float(std::string_view)>& measure) {
    std::vector<std::string> lines;
    const std::vector<Cp> cps = decode(text);
    const std::size_t n = cps.size();
    const auto byteAt = [&](std::size_t i) { return i < n ? cps[i].at : text.size(); };
    // Emits cps [from, to) without trailing spaces.
    const auto emit = [&](std::size_t from, std::size_t to) {
        while (to > from && isSpace(cps[to - 1].c)) --to;
        lines.emplace_back(text.substr(byteAt(from), byteAt(to) - byteAt(from)));
    };
    std::size_t start = 0;
    while (start < n && isSpace(cps[start].c)) ++start;
    std::size_t lastBreak = 0;   // a break opportunity before cps[lastBreak] (0: none on this line)
    for (std::size_t i = start; i < n; ++i) {
        const char32_t c = cps[i].c;
        if (c == U'\n') {
            emit(start, i);
            start = i + 1;
            lastBreak = 0;
            continue;
        }
        if (i > start) {
            const char32_t p = cps[i - 1].c;
            const bool opportunity = !isSpace(c) && (isSpace(p) || ((breaksWithoutSpace(p) || breaksWithoutSpace(c)) &&
                                                                     !noLineStart(c) && !noLineEnd(p)));
            if (opportunity) lastBreak = i;
        }
        if (isSpace(c) || i == start) continue;   // trailing spaces never make a line too wide
        const std::string_view line = text.substr(byteAt(start), byteAt(i + 1) - byteAt(start));
        if (measure(line) <= width) continue;
        // Too wide with cps[i]: break at the last opportunity, or before cps[i] when this line has none.
        const std::size_t at = lastBreak > start ? lastBreak : i;
        emit(start, at);
        start = at;
        while (start < n && isSpace(cps[start].c)) ++start;
        lastBreak = 0;
        i = start - 1;   // re-measure from the new line's first character (start >= 1: a line holds one at least)
    }
    if (start < n) emit(start, n);
    return lines;
}

}  // namespace eng
