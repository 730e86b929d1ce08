// sim/json_text: the strict reading every JSON data file shares (scenarios, tours, training files) — duplicate keys,
// numbers past a double's range, file names and contents that are not UTF-8 (issue 16, item 6). Positions below are
// counted by hand from the literal texts.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "sim/json_text.h"

using namespace sim;

namespace {

// The message of a parse that must fail; "" (and a failed check) when it succeeds.
std::string errorOf(const std::string& text) {
    OrderedJson j;
    std::string why;
    CHECK_FALSE(parseJsonText(text, "f.json", kDataFileMaxDepth, "four will do", &j, &why));
    return why;
}

bool parses(const std::string& text, OrderedJson* out = nullptr) {
    OrderedJson j;
    std::string why;
    const bool ok = parseJsonText(text, "f.json", kDataFileMaxDepth, "four will do", &j, &why);
    INFO(why);
    if (out) *out = j;
    return ok;
}

}  // namespace

TEST_CASE("json_text: a key given twice in one object is refused with both positions (issue 16)") {
    // Before: nlohmann kept the last "set" silently, against docs/scenarios.md ("a typo never passes silently").
    CHECK(errorOf("{\"set\": {\"a\": 1},\n  \"set\": {\"a\": 2}}") == "f.json:2:3: duplicate key 'set' (first at 1:2)");
    // In a nested object, after comments, with an escaped spelling of the same key ("\u0073et" is "set").
    CHECK(errorOf("{\"c\": [{\"x\": 1, /* x again */ \"y\": 2,\n\"x\": 3}]}") ==
          "f.json:2:1: duplicate key 'x' (first at 1:9)");
    CHECK(errorOf("{\"set\": 1, \"\\u0073et\": 2}") == "f.json:1:12: duplicate key '\\u0073et' (first at 1:2)");
    // The same key in two objects, a key-like string as a value or in an array, keys differing in case: all legal.
    OrderedJson j;
    CHECK(parses("{\"a\": {\"k\": 1}, \"b\": {\"k\": 2}, \"k\": \"k\", \"l\": [\"k\", \"k\"], \"K\": 0}", &j));
    CHECK(j["b"]["k"] == 2);
    CHECK(parses("[{\"k\": 1}, {\"k\": 2}]"));
    // Braces and quotes inside strings do not confuse the key scan.
    CHECK(parses("{\"a\": \"{\\\"a\\\": 1}\", \"b\": \"}\"}", &j));
    CHECK(j["a"] == "{\"a\": 1}");
}

TEST_CASE("json_text: a number past a double's range is refused at its position, not as an internal error (issue 16)") {
    // Before: `{"seed":1e400}` exited 1 with "internal error ... number overflow" and no position.
    CHECK(errorOf("{\"seed\":1e400}") == "f.json:1:9: number 1e400 is too large (JSON numbers here must lie within +-1.7e308)");
    const std::string e = errorOf("{\"a\": [1, 2,\n   -2.5E+999]}");
    CHECK(e.find("f.json:2:4: number -2.5E+999 is too large") == 0);
    // 400 digits: no integer type holds it and as a double it is infinite.
    CHECK(errorOf("[0, " + std::string("1") + std::string(400, '0') + "]").find("f.json:1:5: number 1000") == 0);
    // The largest double and a number that underflows to zero are legal.
    OrderedJson j;
    CHECK(parses("[1.7976931348623157e308, 1e-400]", &j));
    CHECK(j[0].get<double>() == 1.7976931348623157e308);
    CHECK(j[1].get<double>() == 0.0);
}

TEST_CASE("json_text: UTF-8 validation against the standard's edge cases") {
    CHECK(isValidUtf8(""));
    CHECK(isValidUtf8("plain ascii"));
    CHECK(isValidUtf8("caf\xC3\xA9"));          // é, two bytes
    CHECK(isValidUtf8("\xE2\x82\xAC"));         // €, three bytes
    CHECK(isValidUtf8("\xF0\x9F\x98\x80"));     // U+1F600, four bytes
    CHECK(isValidUtf8("\xF4\x8F\xBF\xBF"));     // U+10FFFF, the last code point
    CHECK_FALSE(isValidUtf8("caf\xE9"));        // Latin-1 é
    CHECK_FALSE(isValidUtf8("\xC0\xAF"));       // overlong '/'
    CHECK_FALSE(isValidUtf8("\xE0\x80\xAF"));   // overlong '/', three bytes
    CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));   // U+D800, a surrogate
    CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // U+110000
    CHECK_FALSE(isValidUtf8("\xE2\x82"));       // cut short
    CHECK_FALSE(isValidUtf8("\x80"));           // a lone continuation byte
    CHECK(escapeInvalidUtf8("caf\xE9.json") == "caf\\xE9.json");
    CHECK(escapeInvalidUtf8("caf\xC3\xA9 \xFF\xFE") == "caf\xC3\xA9 \\xFF\\xFE");
}

TEST_CASE("json_text: a file name or content that is not UTF-8 gives a message that is text (issue 16)") {
    // Before: a scenario path in Latin-1 (and no "name") exited 1 with nlohmann's "type_error.316" when the summary
    // was written.
    const std::string path = std::string(ALMALYK_BINARY_DIR) + "/caf\xE9_json_text.json";
    {
        std::ofstream f(path, std::ios::binary);
        f << "{}";
    }
    std::string text, why;
    CHECK_FALSE(readTextFile(path, kDataFileMaxBytes, "scenario", &text, &why));
    CHECK(why == std::string(ALMALYK_BINARY_DIR) +
                     "/caf\\xE9_json_text.json: the scenario file's name is not valid UTF-8 (bytes shown as \\xHH); "
                     "rename the file");
    CHECK(isValidUtf8(why));
    std::remove(path.c_str());
    // A stray Latin-1 byte inside a string: nlohmann quotes the token it read, which holds the byte.
    const std::string e = errorOf("{\"name\": \"caf\xE9\"}");
    CHECK(e.find("f.json:1:") == 0);
    CHECK(e.find("malformed JSON") != std::string::npos);
    CHECK(e.find("\\xE9") != std::string::npos);
    CHECK(isValidUtf8(e));
}

TEST_CASE("json_text: the nesting limit counts brackets outside strings and comments only") {
    const std::string ok = "/* [[[[ */ " + std::string(kDataFileMaxDepth, '[') + std::string(kDataFileMaxDepth, ']');
    CHECK(parses(ok));
    const std::string deep = "\n  " + std::string(kDataFileMaxDepth + 1, '{');
    const std::string e = errorOf(deep);
    // Level 65 opens at the 65th brace: line 2, column 2 + 65.
    CHECK(e == "f.json:2:67: nested deeper than 64 levels of [ and { (four will do)");
}
