// engine/text_wrap.h — line breaking for paragraphs in every language we ship: at spaces (Latin, Cyrillic, Korean),
// and between Chinese characters and kana, which Japanese writes without spaces, keeping the kinsoku rules (no line
// starts with 、。」ー or a small kana, none ends with 「（). A word wider than the line breaks between characters,
// so no text runs past its box. Dear ImGui 1.86 wraps at spaces only: a Japanese briefing came out as one overlong
// line or broke in odd places.
// Use: for (const std::string& l : eng::wrapText(text, width, [](std::string_view s) { return widthOf(s); })) ...
// The lines are logical (unshaped) UTF-8 with no trailing spaces; '\n' forces a break. Right-to-left text is wrapped
// by eng::bidiWrap (engine/bidi.h), which shapes each line.
// Errors: none; invalid UTF-8 is measured as it is. Does NOT: hyphenate, justify, or apply the full UAX #14.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace eng {

// True for the characters a line may break before or after without a space (CJK ideographs, kana, fullwidth forms).
bool breaksWithoutSpace(char32_t c);

std::vector<std::string> wrapText(std::string_view text, float width, const std::function<float(std::string_view)>& measure);

}  // namespace eng
