#include "sim/catalyst.h"

#include <algorithm>
#include <cmath>

namespace sim {

void registerCatalystParams(Params& p) {
    // No plant exists; every default is an engineering estimate (E) sized as a pilot line beside the smelter.
    p.add({.name = "catalyst.slag_share", .unit = "-", .def = 0.001, .min = 0.0, .max = 1.0,
           .description = "share of the smelter's dumped slag sent to milling and catalyst preparation (E: pilot)"});
    p.add({.name = "catalyst.yield_kg_per_t", .unit = "kg/t", .def = 50.0, .min = 0.0, .max = 1000.0,
           .description = "photocatalyst powder made per tonne of slag milled (E: ~5 % after milling, leaching, "
                          "calcining at 900 C as in Ito et al. MMIJ 2025, hydrogen.md §3)"});
    p.add({.name = "catalyst.loading_g_m2", .unit = "g/m2", .def = 10.0, .min = 0.1, .max = 1000.0,
           .description = "catalyst sprayed per square metre of panel sheet (E: ~1 mg/cm2 particulate sheet, "
                          "hydrogen.md §2)"});
    p.add({.name = "catalyst.build_rate_m2_day", .unit = "m2/day", .def = 1000.0, .min = 0.0, .max = 1.0e6,
           .description = "most new panel area the panel shop can finish per day"});
}

Catalyst::Catalyst(const Params& p, std::uint64_t /*seed: the line is deterministic*/, Time /*start*/) {
    applyParams(p);
}

void Catalyst::applyParams(const Params& p) {
    m_share = std::clamp(p.get("catalyst.slag_share"), 0.0, 1.0);
    m_yield_kg_t = std::max(0.0, p.get("catalyst.yield_kg_per_t"));
    m_loading_g_m2 = std::max(1e-6, p.get("catalyst.loading_g_m2"));  // the range forbids 0; a division stays safe
    m_build_m2_day = std::max(0.0, p.get("catalyst.build_rate_m2_day"));
}

void Catalyst::step(Time t0, Time dt, double slagAvailable_t, EventSink& ev) {
    const double dtH = dt > 0 ? toHours(dt) : 0.0;
    const double slag = std::isfinite(slagAvailable_t) ? std::max(0.0, slagAvailable_t) * m_share : 0.0;
    const double made = slag * m_yield_kg_t;
    CatalystState& s = m_state;
    s.slag_used_t += slag;
    s.slagTick_t = slag;
    s.produced_kg += made;
    s.stock_kg += made;

    const double capacity_m2 = m_build_m2_day * dtH / 24.0;
    const double affordable_m2 = s.stock_kg * 1000.0 / m_loading_g_m2;
    double area = std::min(capacity_m2, affordable_m2);
    double used = area * m_loading_g_m2 / 1000.0;
    if (area == affordable_m2) used = s.stock_kg;  // exact: no rounding residue left in stock
    s.stock_kg = std::max(0.0, s.stock_kg - used);
    s.used_kg += used;

    const double before = s.built_area_m2;
    s.built_area_m2 += area;
    s.newPanelAreaTick_m2 = area;
    s.building = area > 0.0;
    s.produced_kg_h = dtH > 0 ? made / dtH : 0.0;
    s.build_m2_day = dtH > 0 ? area * 24.0 / dtH : 0.0;

    // Rows finish at the instant the cumulative area crosses each whole row (area grows linearly over the tick).
    const double firstRow = std::floor(before / kCatalystRowArea_m2) + 1.0;
    const double lastRow = std::floor(s.built_area_m2 / kCatalystRowArea_m2);
    for (double row = firstRow; row <= lastRow && area > 0.0; row += 1.0) {
        const double f = std::clamp((row * kCatalystRowArea_m2 - before) / area, 0.0, 1.0);
        const Time at = t0 + std::min<Time>(dt - 1, static_cast<Time>(f * static_cast<double>(dt)));
        ev.emit(at, Unit::Catalyst, CatalystEvent::PanelRowFinished, static_cast<std::int32_t>(row),
                row * kCatalystRowArea_m2);
    }
    const bool stockOut = capacity_m2 > affordable_m2 && m_build_m2_day > 0.0;
    if (stockOut && !m_stockOut) ev.emit(t0, Unit::Catalyst, CatalystEvent::StockOut, -1, s.stock_kg);
    m_stockOut = stockOut;
}

bool Catalyst::setFault(const std::string& /*target*/, bool /*on*/, std::string* /*why*/) { return false; }

void Catalyst::hashInto(Hasher& h) const {
    const CatalystState& s = m_state;
    for (double v : {s.slag_used_t, s.produced_kg, s.used_kg, s.stock_kg, s.built_area_m2, s.newPanelAreaTick_m2,
                     s.slagTick_t, s.produced_kg_h, s.build_m2_day})
        h.add(v);
    h.add(s.building);
    h.add(m_stockOut);
}

}  // namespace sim
