// Extreme but legal inputs (the list, plus every parameter at its minimum and at its maximum at once) run
// to the end with no NaN anywhere and no negative stock.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <sstream>

#include "sim/batch.h"
#include "sim/world.h"

using namespace sim;

namespace {

// Every number in the summary is finite, except the economics' "no hydrogen made" infinities (JSON null there).
void checkFinite(const nlohmann::json& j, const std::string& path) {
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) checkFinite(it.value(), path + "." + it.key());
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) checkFinite(j[i], path + "[" + std::to_string(i) + "]");
    } else if (j.is_number_float()) {
        CHECK_MESSAGE(std::isfinite(j.get<double>()), path);
    } else if (j.is_null()) {
        CHECK_MESSAGE(path.rfind(".economics", 0) == 0, path << " is null");
    }
}

void checkStocks(const State& s) {
    const double stocks[] = {s.transport.romPad_t, s.transport.stockpile_t, s.transport.onTrains_t,
                             s.transport.conveyorLoad_t, s.concentrator.oreStore_t, s.smelter.concentrate_store_t,
                             s.smelter.furnace.matte_t, s.smelter.furnace.slag_t, s.smelter.tankhouse.anode_stock_t,
                             s.catalyst.stock_kg, s.h2.storage_kg, s.h2.panel_area_m2, s.mine.ore_t, s.mine.fuel_l};
    for (double v : stocks) {
        REQUIRE(std::isfinite(v));
        REQUIRE(v >= 0.0);
    }
    REQUIRE(std::isfinite(s.smelter.furnace.temperature_c));
    REQUIRE(std::isfinite(s.h2.h2_kg_h));
    REQUIRE(std::isfinite(s.sun.poa_w_m2));
}

void runExtreme(const std::string& label, const std::function<void(Params&)>& setUp, double hours) {
    CAPTURE(label);
    Params p = makeParams();
    setUp(p);
    Time start = 0;
    parseIso8601(kDefaultStart, start);
    World w(p, 2, start);
    std::ostringstream csv;
    while (w.now() < start + fromSeconds(hours * 3600.0)) {
        w.step();
        checkStocks(w.state());
        if (w.tick() % 60 == 0) csv << csvRow(w.state()) << '\n';
    }
    CHECK(csv.str().find("nan") == std::string::npos);
    CHECK(csv.str().find("inf") == std::string::npos);
    checkFinite(summarize(w, label), "");
}

void setAll(Params& p, bool toMax) {
    for (const ParamDef& d : p.defs()) {
        if (d.name == "sim.tick_s") continue;  // 1 s ticks only make the test slow, not harder
        REQUIRE(p.set(d.name, toMax ? d.max : d.min));
    }
}

}  // namespace

TEST_CASE("the issue's extremes run to the end with no NaN and no negative stock") {
    runExtreme("1 truck", [](Params& p) { p.set("mine.trucks", 1); }, 48);
    runExtreme("500 trucks", [](Params& p) { p.set("mine.trucks", 500); }, 24);
    runExtreme("STH 0", [](Params& p) { p.set("h2.sth_percent", 0); }, 48);
    runExtreme("cloud cover 1", [](Params& p) { p.set("weather.cloud_cover", 1); }, 48);
    runExtreme("zero panel area", [](Params& p) { p.set("h2.panel_area_m2", 0); p.set("catalyst.slag_share", 0); }, 48);
    runExtreme("no trains", [](Params& p) { p.set("transport.trains", 0); p.set("transport.stockpile_t", 0); }, 24);
    runExtreme("crusher and concentrator at 0", [](Params& p) {
        p.set("transport.crusher_t_h", 0);
        p.set("concentrator.capacity_t_h", 0);
    }, 24);
    runExtreme("hour-long ticks", [](Params& p) { p.set("sim.tick_s", 3600); }, 24 * 7);
}

TEST_CASE("every parameter at its minimum, then at its maximum, at once") {
    runExtreme("all minimum", [](Params& p) { setAll(p, false); }, 24);
    runExtreme("all maximum", [](Params& p) { setAll(p, true); }, 12);
}

TEST_CASE("live changes to extreme values mid-run keep the state sane") {
    Params p = makeParams();
    Time start = 0;
    parseIso8601(kDefaultStart, start);
    World w(p, 4, start);
    const std::vector<std::pair<std::string, std::string>> changes = {
        {"mine.trucks", "500"}, {"transport.trains", "0"}, {"transport.mode", "conveyor"}, {"mine.trucks", "1"},
        {"transport.stockpile_t", "0"}, {"concentrator.conc_cu_pct", "10"}, {"concentrator.head_grade_pct", "3"},
        {"transport.mode", "both"}, {"transport.trains", "60"}, {"weather.cloud_cover", "1"}, {"h2.sth_percent", "0"}};
    for (std::size_t i = 0; i < changes.size(); ++i)
        w.push({CommandType::SetParam, changes[i].first, changes[i].second, start + static_cast<Time>(i + 1) * kHour});
    while (w.now() < start + static_cast<Time>(changes.size() + 3) * kHour) {
        w.step();
        checkStocks(w.state());
    }
    for (const LoggedCommand& lc : w.commandLog()) CHECK_MESSAGE(lc.accepted, lc.command.name << ": " << lc.message);
    checkFinite(summarize(w, "live"), "");
}
