// Line breaking (engine/text_wrap.h) with a measure independent of any font: every character one unit wide. The
// checks are the rules themselves: no line wider than the width, no character lost or added, breaks only at spaces in
// spaced scripts, Japanese broken between characters but never before 、。」 or a small kana nor after 「.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/i18n.h"
#include "engine/text_wrap.h"

namespace {

float units(std::string_view s) { return static_cast<float>(eng::utf8Decode(s).size()); }

std::string joined(const std::vector<std::string>& lines, const char* sep) {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? sep : "") + lines[i];
    return out;
}

}  // namespace

TEST_CASE("text wrap: spaced scripts break at spaces, within the width, nothing lost") {
    const std::string ru = "Сернокислотный цех превращает SO2 металлургического завода в серную кислоту. При его "
                           "остановке каждая тонна SO2 уходит в трубу.";
    for (float w : {18.0f, 20.0f, 33.0f, 80.0f}) {   // the longest word is 17
        CAPTURE(w);
        const auto lines = eng::wrapText(ru, w, units);
        for (const std::string& l : lines) {
            CHECK(units(l) <= w);
            CHECK(l.front() != ' ');
            CHECK(l.back() != ' ');
        }
        CHECK(joined(lines, " ") == ru);   // broken at spaces only: the spaces between lines are the ones removed
    }
    // Greedy: a line takes every word that fits ("a bb" is 4 units).
    CHECK(eng::wrapText("a bb ccc dddd", 4, units) == std::vector<std::string>{"a bb", "ccc", "dddd"});
    // A word wider than the line is cut between characters rather than run past the box.
    CHECK(eng::wrapText("Muldenkipperzuordnung ab", 8, units) ==
          std::vector<std::string>{"Muldenki", "pperzuor", "dnung ab"});
    CHECK(eng::wrapText("one\ntwo three", 20, units) == std::vector<std::string>{"one", "two three"});
    CHECK(eng::wrapText("", 10, units).empty());
}

TEST_CASE("text wrap: Japanese breaks between characters with the kinsoku rules") {
    const std::string ja = "硫酸工場は製錬所の SO2 を硫酸に変えます。トリップすると SO2 はすべて煙突から出て、排出基準に反します。"
                           "「転炉」を傾けて吹錬を止め、工場が復旧するまで炉の装入量を最小にしてください。";
    for (float w : {7.0f, 10.0f, 13.0f, 21.0f}) {
        CAPTURE(w);
        const auto lines = eng::wrapText(ja, w, units);
        REQUIRE(lines.size() > 1);
        std::string all;
        for (const std::string& l : lines) {
            CAPTURE(l);
            CHECK(units(l) <= w);
            const std::u32string c = eng::utf8Decode(l);
            for (char32_t bad : {U'、', U'。', U'」', U'ー', U'ッ', U'ょ'}) CHECK(c.front() != bad);
            CHECK(c.back() != U'「');
            all += l;
        }
        // Only the spaces at a break go; every other character is kept, in order.
        std::string noSpaces;
        for (char ch : ja)
            if (ch != ' ') noSpaces += ch;
        std::string allNoSpaces;
        for (char ch : all)
            if (ch != ' ') allNoSpaces += ch;
        CHECK(allNoSpaces == noSpaces);
        // Lines are filled: a line and the first character of the next would not fit (kinsoku may keep one back).
        for (std::size_t i = 0; i + 1 < lines.size(); ++i)
            CHECK(units(lines[i]) + 3.0f > w);
    }
}
