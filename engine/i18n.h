// engine/i18n.h — words on screen in the user's language: gettext catalogs (po/*.po compiled by msgfmt into
// share/almalyk/locale/<code>/LC_MESSAGES/almalyk.mo, found through engine/paths.h) loaded with Boost.Locale's
// gettext reader, which needs no system locale (a fresh machine without ru_RU.UTF-8 generated reads them the same).
// Use:
//     eng::setLanguage("ru", &why);                 // between frames; "" or "C" -> English
//     ImGui::MenuItem(eng::tr("Pause"));            // a UI string; the literal is the msgid (xgettext --keyword=tr)
//     ImGui::Text(eng::trn("%d truck", "%d trucks", n), n);        // plural form for n (Russian has three)
//     eng::trc("metric", "Ore to the crusher")      // the same English in two meanings gets a context
//     eng::textWrapped(eng::trp("A long paragraph ..."));          // paragraphs: see "Right to left" below
// Right to left (Arabic): tr/trn/trc return the text shaped (Arabic presentation forms) and in visual order
//   (engine/bidi.h), ready for ImGui, which draws left to right; one line each. A paragraph that ImGui wraps must
//   be wrapped first and shaped per line: trp() returns the logical text, and textWrapped()/bidiLines() wrap it.
// Pointers returned stay valid for the life of the program (catalogs of earlier languages are kept).
// Errors: setLanguage is false with *why for an unknown code or a missing catalog, and the language stays as it was;
//   a msgid missing from the catalog shows as itself (English).
// Does NOT: format numbers or dates (engine/locale_format.h), choose fonts (engine/fonts.h), or know any domain word.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eng {

struct Language {
    const char* code;        // "ru"
    const char* nativeName;  // "Русский" (how the language's readers look for it in a menu)
    const char* englishName; // "Russian"
    bool rightToLeft;
};
// The languages catalogs ship for, in menu order (English first).
std::span<const Language> languages();
// The entry for "ru", "ru_RU.UTF-8", "de-AT", "uz@latin"; nullptr when none. "C" and "POSIX" are English.
const Language* findLanguage(std::string_view code);
// "en, ru, uz, ja, ko, de, ar"
std::string languageCodes();
// The default language from the environment as gettext reads it: LANGUAGE (a list, "ru:en", first known wins;
// ignored when the locale is "C"), then LC_ALL, LC_MESSAGES, LANG. `get` reads a variable (nullptr when unset);
// the overload reads the process environment. "en" when nothing names a known language.
std::string languageFromEnvironment(const char* (*get)(const char* name));
std::string languageFromEnvironment();

// Loads the language's catalog and makes it current. False with *why (unknown code, catalog not found) and no change.
bool setLanguage(std::string_view code, std::string* why);
// The current language's code ("en" until setLanguage) and whether it writes right to left.
const std::string& language();
bool rightToLeft();
// Increments on every language change: caches of translated text compare it.
int languageGeneration();

const char* tr(const char* msgid);
const char* trc(const char* context, const char* msgid);
// The plural form for n, as a format string (the caller puts n in).
const char* trn(const char* singular, const char* plural, long n);
const char* trcn(const char* context, const char* singular, const char* plural, long n);
// The translation in logical order, unshaped: for text that is formatted or wrapped before it is shown.
const char* trp(const char* msgid);
const char* trpc(const char* context, const char* msgid);
const char* trpn(const char* singular, const char* plural, long n);   // trn in logical order
// Marks a literal for extraction without translating it (tables of msgids translated where they are shown).
constexpr const char* N_(const char* msgid) { return msgid; }
// N_ with a context, for tables: NC_("unit", "t/h") is extracted with msgctxt "unit"; trc(context, id) translates it.
constexpr const char* NC_(const char* context, const char* msgid) { return (void)context, msgid; }

// Logical text ready for one line on screen: shaped and reordered when the current language is right to left.
std::string display(std::string_view logical);

// Every character of the current language's catalog (translations and their msgids), for the font atlas.
std::u32string catalogCharacters();
// The same for a catalog file (tests check each language's atlas against its own catalog).
std::u32string catalogCharacters(const std::string& moPath);
// The same for a catalog's bytes (.mo); `rightToLeftScript` adds the shaped forms.
std::u32string catalogCharactersOf(std::string_view moBytes, bool rightToLeftScript);
// For tests and the catalog fuzzer (tests/fuzz/fuzz_catalog.cpp): make `code` current with a catalog read from .mo
// bytes through Boost.Locale, as setLanguage reads the file. It replaces any catalog of that code, so pointers that
// tr() returned for it before are invalid afterwards; the program itself never calls it.
bool setLanguageFromBytes(std::string_view code, std::string moBytes, std::string* why);
// The catalog file for a language code ("" when not found), through engine/paths.h.
std::string catalogPath(std::string_view code);

// UTF-8 to code points (invalid bytes become U+FFFD) and back.
std::u32string utf8Decode(std::string_view s);
std::string utf8Encode(std::u32string_view s);

}  // namespace eng
