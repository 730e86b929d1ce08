// engine/i18n.cpp — see i18n.h. Lookups go through Boost.Locale's gettext messages facet (its own .mo reader with
// the catalog's plural formula); the only other reading of a .mo here is the character scan for the font atlas.
#include "engine/i18n.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <locale>
#include <map>
#include <memory>
#include <set>

#include <boost/locale/gnu_gettext.hpp>
#include <boost/locale/message.hpp>

#include "engine/bidi.h"
#include "engine/paths.h"

namespace eng {

namespace {

constexpr const char* kDomain = "almalyk";

constexpr Language kLanguages[] = {
    {"en", "English", "English", false},
    {"ru", "Русский", "Russian", false},
    {"uz", "Oʻzbekcha", "Uzbek", false},
    {"de", "Deutsch", "German", false},
    {"ja", "日本語", "Japanese", false},
    {"ko", "한국어", "Korean", false},
    {"ar", "العربية", "Arabic", true},
};

using Facet = boost::locale::message_format<char>;

struct Catalog {
    std::string code;
    bool rtl = false;
    std::locale owner;             // holds the facet (a facet's destructor is the locale's business)
    const Facet* facet = nullptr;  // null for English without a catalog: msgids show as they are
    // Shaped (right-to-left) texts by context + msgid (+ plural index), kept so returned pointers stay valid.
    std::map<std::string, std::string> shaped;
    bool fromBytes = false;        // setLanguageFromBytes (tests, fuzzing): setLanguage reads the real file again
};

struct State {
    std::map<std::string, std::unique_ptr<Catalog>> loaded;
    Catalog* current = nullptr;
    std::string code = "en";
    int generation = 0;
};

State& state() {
    static State s;
    return s;
}

std::string baseCode(std::string_view code) {
    std::string out;
    for (char ch : code) {
        if (ch == '_' || ch == '-' || ch == '.' || ch == '@') break;
        out += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    }
    return out;
}

const char* lookup(const char* context, const char* msgid, const char* plural, long n, bool shape) {
    Catalog* c = state().current;
    const char* found = nullptr;
    if (c && c->facet) {
        const int count = static_cast<int>(std::clamp<long>(n, -2000000000L, 2000000000L));
        // Boost.Locale reads the catalog as it looks up and throws on a damaged one ("Bad mo-file format"; found by
        // tests/fuzz/fuzz_catalog.cpp): English then, never a crash in front of an audience.
        try {
            found = plural ? c->facet->get(0, context, msgid, count) : c->facet->get(0, context, msgid);
        } catch (const std::exception&) {
            found = nullptr;
        }
        if (found && !*found) found = nullptr;
    }
    if (!found) found = plural && n != 1 ? plural : msgid;
    if (!shape || !c || !c->rtl) return found;
    std::string key = context ? context : "";
    key += '\x04';
    key += found;
    auto it = c->shaped.find(key);
    if (it == c->shaped.end()) it = c->shaped.emplace(std::move(key), bidiFormatLine(found, true)).first;
    return it->second.c_str();
}

// The .mo layout checked before Boost.Locale sees it (GNU gettext manual, "The Format of GNU MO Files"): Boost 1.74
// trusts the offsets and the NUL after each string, and a damaged file made it read past the end (strcmp on a
// wild pointer; tests/fuzz/fuzz_catalog.cpp found it). Both byte orders, as gettext writes either.
bool validMo(std::string_view d, std::string* why) {
    const auto fail = [why](const std::string& m) {
        if (why) *why = m;
        return false;
    };
    if (d.size() < 28) return fail("shorter than a .mo header");
    const auto byte = [&](std::size_t at) { return static_cast<std::uint32_t>(static_cast<unsigned char>(d[at])); };
    const bool le = byte(0) == 0xde && byte(1) == 0x12 && byte(2) == 0x04 && byte(3) == 0x95;
    const bool be = byte(0) == 0x95 && byte(1) == 0x04 && byte(2) == 0x12 && byte(3) == 0xde;
    if (!le && !be) return fail("not a .mo file (no magic number)");
    const auto word = [&](std::size_t at) -> std::uint64_t {
        if (at > d.size() || d.size() - at < 4) return ~0ull;
        return le ? byte(at) | byte(at + 1) << 8 | byte(at + 2) << 16 | byte(at + 3) << 24
                  : byte(at + 3) | byte(at + 2) << 8 | byte(at + 1) << 16 | byte(at) << 24;
    };
    if ((word(4) >> 16) > 1) return fail("unknown .mo revision");
    const std::uint64_t n = word(8), originals = word(12), translations = word(16), hashSize = word(20),
                        hashAt = word(24);
    if (n > d.size() / 16) return fail("more strings than the file can hold");
    for (const std::uint64_t table : {originals, translations}) {
        if (table + 8 * n > d.size()) return fail("string table past the end of the file");
        for (std::uint64_t i = 0; i < n; ++i) {
            const std::uint64_t len = word(table + 8 * i), off = word(table + 8 * i + 4);
            if (off + len >= d.size() || d[off + len] != '\0') return fail("string " + std::to_string(i) + " out of bounds");
        }
    }
    if (hashSize != 0) {
        if (hashAt + 4 * hashSize > d.size()) return fail("hash table past the end of the file");
        for (std::uint64_t i = 0; i < hashSize; ++i)
            if (word(hashAt + 4 * i) > n) return fail("hash table entry out of range");
    }
    return true;
}

// A first lookup, plain and plural, where Boost.Locale parses the catalog: a damaged file is refused when the language
// is chosen (the menu says why and the language stays as it was) rather than at some later word.
bool catalogReadable(const Facet& f, std::string* why, const std::string& what) {
    try {
        (void)f.get(0, nullptr, "");
        (void)f.get(0, nullptr, "%d truck", 2);
        return true;
    } catch (const std::exception& e) {
        if (why) *why = what + ": not a readable gettext catalog (" + e.what() + ")";
        return false;
    }
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace

std::span<const Language> languages() { return kLanguages; }

const Language* findLanguage(std::string_view code) {
    std::string base = baseCode(code);
    if (base == "c" || base == "posix") base = "en";
    for (const Language& l : kLanguages)
        if (base == l.code) return &l;
    return nullptr;
}

std::string languageCodes() {
    std::string out;
    for (const Language& l : kLanguages) out += (out.empty() ? "" : ", ") + std::string(l.code);
    return out;
}

std::string languageFromEnvironment(const char* (*get)(const char* name)) {
    auto value = [&](const char* name) -> std::string {
        const char* v = get(name);
        return v ? v : "";
    };
    // The locale in force (LC_ALL, then LC_MESSAGES, then LANG: POSIX's order for the messages category).
    std::string locale;
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        locale = value(name);
        if (!locale.empty()) break;
    }
    // GNU gettext ignores LANGUAGE when the locale is "C": a C-locale program speaks English.
    const bool cLocale = locale == "C" || locale == "POSIX";
    const std::string list = value("LANGUAGE");
    if (!cLocale && !list.empty()) {
        std::size_t i = 0;
        while (i <= list.size()) {
            const std::size_t j = std::min(list.find(':', i), list.size());
            if (const Language* l = findLanguage(std::string_view(list).substr(i, j - i)); l && j > i) return l->code;
            i = j + 1;
        }
    }
    if (const Language* l = findLanguage(locale); l && !locale.empty()) return l->code;
    return "en";
}

std::string languageFromEnvironment() {
    return languageFromEnvironment([](const char* name) -> const char* { return std::getenv(name); });
}

std::string catalogPath(std::string_view code) {
    const Language* l = findLanguage(code);
    if (!l) return "";
    return Paths::global().resolveBuiltin(std::string("locale/") + l->code + "/LC_MESSAGES/" + kDomain + ".mo").string();
}

bool setLanguage(std::string_view code, std::string* why) {
    const Language* l = findLanguage(code.empty() ? "en" : code);
    if (!l) {
        if (why) *why = "unknown language '" + std::string(code) + "' (known: " + languageCodes() + ")";
        return false;
    }
    State& s = state();
    auto it = s.loaded.find(l->code);
    if (it != s.loaded.end() && it->second->fromBytes) {
        if (s.current == it->second.get()) s.current = nullptr;
        s.loaded.erase(it);
        it = s.loaded.end();
    }
    if (it == s.loaded.end()) {
        auto c = std::make_unique<Catalog>();
        c->code = l->code;
        c->rtl = l->rightToLeft;
        const std::string path = catalogPath(l->code);
        if (path.empty()) {
            if (std::string(l->code) != "en") {
                if (why)
                    *why = "no catalog for '" + std::string(l->code) + "': " +
                           Paths::global().whyMissing(std::string("locale/") + l->code + "/LC_MESSAGES/almalyk.mo");
                return false;
            }
        } else {
            {
                std::ifstream f(path, std::ios::binary);
                const std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
                std::string bad;
                if (!validMo(bytes, &bad)) {
                    if (why) *why = path + ": not a readable gettext catalog (" + bad + ")";
                    return false;
                }
            }
            // <root>/<code>/LC_MESSAGES/almalyk.mo: Boost.Locale looks up the same layout under each path.
            const std::filesystem::path root = std::filesystem::path(path).parent_path().parent_path().parent_path();
            boost::locale::gnu_gettext::messages_info info;
            info.language = l->code;
            info.encoding = "UTF-8";
            info.paths = {root.string()};
            info.domains = {boost::locale::gnu_gettext::messages_info::domain(kDomain)};
            try {
                Facet* f = boost::locale::gnu_gettext::create_messages_facet<char>(info);
                if (f) c->owner = std::locale(std::locale::classic(), f);
                c->facet = f;
            } catch (const std::exception& e) {
                if (why) *why = path + ": " + e.what();
                return false;
            }
            if (!c->facet) {
                if (why) *why = path + ": not a readable gettext catalog";
                return false;
            }
            if (!catalogReadable(*c->facet, why, path)) return false;
        }
        it = s.loaded.emplace(l->code, std::move(c)).first;
    }
    s.current = it->second.get();
    if (s.code != l->code) ++s.generation;
    s.code = l->code;
    return true;
}

const std::string& language() { return state().code; }
bool rightToLeft() { return state().current && state().current->rtl; }
int languageGeneration() { return state().generation; }

const char* tr(const char* msgid) { return lookup(nullptr, msgid, nullptr, 1, true); }
const char* trc(const char* context, const char* msgid) { return lookup(context, msgid, nullptr, 1, true); }
const char* trn(const char* singular, const char* plural, long n) { return lookup(nullptr, singular, plural, n, true); }
const char* trcn(const char* context, const char* singular, const char* plural, long n) {
    return lookup(context, singular, plural, n, true);
}
const char* trp(const char* msgid) { return lookup(nullptr, msgid, nullptr, 1, false); }
const char* trpc(const char* context, const char* msgid) { return lookup(context, msgid, nullptr, 1, false); }
const char* trpn(const char* singular, const char* plural, long n) { return lookup(nullptr, singular, plural, n, false); }

std::string display(std::string_view logical) {
    if (!rightToLeft()) return std::string(logical);
    return bidiLine(logical, true);
}

std::u32string utf8Decode(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
        char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
        bool ok = len > 0 && i + static_cast<std::size_t>(len) <= s.size();
        for (int k = 1; ok && k < len; ++k) {
            const auto c = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            ok = (c & 0xC0) == 0x80;
            cp = (cp << 6) | (c & 0x3F);
        }
        if (!ok) {
            out += U'\uFFFD';
            ++i;
            continue;
        }
        out += cp;
        i += static_cast<std::size_t>(len);
    }
    return out;
}

std::string utf8Encode(std::u32string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char32_t cp : s) appendUtf8(out, cp);
    return out;
}

std::u32string catalogCharactersOf(std::string_view data, bool rightToLeftScript) {
    // The .mo layout (GNU gettext manual, "The Format of GNU MO Files"): magic, revision, N, offset of the original
    // strings' table, offset of the translations' table; each table N pairs (length, offset), little-endian here.
    auto word = [&](std::size_t at) -> std::uint32_t {
        if (at > data.size() || data.size() - at < 4) return 0;
        std::uint32_t v = 0;
        for (int k = 3; k >= 0; --k) v = (v << 8) | static_cast<unsigned char>(data[at + static_cast<std::size_t>(k)]);
        return v;
    };
    std::set<char32_t> chars;
    std::vector<std::string> strings;
    if (word(0) == 0x950412deu) {
        const std::uint32_t n = word(8);
        for (std::uint32_t table : {word(12), word(16)}) {
            for (std::uint32_t i = 0; i < n && i < 1000000; ++i) {
                const std::size_t at = std::size_t(table) + 8 * std::size_t(i);
                if (at > data.size()) break;
                const std::uint32_t len = word(at), off = word(at + 4);
                if (std::size_t(off) + len > data.size()) break;
                const std::string_view text = data.substr(off, len);
                for (char32_t cp : utf8Decode(text))
                    if (cp >= 0x20) chars.insert(cp);
                strings.emplace_back(text);
            }
        }
    }
    // Right-to-left text reaches the atlas shaped: every form its letters take (and the lam-alef ligatures).
    if (rightToLeftScript) {
        for (const std::string& text : strings)
            for (char32_t cp : utf8Decode(bidiLine(text, true))) chars.insert(cp);
        const std::u32string letters(chars.begin(), chars.end());
        for (char32_t cp : bidiShapedForms(letters)) chars.insert(cp);
    }
    return std::u32string(chars.begin(), chars.end());
}

std::u32string catalogCharacters(const std::string& moPath) {
    std::ifstream f(moPath, std::ios::binary);
    const std::string data((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    const Language* l = nullptr;
    for (const Language& candidate : kLanguages)
        if (moPath.find(std::string("/") + candidate.code + "/LC_MESSAGES/") != std::string::npos) l = &candidate;
    return catalogCharactersOf(data, l && l->rightToLeft);
}

bool setLanguageFromBytes(std::string_view code, std::string bytes, std::string* why) {
    const Language* l = findLanguage(code);
    if (!l) {
        if (why) *why = "unknown language '" + std::string(code) + "'";
        return false;
    }
    std::string bad;
    if (!validMo(bytes, &bad)) {
        if (why) *why = "catalog bytes: not a readable gettext catalog (" + bad + ")";
        return false;
    }
    auto c = std::make_unique<Catalog>();
    c->code = l->code;
    c->rtl = l->rightToLeft;
    boost::locale::gnu_gettext::messages_info info;
    info.language = l->code;
    info.encoding = "UTF-8";
    info.paths = {"/memory"};
    info.domains = {boost::locale::gnu_gettext::messages_info::domain(kDomain)};
    const std::string wanted = std::string("/memory/") + l->code + "/LC_MESSAGES/" + kDomain + ".mo";
    info.callback = [bytes = std::move(bytes), wanted](const std::string& file, const std::string&) {
        return file == wanted ? std::vector<char>(bytes.begin(), bytes.end()) : std::vector<char>();
    };
    try {
        Facet* f = boost::locale::gnu_gettext::create_messages_facet<char>(info);
        if (f) c->owner = std::locale(std::locale::classic(), f);
        c->facet = f;
    } catch (const std::exception& e) {
        if (why) *why = std::string("catalog bytes: ") + e.what();
        return false;
    }
    if (!c->facet) {
        if (why) *why = "catalog bytes: not a readable gettext catalog";
        return false;
    }
    if (!catalogReadable(*c->facet, why, "catalog bytes")) return false;
    State& s = state();
    c->fromBytes = true;
    s.loaded[l->code] = std::move(c);
    s.current = s.loaded[l->code].get();
    s.code = l->code;
    ++s.generation;
    return true;
}

std::u32string catalogCharacters() {
    const std::string path = catalogPath(language());
    return path.empty() ? std::u32string() : catalogCharacters(path);
}

}  // namespace eng
