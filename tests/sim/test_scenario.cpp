// Scenario files: a valid file becomes parameters and timed commands; every kind of bad input gives a message with
// file:line:column (malformed JSON) or the field path (wrong content), and what was expected.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "sim/scenario.h"
#include "sim/world.h"

using namespace sim;

namespace {

bool parse(const std::string& text, Scenario& s, std::string& why) {
    return parseScenario(text, "test.json", makeParams(), s, &why);
}

std::string errorOf(const std::string& text) {
    Scenario s;
    std::string why;
    CHECK_FALSE(parse(text, s, why));
    return why;
}

bool has(const std::string& text, const std::string& part) {
    const bool found = text.find(part) != std::string::npos;
    if (!found) MESSAGE("'" << part << "' not in: " << text);
    return found;
}

}  // namespace

TEST_CASE("a valid scenario gives its sets and timed commands in file order") {
    const std::string text = R"({
      // comments are allowed
      "name": "Crusher trip", "description": "d", "seed": 9, "start": "2026-01-10T06:00:00+05:00",
      "set": {"mine.trucks": 40, "mine.service_dist": "lognormal", "mine.breakdowns": true, "h2.sth_percent": 1.5},
      "commands": [
        {"after_hours": 2, "fault": "transport.crusher"},
        {"at": "2026-01-10T12:30:00+05:00", "clear": ["transport.crusher", "mine.truck:3"]},
        {"after_hours": 0.5, "set": {"transport.trains": 8}}
      ]})";
    Scenario s;
    std::string why;
    REQUIRE_MESSAGE(parse(text, s, why), why);
    CHECK(s.name == "Crusher trip");
    CHECK(s.seed == 9u);
    REQUIRE(s.start.has_value());
    CHECK(formatIso8601(*s.start) == "2026-01-10T06:00:00+05:00");
    REQUIRE(s.sets.size() == 4);
    CHECK(s.sets[0] == std::pair<std::string, std::string>{"mine.trucks", "40"});
    CHECK(s.sets[1].second == "lognormal");
    CHECK(s.sets[2].second == "1");
    REQUIRE(s.commands.size() == 4);
    std::vector<Command> cmds;
    REQUIRE(scenarioCommands(s, *s.start, cmds, &why));
    CHECK(cmds[0].type == CommandType::InjectFault);
    CHECK(cmds[0].at == *s.start + 2 * kHour);
    CHECK(cmds[1].type == CommandType::ClearFault);
    CHECK(cmds[1].at == *s.start + 6 * kHour + 30 * kMinute);
    CHECK(cmds[2].name == "mine.truck:3");
    CHECK(cmds[3].name == "transport.trains");
    CHECK(cmds[3].value == "8");
    CHECK(cmds[3].at == *s.start + 30 * kMinute);
}

TEST_CASE("malformed JSON is reported as FILE:LINE:COLUMN") {
    // The stray '}' after the trailing comma is on line 3, column 29.
    const std::string text = "{\n  \"name\": \"x\",\n  \"set\": {\"mine.trucks\": 40,}\n}\n";
    CHECK(text.substr(text.find(",}") + 1, 1) == "}");
    const std::string why = errorOf(text);
    CHECK(has(why, "test.json:3:29: malformed JSON"));
    // An unexpected string is reported where it starts (the opening quote of "seed"), not where the parser stopped.
    CHECK(has(errorOf("{\"name\": \"x\"\n\n   \"seed\": 1}"), "test.json:3:4: malformed JSON: syntax error while parsing object - unexpected string literal; expected '}'"));
    CHECK(has(errorOf(""), "test.json:1:1:"));
    CHECK(has(errorOf("{\"name\": \"unterminated"), "test.json:1:"));
    CHECK(has(errorOf("{\"a\": 1 \"x\\\"y\": 2}"), "test.json:1:9:"));  // an escaped quote inside is skipped
}

TEST_CASE("textPosition counts lines and columns from a 1-based byte offset") {
    const std::string t = "ab\ncd\n\nefg";
    CHECK(textPosition("f", t, 1) == "f:1:1");
    CHECK(textPosition("f", t, 2) == "f:1:2");
    CHECK(textPosition("f", t, 4) == "f:2:1");
    CHECK(textPosition("f", t, 8) == "f:4:1");
    CHECK(textPosition("f", t, 10) == "f:4:3");
    CHECK(textPosition("f", t, 99) == "f:4:4");  // past the end: just after the last character
}

TEST_CASE("wrong content names the field path and what was expected") {
    CHECK(has(errorOf("[1, 2]"), "(top level): expected an object"));
    CHECK(has(errorOf(R"({"nmae": "x"})"), "nmae: unknown field; expected one of name"));
    CHECK(has(errorOf(R"({"set": {"mine.truks": 4}})"), "set.mine.truks: unknown parameter 'mine.truks'; did you mean mine.trucks"));
    CHECK(has(errorOf(R"({"set": {"mine.trucks": 501}})"), "set.mine.trucks: parameter 'mine.trucks': value 501 is outside its range"));
    CHECK(has(errorOf(R"({"set": {"mine.trucks": [1]}})"), "set.mine.trucks: expected a number, true/false or a choice name"));
    CHECK(has(errorOf(R"({"set": {"mine.service_dist": "gaussian"}})"), "set.mine.service_dist:"));
    CHECK(has(errorOf(R"({"seed": -3})"), "seed: expected a whole number"));
    CHECK(has(errorOf(R"({"start": "21/06/2026"})"), "start: '21/06/2026'"));
    CHECK(has(errorOf(R"({"commands": {}})"), "commands: expected an array"));
    CHECK(has(errorOf(R"({"commands": [{"fault": "transport.crusher"}]})"), "commands[0]: expected exactly one of \"at\""));
    CHECK(has(errorOf(R"({"commands": [{"at": "2026-06-21T09:00", "after_hours": 1, "fault": "transport.rail"}]})"),
              "commands[0]: expected exactly one of \"at\""));
    CHECK(has(errorOf(R"({"commands": [{"after_hours": -1, "fault": "transport.rail"}]})"), "commands[0].after_hours: expected a number of hours from 0 to 876600"));
    // Before, 1e15 h overflowed sim time (int64 microseconds hold ~2.6e9 h) and printed a date in the year -290251.
    CHECK(has(errorOf(R"({"commands": [{"after_hours": 1e15, "fault": "transport.rail"}]})"), "commands[0].after_hours: expected a number of hours from 0 to 876600 (100 years), found 1e+15"));
    CHECK(has(errorOf(R"({"commands": [{"at": "noon", "fault": "transport.rail"}]})"), "commands[0].at:"));
    CHECK(has(errorOf(R"({"commands": [{"after_hours": 1}]})"), "commands[0]: expected exactly one of \"set\""));
    CHECK(has(errorOf(R"({"commands": [{"after_hours": 1, "fault": "transport.train"}]})"),
              "commands[0].fault: unknown fault target 'transport.train'; expected one of"));
    CHECK(has(errorOf(R"({"commands": [{"after_hours": 1, "clear": ["mine.truck:2", "mine.truck:x"]}]})"), "commands[0].clear[1]:"));
    CHECK(has(errorOf(R"({"commands": [{"after_hours": 1, "set": {"h2.sth_percent": 99}}]})"), "commands[0].set.h2.sth_percent:"));
    CHECK(has(errorOf(R"({"commands": [{"after_hours": 1, "when": 2, "fault": "transport.rail"}]})"), "commands[0].when: unknown field"));
}

TEST_CASE("fault target syntax") {
    CHECK(isFaultTargetSyntax("transport.crusher"));
    CHECK(isFaultTargetSyntax("mine.truck:12"));
    CHECK(isFaultTargetSyntax("smelter.converter:0"));
    CHECK_FALSE(isFaultTargetSyntax("mine.truck:"));
    CHECK_FALSE(isFaultTargetSyntax("mine.truck"));
    CHECK_FALSE(isFaultTargetSyntax("mine.truck:-1"));
    CHECK_FALSE(isFaultTargetSyntax("transport.crusher:1"));
}

TEST_CASE("an unreadable file names its path; a command before the run start is refused") {
    Scenario s;
    std::string why;
    CHECK_FALSE(loadScenario("/nonexistent/dir/x.json", makeParams(), s, &why));
    CHECK(has(why, "/nonexistent/dir/x.json: cannot read scenario file"));
    REQUIRE(parse(R"({"commands": [{"at": "2026-06-21T07:00:00+05:00", "fault": "transport.rail"}]})", s, why));
    Time start = 0;
    parseIso8601(kDefaultStart, start);
    std::vector<Command> cmds;
    CHECK_FALSE(scenarioCommands(s, start, cmds, &why));
    CHECK(has(why, "commands[0].at: 2026-06-21T07:00:00+05:00 is before the run start"));
}

TEST_CASE("every shipped scenario parses and runs its commands without a refusal") {
    const std::filesystem::path dir = std::filesystem::path(ALMALYK_SOURCE_DIR) / "assets" / "scenarios";
    int n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") continue;
        CAPTURE(entry.path().string());
        ++n;
        Params p = makeParams();
        Scenario s;
        std::string why;
        REQUIRE_MESSAGE(loadScenario(entry.path().string(), p, s, &why), why);
        CHECK_FALSE(s.name.empty());
        CHECK_FALSE(s.description.empty());
        for (const auto& [name, value] : s.sets) REQUIRE(p.setFromText(name, value, &why));
        Time start = 0;
        parseIso8601(kDefaultStart, start);
        if (s.start) start = *s.start;
        std::vector<Command> cmds;
        REQUIRE(scenarioCommands(s, start, cmds, &why));
        World w(p, s.seed.value_or(1), start);
        Time last = start;
        for (const Command& c : cmds) { w.push(c); last = std::max(last, c.at); }
        w.advance(last + kHour, 10'000'000);
        CHECK(w.commandLog().size() == cmds.size());
        for (const LoggedCommand& lc : w.commandLog()) CHECK_MESSAGE(lc.accepted, lc.command.name << ": " << lc.message);
    }
    CHECK(n >= 2);
}

TEST_CASE("scenario: nesting deeper than the limit is refused with its position, never a stack overflow (issue 16)") {
    // Before: 100,000 nested brackets in a fault list overflowed the stack in the parser and in the walk over fault
    // targets (SIGSEGV in sim, shot and the window).
    const int n = 100000;
    const std::string deep = "{\"name\":\"d\",\"commands\":[{\"after_hours\":1,\"fault\":" + std::string(n, '[') +
                             std::string(n, ']') + "}]}";
    const std::string e = errorOf(deep);
    CHECK(e.find("test.json:1:") == 0);
    CHECK(e.find("nested deeper than 64 levels") != std::string::npos);
    // The column is that of the bracket opening level 65: '{' (1) '[' (2) '{' (3), then the fault list's brackets.
    const std::size_t at = std::string("{\"name\":\"d\",\"commands\":[{\"after_hours\":1,\"fault\":").size() + (65 - 3);
    CHECK(e.find("test.json:1:" + std::to_string(at) + ":") == 0);
    // Brackets inside strings and comments do not count; a legal file at depth 64 gets its ordinary field message.
    {
        Scenario s;
        std::string why;
        CHECK_MESSAGE(parse("// " + std::string(70, '[') + "\n{\"name\":\"" + std::string(100, '[') + "\"}", s, why), why);
        CHECK(s.name == std::string(100, '['));
    }
    const std::string at64 = "{\"name\":\"d\",\"bogus\":" + std::string(63, '[') + std::string(63, ']') + "}";
    const std::string e64 = errorOf(at64);
    CHECK_FALSE(e64.empty());
    CHECK(e64.find("nested") == std::string::npos);
}

TEST_CASE("scenario: a folder, /dev/zero and an oversized file are refused with a reason, not read without end (issue 16)") {
    Scenario s;
    std::string why;
    // Before: a folder gave "1:1: malformed JSON" and /dev/zero grew to 24 GB until the kernel killed the run.
    CHECK_FALSE(loadScenario(ALMALYK_SOURCE_DIR "/assets/scenarios", makeParams(), s, &why));
    CHECK(why.find("is a folder, not a scenario file") != std::string::npos);
    why.clear();
    CHECK_FALSE(loadScenario("/dev/zero", makeParams(), s, &why));
    CHECK(why.find("/dev/zero: larger than 16 MiB") == 0);
    // A real file just over the limit: spaces are legal JSON, so only the size can refuse it.
    const std::string big = std::string(ALMALYK_BINARY_DIR) + "/oversized_scenario.json";
    {
        std::ofstream f(big, std::ios::binary);
        f << "{\"name\":\"big\"}" << std::string(kScenarioMaxBytes, ' ');
    }
    why.clear();
    CHECK_FALSE(loadScenario(big, makeParams(), s, &why));
    CHECK(why.find("larger than 16 MiB") != std::string::npos);
    std::remove(big.c_str());
}
