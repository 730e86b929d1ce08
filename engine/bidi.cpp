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

// Two rules the Unicode algorithm cannot know, for the way our texts mix Arabic with SI units and figures:
// a degree sign belongs to its unit's letter ("°C" stays "°C", not "C°"), and an Arabic comma or semicolon
// belongs to the Arabic sentence (so "57 t، 1196 °C" keeps "t" with 57). Invisible marks, dropped after shaping.
std::u32string withMarks(const std::u32string& s) {
    std::u32string out;
    out.reserve(s.size() + 4);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char32_t c = s[i];
        if (c == U'°' && i + 1 < s.size() && ((s[i + 1] >= U'A' && s[i + 1] <= U'Z') || (s[i + 1] >= U'a' && s[i + 1] <= U'z')))
            out += kLrm;
        if (c == U'،' || c == U'؛') out += kRlm;
        out += c;
    }
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
        if (c != FRIBIDI_CHAR_FILL && c != kLrm && c != kRlm) out += static_cast<char32_t>(c);
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
    constexpr char32_t kLri = 0x2066, kPdi = 0x2069;  // left-to-right isolate, pop directional isolate
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
            marked += kLri;
            marked += line.substr(k, e - k + 1);
            marked += kPdi;
            k = e;
        }
        for (char32_t c : shapeCodepoints(marked, rtlBase))
            if (c != kLri && c != kPdi) out += utf8Encode(std::u32string(1, c));
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
