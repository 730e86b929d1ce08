// The metrics registry (sim/metrics.h): well-formed names, every metric the brief and the scenes need, values that
// equal the state they view over a run with faults, rates that match the change of the units' own totals, and the
// closest names for a wrong one.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "sim/metrics.h"
#include "sim/world.h"

using namespace sim;

namespace {

Time defaultStart() { return defaultStartTime(); }

double metric(const State& s, const char* name) {
    double v = 0.0;
    std::string why;
    REQUIRE_MESSAGE(metricValue(s, name, &v, &why), why);
    return v;
}

bool validName(const std::string& n) {
    if (n.empty() || n.front() == '.' || n.back() == '.' || n.find("..") != std::string::npos) return false;
    for (char c : n)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) return false;
    return n.find('.') != std::string::npos;
}

// A World with faults on and off over two days, so flags and fault-dependent values take both states.
struct FaultedRun {
    World w;
    FaultedRun() : w(makeParams(), 3, defaultStart()) {
        const Time t0 = defaultStart();
        for (auto [at, type, target] : {std::tuple{2 * kHour, CommandType::InjectFault, "transport.crusher"},
                                        {3 * kHour, CommandType::InjectFault, "smelter.acid_plant"},
                                        {4 * kHour, CommandType::InjectFault, "h2.separator"},
                                        {5 * kHour, CommandType::InjectFault, "smr.reformer"},
                                        {6 * kHour, CommandType::InjectFault, "mine.truck:2"},
                                        {9 * kHour, CommandType::ClearFault, "transport.crusher"},
                                        {10 * kHour, CommandType::ClearFault, "smelter.acid_plant"},
                                        {26 * kHour, CommandType::ClearFault, "h2.separator"},
                                        {27 * kHour, CommandType::ClearFault, "smr.reformer"}})
            w.push({type, target, "", t0 + at});
    }
};

}  // namespace

TEST_CASE("metrics: names are unique, dotted, owned by a unit, with unit, description and a reader") {
    const std::set<std::string> units = {"sim", "sun", "weather", "mine", "transport", "concentrator", "smelter",
                                         "catalyst", "h2", "smr", "gas", "ccs", "co2", "econ", "alarms"};
    std::set<std::string> seen;
    for (const MetricDef& d : metricDefs()) {
        CAPTURE(d.name);
        CHECK(validName(d.name));
        CHECK(units.count(d.name.substr(0, d.name.find('.'))) == 1);
        CHECK(seen.insert(d.name).second);
        CHECK_FALSE(d.unit.empty());
        CHECK_FALSE(d.description.empty());
        for (const std::string* text : {&d.name, &d.unit, &d.description})
            CHECK(text->find_first_of("\t\n") == std::string::npos);  // the listing is tab-separated, one per line
        CHECK((d.read != nullptr));
        CHECK(d.decimals >= 0);
        CHECK(d.decimals <= 6);
        if (d.kind != MetricKind::Real) CHECK(d.decimals == 0);
        CHECK(findMetric(d.name) == static_cast<int>(&d - metricDefs().data()));
    }
    // The list, the sun, and what the scenes' panels, labels and plots show.
    for (const char* n : {"mine.ore_t_h", "mine.trucks_queued", "mine.trucks_working", "transport.stockpile_t",
                          "concentrator.mill_t_h", "smelter.bath_temp_c", "smelter.concentrate_store_t", "h2.photo_kg_h",
                          "h2.storage_kg", "smr.h2_kg_h", "co2.total_t_h", "sun.elevation_deg", "sun.azimuth_deg",
                          "sun.ghi_w_m2", "sun.poa_w_m2", "mine.fleet_utilisation_pct", "mine.fuel_l_h",
                          "mine.crusher_queue", "mine.dump_queue", "mine.shift_break", "mine.trucks_broken_down",
                          "transport.stockpile_capacity_t", "transport.trains", "smelter.matte_grade_pct",
                          "smelter.so2_captured_t_h", "smelter.acid_t_h", "smelter.stack_so2_t_h", "smelter.cathode_t_h",
                          "smelter.slag_t_h", "smelter.power_mw", "smelter.fuel_gj_h", "smelter.co2_t_h",
                          "smelter.fayalite_t", "smelter.so2_capture_pct", "smelter.anodes_cast",
                          "smelter.cathode_stock_t", "h2.panel_area_m2", "h2.built_area_m2", "h2.sth_effective_pct",
                          "h2.recovered_kg_h", "h2.storage_fill_pct", "h2.demand_kg_h", "h2.separator_ok", "h2.poa_w_m2",
                          "smr.co2_kg_h", "smr.tripped", "weather.cloud_cover", "catalyst.slag_used_t",
                          "econ.photocatalytic.lcoh_usd_kg", "econ.smr_grey.lcoh_low_usd_kg",
                          "econ.smr_capture.lcoh_high_usd_kg", "econ.smr_capture.co2_kg_kg", "mine.ore_t",
                          "smelter.cathode_t"}) {
        CAPTURE(n);
        CHECK(findMetric(n) >= 0);
    }
}

TEST_CASE("metrics: each value is the state's own field, over a run with faults on and off") {
    FaultedRun run;
    World& w = run.w;
    // metric -> the State field it views (or, for sun.*, World::sunAt: the same sun by another path).
    const std::vector<std::pair<const char*, std::function<double(const State&)>>> direct = {
        {"mine.ore_t_h", [](const State& s) { return s.mine.ore_t_h; }},
        {"mine.trucks_queued", [](const State& s) { return s.mine.trucksQueued; }},
        {"mine.trucks_working", [](const State& s) { return s.mine.trucksWorking; }},
        {"mine.fleet_utilisation_pct", [](const State& s) { return 100.0 * s.mine.fleetUtilisation; }},
        {"mine.truck_cycles", [](const State& s) { return static_cast<double>(s.mine.truck_cycles); }},
        {"mine.ore_t", [](const State& s) { return s.mine.ore_t; }},
        {"transport.stockpile_t", [](const State& s) { return s.transport.stockpile_t; }},
        {"transport.crusher_fault", [](const State& s) { return s.transport.crusherFault ? 1.0 : 0.0; }},
        {"concentrator.mill_t_h", [](const State& s) { return s.concentrator.throughput_t_h; }},
        {"concentrator.recovery_pct", [](const State& s) { return 100.0 * s.concentrator.recovery; }},
        {"smelter.bath_temp_c", [](const State& s) { return s.smelter.furnace.temperature_c; }},
        {"smelter.concentrate_store_t", [](const State& s) { return s.smelter.concentrate_store_t; }},
        {"smelter.acid_plant_running", [](const State& s) { return s.smelter.acid_plant.running ? 1.0 : 0.0; }},
        {"smelter.cathode_t", [](const State& s) { return s.smelter.cathode_t; }},
        {"h2.photo_kg_h", [](const State& s) { return s.h2.h2_kg_h; }},
        {"h2.storage_kg", [](const State& s) { return s.h2.storage_kg; }},
        {"h2.separator_ok", [](const State& s) { return s.h2.separator_ok ? 1.0 : 0.0; }},
        {"h2.poa_w_m2", [](const State& s) { return s.sun.poa_w_m2; }},
        {"smr.h2_kg_h", [](const State& s) { return s.smr.h2_kg_h; }},
        {"smr.tripped", [](const State& s) { return s.smr.tripped ? 1.0 : 0.0; }},
        {"weather.cloud_cover", [](const State& s) { return s.weather.cloud_cover; }},
        {"sun.elevation_deg", [&w](const State& s) { return w.sunAt(s.time).elevation_deg; }},
        {"sun.azimuth_deg", [&w](const State& s) { return w.sunAt(s.time).azimuth_deg; }},
        {"sun.ghi_w_m2", [&w](const State& s) { return w.sunAt(s.time).ghi_w_m2; }},
        {"sun.poa_w_m2", [&w](const State& s) { return w.sunAt(s.time).poa_w_m2; }},
        {"econ.photocatalytic.lcoh_usd_kg", [](const State& s) { return s.economics.at(0).lcoh_usd_kg.base; }},
        {"econ.smr_grey.co2_kg_kg", [](const State& s) { return s.economics.at(1).co2_kg_per_kg.base; }},
        {"econ.smr_capture.lcoh_high_usd_kg", [](const State& s) { return s.economics.at(2).lcoh_usd_kg.high; }},
    };
    REQUIRE(w.state().economics.size() == 4);
    CHECK(w.state().economics[0].name == "photocatalytic");
    CHECK(w.state().economics[1].name == "smr_grey");
    CHECK(w.state().economics[2].name == "smr_capture");
    CHECK(w.state().economics[3].name == "smr_depleted_field");
    std::set<std::pair<std::string, double>> seenFlags;
    int states = 0;
    for (int tick = 0; tick <= 2 * 24 * 60; tick += 47) {
        while (w.tick() < tick) w.step();
        const State& s = w.state();
        ++states;
        for (const auto& entry : direct) {
            const auto& name = entry.first;  // not a structured binding: clang 14 cannot capture one in CAPTURE
            const auto& field = entry.second;
            CAPTURE(name);
            CAPTURE(tick);
            CHECK(metric(s, name) == field(s));  // a view: bit for bit
        }
        for (const MetricDef& d : metricDefs()) {
            const double v = d.read(s);
            CAPTURE(d.name);
            if (d.kind != MetricKind::Real) CHECK(v == std::floor(v));
            if (d.kind == MetricKind::Flag) {
                CHECK((v == 0.0 || v == 1.0));
                seenFlags.insert({d.name, v});
            }
        }
    }
    CHECK(states > 50);
    // The faults above were seen both on and off through the metrics.
    for (const char* flag : {"transport.crusher_fault", "smelter.acid_plant_running", "h2.separator_ok", "smr.tripped"}) {
        CAPTURE(flag);
        CHECK(seenFlags.count({flag, 0.0}) == 1);
        CHECK(seenFlags.count({flag, 1.0}) == 1);
    }
}

TEST_CASE("metrics: rates agree with the change of the units' own totals over one tick") {
    World w(makeParams(), 5, defaultStart());
    for (int i = 0; i < 8 * 60; ++i) w.step();  // into the working day
    int checked = 0;
    for (int i = 0; i < 300; ++i) {
        const State& s = w.state();
        const double fuel0 = s.mine.fuel_l, truckCo20 = s.mine.co2_t, smelterCo20 = s.smelter.co2_t,
                     smrCo20 = s.smr.co2_kg / 1000.0, totalCo20 = metric(s, "co2.total_t");
        w.step();
        const State& n = w.state();
        const double h = toHours(n.tickLength);
        const double trucks = (n.mine.co2_t - truckCo20) / h;
        const double total = trucks + (n.smelter.co2_t - smelterCo20) / h + (n.smr.co2_kg / 1000.0 - smrCo20) / h;
        CHECK(metric(n, "mine.fuel_l_h") == doctest::Approx((n.mine.fuel_l - fuel0) / h).epsilon(1e-9));
        CHECK(metric(n, "co2.trucks_t_h") == doctest::Approx(trucks).epsilon(1e-9));
        CHECK(metric(n, "co2.total_t_h") == doctest::Approx(total).epsilon(1e-9));
        CHECK(metric(n, "co2.total_t") - totalCo20 == doctest::Approx(total * h).epsilon(1e-9));
        checked += trucks > 0;
    }
    CHECK(checked > 200);  // trucks were running for most of those ticks
}

TEST_CASE("metrics: trucks by phase add up to the fleet and match the trucks' phases") {
    World w(makeParams(), 2, defaultStart());
    const char* phases[] = {"mine.trucks_parked",   "mine.trucks_to_shovel",       "mine.trucks_queued_at_shovel",
                            "mine.trucks_spotting", "mine.trucks_loading",         "mine.trucks_hauling",
                            "mine.trucks_queued_at_dump", "mine.trucks_dumping",   "mine.trucks_returning",
                            "mine.trucks_to_park",  "mine.trucks_broken_down",     "mine.trucks_on_break"};
    for (int k = 0; k < 30; ++k) {
        for (int i = 0; i < 41; ++i) w.step();
        const State& s = w.state();
        double sum = 0;
        for (const char* p : phases) sum += metric(s, p);
        CHECK(sum == static_cast<double>(s.mine.trucks.size()));
        int loading = 0, hauling = 0, queued = 0;
        for (const TruckState& t : s.mine.trucks) {
            loading += t.phase == TruckPhase::Loading;
            hauling += t.phase == TruckPhase::Hauling;
            queued += t.phase == TruckPhase::QueuedAtShovel || t.phase == TruckPhase::QueuedAtDump;
        }
        CHECK(metric(s, "mine.trucks_loading") == loading);
        CHECK(metric(s, "mine.trucks_hauling") == hauling);
        CHECK(metric(s, "mine.trucks_queued_at_shovel") + metric(s, "mine.trucks_queued_at_dump") == queued);
    }
}

TEST_CASE("metrics: an unknown name gets the closest names; a bad index is NaN") {
    CHECK(findMetric("mine.ore_th") == -1);
    CHECK(findMetric("") == -1);
    const auto near = closestMetrics("mine.ore_th");
    REQUIRE(near.size() == 3);
    CHECK(near.front() == "mine.ore_t_h");
    CHECK(closestMetrics("smelter.bath_temp").front() == "smelter.bath_temp_c");
    CHECK(closestMetrics("stockpile_t").front() == "transport.stockpile_t");
    CHECK(closestMetrics("h2.storage", 5).size() == 5);

    World w(makeParams(), 1, defaultStart());
    double v = 42.0;
    std::string why;
    CHECK_FALSE(metricValue(w.state(), "mine.ore_th", &v, &why));
    CHECK(v == 42.0);
    CHECK(why.find("unknown metric 'mine.ore_th'") != std::string::npos);
    CHECK(why.find("mine.ore_t_h") != std::string::npos);
    CHECK(why.find("almalyk metrics") != std::string::npos);
    CHECK(std::isnan(readMetric(w.state(), -1)));
    CHECK(std::isnan(readMetric(w.state(), static_cast<int>(metricDefs().size()))));
}

TEST_CASE("metrics: the listing has a header and one tab-separated line per metric, in registry order") {
    std::istringstream is(metricsTable());
    std::string line;
    REQUIRE(std::getline(is, line));
    CHECK(line == "name\tunit\tdescription");
    std::size_t n = 0;
    while (std::getline(is, line)) {
        REQUIRE(n < metricDefs().size());
        const MetricDef& d = metricDefs()[n++];
        CHECK(line == d.name + "\t" + d.unit + "\t" + d.description);
    }
    CHECK(n == metricDefs().size());
}

TEST_CASE("metrics: each smelter alarm is named by the key of its own 0/1 metric, which follows the alarm") {
    Params p = makeParams();
    REQUIRE(p.setFromText("smelter.stack_so2_high_t_h", "0.01"));  // low enough to trip once the acid plant stops
    World w(p, 1, defaultStart());
    w.push({CommandType::InjectFault, "smelter.acid_plant", "", defaultStart() + kHour});
    bool sawActive = false;
    for (int i = 0; i < 4 * 60; ++i) {
        w.step();
        const State& s = w.state();
        REQUIRE(s.smelter.alarms.size() == 4);
        for (const AlarmState& a : s.smelter.alarms) {
            CAPTURE(a.name);
            CHECK(metric(s, a.name.c_str()) == (a.active ? 1.0 : 0.0));
            sawActive = sawActive || a.active;
        }
    }
    CHECK(sawActive);
}
