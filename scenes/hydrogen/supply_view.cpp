#include "scenes/hydrogen/supply_view.h"

#include "scenes/scene_kit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "engine/i18n.h"
#include "engine/locale_format.h"
#include "sim/metrics.h"
#include "sim/world.h"

namespace scenes::h2 {

namespace {

// The metric read by `name` in s (NaN when the registry has no such name).
class Reader {
public:
    explicit Reader(const sim::State& s) : m_s(s) {}
    double operator()(const char* name) const { return sim::readMetric(m_s, std::string_view(name)); }

private:
    const sim::State& m_s;
};

const char* const kSupplyMetrics[] = {
    "h2.demand_kg_h", "h2.served_photo_kg_h", "h2.served_reformer_kg_h", "h2.unserved_kg_h", "h2.vented_kg_h",
    "h2.reformer_share_pct", "h2.recovered_kg_h", "smr.h2_kg_h", "h2.storage_kg", "h2.storage_fill_pct",
    "h2.storage_cover_h", "smr.online", "smr.tripped",
};
const char* const kFieldMetrics[] = {
    "gas.pressure_bar", "gas.reserve_left_pct", "gas.rate_nm3_h", "gas.to_reformer_nm3_h", "gas.co2_pct",
    "smr.co2_captured_kg_h", "ccs.co2_injected_t_h", "ccs.co2_vented_t_h", "ccs.co2_stored_t", "ccs.capacity_left_pct",
    "ccs.injection_ok",
};
// SupplyTotals' items, in Item order: the cumulative counterparts of the supply rates.
const char* const kTotalMetrics[] = {"h2.demand_kg", "h2.served_photo_kg", "h2.served_reformer_kg", "h2.unserved_kg",
                                     "h2.vented_kg"};
static_assert(std::size(kTotalMetrics) == SupplyTotals::kItems);
// The plot's series, in PlotSeries order.
const char* const kPlotMetrics[] = {"h2.demand_kg_h", "h2.recovered_kg_h", "smr.h2_kg_h", "h2.vented_kg_h",
                                    "h2.unserved_kg_h", "h2.storage_kg", "h2.poa_w_m2"};
static_assert(std::size(kPlotMetrics) == kPlotPoa + 1);

// The number as `format` writes it ("-" for NaN), with thousands separated by commas from 10,000 up ("62,489").
std::string num(const char* format, double v) { return kit::formatNumber(format, v, 10000.0); }

}  // namespace

SupplyNow readSupply(const sim::State& s) {
    const Reader m(s);
    SupplyNow n;
    n.demand_kg_h = m("h2.demand_kg_h");
    n.servedPanels_kg_h = m("h2.served_photo_kg_h");
    n.servedReformer_kg_h = m("h2.served_reformer_kg_h");
    n.unserved_kg_h = m("h2.unserved_kg_h");
    n.vented_kg_h = m("h2.vented_kg_h");
    n.reformerShare_pct = m("h2.reformer_share_pct");
    n.panels_kg_h = m("h2.recovered_kg_h");
    n.reformer_kg_h = m("smr.h2_kg_h");
    n.storage_kg = m("h2.storage_kg");
    n.storageFill_pct = m("h2.storage_fill_pct");
    n.storageCover_h = m("h2.storage_cover_h");
    n.reformerOnline = m("smr.online") > 0.5;
    n.reformerTripped = m("smr.tripped") > 0.5;
    return n;
}

FieldNow readField(const sim::State& s) {
    const Reader m(s);
    FieldNow f;
    f.pressure_bar = m("gas.pressure_bar");
    f.reserveLeft_pct = m("gas.reserve_left_pct");
    f.rate_nm3_h = m("gas.rate_nm3_h");
    f.toReformer_nm3_h = m("gas.to_reformer_nm3_h");
    f.co2Content_pct = m("gas.co2_pct");
    f.co2Captured_t_h = m("smr.co2_captured_kg_h") / 1000.0;
    f.co2Injected_t_h = m("ccs.co2_injected_t_h");
    f.co2Vented_t_h = m("ccs.co2_vented_t_h");
    f.co2Stored_t = m("ccs.co2_stored_t");
    f.capacityLeft_pct = m("ccs.capacity_left_pct");
    f.injectionOk = m("ccs.injection_ok") > 0.5;
    f.captureFraction = s.params.get("smr.capture_fraction");
    return f;
}

FieldArea readFieldArea(const sim::State& s) {
    FieldArea a;
    a.active_m2 = s.h2.panel_area_m2;
    a.built_m2 = s.h2.built_area_m2;
    a.set_m2 = a.active_m2 - a.built_m2;
    a.groundCover = s.params.has("econ.ground_cover_ratio") ? s.params.get("econ.ground_cover_ratio") : 0.0;
    a.land_m2 = a.groundCover > 0.0 ? a.active_m2 / a.groundCover : std::numeric_limits<double>::quiet_NaN();
    return a;
}

std::string fieldAreaLine(const FieldArea& a) {
    return eng::formatf(eng::tr("Active panel area %s m² (%s set + %s built from slag catalyst) on %s m² of land"),
                        num("%.0f", a.active_m2).c_str(), num("%.0f", a.set_m2).c_str(), num("%.0f", a.built_m2).c_str(),
                        num("%.0f", a.land_m2).c_str());
}

std::string panelsRateText(const SupplyNow& n) { return num("%.2f", n.panels_kg_h); }

std::string panelsLine(double sthEffectivePercent, const SupplyNow& n) {
    return eng::formatf(eng::tr("STH %.3g %% after ageing   H₂ from panels %s kg/h (after the separator)"), sthEffectivePercent,
                        panelsRateText(n).c_str());
}

std::vector<Row> supplyRows(const SupplyNow& n) {
    return {
        {"demand", eng::N_("PRMiTS demand"), num("%.2f", n.demand_kg_h), "kg/h",
         eng::N_("W/Mo oxide reduction in Chirchik, by shift and hour (docs/hydrogen_supply.md §2)")},
        {"served_panels", eng::N_("served from panels + storage"), num("%.2f", n.servedPanels_kg_h), "kg/h",
         eng::N_("Demand met by photocatalytic H2, straight from the field or out of the store")},
        {"served_reformer", eng::N_("served by the reformer"), num("%.2f", n.servedReformer_kg_h), "kg/h",
         eng::N_("Demand met by the steam reformer, direct or through the store")},
        {"unserved", eng::N_("unserved"), num("%.2f", n.unserved_kg_h), "kg/h", eng::N_("Demand nobody met: store empty, reformer short")},
        {"vented", eng::N_("vented"), num("%.2f", n.vented_kg_h), "kg/h",
         eng::N_("H2 lost: the separator's loss, faults, and surplus over a full store")},
    };
}

std::vector<Row> storeRows(const SupplyNow& n, double storageCapacity_kg) {
    const std::string state = n.reformerTripped ? eng::tr("tripped")
                              : n.reformerOnline ? eng::tr("online, ") + num("%.2f", n.reformer_kg_h) + " kg/h"
                                                 : eng::tr("hot standby");
    char level[64];
    std::snprintf(level, sizeof level, eng::tr("%s of %s"), num("%.0f", n.storage_kg).c_str(), num("%.0f", storageCapacity_kg).c_str());
    return {
        {"panels", eng::N_("panels make (after separator)"), panelsRateText(n), "kg/h",
         eng::N_("H2 from the photocatalyst field into the store, after the membrane separator's loss")},
        {"reformer_share", eng::N_("reformer's share"), num("%.1f", n.reformerShare_pct), "%",
         eng::N_("The reformer's share of the H2 served to PRMiTS over the last tick (0 when nothing is served)")},
        {"storage", eng::N_("H2 in store"), level, "kg", eng::N_("Compressed H2 buffer between the field, the reformer and PRMiTS")},
        {"cover", eng::N_("store covers"), n.storageCover_h >= 999.0 ? std::string(">999") : num("%.1f", n.storageCover_h), "h",
         eng::N_("Hours the store lasts at the current draw (demand - panels; the full demand while it fills). The reformer "
         "starts below smr.start_cover_h")},
        {"reformer", eng::N_("reformer"), state, "", eng::N_("Load-follows the shortfall from hot standby (docs/hydrogen_supply.md §3)")},
    };
}

std::vector<Row> fieldRows(const FieldNow& f) {
    return {
        {"pressure", eng::N_("reservoir pressure"), num("%.1f", f.pressure_bar), "bar", eng::N_("Average pressure from the p/z material balance")},
        {"reserve", eng::N_("recoverable reserve left"), num("%.1f", f.reserveLeft_pct), "%",
         eng::N_("Share of the recoverable gas at discovery still in the ground")},
        {"rate", eng::N_("gas delivery"), num("%.0f", f.rate_nm3_h), "Nm³/h", eng::N_("Field delivery on its back-pressure curve")},
        {"to_reformer", eng::N_("of which to the reformer"), num("%.0f", f.toReformer_nm3_h), "Nm³/h", eng::N_("Raw gas, CO2 included")},
        {"co2_content", eng::N_("CO2 in the gas"), num("%.1f", f.co2Content_pct), "mol %",
         eng::N_("Leaves with the reformer's process CO2 (and is captured with it)")},
    };
}

std::vector<Row> co2Rows(const FieldNow& f) {
    return {
        {"captured", eng::N_("CO2 captured"), num("%.3f", f.co2Captured_t_h), "t/h", eng::N_("At the reformer, smr.capture_fraction of its CO2")},
        {"injected", eng::N_("injected"), num("%.3f", f.co2Injected_t_h), "t/h", eng::N_("Compressed into the depleted reservoir")},
        {"co2_vented", eng::N_("vented (not stored)"), num("%.3f", f.co2Vented_t_h), "t/h",
         eng::N_("Captured but released: injection compressor tripped or reservoir full")},
        {"stored", eng::N_("CO2 in the reservoir"), num("%.1f", f.co2Stored_t), "t", eng::N_("Stored so far")},
        {"capacity_left", eng::N_("storage capacity left"), num("%.2f", f.capacityLeft_pct), "%", eng::N_("Of ccs.capacity_mt")},
    };
}

std::string injectionStatus(const FieldNow& f) {
    if (!f.injectionOk) return eng::tr("INJECTION FAULT (gas.injection): captured CO2 is vented");
    if (f.co2Captured_t_h > 0.0 && f.co2Vented_t_h > 0.0) return eng::tr("Reservoir full: captured CO2 is vented");
    if (f.co2Captured_t_h > 0.0) return eng::tr("Injecting the captured CO2");
    if (f.captureFraction > 0.0) return eng::tr("Nothing to inject now: the reformer is on hot standby (capture fitted)");
    return eng::tr("Nothing captured: set CO2 capture above 0 to store CO2");
}

SupplyTotals::SupplyTotals()
    : m_history(std::vector<std::string>(std::begin(kTotalMetrics), std::end(kTotalMetrics)), 10.0, 25.0) {
    for (const char* n : kTotalMetrics) m_index.push_back(sim::findMetric(n));
}

double SupplyTotals::lastHours(const sim::State& s, Item item, double hours, double* spanHours) const {
    const double now = sim::toHours(s.time), run = sim::toHours(s.time - s.start);
    // A world younger than the window: its cumulative counters started at 0 at s.start, so the figure is the
    // counter itself, exact whatever this history saw (a shot's warm-up, a scene opened late).
    if (run <= hours + 1e-6) {
        if (spanHours) *spanHours = run;
        return run > 0.0 ? sim::readMetric(s, m_index[item]) : std::numeric_limits<double>::quiet_NaN();
    }
    for (std::size_t k = 0; k < m_history.size(); ++k) {
        const double span = now - m_history.hoursAt(k);
        if (span > hours + 1e-6) continue;
        if (span <= 0.0) break;
        if (spanHours) *spanHours = span;
        return sim::readMetric(s, m_index[item]) - m_history.series(item)[k];
    }
    if (spanHours) *spanHours = 0.0;
    return std::numeric_limits<double>::quiet_NaN();
}

std::vector<std::string> plotMetricNames() { return {std::begin(kPlotMetrics), std::end(kPlotMetrics)}; }

std::vector<std::string> supplyMetricNames() {
    std::vector<std::string> out;
    auto add = [&](const char* n) {
        for (const std::string& o : out)
            if (o == n) return;
        out.emplace_back(n);
    };
    for (const char* n : kSupplyMetrics) add(n);
    for (const char* n : kFieldMetrics) add(n);
    for (const char* n : kTotalMetrics) add(n);
    for (const char* n : kPlotMetrics) add(n);
    return out;
}

std::string routeLabel(std::string_view key) {
    if (key == "photocatalytic") return eng::trp("Photocatalytic panels");
    if (key == "smr_grey") return eng::trp("SMR, CO2 to air (grey)");
    if (key == "smr_capture") return eng::trp("SMR + CO2 capture (blue)");
    if (key == "smr_depleted_field") return eng::trp("SMR + CO2 stored in a depleted field (blue)");
    return std::string(key);
}

const char* routeTip(std::string_view key) {
    if (key == "photocatalytic") return eng::N_("Slag-derived photocatalyst panels at the set STH; CO2 from grid power for drying and compression");
    if (key == "smr_grey") return eng::N_("Steam methane reforming, all CO2 to air (hydrogen.md §4: 9.35-10.2 kg CO2 per kg H2)");
    if (key == "smr_capture")
        return eng::N_("Reformer with CO2 capture; transport and storage at a generic econ.co2_transport_storage_usd_t");
    if (key == "smr_depleted_field")
        return eng::N_("The simulated plant with capture: its gas from the depleted field (CO2 content captured too), the CO2\n"
               "carried ~500 km and injected into a depleted reservoir (docs/hydrogen_supply.md §5)");
    return "";
}

}  // namespace scenes::h2
