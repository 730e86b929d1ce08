// `almalyk train` and `almalyk replay` end to end (docs/training.md, docs/cli.md): the score JSON, the replay file,
// replay's exit codes 0 (same hash), 1 (different), 2 (bad file), and bad input with the file and field.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "run_almalyk.h"

namespace {

const std::string kScripts = std::string(ALMALYK_SOURCE_DIR) + "/tests/data/training/";

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

void write(const std::filesystem::path& p, const std::string& text) { std::ofstream(p) << text; }

}  // namespace

TEST_CASE("train prints the score as one JSON object and writes a replay that replays to the same hash") {
    const auto dir = tempDir("train");
    const std::string out = (dir / "run.json").string(), good = kScripts + "furnace_overheating.good.json";
    const RunResult r = runAlmalyk({"train", "--scenario", "furnace_overheating", "--actions", good.c_str(), "--out",
                                    out.c_str(), "--trainee", "A. Karimov"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const nlohmann::json j = nlohmann::json::parse(r.out);
    CHECK(j["scenario"] == "furnace_overheating");
    CHECK(j["trainee"] == "A. Karimov");
    CHECK(j["total"].get<double>() == doctest::Approx(100.0));
    REQUIRE(j["objectives"].size() == 4);
    for (const auto& o : j["objectives"]) {
        CHECK(o.contains("kind"));
        CHECK(o.contains("weight"));
        CHECK(o.contains("detail"));
        CHECK(o["passed"] == true);
    }
    bool action = false, alarm = false;
    for (const auto& e : j["timeline"]) {
        if (e["kind"] == "action" && e["key"] == "oxygen_enrichment") {
            action = true;
            CHECK(e["detail"] == "0.6");  // as the actions file writes it, not the binary value's 17 digits
        }
        alarm = alarm || (e["kind"] == "alarm_raised" && e["key"] == "smelter.bath_temp_high");
    }
    CHECK(action);
    CHECK(alarm);

    const RunResult rep = runAlmalyk({"replay", out.c_str()});
    CHECK_MESSAGE(rep.code == 0, rep.err);
    const nlohmann::json rj = nlohmann::json::parse(rep.out);
    CHECK(rj["match"] == true);
    CHECK(rj["replayed_hash"] == j["state_hash"]);

    // A changed action is another run: exit 1 and a line on stderr.
    nlohmann::json doc = nlohmann::json::parse(slurp(out));
    for (auto& a : doc["actions"])
        if (a["kind"] == "lever") a["value"] = "0.8";
    const std::string tampered = (dir / "tampered.json").string();
    write(tampered, doc.dump());
    const RunResult t = runAlmalyk({"replay", tampered.c_str()});
    CHECK(t.code == 1);
    CHECK(has(t.err, "differs from the recorded"));

    doc["version"] = 2;
    write(tampered, doc.dump());
    const RunResult v = runAlmalyk({"replay", tampered.c_str()});
    CHECK(v.code == 2);
    CHECK(has(v.err, "version: this program reads replay versions 1..1, the file is version 2"));
    write(tampered, "{\"format\": \"almalyk-replay\",\n \"version\": }");
    const RunResult m = runAlmalyk({"replay", tampered.c_str()});
    CHECK(m.code == 2);
    CHECK(has(m.err, "tampered.json:2:13"));
    CHECK(runAlmalyk({"replay", (dir / "missing.json").string().c_str()}).code == 2);
    CHECK(runAlmalyk({"replay"}).code == 2);
}

TEST_CASE("train: bad input exits 2 with the file and the field; --levers and --list") {
    const auto dir = tempDir("train_bad");
    const RunResult noName = runAlmalyk({"train"});
    CHECK(noName.code == 2);
    CHECK(has(noName.err, "--scenario NAME is required"));
    const RunResult unknown = runAlmalyk({"train", "--scenario", "furnace_overheatin"});
    CHECK(unknown.code == 2);
    CHECK(has(unknown.err, "no such training scenario"));
    CHECK(has(unknown.err, "furnace_overheating"));
    const std::string acts = (dir / "a.json").string();
    write(acts, R"({"actions": [{"after_min": 5, "lever": "fleet_trucks", "value": 40}]})");
    const RunResult lever = runAlmalyk({"train", "--scenario", "furnace_overheating", "--actions", acts.c_str()});
    CHECK(lever.code == 2);
    CHECK(has(lever.err, acts + ": actions[0].lever: lever 'fleet_trucks' is not one this scenario offers"));
    CHECK(runAlmalyk({"train", "--scenario", "furnace_overheating", "--hours", "2"}).code == 2);

    const RunResult levers = runAlmalyk({"train", "--levers"});
    CHECK(levers.code == 0);
    CHECK(has(levers.out, "name\tparam\tunit\tmin\tmax\tconsequence\n"));
    CHECK(has(levers.out, "dispatch_rule\tmine.dispatch\t-\tfixed\tleast_wait\t"));
    const RunResult list = runAlmalyk({"train", "--list"});
    CHECK(list.code == 0);
    for (const char* id : {"shovel_breakdown_peak", "crusher_blockage", "truck_shortage", "furnace_overheating",
                           "acid_plant_trip", "cloudy_week", "depleted_gas_field"})
        CHECK(has(list.out, std::string(id) + "\t"));
}
