// The batch run behind `almalyk sim`: input validation (exit-2 cases), CSV layout and timing, summary fields, and
// the `almalyk params` table.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "sim/batch.h"
#include "sim/metrics.h"
#include "sim/world.h"

using namespace sim;

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream is(s);
    while (std::getline(is, cur, sep)) out.push_back(cur);
    if (!s.empty() && s.back() == sep) out.emplace_back();
    return out;
}

bool prepareFails(BatchSpec spec, const std::string& expected) {
    PreparedBatch run;
    std::string why;
    const bool ok = prepareBatch(spec, run, &why);
    if (!ok && why.find(expected) == std::string::npos) MESSAGE("message: " << why);
    return !ok && why.find(expected) != std::string::npos;
}

std::string tempFile(const std::string& name, const std::string& text) {
    const std::string path = std::string(ALMALYK_BINARY_DIR) + "/" + name;
    std::ofstream(path) << text;
    return path;
}

}  // namespace

TEST_CASE("bad batch input is refused with a message naming what and where") {
    BatchSpec s;
    s.sets = {{"mine.truckz", "40"}};
    CHECK(prepareFails(s, "--set mine.truckz=40: unknown parameter 'mine.truckz'; did you mean mine.trucks"));
    s.sets = {{"mine.trucks", "0"}};
    CHECK(prepareFails(s, "value 0 is outside its range; expected a whole number in 1..500"));
    s.sets = {{"mine.trucks", "many"}};
    CHECK(prepareFails(s, "'many' is not a valid value"));
    s.sets = {};
    s.start = "2026-13-01T00:00";
    CHECK(prepareFails(s, "--start: '2026-13-01T00:00': month must be 01..12"));
    s.start = "yesterday";
    CHECK(prepareFails(s, "--start: 'yesterday'"));
    s.start = "";
    s.scenarioPath = tempFile("bad_scenario.json", "{\n \"set\": {\n  \"mine.trucks\": 40\n  \"mine.shovels\": 3 }\n}\n");
    CHECK(prepareFails(s, "bad_scenario.json:4:3: malformed JSON"));
    s.scenarioPath = tempFile("bad_value.json", R"({"set": {"h2.sth_percent": 45}})");
    CHECK(prepareFails(s, "bad_value.json: set.h2.sth_percent: parameter 'h2.sth_percent': value 45 is outside"));
    s.scenarioPath = "/no/such/scenario.json";
    CHECK(prepareFails(s, "/no/such/scenario.json: cannot read scenario file"));
}

TEST_CASE("run length and --every are refused outside one tick .. the run, in the run's own ticks (issue 16)") {
    // Before: --days 1e-300 ran nothing and exited 0; --every 1e-12 made a one-day run take 27 s.
    BatchSpec s;
    s.lengthFlag = "--days";
    s.hours = 1e-300 * 24;
    CHECK(prepareFails(s, "--days 1e-300: expected at least one tick (sim.tick_s = 60 s: 0.0006944444444 days)"));
    s.lengthFlag = "--hours";
    s.hours = 0.01;  // 36 s
    CHECK(prepareFails(s, "--hours 0.01: expected at least one tick (sim.tick_s = 60 s: 0.01666666667 hours)"));
    s.hours = 1.0 / 60.0;  // exactly one tick runs
    PreparedBatch run;
    std::string why;
    CHECK_MESSAGE(prepareBatch(s, run, &why), why);
    CHECK(run.end - run.start == 60 * kSecond);
    // A shorter tick (--set sim.tick_s=10) allows a shorter run and closer rows.
    s.sets = {{"sim.tick_s", "10"}};
    s.hours = 0.005;  // 18 s
    s.everyMinutes = 0.25;
    s.everyGiven = true;
    CHECK_MESSAGE(prepareBatch(s, run, &why), why);
    CHECK(run.every == 15 * kSecond);
    s.sets = {};
    s.hours = 24;
    s.everyMinutes = 1e-12;
    CHECK(prepareFails(s, "--every 1e-12: expected 1 to 1440 minutes (one tick, sim.tick_s = 60 s, to the run's length)"));
    s.everyMinutes = 1441;
    CHECK(prepareFails(s, "--every 1441: expected 1 to 1440 minutes"));
    s.everyMinutes = 1440;
    CHECK(prepareBatch(s, run, &why));
    // The default 60 is never refused for a short run: only a given --every is held to the run's length.
    s.hours = 0.5;
    s.everyMinutes = 60;
    s.everyGiven = false;
    CHECK_MESSAGE(prepareBatch(s, run, &why), why);
    s.everyGiven = true;
    CHECK(prepareFails(s, "--every 60: expected 1 to 30 minutes"));
}

TEST_CASE("precedence: defaults < scenario < --set; scenario seed and start unless given") {
    BatchSpec s;
    s.scenarioPath = tempFile("prec.json", R"({"seed": 77, "start": "2026-03-01T00:00:00+05:00",
                                              "set": {"mine.trucks": 30, "mine.shovels": 4}})");
    s.sets = {{"mine.trucks", "20"}};
    PreparedBatch r;
    REQUIRE(prepareBatch(s, r, nullptr));
    CHECK(r.params.getInt("mine.trucks") == 20);
    CHECK(r.params.getInt("mine.shovels") == 4);
    CHECK(r.seed == 77);
    CHECK(formatIso8601(r.start) == "2026-03-01T00:00:00+05:00");
    s.seed = 3;
    s.seedGiven = true;
    s.start = "2026-06-01T12:00";
    REQUIRE(prepareBatch(s, r, nullptr));
    CHECK(r.seed == 3);
    CHECK(formatIso8601(r.start) == "2026-06-01T12:00:00+05:00");
}

TEST_CASE("CSV: design.md's columns first, one row at the start and every --every minutes") {
    BatchSpec s;
    s.hours = 6;
    s.everyMinutes = 30;
    PreparedBatch r;
    REQUIRE(prepareBatch(s, r, nullptr));
    std::ostringstream os;
    runBatch(r, &os);
    const std::vector<std::string> lines = split(os.str(), '\n');
    REQUIRE(lines.size() == 1 + 13 + 1);  // header, rows at 0, 30, ..., 360 min, and the final newline
    CHECK(lines.back().empty());
    const std::vector<std::string> header = split(lines[0], ',');
    const std::vector<std::string> design = {"time", "sun_elevation_deg", "sun_azimuth_deg", "ghi_w_m2", "poa_w_m2",
                                             "panel_area_m2", "h2_photo_kg_h", "ore_t_h", "trucks_queued",
                                             "smelter_temp_c", "cathode_t_h"};
    REQUIRE(header.size() > design.size());
    for (std::size_t i = 0; i < design.size(); ++i) CHECK(header[i] == design[i]);
    CHECK(header == csvColumns());
    for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
        const auto cells = split(lines[i], ',');
        REQUIRE(cells.size() == header.size());
        CHECK(cells[0].size() == 25);
        CHECK(cells[0].substr(19) == "+05:00");
        for (std::size_t c = 1; c < cells.size(); ++c) CHECK(std::isfinite(std::stod(cells[c])));
    }
    // design.md's default start, 10:00 (mid-shift), then every 30 minutes.
    CHECK(lines[1].rfind("2026-06-21T10:00:00+05:00,", 0) == 0);
    CHECK(lines[2].rfind("2026-06-21T10:30:00+05:00,", 0) == 0);
    CHECK(lines[9].rfind("2026-06-21T14:00:00+05:00,", 0) == 0);
    // The sun at 14:00 local in June is high in the south-west of Almalyk.
    const auto noonish = split(lines[9], ',');
    CHECK(std::stod(noonish[1]) > 55.0);
    CHECK(std::stod(noonish[2]) > 180.0);
}

TEST_CASE("summary: every field design.md lists, consistent with the run") {
    BatchSpec s;
    s.hours = 12;
    s.seed = 9;
    s.seedGiven = true;
    PreparedBatch r;
    REQUIRE(prepareBatch(s, r, nullptr));
    const nlohmann::json j = runBatch(r, nullptr);
    for (const char* k : {"seed", "start", "end", "sim_hours", "wall_s", "state_hash"}) CHECK_MESSAGE(j.contains(k), k);
    const std::map<std::string, std::vector<std::string>> groups = {
        {"mine", {"truck_cycles", "ore_t", "waste_t", "mean_queue_min", "mean_haul_min", "mean_return_min", "fuel_l"}},
        {"concentrator", {"ore_t", "concentrate_t", "cu_in_concentrate_t"}},
        {"smelter", {"concentrate_t", "cathode_t", "slag_t", "acid_t", "so2_emitted_t"}},
        {"catalyst", {"slag_used_t", "produced_kg"}},
        {"h2", {"photocatalytic_kg", "smr_kg", "panel_area_m2", "smr_ch4_kg"}},
        {"co2_t", {"trucks", "smelter", "smr", "total"}},
        {"balance", {"cu_rel_error", "fe_rel_error", "s_rel_error"}}};
    // No structured binding here: doctest's macros capture in a lambda, which clang 14 refuses for a binding.
    for (const auto& g : groups)
        for (const std::string& k : g.second) CHECK_MESSAGE(j[g.first].contains(k), g.first << "." << k);
    CHECK(j["seed"] == 9);
    CHECK(j["start"] == "2026-06-21T10:00:00+05:00");   // design.md's default start
    CHECK(j["end"] == "2026-06-21T22:00:00+05:00");
    CHECK(j["sim_hours"].get<double>() == 12.0);
    CHECK(j["state_hash"].get<std::string>().size() == 16);
    const double total = j["co2_t"]["trucks"].get<double>() + j["co2_t"]["smelter"].get<double>() + j["co2_t"]["smr"].get<double>();
    CHECK(j["co2_t"]["total"].get<double>() == doctest::Approx(total));
    for (const char* k : {"cu_rel_error", "fe_rel_error", "s_rel_error", "ore_rel_error"}) CHECK(j["balance"][k].get<double>() < 1e-9);
    // Concentrate is ~21 % Cu.
    CHECK(j["concentrator"]["cu_in_concentrate_t"].get<double>() ==
          doctest::Approx(0.21 * j["concentrator"]["concentrate_t"].get<double>()));
}

TEST_CASE("a scenario's commands run, and their log reaches the summary") {
    BatchSpec s;
    s.hours = 8;
    s.scenarioPath = std::string(ALMALYK_SOURCE_DIR) + "/assets/scenarios/acid_plant_trip.json";
    PreparedBatch r;
    std::string why;
    REQUIRE_MESSAGE(prepareBatch(s, r, &why), why);
    const nlohmann::json with = runBatch(r, nullptr);
    REQUIRE(with["commands"].size() == 2);
    CHECK(with["commands"][0]["time"] == "2026-06-21T10:00:00+05:00");
    CHECK(with["commands"][0]["type"] == "fault");
    CHECK(with["commands"][0]["accepted"] == true);
    CHECK(with["scenario"] == "Acid plant trip");
    r.commands.clear();
    const nlohmann::json without = runBatch(r, nullptr);
    CHECK(with["smelter"]["so2_emitted_t"].get<double>() > 10.0 * without["smelter"]["so2_emitted_t"].get<double>());
    CHECK(with["smelter"]["acid_t"].get<double>() < without["smelter"]["acid_t"].get<double>());
}

TEST_CASE("params table: header, six tab-separated fields per parameter, every parameter once") {
    const Params p = makeParams();
    const std::vector<std::string> lines = split(paramsTable(p), '\n');
    REQUIRE(lines.size() == p.defs().size() + 2);
    CHECK(lines[0] == "name\tunit\tdefault\tmin\tmax\tdescription");
    for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
        const auto f = split(lines[i], '\t');
        REQUIRE(f.size() == 6);
        CHECK(f[0] == p.defs()[i - 1].name);
        CHECK_FALSE(f[5].empty());
    }
    CHECK(paramsTable(p).find("mine.trucks\tcount\t44\t1\t500\t") != std::string::npos);
    CHECK(paramsTable(p).find("transport.mode\t-\trail\trail\tboth\t") != std::string::npos);
}

TEST_CASE("CSV: the header is pinned, and every column but time prints one registered metric") {
    // The whole header as the baseline binary writes it (design.md's columns, then the extras): a renamed, dropped or
    // reordered column breaks users' scripts.
    const std::string pinned =
        "time,sun_elevation_deg,sun_azimuth_deg,ghi_w_m2,poa_w_m2,panel_area_m2,h2_photo_kg_h,ore_t_h,trucks_queued,"
        "smelter_temp_c,cathode_t_h,cloud_cover,trucks_working,crusher_queue_t,crusher_t_h,stockpile_t,trains_moving,"
        "conveyor_t_h,ore_to_concentrator_t_h,mill_t_h,head_grade_pct,recovery_pct,concentrate_t_h,concentrate_store_t,"
        "acid_t_h,stack_so2_t_h,slag_t_h,catalyst_kg_h,h2_storage_kg,smr_h2_kg_h,smr_co2_kg_h,"
        "h2_demand_kg_h,h2_served_photo_kg_h,h2_served_reformer_kg_h,h2_unserved_kg_h,h2_vented_kg_h,"
        "h2_reformer_share_pct,h2_activity,catalyst_stock_kg,smr_online,gas_rate_nm3_h,gas_pressure_bar,"
        "gas_reserve_left_pct,ccs_co2_injected_t_h,ccs_co2_stored_t"
        // [chain] buffers, appended (issue 11)
        ",smelter_feed_t_h,other_conc_t_h,stockpile_cover_h,ore_store_t,ore_store_cover_h,concentrate_store_cover_h,"
        "anode_stock_t,anode_stock_cover_h,current_density_a_m2,catalyst_stock_cover_h,h2_storage_cover_h,"
        "alarms_active";
    CHECK(split(pinned, ',') == csvColumns());
    REQUIRE(csvTable().size() == csvColumns().size());
    for (const CsvColumn& c : csvTable()) {
        CAPTURE(c.name);
        if (c.name == "time") CHECK(c.metric.empty());
        else CHECK(findMetric(c.metric) >= 0);
    }
}

TEST_CASE("CSV: each row's cells parse back to the state's own values at the row's time") {
    // column -> the State field (or the World's sun at the row's time) it must carry, independent of the registry.
    World w(makeParams(), 6, 0);
    w.push({CommandType::InjectFault, "transport.crusher", "", 10 * kHour});
    w.push({CommandType::ClearFault, "transport.crusher", "", 14 * kHour});
    w.push({CommandType::SetParam, "transport.mode", "both", 20 * kHour});
    const std::map<std::string, std::function<double(const State&)>> field = {
        {"sun_elevation_deg", [&w](const State& s) { return w.sunAt(s.time).elevation_deg; }},
        {"sun_azimuth_deg", [&w](const State& s) { return w.sunAt(s.time).azimuth_deg; }},
        {"ghi_w_m2", [&w](const State& s) { return w.sunAt(s.time).ghi_w_m2; }},
        {"poa_w_m2", [&w](const State& s) { return w.sunAt(s.time).poa_w_m2; }},
        {"panel_area_m2", [](const State& s) { return s.h2.panel_area_m2; }},
        {"h2_photo_kg_h", [](const State& s) { return s.h2.h2_kg_h; }},
        {"ore_t_h", [](const State& s) { return s.mine.ore_t_h; }},
        {"trucks_queued", [](const State& s) { return s.mine.trucksQueued; }},
        {"smelter_temp_c", [](const State& s) { return s.smelter.furnace.temperature_c; }},
        {"cathode_t_h", [](const State& s) { return s.smelter.cathode_t_h; }},
        {"cloud_cover", [](const State& s) { return s.weather.cloud_cover; }},
        {"trucks_working", [](const State& s) { return s.mine.trucksWorking; }},
        {"crusher_queue_t", [](const State& s) { return s.transport.romPad_t; }},
        {"crusher_t_h", [](const State& s) { return s.transport.crusherRate_t_h; }},
        {"stockpile_t", [](const State& s) { return s.transport.stockpile_t; }},
        {"trains_moving", [](const State& s) {
             int n = 0;
             for (const Train& t : s.transport.trains) n += t.phase == TrainPhase::Hauling || t.phase == TrainPhase::Returning;
             return static_cast<double>(n);
         }},
        {"conveyor_t_h", [](const State& s) { return s.transport.conveyorFlow_t_h; }},
        {"ore_to_concentrator_t_h", [](const State& s) { return s.transport.deliveryRate_t_h; }},
        {"mill_t_h", [](const State& s) { return s.concentrator.throughput_t_h; }},
        {"head_grade_pct", [](const State& s) { return s.concentrator.headGrade_pct; }},
        {"recovery_pct", [](const State& s) { return 100.0 * s.concentrator.recovery; }},
        {"concentrate_t_h", [](const State& s) { return s.concentrator.concentrate_t_h; }},
        {"concentrate_store_t", [](const State& s) { return s.smelter.concentrate_store_t; }},
        {"acid_t_h", [](const State& s) { return s.smelter.acid_t_h; }},
        {"stack_so2_t_h", [](const State& s) { return s.smelter.stack_so2_t_h; }},
        {"slag_t_h", [](const State& s) { return s.smelter.slag_t_h; }},
        {"catalyst_kg_h", [](const State& s) { return s.catalyst.produced_kg_h; }},
        {"h2_storage_kg", [](const State& s) { return s.h2.storage_kg; }},
        {"smr_h2_kg_h", [](const State& s) { return s.smr.h2_kg_h; }},
        {"smr_co2_kg_h", [](const State& s) { return s.smr.co2_kg_h; }},
        {"h2_demand_kg_h", [](const State& s) { return s.h2.demand_kg_h; }},
        {"h2_served_photo_kg_h", [](const State& s) { return s.h2.served_photo_kg_h; }},
        {"h2_served_reformer_kg_h", [](const State& s) { return s.h2.served_reformer_kg_h; }},
        {"h2_unserved_kg_h", [](const State& s) { return s.h2.unserved_kg_h; }},
        {"h2_vented_kg_h", [](const State& s) { return s.h2.vented_kg_h; }},
        {"h2_reformer_share_pct", [](const State& s) { return s.h2.reformer_share_pct; }},
        {"h2_activity", [](const State& s) { return s.h2.activity; }},
        {"catalyst_stock_kg", [](const State& s) { return s.catalyst.stock_kg; }},
        {"smr_online", [](const State& s) { return s.smr.online ? 1.0 : 0.0; }},
        {"gas_rate_nm3_h", [](const State& s) { return s.gas.rate_nm3_h; }},
        {"gas_pressure_bar", [](const State& s) { return s.gas.pressure_bar; }},
        {"gas_reserve_left_pct", [](const State& s) { return s.gas.reserve_left_pct; }},
        {"ccs_co2_injected_t_h", [](const State& s) { return s.gas.co2_injected_t_h; }},
        {"ccs_co2_stored_t", [](const State& s) { return s.gas.co2_stored_t; }},
        // [chain] buffers: covers recomputed here from the stocks and draws (stock / draw, nominal draw when idle)
        {"smelter_feed_t_h", [](const State& s) { return s.smelter.furnace.feed_t_h; }},
        {"other_conc_t_h", [](const State& s) { return s.smelter.other_conc_t_h; }},
        {"stockpile_cover_h", [](const State& s) {
             // rail only here until hour 20: 1,050 t trains every 15 min haul 4,200 t/h when nothing was drawn
             const double draw = s.transport.stockpileDraw_t_h > 0 ? s.transport.stockpileDraw_t_h
                                 : s.transport.mode == TransportMode::Rail ? 4200.0 : 4200.0 + 6500.0;
             return std::min(999.0, s.transport.stockpile_t / draw);
         }},
        {"ore_store_t", [](const State& s) { return s.concentrator.oreStore_t; }},
        {"ore_store_cover_h", [](const State& s) {
             const double draw = s.concentrator.throughput_t_h > 0 ? s.concentrator.throughput_t_h : 4600.0;
             return std::min(999.0, s.concentrator.oreStore_t / draw);
         }},
        {"concentrate_store_cover_h", [](const State& s) {
             const double draw = s.smelter.furnace.feed_t_h > 0 ? s.smelter.furnace.feed_t_h : 82.0;
             return std::min(999.0, s.smelter.concentrate_store_t / draw);
         }},
        {"anode_stock_t", [](const State& s) { return s.smelter.tankhouse.anode_stock_t; }},
        {"anode_stock_cover_h", [](const State& s) {
             // nominal: 500 cells x 100 m2 x 300 A/m2 x 1.186 g/Ah x 0.95 = 16.9 t/h
             const double draw = s.smelter.tankhouse.cathode_t_h > 0 ? s.smelter.tankhouse.cathode_t_h
                                                                     : 500 * 100.0 * 300.0 * 1.186e-6 * 0.95;
             return std::min(999.0, s.smelter.tankhouse.anode_stock_t / draw);
         }},
        {"current_density_a_m2", [](const State& s) { return s.smelter.tankhouse.current_density_a_m2; }},
        {"catalyst_stock_cover_h", [](const State& s) {
             // 10 g/m2 loading; the shop's full 1,000 m2/day when it built nothing
             const double use = (s.catalyst.build_m2_day > 0 ? s.catalyst.build_m2_day : 1000.0) * 0.010 / 24.0;
             return std::min(999.0, s.catalyst.stock_kg / use);
         }},
        {"h2_storage_cover_h", [](const State& s) {  // the hydrogen helper's net draw: demand less what panels recover
             const double net = s.h2.demand_kg_h - s.h2.h2_recovered_kg_h;
             return std::min(999.0, s.h2.storage_kg / (net > 0.0 ? net : s.h2.demand_kg_h));
         }},
        {"alarms_active", [](const State& s) {
             return static_cast<double>(std::count_if(s.alarms.list.begin(), s.alarms.list.end(),
                                                      [](const AlarmStatus& a) { return a.active; }));
         }},
    };
    REQUIRE(field.size() + 1 == csvColumns().size());
    std::set<std::string> varied;
    std::map<std::string, std::string> first;
    for (int row = 0; row < 36; ++row) {
        const State& s = w.state();
        const auto cells = split(csvRow(s), ',');
        REQUIRE(cells.size() == csvColumns().size());
        CHECK(cells[0] == formatIso8601(s.time));
        for (std::size_t c = 1; c < cells.size(); ++c) {
            const std::string& col = csvColumns()[c];
            CAPTURE(col);
            CAPTURE(cells[c]);
            const int decimals = metricDefs()[static_cast<std::size_t>(findMetric(csvTable()[c].metric))].decimals;
            const double want = field.at(col)(s), got = std::stod(cells[c]);
            CHECK(std::fabs(got - want) <= 0.5 * std::pow(10.0, -decimals) * (1 + 1e-9) + 1e-12 * std::fabs(want));
            if (!first.count(col)) first[col] = cells[c];
            else if (first[col] != cells[c]) varied.insert(col);
        }
        for (int i = 0; i < 61; ++i) w.step();
    }
    // The rows are not trivially constant: most columns move over a day and a half.
    CHECK(varied.size() >= 24);
}

TEST_CASE("summary: values read through the metrics equal the state's fields, counts stay JSON integers") {
    BatchSpec s;
    s.hours = 30;
    s.scenarioPath = std::string(ALMALYK_SOURCE_DIR) + "/assets/scenarios/fleet_breakdown.json";
    PreparedBatch r;
    std::string why;
    REQUIRE_MESSAGE(prepareBatch(s, r, &why), why);
    World w(r.params, r.seed, r.start);
    for (const Command& c : r.commands) w.push(c);
    while (w.now() < r.end) w.step();
    const nlohmann::json j = summarize(w, r.scenarioName);
    nlohmann::json batch = runBatch(r, nullptr);
    // The batch adds the buffers sampled during the run; each ends at the state's own level, between its min and max.
    const nlohmann::json buffers = batch["buffers"];
    batch.erase("buffers");
    CHECK(j == batch);  // the batch run is this run
    CHECK(buffers["concentrate_store"]["end"].get<double>() == w.state().smelter.concentrate_store_t);
    CHECK(buffers["stockpile"]["end"].get<double>() == w.state().transport.stockpile_t);
    for (const auto& item : buffers.items()) {
        const std::string key = item.key();  // a named copy: clang 14 cannot capture a structured binding
        const auto& b = item.value();
        CAPTURE(key);
        CHECK(b["min"].get<double>() <= b["end"].get<double>());
        CHECK(b["end"].get<double>() <= b["max"].get<double>());
        CHECK(b["mean_cover_h"].get<double>() >= 0.0);
    }
    const State& st = w.state();
    CHECK(j["ticks"].is_number_integer());
    CHECK(j["ticks"].get<std::int64_t>() == w.tick());
    CHECK(j["mine"]["truck_cycles"].is_number_integer());
    CHECK(j["mine"]["truck_cycles"].get<std::int64_t>() == st.mine.truck_cycles);
    CHECK(j["transport"]["train_trips"].is_number_integer());
    CHECK(j["transport"]["train_trips"].get<std::int64_t>() == st.transport.trainTrips);
    CHECK(j["mine"]["ore_t"].get<double>() == st.mine.ore_t);
    CHECK(j["mine"]["mean_haul_min"].get<double>() == st.mine.mean_haul_min);
    CHECK(j["mine"]["trucks"].get<int>() == r.params.getInt("mine.trucks"));
    CHECK(j["transport"]["mode"] == "rail");
    CHECK(j["transport"]["crusher_blocked_h"].get<double>() == toHours(st.transport.crusherBlockedTicks * w.tickLength()));
    CHECK(j["concentrator"]["recovery_pct"].get<double>() ==
          100.0 * st.concentrator.cuInConcentrate_t / st.concentrator.cuInOre_t);
    CHECK(j["smelter"]["cathode_t"].get<double>() == st.smelter.cathode_t);
    CHECK(j["h2"]["smr_kg"].get<double>() == st.smr.smr_kg);
    CHECK(j["h2"]["panel_area_m2"].get<double>() == st.h2.panel_area_m2);
    CHECK(j["co2_t"]["smr"].get<double>() == st.smr.co2_kg / 1000.0);
    CHECK(j["co2_t"]["total"].get<double>() == st.mine.co2_t + st.smelter.co2_t + st.smr.co2_kg / 1000.0);
    // No value of the summary is a null left by a metric name that does not exist.
    std::function<void(const nlohmann::json&, const std::string&)> noNull = [&](const nlohmann::json& v, const std::string& path) {
        if (v.is_object())
            for (auto it = v.begin(); it != v.end(); ++it) noNull(it.value(), path + "." + it.key());
        else if (path.rfind(".economics", 0) != 0)  // an unviable route's LCOH may be null by design
            CHECK_MESSAGE(!v.is_null(), path);
    };
    noNull(j, "");
    CHECK(w.params().lookupErrors().empty());
}
