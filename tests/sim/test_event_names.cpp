// Event names and fault targets (sim/event_names.h): every enumerator of every unit's event enum has one unique,
// dotted name (found by asking the compiler which values are enumerators, so a kind added without a name fails
// here without anyone updating a count), every event a run emits is named, and every listed fault target is
// accepted by a World while targets that are not listed are refused.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/event_names.h"
#include "sim/scenario.h"
#include "sim/world.h"

using namespace sim;

namespace {

Time defaultStart() { return defaultStartTime(); }

// True when V is a declared enumerator: GCC and Clang print one by name ("sim::MineEvent::Breakdown") in
// __PRETTY_FUNCTION__ and any other value as a cast ("(sim::MineEvent)12").
template <auto V>
constexpr bool isEnumerator() {
    constexpr std::string_view f = __PRETTY_FUNCTION__;
    constexpr std::size_t at = f.rfind("V = ");
    static_assert(at != std::string_view::npos, "unexpected __PRETTY_FUNCTION__ format");
    return f[at + 4] != '(' && !(f[at + 4] >= '0' && f[at + 4] <= '9');
}

constexpr std::size_t kProbe = 64;  // far beyond any unit's kind count

template <class E, std::size_t... I>
std::vector<std::uint16_t> enumeratorsOf(std::index_sequence<I...>) {
    std::vector<std::uint16_t> out;
    ((isEnumerator<static_cast<E>(I)>() ? out.push_back(static_cast<std::uint16_t>(I)) : void()), ...);
    return out;
}

template <class E>
std::vector<std::uint16_t> enumerators() {
    return enumeratorsOf<E>(std::make_index_sequence<kProbe>{});
}

struct UnitKinds {
    Unit unit;
    const char* prefix;
    std::vector<std::uint16_t> kinds;
    int dots = 2;   // "unit.thing.what"; the plant-wide alarms' are "alarm.what" (plan11.md, the index names the alarm)
};

std::vector<UnitKinds> allUnits() {
    return {{Unit::World, "world.", enumerators<WorldEvent>()},
            {Unit::Weather, "weather.", enumerators<WeatherEvent>()},
            {Unit::Mine, "mine.", enumerators<MineEvent>()},
            {Unit::Transport, "transport.", enumerators<TransportEvent>()},
            {Unit::Concentrator, "concentrator.", enumerators<ConcentratorEvent>()},
            {Unit::Smelter, "smelter.", enumerators<SmelterEvent>()},
            {Unit::Catalyst, "catalyst.", enumerators<CatalystEvent>()},
            {Unit::Hydrogen, "h2.", enumerators<HydrogenEvent>()},
            {Unit::Smr, "smr.", enumerators<SmrEvent>()},
            {Unit::GasField, "gas.", enumerators<GasFieldEvent>()},
            {Unit::Alarms, "alarm.", enumerators<AlarmEvent>(), 1}};
}

bool validName(const std::string& n) {
    for (char c : n)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) return false;
    return !n.empty() && n.find("..") == std::string::npos && n.back() != '.';
}

std::vector<LoggedCommand> pushAll(const Params& p, CommandType type, const std::vector<std::string>& targets) {
    World w(p, 1, defaultStart());
    for (const std::string& t : targets) w.push({type, t, "", -1});
    w.step();
    return w.commandLog();
}

}  // namespace

TEST_CASE("event names: the enumerator probe tells enumerators from other values") {
    static_assert(isEnumerator<MineEvent::Breakdown>());
    static_assert(isEnumerator<SmelterEvent::ConverterPour>());
    static_assert(!isEnumerator<static_cast<MineEvent>(kProbe - 1)>());
    CHECK(enumerators<WorldEvent>() ==
          std::vector<std::uint16_t>{static_cast<std::uint16_t>(WorldEvent::CommandApplied),
                                     static_cast<std::uint16_t>(WorldEvent::CommandRefused)});
}

TEST_CASE("event names: every kind of every unit has one unique dotted name under its unit") {
    std::set<std::string> names;
    std::size_t total = 0;
    for (const UnitKinds& u : allUnits()) {
        CAPTURE(u.prefix);
        REQUIRE_FALSE(u.kinds.empty());
        CHECK(u.kinds.back() + 1u < kProbe);  // the probe saw the end of the enum
        for (std::size_t i = 0; i < u.kinds.size(); ++i) CHECK(u.kinds[i] == i);  // kinds are dense from 0
        for (std::uint16_t k : u.kinds) {
            CAPTURE(k);
            const char* n = eventName(u.unit, k);
            REQUIRE(n != nullptr);
            CHECK(validName(n));
            CHECK(std::string(n).rfind(u.prefix, 0) == 0);
            CHECK(std::count(n, n + std::string_view(n).size(), '.') == u.dots);
            CHECK(names.insert(n).second);
            ++total;
        }
        for (std::uint16_t k = static_cast<std::uint16_t>(u.kinds.size()); k < kProbe; ++k) CHECK(eventName(u.unit, k) == nullptr);
    }
    CHECK(eventName(Unit::Economics, 0) == nullptr);
    const std::vector<std::string> listed = eventNames();
    CHECK(listed.size() == total);
    CHECK(std::set<std::string>(listed.begin(), listed.end()) == names);
    CHECK(std::string(eventName(Unit::Mine, static_cast<std::uint16_t>(MineEvent::Breakdown))) == "mine.truck.breakdown");
    CHECK(std::string(eventName(Unit::Smelter, static_cast<std::uint16_t>(SmelterEvent::ConverterPour))) ==
          "smelter.converter.pour");
}

TEST_CASE("event names: every event of a run with faults and parameter changes is named") {
    World w(makeParams(), 4, defaultStart());
    const Time t0 = defaultStart();
    for (const std::string& target : faultTargets(w.params())) {
        w.push({CommandType::InjectFault, target, "", t0 + 3 * kHour});
        w.push({CommandType::ClearFault, target, "", t0 + 5 * kHour});
    }
    w.push({CommandType::SetParam, "mine.trucks", "30", t0 + 6 * kHour});
    w.push({CommandType::SetParam, "mine.pit.depth_m", "300", t0 + 7 * kHour});
    w.push({CommandType::SetParam, "no.such_param", "1", t0 + 7 * kHour});
    std::set<std::string> seen;
    for (int i = 0; i < 3 * 24 * 60; ++i) {
        w.step();
        for (const Event& e : w.events()) {
            const char* n = eventName(e);
            CAPTURE(static_cast<int>(e.unit));
            CAPTURE(e.kind);
            REQUIRE(n != nullptr);
            seen.insert(n);
        }
    }
    for (const char* n : {"world.command.applied", "world.command.refused", "mine.truck.breakdown",
                          "mine.truck.dumped", "mine.network.rebuilt", "transport.fault.changed",
                          "smelter.converter.pour", "smelter.fault.changed", "h2.sun.rise", "h2.separator.fault",
                          "smr.reformer.tripped"}) {
        CAPTURE(n);
        CHECK(seen.count(n) == 1);
    }
}

TEST_CASE("fault targets: every listed one is accepted, on and off, for several parameter sets") {
    for (const auto& sets : {std::vector<std::pair<std::string, std::string>>{},
                             {{"mine.trucks", "7"}, {"mine.shovels", "2"}, {"smelter.converters", "2"}},
                             {{"mine.trucks", "1"}, {"mine.shovels", "1"}, {"smelter.converters", "6"},
                              {"transport.mode", "conveyor"}}}) {
        Params p = makeParams();
        for (const auto& [name, value] : sets) REQUIRE(p.setFromText(name, value));
        const std::vector<std::string> targets = faultTargets(p);
        CAPTURE(targets.size());
        std::size_t trucks = 0, shovels = 0, converters = 0;
        for (const std::string& t : targets) {
            trucks += t.rfind("mine.truck:", 0) == 0;
            shovels += t.rfind("mine.shovel:", 0) == 0;
            converters += t.rfind("smelter.converter:", 0) == 0;
            CHECK(isFaultTargetSyntax(t));  // a scenario file may name it
        }
        CHECK(trucks == static_cast<std::size_t>(p.getInt("mine.trucks")));
        CHECK(shovels == static_cast<std::size_t>(p.getInt("mine.shovels")));
        CHECK(converters == static_cast<std::size_t>(p.getInt("smelter.converters")));
        CHECK(std::set<std::string>(targets.begin(), targets.end()).size() == targets.size());
        for (CommandType type : {CommandType::InjectFault, CommandType::ClearFault}) {
            const auto log = pushAll(p, type, targets);
            REQUIRE(log.size() == targets.size());
            for (const LoggedCommand& lc : log) {
                CAPTURE(lc.command.name);
                CAPTURE(lc.message);
                CHECK(lc.accepted);
            }
        }
        // Just past each indexed range, and names no unit owns, are refused.
        const std::vector<std::string> unlisted = {
            "mine.truck:" + std::to_string(trucks), "mine.shovel:" + std::to_string(shovels),
            "smelter.converter:" + std::to_string(converters), "mine.truck:-1", "mine.truck:", "transport.crushers",
            "h2.separator:0", "smr", "concentrator.mil", "weather.clouds", "catalyst.line"};
        const auto log = pushAll(p, CommandType::InjectFault, unlisted);
        REQUIRE(log.size() == unlisted.size());
        for (const LoggedCommand& lc : log) {
            CAPTURE(lc.command.name);
            CHECK_FALSE(lc.accepted);
            CHECK_FALSE(lc.message.empty());
        }
        // A name no unit owns gets the closest listed targets.
        CHECK(log[5].message.find("unknown fault target 'transport.crushers'; did you mean transport.crusher") == 0);
        CHECK(log[8].message.find("did you mean concentrator.mill") != std::string::npos);
    }
}

TEST_CASE("fault targets: the listing has a header and target, unit, description per line") {
    const Params p = makeParams();
    const auto defs = faultTargetDefs(p);
    std::istringstream is(faultTargetsTable(p));
    std::string line;
    REQUIRE(std::getline(is, line));
    CHECK(line == "target\tunit\tdescription");
    std::size_t n = 0;
    while (std::getline(is, line)) {
        REQUIRE(n < defs.size());
        const FaultTarget& f = defs[n++];
        CHECK(line == f.target + "\t" + f.unit + "\t" + f.description);
        CHECK(f.target.rfind(f.unit + ".", 0) == 0);
        CHECK(f.description.find_first_of("\t\n") == std::string::npos);
    }
    CHECK(n == defs.size());
    CHECK(faultTargets(p).front() == "mine.truck:0");
}
