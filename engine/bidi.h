// engine/bidi.h — right-to-left text for a renderer that draws left to right (Dear ImGui): FriBidi resolves the
// Unicode bidirectional algorithm (UAX #9) and shapes Arabic into its presentation forms (U+FB50..U+FEFF, the
// joined initial/medial/final letters and the lam-alef ligatures), so a font with those forms shows joined,
// correctly ordered Arabic; Latin words and numbers inside it keep their own left-to-right order.
// Use:
//     std::string shown = eng::bidiLine(logical, true);                   // one line, paragraph direction RTL
//     for (auto& line : eng::bidiWrap(logical, width, measure)) ...        // wrap first (logical order), then shape
// Errors: none; text that is not UTF-8 has U+FFFD where the bad bytes were.
// Does NOT: shape other complex scripts (Devanagari, Thai) or use OpenType GSUB (no HarfBuzz): only Arabic's
//   presentation forms, which covers Arabic itself (not Persian-specific marks or every diacritic position).
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace eng {

// One line in visual order, shaped; `rtlBase` sets the paragraph direction (Arabic text: true).
std::string bidiLine(std::string_view logicalUtf8, bool rtlBase);
// The same for a printf format string (a translated "%1$d trucks, %2$.1f t/h"): each conversion is kept as one
// left-to-right unit (a Unicode isolate while reordering), so "%.1f" never comes out as "1f.%". Where a format has
// several conversions their visual order may differ from the logical one: right-to-left catalogs number them
// (%1$d, %2$s), as printf allows.
std::string bidiFormatLine(std::string_view logicalUtf8, bool rtlBase);
// The logical text wrapped at `width` (measured by `measure` on each candidate line as shown), each line shaped
// and in visual order. Words break at spaces only; a word wider than the width gets a line of its own.
std::vector<std::string> bidiWrap(std::string_view logicalUtf8, float width,
                                  const std::function<float(const std::string&)>& measure, bool rtlBase);
// Every presentation form the Arabic letters among `chars` can take (isolated, initial, medial, final), for
// building a font atlas that has each of them.
std::u32string bidiShapedForms(std::u32string_view chars);

}  // namespace eng
