#include "sim/batch.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "sim/metrics.h"
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

// [chain] The summary's "buffers" group: each buffer's level (end, min, max) and its mean hours of cover, sampled
// at the start, every kBufferSample of sim time and at the end (docs/operations.md lists the rules).
constexpr Time kBufferSample = 10 * kMinute;
struct BufferDef { const char* key; const char* level; const char* cover; };
constexpr BufferDef kBuffers[] = {
    {"stockpile", "transport.stockpile_t", "transport.stockpile_cover_h"},
    {"ore_store", "concentrator.ore_store_t", "concentrator.ore_store_cover_h"},
    {"concentrate_store", "smelter.concentrate_store_t", "smelter.concentrate_store_cover_h"},
    {"anode_stock", "smelter.anode_stock_t", "smelter.anode_stock_cover_h"},
    {"catalyst_stock", "catalyst.stock_kg", "catalyst.stock_cover_h"},
    {"h2_storage", "h2.storage_kg", "h2.storage_cover_h"},
};

class BufferTracker {
public:
    BufferTracker() {
        for (const BufferDef& b : kBuffers) m_rows.push_back({findMetric(b.level), findMetric(b.cover)});
    }
    void sample(const State& s) {
        for (Row& r : m_rows) {
            const double level = readMetric(s, r.level), cover = readMetric(s, r.cover);
            r.end = level;
            r.min = std::min(r.min, level);
            r.max = std::max(r.max, level);
            r.coverSum += cover;
        }
        ++m_samples;
    }
    json toJson() const {
        json j = json::object();
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            const Row& r = m_rows[i];
            const MetricDef& d = metricDefs()[static_cast<std::size_t>(r.level)];
            j[kBuffers[i].key] = {{"metric", d.name}, {"unit", d.unit}, {"end", r.end}, {"min", r.min}, {"max", r.max},
                                  {"mean_cover_h", m_samples ? r.coverSum / m_samples : 0.0}};
        }
        return j;
    }

private:
    struct Row {
        int level, cover;
        double end = 0, min = std::numeric_limits<double>::infinity(), max = -std::numeric_limits<double>::infinity();
        double coverSum = 0;
    };
    std::vector<Row> m_rows;
    long m_samples = 0;
};

// The plant-wide alarms: raises per key, what is active and unacknowledged at the end, and the journal (capped at
// alarm.journal_max, the newest kept; journal_dropped says how many older entries were dropped).
json alarmsJson(const AlarmsState& a) {
    static constexpr const char* kKinds[] = {"raised", "cleared", "acked"};
    json counts = json::object();
    for (const AlarmStatus& st : a.list) counts[st.key] = st.raises;
    json log = json::array();
    for (const AlarmJournalEntry& e : a.journal)
        log.push_back({{"time", formatIso8601(e.time)}, {"key", e.key}, {"kind", kKinds[e.kind]}, {"value", e.value}});
    return {{"counts", counts}, {"active", a.active}, {"unacked", a.unacked}, {"log", log},
            {"journal_dropped", a.journalDropped}};
}

}  // namespace

const std::vector<CsvColumn>& csvTable() {
    static const std::vector<CsvColumn> kTable = {
        // design.md, in its order
        {"time", ""}, {"sun_elevation_deg", "sun.elevation_deg"}, {"sun_azimuth_deg", "sun.azimuth_deg"},
        {"ghi_w_m2", "sun.ghi_w_m2"}, {"poa_w_m2", "sun.poa_w_m2"}, {"panel_area_m2", "h2.panel_area_m2"},
        {"h2_photo_kg_h", "h2.photo_kg_h"}, {"ore_t_h", "mine.ore_t_h"}, {"trucks_queued", "mine.trucks_queued"},
        {"smelter_temp_c", "smelter.bath_temp_c"}, {"cathode_t_h", "smelter.cathode_t_h"},
        // extras
        {"cloud_cover", "weather.cloud_cover"}, {"trucks_working", "mine.trucks_working"},
        {"crusher_queue_t", "transport.crusher_queue_t"}, {"crusher_t_h", "transport.crusher_t_h"},
        {"stockpile_t", "transport.stockpile_t"}, {"trains_moving", "transport.trains_moving"},
        {"conveyor_t_h", "transport.conveyor_t_h"}, {"ore_to_concentrator_t_h", "transport.delivered_t_h"},
        {"mill_t_h", "concentrator.mill_t_h"}, {"head_grade_pct", "concentrator.head_grade_pct"},
        {"recovery_pct", "concentrator.recovery_pct"}, {"concentrate_t_h", "concentrator.concentrate_t_h"},
        {"concentrate_store_t", "smelter.concentrate_store_t"}, {"acid_t_h", "smelter.acid_t_h"},
        {"stack_so2_t_h", "smelter.stack_so2_t_h"}, {"slag_t_h", "smelter.slag_t_h"},
        {"catalyst_kg_h", "catalyst.produced_kg_h"}, {"h2_storage_kg", "h2.storage_kg"}, {"smr_h2_kg_h", "smr.h2_kg_h"},
        {"smr_co2_kg_h", "smr.co2_kg_h"},
        // hydrogen supply and demand, the depleted gas field and the CO2 store (appended: columns are a contract)
        {"h2_demand_kg_h", "h2.demand_kg_h"}, {"h2_served_photo_kg_h", "h2.served_photo_kg_h"},
        {"h2_served_reformer_kg_h", "h2.served_reformer_kg_h"}, {"h2_unserved_kg_h", "h2.unserved_kg_h"},
        {"h2_vented_kg_h", "h2.vented_kg_h"}, {"h2_reformer_share_pct", "h2.reformer_share_pct"},
        {"h2_activity", "h2.activity"}, {"catalyst_stock_kg", "catalyst.stock_kg"},
        {"smr_online", "smr.online"}, {"gas_rate_nm3_h", "gas.rate_nm3_h"}, {"gas_pressure_bar", "gas.pressure_bar"},
        {"gas_reserve_left_pct", "gas.reserve_left_pct"}, {"ccs_co2_injected_t_h", "ccs.co2_injected_t_h"},
        {"ccs_co2_stored_t", "ccs.co2_stored_t"},
        // [chain] buffers (added at the end: existing columns keep their place)
        {"smelter_feed_t_h", "smelter.feed_t_h"}, {"other_conc_t_h", "smelter.other_conc_t_h"},
        {"stockpile_cover_h", "transport.stockpile_cover_h"}, {"ore_store_t", "concentrator.ore_store_t"},
        {"ore_store_cover_h", "concentrator.ore_store_cover_h"},
        {"concentrate_store_cover_h", "smelter.concentrate_store_cover_h"},
        {"anode_stock_t", "smelter.anode_stock_t"}, {"anode_stock_cover_h", "smelter.anode_stock_cover_h"},
        {"current_density_a_m2", "smelter.current_density_a_m2"},
        {"catalyst_stock_cover_h", "catalyst.stock_cover_h"}, {"h2_storage_cover_h", "h2.storage_cover_h"},
        {"alarms_active", "alarms.active"}};
    return kTable;
}

const std::vector<std::string>& csvColumns() {
    static const std::vector<std::string> kColumns = [] {
        std::vector<std::string> v;
        for (const CsvColumn& c : csvTable()) v.push_back(c.name);
        return v;
    }();
    return kColumns;
}

std::string csvRow(const State& s) {
    // Metric indices resolved once; a column whose metric is missing is a programming error a test catches, and
    // prints "nan" rather than shifting the columns.
    static const std::vector<int> kIndex = [] {
        std::vector<int> v;
        for (const CsvColumn& c : csvTable()) v.push_back(c.metric.empty() ? -1 : findMetric(c.metric));
        return v;
    }();
    const auto& defs = metricDefs();
    std::string row;
    for (std::size_t i = 0; i < kIndex.size(); ++i) {
        if (i) row += ',';
        if (csvTable()[i].metric.empty()) {
            row += formatIso8601(s.time);
            continue;
        }
        const int m = kIndex[i];
        row += fixed(readMetric(s, m), m >= 0 ? defs[static_cast<std::size_t>(m)].decimals : 0);
    }
    return row;
}

json summarize(const World& w, const std::string& scenarioName) {
    const State& s = w.state();
    const MineState& m = s.mine;
    const TransportState& tr = s.transport;
    const ConcentratorState& c = s.concentrator;
    const SmelterState& sm = s.smelter;
    // Every value that has a metric is read through the registry (counts stay JSON integers).
    const auto metric = [&s](const char* name) -> json {
        const int i = findMetric(name);
        if (i < 0) return nullptr;  // a renamed metric: tests/sim/test_batch.cpp fails on the null
        const double v = readMetric(s, i);
        return metricDefs()[static_cast<std::size_t>(i)].kind == MetricKind::Count ? json(static_cast<std::int64_t>(v))
                                                                                    : json(v);
    };
    json j;
    j["seed"] = w.seed();
    j["start"] = formatIso8601(w.start());
    j["end"] = formatIso8601(w.now());
    j["sim_hours"] = toHours(w.now() - w.start());
    j["wall_s"] = 0.0;  // app/ fills it: sim/ has no wall clock
    j["state_hash"] = hex64(w.stateHash());
    j["ticks"] = metric("sim.ticks");
    j["scenario"] = scenarioName;
    j["mine"] = {{"truck_cycles", metric("mine.truck_cycles")}, {"ore_t", metric("mine.ore_t")},
                 {"waste_t", metric("mine.waste_t")}, {"mean_queue_min", metric("mine.mean_queue_min")},
                 {"mean_haul_min", metric("mine.mean_haul_min")}, {"mean_return_min", metric("mine.mean_return_min")},
                 {"fuel_l", metric("mine.fuel_l")}, {"co2_t", metric("mine.co2_t")},
                 {"trucks", s.params.getInt("mine.trucks")}, {"shovels", s.params.getInt("mine.shovels")}};
    j["transport"] = {{"mode", s.params.getChoice("transport.mode")}, {"received_t", metric("transport.received_t")},
                      {"crushed_t", metric("transport.crushed_t")}, {"delivered_t", metric("transport.delivered_t")},
                      {"railed_t", metric("transport.railed_t")}, {"conveyed_t", metric("transport.conveyed_t")},
                      {"train_trips", metric("transport.train_trips")},
                      {"crusher_queue_t", metric("transport.crusher_queue_t")},
                      {"stockpile_t", metric("transport.stockpile_t")},
                      {"crusher_blocked_h", metric("transport.crusher_blocked_h")}};
    j["concentrator"] = {{"ore_t", metric("concentrator.ore_t")}, {"concentrate_t", metric("concentrator.concentrate_t")},
                         {"cu_in_concentrate_t", metric("concentrator.cu_in_concentrate_t")},
                         {"cu_in_ore_t", metric("concentrator.cu_in_ore_t")},
                         {"recovery_pct", metric("concentrator.run_recovery_pct")},
                         {"tailings_t", metric("concentrator.tailings_t")}, {"ore_store_t", metric("concentrator.ore_store_t")}};
    j["smelter"] = {{"concentrate_t", metric("smelter.concentrate_t")}, {"cathode_t", metric("smelter.cathode_t")},
                    {"slag_t", metric("smelter.slag_t")}, {"acid_t", metric("smelter.acid_t")},
                    {"so2_emitted_t", metric("smelter.so2_emitted_t")}, {"so2_captured_t", metric("smelter.so2_captured_t")},
                    {"smelted_t", metric("smelter.smelted_t")}, {"other_conc_t", metric("smelter.other_conc_t")}, {"concentrate_store_t", metric("smelter.concentrate_store_t")},
                    {"energy_gj", metric("smelter.energy_gj")}, {"electricity_mwh", metric("smelter.electricity_mwh")}};
    j["catalyst"] = {{"slag_used_t", metric("catalyst.slag_used_t")}, {"produced_kg", metric("catalyst.produced_kg")},
                     {"built_area_m2", metric("catalyst.built_area_m2")}, {"stock_kg", metric("catalyst.stock_kg")},
                     {"used_kg", metric("catalyst.used_kg")}, {"recoated_m2", metric("catalyst.recoated_m2")}};
    j["h2"] = {{"photocatalytic_kg", metric("h2.photocatalytic_kg")}, {"smr_kg", metric("smr.h2_kg")},
               {"panel_area_m2", metric("h2.panel_area_m2")}, {"smr_ch4_kg", metric("smr.ch4_kg")},
               {"recovered_kg", metric("h2.recovered_kg")}, {"vented_kg", metric("h2.vented_kg")},
               {"storage_kg", metric("h2.storage_kg")}, {"poa_kwh_m2", metric("h2.poa_kwh_m2")},
               {"ghi_kwh_m2", metric("h2.ghi_kwh_m2")}, {"smr_co2_captured_kg", metric("smr.co2_captured_kg")},
               // supply and demand (docs/hydrogen_supply.md)
               {"demand_kg", metric("h2.demand_kg")}, {"served_kg", metric("h2.served_kg")},
               {"unserved_kg", metric("h2.unserved_kg")}, {"photo_served_kg", metric("h2.served_photo_kg")},
               {"reformer_served_kg", metric("h2.served_reformer_kg")},
               {"reformer_share_pct", metric("h2.reformer_share_run_pct")}, {"activity", metric("h2.activity")},
               {"recoated_m2", metric("h2.recoated_m2")}, {"smr_standby_h", metric("smr.standby_h")},
               {"smr_starts", metric("smr.starts")}};
    j["gas"] = {{"produced_run_nm3", metric("gas.produced_run_nm3")}, {"produced_bcm", metric("gas.produced_bcm")},
                {"pressure_bar", metric("gas.pressure_bar")}, {"reserve_left_pct", metric("gas.reserve_left_pct")},
                {"co2_pct", metric("gas.co2_pct")}};
    j["ccs"] = {{"co2_injected_t", metric("ccs.co2_injected_t")}, {"co2_stored_t", metric("ccs.co2_stored_t")},
                {"co2_vented_t", metric("ccs.co2_vented_t")}, {"capacity_left_pct", metric("ccs.capacity_left_pct")}};
    j["co2_t"] = {{"trucks", metric("co2.trucks_t")}, {"smelter", metric("co2.smelter_t")}, {"smr", metric("co2.smr_t")},
                  {"total", metric("co2.total_t")}, {"ccs_vented", metric("co2.ccs_vented_t")}};
    // Chain balances: what entered the concentrator (Cu) or left it in concentrate (Fe, S) against what left the
    // smelter plus the smelter's change of inventory. A transfer lost between units shows up here.
    const double cuOut = c.cuInTailings_t + sm.cu.out_t, cuInv = sm.cu.inventory_t - sm.cu.inventory0_t;
    // The other AMMC feed (smelter.other_conc_t_h) enters the chain at the smelter's store.
    j["balance"] = {{"cu_rel_error", relError(c.cuInOre_t + sm.other_cu_t, cuOut, cuInv)},
                    {"fe_rel_error", relError(c.feInConcentrate_t + sm.other_fe_t, sm.fe.out_t,
                                              sm.fe.inventory_t - sm.fe.inventory0_t)},
                    {"s_rel_error", relError(c.sInConcentrate_t + sm.other_s_t, sm.s.out_t,
                                             sm.s.inventory_t - sm.s.inventory0_t)},
                    {"ore_rel_error", relError(m.ore_t + c.oreStoreInitial_t + tr.initialHoldup_t, tr.romPad_t + tr.stockpile_t + tr.onTrains_t +
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
    j["alarms"] = alarmsJson(s.alarms);
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
        r.start = defaultStartTime();
    }
    // Ranges in the run's own ticks (sim.tick_s after the scenario's and --set's values): a run shorter than one tick
    // ran nothing and passed (--days 1e-300), and rows closer than a tick only repeated a state (--every 1e-12 made a
    // day take 27 s); rows further apart than the run gave a CSV of one row.
    const double tickS = static_cast<double>(r.params.getInt("sim.tick_s"));
    const bool inDays = spec.lengthFlag == "--days";
    const double unitS = inDays ? 86400.0 : 3600.0;
    const double given = spec.hours * 3600.0 / unitS;
    if (!(spec.hours > 0.0) || !std::isfinite(spec.hours) || spec.hours * 3600.0 < tickS) {
        if (why)
            *why = spec.lengthFlag + " " + number(given) + ": expected at least one tick (sim.tick_s = " +
                   number(tickS) + " s: " + number(tickS / unitS) + (inDays ? " days)" : " hours)");
        return false;
    }
    const double runMinutes = spec.hours * 60.0;
    if (!(spec.everyMinutes * 60.0 >= tickS) || !std::isfinite(spec.everyMinutes) ||
        (spec.everyGiven && spec.everyMinutes > runMinutes)) {
        if (why)
            *why = "--every " + number(spec.everyMinutes) + ": expected " + number(tickS / 60.0) + " to " +
                   number(runMinutes) + " minutes (one tick, sim.tick_s = " + number(tickS) +
                   " s, to the run's length)";
        return false;
    }
    r.end = r.start + fromSeconds(spec.hours * 3600.0);
    r.every = fromSeconds(spec.everyMinutes * 60.0);
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
        *csv << csvRow(w.state()) << '\n';
        while (nextRow <= w.now()) nextRow += run.every;
    };
    if (csv) {
        const auto& cols = csvColumns();
        for (std::size_t i = 0; i < cols.size(); ++i) *csv << (i ? "," : "") << cols[i];
        *csv << '\n';
    }
    writeRowIfDue();
    BufferTracker buffers;
    buffers.sample(w.state());
    Time nextSample = run.start + kBufferSample;
    while (w.now() < run.end) {
        w.step();
        writeRowIfDue();
        if (w.now() >= nextSample || w.now() >= run.end) {
            buffers.sample(w.stateWithoutMineViews());
            while (nextSample <= w.now()) nextSample += kBufferSample;
        }
    }
    json summary = summarize(w, run.scenarioName);
    summary["buffers"] = buffers.toJson();
    return summary;
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
