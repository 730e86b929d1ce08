#include "scenes/overview/overview_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <set>

#include "engine/i18n.h"
#include "scenes/scene_kit.h"
#include "sim/metrics.h"
#include "sim/world.h"
#include "engine/locale_format.h"

namespace scenes::overview {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

double readMetric(const sim::State* s, std::string_view name) {
    return s ? sim::readMetric(*s, name) : kNaN;
}

// [SECTION] Flows
//
// Nominal rates: the default complex's design rates (parameters' defaults, sim/*.cpp), so a full-width ribbon means
// "running at design" and a thin one "below it":
//   ore 4,600 t/h = concentrator.capacity_t_h (the pit, crusher and rail are sized to feed it);
//   concentrate 72 t/h = 4,600 t/h x 0.38 % Cu head grade x 87 % recovery / 21 % Cu in concentrate
//     (concentrator.* defaults, almalyk.md §3);
//   smelter feed 82 t/h (smelter.feed_t_h); cathode 16.5 t/h = 82 x 21 % Cu x ~96 % to anode copper (E: slag and
//     dust losses ~4 %); slag 45 t/h (E: ~0.55 t slag per t concentrate, Davenport 2002 ch. 5 for flash smelting);
//   SO2 captured 45 t/h (E: 82 t/h x 30 % S -> 49 t/h SO2 x 99.5 % capture, smelter.so2_capture); to air 0.25 t/h;
//   catalyst 2.25 kg/h = 45 t/h slag x 0.1 % slag share x 50 kg/t yield (catalyst.* defaults);
//   H2 to PRMiTS 4 kg/h (h2.demand_kg_h); reformer 5 kg/h (smr.capacity_kg_h); reformer CO2 45 kg/h (E: ~9 kg CO2 per
//   kg H2, IEA 2019); gas 26 Nm3/h (E: 5 kg/h H2 x 3.7 kg CH4/kg / 0.717 kg/Nm3); smelter CO2 (co2.smelter_t_h) 20 t/h (E).
const std::vector<FlowDef>& flowDefs() {
    static const std::vector<FlowDef> kFlows = {
        {"ore_haul", eng::N_("Ore hauled to the crusher"), "mine.ore_t_h", 4600.0, "t/h", {0.62f, 0.36f, 0.18f}},
        {"ore_rail", eng::N_("Crushed ore by rail"), "transport.delivered_t_h", 4600.0, "t/h", {0.70f, 0.42f, 0.20f}},
        {"tailings", eng::N_("Tailings to the storage"), "concentrator.mill_t_h", 4600.0, "t/h", {0.55f, 0.55f, 0.52f}},
        {"concentrate", eng::N_("Copper concentrate"), "concentrator.concentrate_t_h", 72.0, "t/h", {0.85f, 0.75f, 0.15f}},
        {"other_conc", eng::N_("Concentrate from other AMMC feed"), "smelter.other_conc_t_h", 25.0, "t/h", {0.85f, 0.75f, 0.15f}},
        {"copper", eng::N_("Copper cathode"), "smelter.cathode_t_h", 16.5, "t/h", {1.00f, 0.42f, 0.16f}},
        {"slag", eng::N_("Fayalite slag"), "smelter.slag_t_h", 45.0, "t/h", {0.80f, 0.12f, 0.06f}},
        {"so2_capture", eng::N_("SO2 to the acid plant"), "smelter.so2_captured_t_h", 45.0, "t/h", {0.80f, 0.85f, 0.20f}},
        {"so2_air", eng::N_("SO2 to air"), "smelter.stack_so2_t_h", 0.25, "t/h", {0.80f, 0.85f, 0.20f}, FlowKind::ToAir},
        {"co2_smelter_air", eng::N_("CO2 to air (smelter)"), "co2.smelter_t_h", 20.0, "t/h", {0.60f, 0.60f, 0.62f}, FlowKind::ToAir},
        {"catalyst", eng::N_("Slag catalyst to the panel shop"), "catalyst.produced_kg_h", 2.25, "kg/h", {0.35f, 0.95f, 0.95f}},
        {"h2_prmits", eng::N_("Hydrogen to PRMiTS"), "h2.served_kg_h", 4.0, "kg/h", {0.45f, 0.70f, 1.00f}},
        {"h2_reformer", eng::N_("Hydrogen from the reformer"), "smr.h2_kg_h", 5.0, "kg/h", {0.45f, 0.70f, 1.00f}},
        {"gas", eng::N_("Natural gas from the depleted field"), "gas.rate_nm3_h", 26.0, "Nm³/h", {0.70f, 0.45f, 0.90f}},
        {"co2_capture", eng::N_("CO2 to storage"), "ccs.co2_injected_t_h", 0.045, "t/h", {0.60f, 0.60f, 0.62f}},
        {"co2_smr_air", eng::N_("CO2 to air (reformer)"), "smr.co2_kg_h", 45.0, "kg/h", {0.60f, 0.60f, 0.62f}, FlowKind::ToAir},
    };
    return kFlows;
}

const FlowDef* findFlow(std::string_view key) {
    for (const FlowDef& f : flowDefs())
        if (key == f.key) return &f;
    return nullptr;
}

FlowLook flowLook(double rate, double nominal) {
    if (!(rate > 0.0) || !(nominal > 0.0)) return {};
    const double r = std::min(rate / nominal, 2.0);
    FlowLook l;
    // sqrt: width ~ the side of a square cross-section whose area carries the rate; /sqrt(2) puts 2x nominal at max.
    l.width = kFlowMinWidth + (kFlowMaxWidth - kFlowMinWidth) * static_cast<float>(std::sqrt(r / 2.0));
    l.speed = kFlowFullSpeed * static_cast<float>(r);
    return l;
}

// [SECTION] Gauges

const std::vector<GaugeDef>& gaugeDefs() {
    static const std::vector<GaugeDef> kGauges = {
        {"stockpile", eng::N_("Crushed-ore stockpile"), "crusher", "transport.stockpile_fill", false, "transport.stockpile_t", "t",
         0.001, "kt", "transport.stockpile_cover_h"},
        {"ore_store", eng::N_("Mill ore store"), "concentrator", "concentrator.ore_store_fill", false, "concentrator.ore_store_t",
         "t", 0.001, "kt", "concentrator.ore_store_cover_h"},
        {"concentrate_store", eng::N_("Concentrate store"), "smelter", "smelter.concentrate_store_fill", false,
         "smelter.concentrate_store_t", "t", 0.001, "kt", "smelter.concentrate_store_cover_h"},
        {"anode_stock", eng::N_("Anode stock"), "tankhouse", "smelter.anode_stock_fill", false, "smelter.anode_stock_t", "t", 1.0,
         "t", "smelter.anode_stock_cover_h"},
        {"catalyst_stock", eng::N_("Catalyst stock"), "catalyst", "catalyst.stock_fill", false, "catalyst.stock_kg", "kg", 1.0,
         "kg", "catalyst.stock_cover_h"},
        {"h2_storage", eng::N_("H2 storage"), "hydrogen", "h2.storage_fill_pct", true, "h2.storage_kg", "kg", 1.0, "kg",
         "h2.storage_cover_h"},
    };
    return kGauges;
}

GaugeReading readGauge(const sim::State* s, const GaugeDef& g) {
    GaugeReading r;
    double f = readMetric(s, g.fillMetric);
    if (g.fillIsPercent) f *= 0.01;
    r.hasFill = std::isfinite(f);
    r.fill = r.hasFill ? static_cast<float>(std::clamp(f, 0.0, 1.0)) : 0.0f;
    r.level = readMetric(s, g.levelMetric);
    r.coverH = readMetric(s, g.coverMetric);
    return r;
}

std::string gaugeLabel(const GaugeDef& g, const GaugeReading& r) {
    std::string out = eng::trp(g.title);
    char buf[96];
    if (std::isfinite(r.level)) {
        const double v = r.level * g.levelScale;
        eng::localSnprintf(buf, sizeof buf, v < 10.0 ? "  %.1f %s" : "  %.0f %s", v, eng::unitSymbol(g.labelUnit).c_str());
        out += buf;
    }
    std::string second;
    if (r.hasFill) {
        eng::localSnprintf(buf, sizeof buf, "%.0f %%", r.fill * 100.0);
        second += buf;
    }
    if (std::isfinite(r.coverH)) {
        if (!second.empty()) second += "  |  ";
        if (r.coverH >= 999.0) std::snprintf(buf, sizeof buf, "%s", eng::trp("999+ h cover"));
        else eng::localSnprintf(buf, sizeof buf, r.coverH < 10.0 ? eng::trp("%.1f h cover") : eng::trp("%.0f h cover"), r.coverH);
        second += buf;
    }
    if (!second.empty()) out += "\n" + second;
    return out;
}

glm::vec3 gaugeColor(float fill) {
    if (fill < 0.15f) return {1.0f, 0.12f, 0.08f};
    if (fill < 0.30f || fill > 0.90f) return {1.0f, 0.62f, 0.10f};
    return {0.20f, 0.90f, 0.35f};
}

// [SECTION] Ripple

const std::vector<RippleUnitDef>& rippleUnits() {
    // Floors: about a tenth of each unit's nominal rate (flows above), so a unit idling near zero does not light on
    // every lump. Smoothing: half an hour for the continuous units (a fault shows within the hour); an hour for the
    // pit (trucks dump in 220 t lumps and stop for shift breaks); 3 h for slag (tapped in batches); 6 h for catalyst
    // (made in batches of ~120 kg/h for a tick at a time). Thresholds: above each unit's own ripple in normal running,
    // measured over days 1-8 of the default complex for seeds 1-3 (largest |deviation|: pit 0.26, crusher 0.45 at
    // 1 h smoothing (it runs intermittently against a full stockpile; 2 h here), rail 0.26, concentrator 0.20,
    // smelter and tankhouse 0.00, slag 0.24, catalyst 0.41). The panel build (catalyst.build_m2_day) is not a unit here:
    // the shop plans it per shift, so its rate swings by more than 50 % even over a day (deviation 0.57 at 24 h).
    static const std::vector<RippleUnitDef> kUnits = {
        {"pit", eng::N_("Pit haulage"), "mine.ore_t_h", 460.0, 1.0, 0.4},
        {"crusher", eng::N_("Crusher"), "transport.crusher_t_h", 460.0, 2.0, 0.4},
        {"rail", eng::N_("Ore rail"), "transport.delivered_t_h", 460.0, 1.5, 0.35},
        {"concentrator", eng::N_("Concentrators"), "concentrator.mill_t_h", 460.0, 0.5, 0.3},
        {"smelter", eng::N_("Smelter feed"), "smelter.feed_t_h", 8.0, 0.5, 0.25},
        {"tankhouse", eng::N_("Tankhouse"), "smelter.cathode_t_h", 1.6, 0.5, 0.25},
        {"slag_yard", eng::N_("Slag"), "smelter.slag_t_h", 4.5, 3.0, 0.35},
        {"catalyst", eng::N_("Catalyst line"), "catalyst.produced_kg_h", 0.2, 6.0, 0.5},
    };
    return kUnits;
}

RippleTracker::RippleTracker(std::vector<RippleUnitDef> units) : m_units(std::move(units)) {
    for (const RippleUnitDef& u : m_units) m_index.push_back(sim::findMetric(u.metric));
    m_u.resize(m_units.size());
}

void RippleTracker::reset() {
    m_u.assign(m_units.size(), U{});
    m_last = -1;
}

void RippleTracker::observe(const sim::State& s) {
    std::vector<double> rates(m_units.size());
    for (std::size_t i = 0; i < m_units.size(); ++i) rates[i] = m_index[i] < 0 ? kNaN : sim::readMetric(s, m_index[i]);
    observe(s.time, rates);
}

void RippleTracker::observe(sim::Time t, const std::vector<double>& rates) {
    if (m_last >= 0 && t < m_last) reset();
    if (m_last >= 0 && t - m_last < sim::kMinute) return;
    const double dtH = m_last < 0 ? 0.0 : sim::toSeconds(t - m_last) / 3600.0;
    m_last = t;
    for (std::size_t i = 0; i < m_units.size() && i < rates.size(); ++i) {
        const double x = rates[i];
        if (!std::isfinite(x)) continue;
        U& u = m_u[i];
        if (!u.init) {
            u.fast = u.slow = x;
            u.init = true;
            u.since = t;
            continue;
        }
        // Exponential means over sim time (exact for any step: 1 - exp(-dt/tau)).
        u.fast += (x - u.fast) * (1.0 - std::exp(-dtH / m_units[i].smoothH));
        // Settling: until the unit has been watched for max(2 h, 3 x its smoothing), the trailing mean is the
        // smoothed rate itself (a start-up transient or a first look mid-run is not a ripple).
        if (sim::toSeconds(t - u.since) / 3600.0 < std::max(2.0, 3.0 * m_units[i].smoothH)) {
            u.slow = u.fast;
            continue;
        }
        const double dev = std::abs(u.fast - u.slow) / std::max(std::abs(u.slow), m_units[i].floor);
        if (!u.lit && dev > m_units[i].light) {
            u.lit = true;
            u.litAt = t;
            if (u.firstLit < 0) u.firstLit = t;
        } else if (u.lit && dev < 0.5 * m_units[i].light) {
            u.lit = false;
        }
        u.slow += (u.fast - u.slow) * (1.0 - std::exp(-dtH / kSlowH));
    }
}

double RippleTracker::deviation(std::size_t i) const {
    const U& u = m_u[i];
    if (!u.init) return 0.0;
    return (u.fast - u.slow) / std::max(std::abs(u.slow), m_units[i].floor);
}

std::vector<std::size_t> RippleTracker::litOrder() const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < m_u.size(); ++i)
        if (m_u[i].lit) out.push_back(i);
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) { return m_u[a].litAt < m_u[b].litAt; });
    return out;
}

// [SECTION] Alarms

std::string alarmSite(std::string_view unit) {
    static const std::pair<const char*, const char*> kMap[] = {
        {"mine", "pit"},           {"pit", "pit"},         {"transport", "crusher"}, {"crusher", "crusher"},
        {"rail", "rail"},          {"concentrator", "concentrator"},                 {"smelter", "smelter"},
        {"tankhouse", "tankhouse"}, {"catalyst", "catalyst"}, {"hydrogen", "hydrogen"}, {"h2", "hydrogen"},
        {"reformer", "reformer"},  {"smr", "reformer"},    {"gas_field", "gas_field"}, {"gas", "gas_field"},
        {"ccs", "gas_field"},      {"prmits", "prmits"},   {"slag_yard", "slag_yard"},
    };
    for (const auto& [u, site] : kMap)
        if (unit == u) return site;
    return {};
}

std::string alarmSite(const sim::AlarmStatus& a) {
    const std::string_view k = a.key;
    if (k.rfind("transport.rail", 0) == 0) return "rail";
    if (k.rfind("transport.", 0) == 0) return "crusher";  // crusher, its surge stockpile and the belt under it
    return alarmSite(a.unit);
}

std::vector<SiteAlarm> siteAlarms(const sim::AlarmsState& alarms) {
    std::vector<SiteAlarm> out;
    for (const sim::AlarmStatus& a : alarms.list) {
        if (!a.active) continue;
        std::string site = alarmSite(a);
        if (site.empty()) continue;
        const int prio = static_cast<int>(a.priority);
        auto it = std::find_if(out.begin(), out.end(), [&](const SiteAlarm& s) { return s.site == site; });
        if (it == out.end()) out.push_back({std::move(site), prio, 1});
        else {
            it->priority = std::min(it->priority, prio);
            ++it->count;
        }
    }
    return out;
}

glm::vec3 alarmColor(int priority) {
    if (priority <= 1) return {1.0f, 0.10f, 0.06f};
    if (priority == 2) return {1.0f, 0.55f, 0.05f};
    return {1.0f, 0.90f, 0.20f};
}

// [SECTION] Picking

std::optional<SiteTarget> sceneForSite(std::string_view key) {
    static const std::pair<const char*, SiteTarget> kTargets[] = {
        {"pit", {"pit", ""}},
        {"crusher", {"pit", "camera(crusher)"}},
        {"rail", {"pit", "camera(crusher)"}},
        {"concentrator", {"overview", "camera(concentrators)"}},
        {"tailings", {"overview", "camera(concentrators)"}},
        {"works", {"smelter", ""}},
        {"smelter", {"smelter", ""}},
        {"tankhouse", {"smelter", "camera(tankhouse)"}},
        {"slag_yard", {"smelter", "camera(slag yard)"}},
        {"catalyst", {"smelter", "select(fayalite)"}},
        {"hydrogen", {"hydrogen", ""}},
        {"reformer", {"hydrogen", "camera(reformer)"}},
        {"prmits", {"hydrogen", "camera(gas plant)"}},
        {"gas_field", {"hydrogen", "camera(reformer)"}},
        {"town", {"landscape", "camera(town)"}},
    };
    for (const auto& [k, t] : kTargets)
        if (key == k) return t;
    return std::nullopt;
}

std::vector<std::string> overviewMetricNames() {
    std::vector<std::string> out;
    std::set<std::string> seen;
    auto add = [&](const char* n) {
        if (n && *n && seen.insert(n).second) out.emplace_back(n);
    };
    for (const FlowDef& f : flowDefs()) add(f.metric);
    for (const GaugeDef& g : gaugeDefs()) {
        add(g.fillMetric);
        add(g.levelMetric);
        add(g.coverMetric);
    }
    for (const RippleUnitDef& u : rippleUnits()) add(u.metric);
    for (const char* n : {"transport.crusher_fault", "concentrator.mill_fault", "smelter.furnace_running", "smr.tripped",
                          "transport.rail_fault", "alarms.active"})
        add(n);
    return out;
}

std::string formatRate(double v) {
    if (std::isfinite(v) && std::fabs(v) < 0.005) return "0";
    const double a = std::fabs(v);
    return kit::formatNumber(a < 10.0 ? "%.2f" : a < 100.0 ? "%.1f" : "%.0f", v, 1000.0);
}

}  // namespace scenes::overview
