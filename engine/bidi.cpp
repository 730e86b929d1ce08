// engine/bidi.cpp — see bidi.h. The steps of fribidi_log2vis, spelled out so the Arabic joining and shaping flags
// are explicit and the fill characters the lam-alef ligatures leave behind are dropped.
#include "engine/bidi.h"

#include <algorithm>
#include <set>

#include <fribidi.h>

#include "engine/i18n.h"

namespace eng {

namespace {

constexpr char32_t kTatweel = 0x0640;  // joins on both sides: the probe for a letter's contextual forms

constexpr char32_t kLrm = 0x200E, kRlm = 0x200F;  // left-to-right and right-to-left marks

bool rightToLeftLetter(char32_t c) {
    const FriBidiCharType t = fribidi_get_bidi_type(c);
    return t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL;
}

constexpr char32_t kLri = 0x2066, kPdi = 0x2069;  // left-to-right isolate, pop directional isolate

bool asciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

// The end of a unit symbol written after a quantity at `from` (" t", " °C", " t/h", " m²", " %"): one space, then
// at most six symbol characters, then a break (a space, punctuation, the end) — so a word or "SO₂" is no unit.
// Returns `from` when there is none.
std::size_t unitEnd(std::u32string_view s, std::size_t from) {
    if (from + 1 >= s.size() || s[from] != U' ') return from;
    auto unitChar = [](char32_t c) {
        return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || c == U'/' || c == U'°' || c == U'²' || c == U'³' ||
               c == U'%' || c == U'$' || c == U'µ';
    };
    std::size_t v = from + 1;
    while (v < s.size() && unitChar(s[v])) ++v;
    const std::u32string_view token = s.substr(from + 1, v - (from + 1));
    if (token.empty() || token.size() > 6) return from;
    if (token[0] == U'%' && token != U"%" && token != U"%%") return from;  // "%%" or "%", never the next conversion
    if (v < s.size()) {
        const FriBidiCharType t = fribidi_get_bidi_type(s[v]);
        if (t == FRIBIDI_TYPE_LTR || t == FRIBIDI_TYPE_EN || t == FRIBIDI_TYPE_AN || t == FRIBIDI_TYPE_ET || t == FRIBIDI_TYPE_NSM)
            return from;
    }
    return v;
}

// Three rules the Unicode algorithm cannot know, for the way our texts mix Arabic with SI units and figures:
// a quantity and its unit are one left-to-right unit ("57 t", "1,196 °C", "99.5 %": an isolate, else the space
// between them takes the Arabic direction and the unit jumps to the number's left); a degree sign belongs to its
// unit's letter ("°C", not "C°"); an Arabic comma or semicolon belongs to the Arabic sentence. Invisible marks,
// dropped after shaping.
std::u32string withMarks(const std::u32string& s) {
    std::u32string out;
    out.reserve(s.size() + 8);
    std::size_t isolateEnd = std::u32string::npos;  // where the open isolate closes
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char32_t c = s[i];
        if (i == isolateEnd) {
            out += kPdi;
            isolateEnd = std::u32string::npos;
        }
        if (isolateEnd == std::u32string::npos && asciiDigit(c) && (i == 0 || !asciiDigit(s[i - 1]))) {
            // A figure with its group and decimal separators, then a unit?
            std::size_t j = i;
            while (j < s.size() && (asciiDigit(s[j]) || ((s[j] == U'.' || s[j] == U',' || s[j] == 0x202F || s[j] == 0xA0) &&
                                                         j + 1 < s.size() && asciiDigit(s[j + 1]))))
                ++j;
            const std::size_t end = unitEnd(s, j);
            if (end != j) {
                const bool minus = i > 0 && (s[i - 1] == U'-' || s[i - 1] == U'−') && !out.empty();
                if (minus) out.insert(out.size() - 1, 1, kLri);
                else out += kLri;
                isolateEnd = end;
            }
        }
        if (c == U'°' && i + 1 < s.size() && ((s[i + 1] >= U'A' && s[i + 1] <= U'Z') || (s[i + 1] >= U'a' && s[i + 1] <= U'z')))
            out += kLrm;
        if (c == U'،' || c == U'؛') out += kRlm;
        out += c;
    }
    if (isolateEnd != std::u32string::npos) out += kPdi;
    return out;
}

std::u32string shapeCodepoints(const std::u32string& input, bool rtlBase) {
    // A line without a single right-to-left letter (figures and units only) reads left to right in Arabic too.
    rtlBase = rtlBase && std::any_of(input.begin(), input.end(), rightToLeftLetter);
    const std::u32string logical = rtlBase ? withMarks(input) : input;
    const auto len = static_cast<FriBidiStrIndex>(logical.size());
    if (len == 0) return {};
    std::vector<FriBidiChar> str(logical.begin(), logical.end());
    std::vector<FriBidiCharType> types(str.size());
    std::vector<FriBidiBracketType> brackets(str.size());
    std::vector<FriBidiLevel> levels(str.size());
    std::vector<FriBidiArabicProp> joining(str.size());
    fribidi_get_bidi_types(str.data(), len, types.data());
    fribidi_get_bracket_types(str.data(), len, types.data(), brackets.data());
    FriBidiParType base = rtlBase ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), len, &base, levels.data()))
        return logical;
    fribidi_get_joining_types(str.data(), len, joining.data());
    fribidi_join_arabic(types.data(), len, levels.data(), joining.data());
    const FriBidiFlags flags = FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC;
    fribidi_shape(flags, levels.data(), len, joining.data(), str.data());
    if (!fribidi_reorder_line(flags, types.data(), len, 0, base, levels.data(), str.data(), nullptr)) return logical;
    std::u32string out;
    out.reserve(str.size());
    for (FriBidiChar c : str)  // FILL: the second half of a lam-alef ligature
        if (c != FRIBIDI_CHAR_FILL && c != kLrm && c != kRlm && c != kLri && c != kPdi) out += static_cast<char32_t>(c);
    return out;
}

}  // namespace

std::string bidiLine(std::string_view logicalUtf8, bool rtlBase) {
    // Each line its own paragraph: reordering across a line break would swap the lines' contents.
    std::string out;
    std::size_t i = 0;
    while (true) {
        const std::size_t j = logicalUtf8.find('\n', i);
        out += utf8Encode(shapeCodepoints(utf8Decode(logicalUtf8.substr(i, j == std::string_view::npos ? j : j - i)), rtlBase));
        if (j == std::string_view::npos) break;
        out += '\n';
        i = j + 1;
    }
    return out;
}

std::string bidiFormatLine(std::string_view logicalUtf8, bool rtlBase) {
    std::string out;
    std::size_t i = 0;
    while (true) {
        const std::size_t j = logicalUtf8.find('\n', i);
        const std::u32string line = utf8Decode(logicalUtf8.substr(i, j == std::string_view::npos ? j : j - i));
        std::u32string marked;
        for (std::size_t k = 0; k < line.size(); ++k) {
            if (line[k] != U'%' || k + 1 >= line.size()) {
                marked += line[k];
                continue;
            }
            if (line[k + 1] == U'%') {  // a literal percent sign
                marked += U"%%";
                ++k;
                continue;
            }
            // %[argument$][flags][width][.precision][length]conversion; not the space flag, so that the text
            // "12 % Cu" of a string that is no format is never taken for one.
            std::size_t e = k + 1;
            while (e < line.size() && std::u32string_view(U"0123456789$-+#.*hlLqjzt").find(line[e]) != std::u32string_view::npos) ++e;
            if (e >= line.size() || std::u32string_view(U"diouxXfFeEgGaAcsp").find(line[e]) == std::u32string_view::npos) {
                marked += line[k];
                continue;
            }
            // The unit written after the number belongs in the same isolate: "%.0f t", "%.0f °C", "%.1f t/h",
            // "%.0f %%" stay one left-to-right quantity, so "57 t، 1196 °C" never shows as "°C 1196 ،t 57".
            e = unitEnd(line, e + 1) - 1;
            marked += kLri;
            marked += line.substr(k, e - k + 1);
            marked += kPdi;
            k = e;
        }
        out += utf8Encode(shapeCodepoints(marked, rtlBase));
        if (j == std::string_view::npos) break;
        out += '\n';
        i = j + 1;
    }
    return out;
}

std::vector<std::string> bidiWrap(std::string_view logicalUtf8, float width,
                                  const std::function<float(const std::string&)>& measure, bool rtlBase) {
    std::vector<std::string> lines;
    std::string line;  // logical
    std::size_t i = 0;
    const std::string text(logicalUtf8);
    while (i <= text.size()) {
        std::size_t j = text.find_first_of(" \n", i);
        if (j == std::string::npos) j = text.size();
        const std::string word = text.substr(i, j - i);
        const std::string tryLine = line.empty() ? word : line + " " + word;
        if (!line.empty() && measure(bidiLine(tryLine, rtlBase)) > width) {
            lines.push_back(bidiLine(line, rtlBase));
            line = word;
        } else {
            line = tryLine;
        }
        if (j < text.size() && text[j] == '\n') {
            lines.push_back(bidiLine(line, rtlBase));
            line.clear();
        }
        i = j + 1;
    }
    if (!line.empty()) lines.push_back(bidiLine(line, rtlBase));
    return lines;
}

std::u32string bidiShapedForms(std::u32string_view chars) {
    std::set<char32_t> forms;
    for (char32_t c : chars) {
        if (c < 0x0600 || c > 0x06FF) continue;
        for (const std::u32string& probe : {std::u32string{c}, std::u32string{kTatweel, c}, std::u32string{c, kTatweel},
                                            std::u32string{kTatweel, c, kTatweel}})
            for (char32_t f : shapeCodepoints(probe, true)) forms.insert(f);
    }
    return std::u32string(forms.begin(), forms.end());
}

}  // namespace eng
