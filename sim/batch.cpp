#include "sim/batch.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "sim/world.h"

namespace sim {
namespace {

using nlohmann::json;

std::string fixed(double v, int decimals) {
    if (!std::isfinite(v)) return "nan";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    // "-0.000" and "0.000" must not differ between runs that differ only in the sign of a zero.
    if (std::strtod(buf, nullptr) == 0.0) std::snprintf(buf, sizeof buf, "%.*f", decimals, 0.0);
    return buf;
}

std::string number(double v) {
    std::ostringstream os;
    os.precision(10);
    os << v;
    return os.str();
}

std::string hex64(std::uint64_t v) {
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

double relError(double in, double out, double inventoryChange) {
    const double residual = in - out - inventoryChange;
    return in > 0.0 ? std::fabs(residual) / in : std::fabs(residual);
}

// JSON has no infinity: a route that makes no hydrogen has no LCOH, written as null.
json finiteOrNull(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }
json rangeJson(const Range& r) {
    return json{{"low", finiteOrNull(r.low)}, {"base", finiteOrNull(r.base)}, {"high", finiteOrNull(r.high)}};
}

const char* commandTypeName(CommandType t) {
    switch (t) {
        case CommandType::SetParam: return "set";
        case CommandType::InjectFault: return "fault";
        case CommandType::ClearFault: return "clear";
    }
    return "?";
}

}  // namespace

const std::vector<std::string>& csvColumns() {
    static const std::vector<std::string> kColumns = {
        // design.md, in its order
        "time", "sun_elevation_deg", "sun_azimuth_deg", "ghi_w_m2", "poa_w_m2", "panel_area_m2", "h2_photo_kg_h",
        "ore_t_h", "trucks_queued", "smelter_temp_c", "cathode_t_h",
        // extras
        "cloud_cover", "trucks_working", "crusher_queue_t", "crusher_t_h", "stockpile_t", "trains_moving",
        "conveyor_t_h", "ore_to_concentrator_t_h", "mill_t_h", "head_grade_pct", "recovery_pct", "concentrate_t_h",
        "concentrate_store_t", "acid_t_h", "stack_so2_t_h", "slag_t_h", "catalyst_kg_h", "h2_storage_kg",
        "smr_h2_kg_h", "smr_co2_kg_h"};
    return kColumns;
}

std::string csvRow(const World& w) {
    const State& s = w.state();
    // The sun exactly at the row's time (design.md: a row's values are instantaneous at its time).
    const SunState sun = w.hydrogen().sunAt(s.time, s.weather.cloud_cover);
    int trainsMoving = 0;
    for (const Train& t : s.transport.trains)
        trainsMoving += t.phase == TrainPhase::Hauling || t.phase == TrainPhase::Returning;
    const std::vector<std::string> cells = {
        formatIso8601(s.time),
        fixed(sun.elevation_deg, 3), fixed(sun.azimuth_deg, 3), fixed(sun.ghi_w_m2, 2), fixed(sun.poa_w_m2, 2),
        fixed(s.h2.panel_area_m2, 2), fixed(s.h2.h2_kg_h, 4), fixed(s.mine.ore_t_h, 2),
        std::to_string(s.mine.trucksQueued), fixed(s.smelter.furnace.temperature_c, 2), fixed(s.smelter.cathode_t_h, 4),
        fixed(s.weather.cloud_cover, 4), std::to_string(s.mine.trucksWorking), fixed(s.transport.romPad_t, 2),
        fixed(s.transport.crusherRate_t_h, 2), fixed(s.transport.stockpile_t, 2), std::to_string(trainsMoving),
        fixed(s.transport.conveyorFlow_t_h, 2), fixed(s.transport.deliveryRate_t_h, 2),
        fixed(s.concentrator.throughput_t_h, 2), fixed(s.concentrator.headGrade_pct, 4),
        fixed(100.0 * s.concentrator.recovery, 3), fixed(s.concentrator.concentrate_t_h, 3),
        fixed(s.smelter.concentrate_store_t, 2), fixed(s.smelter.acid_t_h, 3), fixed(s.smelter.stack_so2_t_h, 4),
        fixed(s.smelter.slag_t_h, 3), fixed(s.catalyst.produced_kg_h, 4), fixed(s.h2.storage_kg, 3),
        fixed(s.smr.h2_kg_h, 3), fixed(s.smr.co2_kg_h, 3)};
    std::string row;
    for (std::size_t i = 0; i < cells.size(); ++i) row += (i ? "," : "") + cells[i];
    return row;
}

json summarize(const World& w, const std::string& scenarioName) {
    const State& s = w.state();
    const MineState& m = s.mine;
    const TransportState& tr = s.transport;
    const ConcentratorState& c = s.concentrator;
    const SmelterState& sm = s.smelter;
    json j;
    j["seed"] = w.seed();
    j["start"] = formatIso8601(w.start());
    j["end"] = formatIso8601(w.now());
    j["sim_hours"] = toHours(w.now() - w.start());
    j["wall_s"] = 0.0;  // app/ fills it: sim/ has no wall clock
    j["state_hash"] = hex64(w.stateHash());
    j["ticks"] = w.tick();
    j["scenario"] = scenarioName;
    j["mine"] = {{"truck_cycles", m.truck_cycles}, {"ore_t", m.ore_t}, {"waste_t", m.waste_t},
                 {"mean_queue_min", m.mean_queue_min}, {"mean_haul_min", m.mean_haul_min},
                 {"mean_return_min", m.mean_return_min}, {"fuel_l", m.fuel_l},
                 {"co2_t", m.co2_t}, {"trucks", w.params().getInt("mine.trucks")},
                 {"shovels", w.params().getInt("mine.shovels")}};
    j["transport"] = {{"mode", w.params().getChoice("transport.mode")}, {"received_t", tr.received_t},
                      {"crushed_t", tr.crushed_t}, {"delivered_t", tr.delivered_t}, {"railed_t", tr.railed_t},
                      {"conveyed_t", tr.conveyed_t}, {"train_trips", tr.trainTrips},
                      {"crusher_queue_t", tr.romPad_t}, {"stockpile_t", tr.stockpile_t},
                      {"crusher_blocked_h", toHours(tr.crusherBlockedTicks * w.tickLength())}};
    j["concentrator"] = {{"ore_t", c.oreMilled_t}, {"concentrate_t", c.concentrate_t},
                         {"cu_in_concentrate_t", c.cuInConcentrate_t}, {"cu_in_ore_t", c.cuInOre_t},
                         {"recovery_pct", c.cuInOre_t > 0 ? 100.0 * c.cuInConcentrate_t / c.cuInOre_t : 0.0},
                         {"tailings_t", c.tailings_t}, {"ore_store_t", c.oreStore_t}};
    j["smelter"] = {{"concentrate_t", sm.concentrate_t}, {"cathode_t", sm.cathode_t}, {"slag_t", sm.slag_t},
                    {"acid_t", sm.acid_t}, {"so2_emitted_t", sm.so2_emitted_t}, {"so2_captured_t", sm.so2_captured_t},
                    {"smelted_t", sm.smelted_t}, {"concentrate_store_t", sm.concentrate_store_t},
                    {"energy_gj", sm.energy_gj}, {"electricity_mwh", sm.electricity_mwh}};
    j["catalyst"] = {{"slag_used_t", s.catalyst.slag_used_t}, {"produced_kg", s.catalyst.produced_kg},
                     {"built_area_m2", s.catalyst.built_area_m2}, {"stock_kg", s.catalyst.stock_kg}};
    j["h2"] = {{"photocatalytic_kg", s.h2.photocatalytic_kg}, {"smr_kg", s.smr.smr_kg},
               {"panel_area_m2", s.h2.panel_area_m2}, {"smr_ch4_kg", s.smr.smr_ch4_kg},
               {"recovered_kg", s.h2.recovered_kg}, {"vented_kg", s.h2.vented_kg},
               {"storage_kg", s.h2.storage_kg}, {"poa_kwh_m2", s.h2.poa_kwh_m2}, {"ghi_kwh_m2", s.h2.ghi_kwh_m2},
               {"smr_co2_captured_kg", s.smr.co2_captured_kg}};
    const double co2Smr = s.smr.co2_kg / 1000.0;
    j["co2_t"] = {{"trucks", m.co2_t}, {"smelter", sm.co2_t}, {"smr", co2Smr}, {"total", m.co2_t + sm.co2_t + co2Smr}};
    // Chain balances: what entered the concentrator (Cu) or left it in concentrate (Fe, S) against what left the
    // smelter plus the smelter's change of inventory. A transfer lost between units shows up here.
    const double cuOut = c.cuInTailings_t + sm.cu.out_t, cuInv = sm.cu.inventory_t - sm.cu.inventory0_t;
    j["balance"] = {{"cu_rel_error", relError(c.cuInOre_t, cuOut, cuInv)},
                    {"fe_rel_error", relError(c.feInConcentrate_t, sm.fe.out_t, sm.fe.inventory_t - sm.fe.inventory0_t)},
                    {"s_rel_error", relError(c.sInConcentrate_t, sm.s.out_t, sm.s.inventory_t - sm.s.inventory0_t)},
                    {"ore_rel_error", relError(m.ore_t + c.oreStoreInitial_t, tr.romPad_t + tr.stockpile_t + tr.onTrains_t +
                                                            tr.conveyorLoad_t + c.oreStore_t + c.oreMilled_t, 0.0)}};
    json econ = json::array();
    for (const RouteEconomics& r : s.economics)
        econ.push_back({{"route", r.name}, {"viable", r.viable}, {"lcoh_usd_kg", rangeJson(r.lcoh_usd_kg)},
                        {"co2_kg_per_kg", rangeJson(r.co2_kg_per_kg)}});
    j["economics"] = econ;
    json log = json::array();
    for (const LoggedCommand& lc : w.commandLog())
        log.push_back({{"tick", lc.tick}, {"time", formatIso8601(lc.command.at)},
                       {"type", commandTypeName(lc.command.type)}, {"name", lc.command.name},
                       {"value", lc.command.value}, {"accepted", lc.accepted}, {"message", lc.message}});
    j["commands"] = log;
    return j;
}

std::string oneLineSummary(const json& j) {
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "almalyk sim: %.1f h simulated in %.3f s: %lld truck cycles, %.0f t ore, %.0f t concentrate, "
                  "%.1f t cathode, %.1f kg photocatalytic H2; state %s",
                  j.value("sim_hours", 0.0), j.value("wall_s", 0.0),
                  static_cast<long long>(j["mine"].value("truck_cycles", 0LL)), j["mine"].value("ore_t", 0.0),
                  j["concentrator"].value("concentrate_t", 0.0), j["smelter"].value("cathode_t", 0.0),
                  j["h2"].value("photocatalytic_kg", 0.0), j.value("state_hash", std::string()).c_str());
    return buf;
}

bool prepareBatch(const BatchSpec& spec, PreparedBatch& out, std::string* why) {
    PreparedBatch r;
    r.params = makeParams();
    Scenario sc;
    if (!spec.scenarioPath.empty()) {
        if (!loadScenario(spec.scenarioPath, r.params, sc, why)) return false;
        r.scenarioName = sc.name.empty() ? spec.scenarioPath : sc.name;
        for (const auto& [name, value] : sc.sets)
            if (!r.params.setFromText(name, value, why)) return false;  // validated already; kept for safety
    }
    for (const auto& [name, value] : spec.sets) {
        std::string w;
        if (!r.params.setFromText(name, value, &w)) {
            if (why) *why = "--set " + name + "=" + value + ": " + w;
            return false;
        }
    }
    r.params.takeChanged();
    r.seed = spec.seedGiven || !sc.seed ? spec.seed : *sc.seed;
    if (!spec.start.empty()) {
        std::string w;
        if (!parseIso8601(spec.start, r.start, &w)) {
            if (why) *why = "--start: " + w;
            return false;
        }
    } else if (sc.start) {
        r.start = *sc.start;
    } else {
        parseIso8601(kDefaultStart, r.start);
    }
    if (!(spec.hours > 0.0) || !std::isfinite(spec.hours)) {
        if (why) *why = "run length: expected a positive number of hours or days, got " + number(spec.hours);
        return false;
    }
    if (!(spec.everyMinutes > 0.0) || !std::isfinite(spec.everyMinutes)) {
        if (why) *why = "--every: expected a positive number of minutes, got " + number(spec.everyMinutes);
        return false;
    }
    r.end = r.start + fromSeconds(spec.hours * 3600.0);
    r.every = std::max<Time>(1, fromSeconds(spec.everyMinutes * 60.0));
    if (!scenarioCommands(sc, r.start, r.commands, why)) return false;
    out = std::move(r);
    return true;
}

json runBatch(const PreparedBatch& run, std::ostream* csv) {
    World w(run.params, run.seed, run.start);
    for (const Command& c : run.commands) w.push(c);
    Time nextRow = run.start;
    const auto writeRowIfDue = [&] {
        if (!csv || w.now() < nextRow) return;
        *csv << csvRow(w) << '\n';
        while (nextRow <= w.now()) nextRow += run.every;
    };
    if (csv) {
        const auto& cols = csvColumns();
        for (std::size_t i = 0; i < cols.size(); ++i) *csv << (i ? "," : "") << cols[i];
        *csv << '\n';
    }
    writeRowIfDue();
    while (w.now() < run.end) {
        w.step();
        writeRowIfDue();
    }
    return summarize(w, run.scenarioName);
}

std::string paramsTable(const Params& p) {
    std::string out = "name\tunit\tdefault\tmin\tmax\tdescription\n";
    for (const ParamDef& d : p.defs()) {
        std::string def = number(d.def), lo = number(d.min), hi = number(d.max), desc = d.description;
        if (d.kind == ParamKind::Choice && !d.choices.empty()) {
            def = d.choices[static_cast<std::size_t>(d.def)];
            lo = d.choices.front();
            hi = d.choices.back();
            desc += " [one of:";
            for (const std::string& ch : d.choices) desc += " " + ch;
            desc += "]";
        }
        out += d.name + "\t" + (d.unit.empty() ? "-" : d.unit) + "\t" + def + "\t" + lo + "\t" + hi + "\t" + desc + "\n";
    }
    return out;
}

}  // namespace sim
