// engine/fonts.cpp — see fonts.h. Every character is given to exactly one face (the first in the language's order
// whose fontconfig charset has it), so the merged faces never compete for a glyph and each face rasterizes only
// its own characters.
#include "engine/fonts.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <set>

#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <imgui.h>
#include <imgui_freetype.h>

#include "engine/i18n.h"

namespace eng {

namespace {

struct Family {
    const char* name;
    const char* package;  // the Debian package that installs it
    bool scriptOnly;      // takes only its own script's characters (Arabic), even before the base face
    float scale;          // its size against the base face's, so its letters look as large as DejaVu's Latin
};
// Noto Sans Arabic keeps room for tall marks: at DejaVu's pixel size its letters read a third smaller (checked on
// 1080p shots), hence 1.3. The CJK faces at DejaVu's size read a little small beside its wide Latin (日本語 and
// 한국어 beside "English" on the kiosk's language buttons, 1080p shots), hence 1.1.
constexpr Family kBase{"DejaVu Sans", "fonts-dejavu-core", false, 1.0f};
constexpr Family kCjkJp{"Noto Sans CJK JP", "fonts-noto-cjk", false, 1.1f};
constexpr Family kCjkKr{"Noto Sans CJK KR", "fonts-noto-cjk", false, 1.1f};
constexpr Family kArabic{"Noto Sans Arabic", "fonts-noto-core", true, 1.3f};

bool arabicBlock(char32_t c) {
    return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0xFB50 && c <= 0xFDFF) ||
           (c >= 0xFE70 && c <= 0xFEFF);
}

// The faces in the order they are asked for a character: the language's own script first where the base face
// would otherwise take it (DejaVu Sans has Arabic forms, but Noto's read better), then the base, then the rest
// (the Language menu shows every language's name in its own script).
std::vector<const Family*> familyOrder(std::string_view lang) {
    if (lang == "ar") return {&kArabic, &kBase, &kCjkJp, &kCjkKr};
    if (lang == "ko") return {&kBase, &kCjkKr, &kCjkJp, &kArabic};
    return {&kBase, &kCjkJp, &kCjkKr, &kArabic};
}

struct Found {
    FontFace face;
    FcCharSet* charset = nullptr;  // owned (a copy)
};

FcConfig* fontconfig() {
    static FcConfig* config = FcInitLoadConfigAndFonts();
    return config;
}

std::optional<Found> findFace(const std::string& family, bool bold) {
    FcConfig* config = fontconfig();
    if (!config) return std::nullopt;
    FcPattern* pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pat, FC_SLANT, FC_SLANT_ROMAN);
    FcConfigSubstitute(config, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(config, pat, &result);
    FcPatternDestroy(pat);
    if (!match) return std::nullopt;
    std::optional<Found> out;
    FcChar8* gotFamily = nullptr;
    FcChar8* file = nullptr;
    int index = 0;
    FcCharSet* cs = nullptr;
    // fontconfig always answers with something; only the family asked for counts (the fallback might be anything).
    bool same = false;
    for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &gotFamily) == FcResultMatch; ++i)
        if (family == reinterpret_cast<const char*>(gotFamily)) same = true;
    if (same && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
        FcPatternGetInteger(match, FC_INDEX, 0, &index);
        out = Found{{reinterpret_cast<const char*>(file), index}, nullptr};
        if (FcPatternGetCharSet(match, FC_CHARSET, 0, &cs) == FcResultMatch) out->charset = FcCharSetCopy(cs);
    }
    FcPatternDestroy(match);
    return out;
}

// A font file mapped read-only (the CJK collections are 20 MB each: mapping them costs nothing, where reading them
// into memory took a good part of a second); unmapped after the atlas is built.
struct Mapped {
    void* data = nullptr;
    std::size_t size = 0;
};

const Mapped* fileData(std::map<std::string, Mapped>& cache, const std::string& path) {
    auto it = cache.find(path);
    if (it != cache.end()) return it->second.data ? &it->second : nullptr;
    Mapped m;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd >= 0 && ::fstat(fd, &st) == 0 && st.st_size > 0) {
        void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) m = {p, static_cast<std::size_t>(st.st_size)};
    }
    if (fd >= 0) ::close(fd);
    it = cache.emplace(path, m).first;
    return m.data ? &it->second : nullptr;
}

void reportOnce(const std::string& line) {
    static std::set<std::string> said;
    if (said.insert(line).second) std::fprintf(stderr, "[fonts] %s\n", line.c_str());
}

}  // namespace

std::optional<FontFace> findFontFamily(const std::string& family, bool bold) {
    std::optional<Found> f = findFace(family, bold);
    if (!f) return std::nullopt;
    if (f->charset) FcCharSetDestroy(f->charset);
    return f->face;
}

FontBuild buildFonts(ImFontAtlas& atlas, const std::vector<FontSize>& sizes, std::u32string_view chars,
                     std::string_view languageCode) {
    const auto t0 = std::chrono::steady_clock::now();
    FontBuild out;
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;

    std::set<char32_t> wanted(chars.begin(), chars.end());
    for (char32_t c = 0x20; c <= 0xFF; ++c)
        if (c < 0x7F || c >= 0xA0) wanted.insert(c);
    wanted.insert(0xFFFD);  // ImGui's fallback glyph, when a font has it

    // Each character to the first face (of each weight) that has it.
    struct Assigned {
        Found found;
        const Family* family;
        // std::vector, not ImVector: ImGui 1.86's ImVector copy does memcpy(NULL, NULL, 0) for an empty one, undefined
        // behaviour that UBSan stops the program for (a candidate is copied before its ranges are built).
        std::vector<ImWchar> ranges;
        bool boldFace = false;  // a real bold face (else FreeType emboldens the regular one)
    };
    std::map<bool, std::vector<Assigned>> perWeight;
    std::set<bool> weights;
    for (const FontSize& s : sizes) weights.insert(s.bold);
    std::set<std::string> missingFamilies;
    std::size_t uncovered = 0;
    for (bool bold : weights) {
        std::vector<Assigned>& faces = perWeight[bold];
        std::vector<ImFontGlyphRangesBuilder> builders;
        std::vector<Assigned> candidates;
        for (const Family* fam : familyOrder(languageCode)) {
            std::optional<Found> f = findFace(fam->name, bold);
            const bool boldFace = bold && f.has_value();
            if (!f && bold) f = findFace(fam->name, false);  // emboldened by FreeType below
            if (!f) {
                missingFamilies.insert(std::string(fam->name) + " not found: install " + fam->package);
                continue;
            }
            candidates.push_back({*f, fam, {}, boldFace});
        }
        builders.resize(candidates.size());
        std::vector<bool> used(candidates.size(), false);
        for (char32_t c : wanted) {
            if (c > 0xFFFF) continue;  // ImWchar is 16 bits in Debian's build
            bool placed = false;
            for (std::size_t i = 0; i < candidates.size() && !placed; ++i) {
                if (candidates[i].family->scriptOnly && !arabicBlock(c)) continue;
                if (!candidates[i].found.charset || !FcCharSetHasChar(candidates[i].found.charset, c)) continue;
                builders[i].AddChar(static_cast<ImWchar>(c));
                used[i] = placed = true;
            }
            if (!placed && !bold && c != 0xFFFD) ++uncovered;
        }
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            if (candidates[i].family == &kBase || used[i]) {
                ImVector<ImWchar> built;
                builders[i].BuildRanges(&built);
                candidates[i].ranges.assign(built.begin(), built.end());
                faces.push_back(std::move(candidates[i]));
            } else if (candidates[i].found.charset) {
                FcCharSetDestroy(candidates[i].found.charset);
            }
        }
    }
    bool haveBase = false;
    for (const Assigned& a : perWeight[false]) haveBase = haveBase || a.family == &kBase;

    // Only the families a character of this language needs are worth a message.
    for (const std::string& m : missingFamilies) {
        if (uncovered == 0 && haveBase) break;
        const std::string line = m + " (the " + std::string(languageCode) + " text that needs it shows as boxes)";
        out.problems.push_back(line);
        reportOnce(line);
    }

    std::map<std::string, Mapped> data;  // each font file mapped once for every size
    for (const FontSize& s : sizes) {
        ImFont* font = nullptr;
        if (!haveBase) {
            ImFontConfig cfg;
            cfg.SizePixels = std::max(13.0f, s.px * 0.8f);
            font = atlas.AddFontDefault(&cfg);
            out.fonts.push_back(font);
            continue;
        }
        std::vector<Assigned>& faces = perWeight[s.bold];
        // The base face first: its metrics are the line's.
        std::vector<Assigned*> order;
        for (Assigned& a : faces)
            if (a.family == &kBase) order.push_back(&a);
        for (Assigned& a : faces)
            if (a.family != &kBase) order.push_back(&a);
        for (Assigned* a : order) {
            const Mapped* bytes = fileData(data, a->found.face.file);
            if (!bytes) continue;
            ImFontConfig cfg;
            // "Owned" only so that ImGui 1.86 does not copy the 20 MB collection once per size (it copies data it
            // does not own); the pointers are taken back before ImGui could free them (below).
            cfg.FontDataOwnedByAtlas = true;
            cfg.FontNo = a->found.face.index;
            cfg.MergeMode = font != nullptr;
            cfg.PixelSnapH = true;
            if (s.bold && !a->boldFace) cfg.FontBuilderFlags |= ImGuiFreeTypeBuilderFlags_Bold;
            std::snprintf(cfg.Name, sizeof cfg.Name, "%s %.0fpx", a->family->name, s.px);
            // ImGui only reads the data: the const_cast never writes to the mapping.
            ImFont* f = atlas.AddFontFromMemoryTTF(const_cast<void*>(bytes->data), static_cast<int>(bytes->size),
                                                   std::round(s.px * a->family->scale), &cfg,
                                                   a->ranges.data());
            if (!font) font = f;
        }
        out.fonts.push_back(font);
    }
    atlas.Build();
    for (const ImFont* f : out.fonts)
        if (f) out.glyphs += f->Glyphs.Size;
    out.width = atlas.TexWidth;
    out.height = atlas.TexHeight;
    // The fonts keep their glyphs; the font files and ranges are needed only while building. The mapped files are
    // ours: ImGui must not free them.
    for (ImFontConfig& c : atlas.ConfigData) {
        c.FontData = nullptr;
        c.FontDataOwnedByAtlas = false;
    }
    atlas.ClearInputData();
    for (auto& [path, m] : data)
        if (m.data) ::munmap(m.data, m.size);
    for (auto& [bold, faces] : perWeight)
        for (Assigned& a : faces)
            if (a.found.charset) FcCharSetDestroy(a.found.charset);
    out.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return out;
}

}  // namespace eng
