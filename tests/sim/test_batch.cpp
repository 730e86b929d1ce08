// The batch run behind `almalyk sim`: input validation (exit-2 cases), CSV layout and timing, summary fields, and
// the `almalyk params` table.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "sim/batch.h"
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
    CHECK(lines[1].rfind("2026-06-21T08:00:00+05:00,", 0) == 0);
    CHECK(lines[2].rfind("2026-06-21T08:30:00+05:00,", 0) == 0);
    CHECK(lines[13].rfind("2026-06-21T14:00:00+05:00,", 0) == 0);
    // The sun at 14:00 local in June is high in the south-west of Almalyk.
    const auto noonish = split(lines[13], ',');
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
    for (const auto& [group, keys] : groups)
        for (const std::string& k : keys) CHECK_MESSAGE(j[group].contains(k), group << "." << k);
    CHECK(j["seed"] == 9);
    CHECK(j["start"] == "2026-06-21T08:00:00+05:00");
    CHECK(j["end"] == "2026-06-21T20:00:00+05:00");
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
