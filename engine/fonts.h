// engine/fonts.h — the UI's fonts, found through fontconfig by family (never a hard-coded path) and built into one
// Dear ImGui atlas with the FreeType rasterizer (crisper than stb_truetype on projectors). Each requested size is
// one ImFont: DejaVu Sans (Latin, Cyrillic, Greek, symbols) with the faces that cover the rest merged in —
// Noto Sans CJK JP or KR (the matching face of the .ttc, by fontconfig's index) and Noto Sans Arabic (DejaVu Sans'
// own Arabic presentation forms if it is missing). Only the characters asked for are rasterized, so an atlas for
// Japanese holds the catalog's few hundred kanji, not 20 000.
// Use (between frames; with the GL3 backend, around ImGui_ImplOpenGL3_DestroyFontsTexture/CreateFontsTexture):
//     eng::FontBuild b = eng::buildFonts(*io.Fonts, {{17, false}, {40, false}, {24, true}}, chars, "ja");
//     b.fonts[0] is the UI font; b.problems are the one-line messages (also printed once on stderr)
// Errors: a family that is not installed is named with its Debian package ("Noto Sans CJK JP not found: install
//   fonts-noto-cjk"); its characters show as ImGui's fallback box, and Latin text still shows. Without DejaVu Sans
//   the atlas gets ImGui's built-in font (ASCII only).
// Does NOT: shape or reorder text (engine/bidi.h), pick the characters (engine/i18n.h's catalogCharacters), or
//   upload the texture (the GL backend does).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct ImFont;
struct ImFontAtlas;

namespace eng {

struct FontFace {
    std::string file;
    int index = 0;           // the face inside a collection (.ttc)
};
// The installed face of `family` (exact family name), bold or regular; nullopt when fontconfig has none.
std::optional<FontFace> findFontFamily(const std::string& family, bool bold);

struct FontSize {
    float px = 17.0f;
    bool bold = false;
};
struct FontBuild {
    std::vector<ImFont*> fonts;          // one per requested size, in order
    std::vector<std::string> problems;   // missing families, each naming its package
    int width = 0, height = 0;           // the atlas texture
    int glyphs = 0;                      // glyphs rasterized, all sizes
    double ms = 0.0;                     // time to find, load and rasterize
};
// Clears `atlas` and builds it. `chars` are the characters wanted beyond printable ASCII and Latin-1.
FontBuild buildFonts(ImFontAtlas& atlas, const std::vector<FontSize>& sizes, std::u32string_view chars,
                     std::string_view languageCode);

}  // namespace eng
