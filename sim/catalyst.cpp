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
           .description = "most panel area (new trays plus recoated) the panel shop can finish per day"});
    // Marks (E): the shop's recoating draw is ~1-2 kg/day at the default field; the low mark holds about two weeks of
    // it, the high mark about two months, so a week without slag never stops the shop.
    p.add({.name = "catalyst.stock_low_kg", .unit = "kg", .def = 20.0, .min = 0.0, .max = 1.0e6,
           .description = "catalyst stock at or below which the line takes its full slag share (E: ~2 weeks of recoating)"});
    p.add({.name = "catalyst.stock_high_kg", .unit = "kg", .def = 100.0, .min = 0.0, .max = 1.0e6,
           .description = "catalyst stock at or above which the line stops taking slag (E: ~2 months of recoating)"});
}

namespace {
constexpr Time kShift = 8 * kHour;  // the shop's shifts: 00-08, 08-16, 16-24 local (as PRMiTS, E)

// The next local shift boundary strictly after t (local time is UTC+5 with no DST: a fixed offset).
Time nextShiftBoundary(Time t) {
    const Time local = t + kSiteUtcOffsetHours * kHour;
    const Time shiftStart = (local >= 0 ? local / kShift : (local - kShift + 1) / kShift) * kShift;
    return shiftStart + kShift - kSiteUtcOffsetHours * kHour;
}
}  // namespace

Catalyst::Catalyst(const Params& p, std::uint64_t /*seed: the line is deterministic*/, Time /*start*/) {
    applyParams(p);
    m_state.stock_kg = m_high_kg;
}

void Catalyst::planShift(Time t0, const FieldNeed& field, EventSink& ev) {
    CatalystState& s = m_state;
    const double shift_h = toHours(kShift);
    const double capacity_m2 = m_build_m2_day * shift_h / 24.0;
    const double affordable_m2 = s.stock_kg * 1000.0 / m_loading_g_m2;
    const double due = std::isfinite(field.dueArea_m2) ? std::max(0.0, field.dueArea_m2) : 0.0;
    const double land = std::isfinite(field.landFree_m2) ? std::max(0.0, field.landFree_m2) : 0.0;
    const double recoat = std::min({due, capacity_m2, affordable_m2});
    const double build = std::min({land, capacity_m2 - recoat, affordable_m2 - recoat});
    s.plan_recoat_m2_h = recoat / shift_h;
    s.plan_build_m2_h = std::max(0.0, build) / shift_h;
    if (recoat + build > 0.0)
        ev.emit(t0, Unit::Catalyst, CatalystEvent::ShiftPlan, build > 0.0 ? 1 : 0, recoat + std::max(0.0, build));
}

void Catalyst::applyParams(const Params& p) {
    m_share = std::clamp(p.get("catalyst.slag_share"), 0.0, 1.0);
    m_yield_kg_t = std::max(0.0, p.get("catalyst.yield_kg_per_t"));
    m_loading_g_m2 = std::max(1e-6, p.get("catalyst.loading_g_m2"));  // the range forbids 0; a division stays safe
    m_build_m2_day = std::max(0.0, p.get("catalyst.build_rate_m2_day"));
    m_low_kg = std::max(0.0, p.get("catalyst.stock_low_kg"));
    m_high_kg = std::max(m_low_kg, p.get("catalyst.stock_high_kg"));
}

void Catalyst::step(Time t0, Time dt, double slagAvailable_t, const FieldNeed& field, EventSink& ev) {
    const double dtH = dt > 0 ? toHours(dt) : 0.0;
    CatalystState& s = m_state;
    if (m_nextPlan < 0 || t0 >= m_nextPlan) {
        planShift(t0, field, ev);
        m_nextPlan = nextShiftBoundary(t0);
    }
    // Line: proportional level control between the marks (the share used at the stock before this tick's make).
    const double band = m_high_kg - m_low_kg;
    const double openness = band > 0.0 ? std::clamp((m_high_kg - s.stock_kg) / band, 0.0, 1.0)
                                       : (s.stock_kg < m_high_kg ? 1.0 : 0.0);
    s.slag_share_used = m_share * openness;
    const double slag = std::isfinite(slagAvailable_t) ? std::max(0.0, slagAvailable_t) * s.slag_share_used : 0.0;
    const double made = std::isfinite(slag * m_yield_kg_t) ? slag * m_yield_kg_t : 0.0;
    s.slag_used_t += slag;
    s.slagTick_t = slag;
    s.produced_kg += made;
    s.stock_kg += made;

    // Shop: the shift's plan for this tick, recoating first, within the stock.
    const double affordable_m2 = s.stock_kg * 1000.0 / m_loading_g_m2;
    const double recoat = std::min(s.plan_recoat_m2_h * dtH, affordable_m2);
    const double area = std::min(s.plan_build_m2_h * dtH, affordable_m2 - recoat);
    const double worked = recoat + area;
    double used = worked * m_loading_g_m2 / 1000.0;
    if (worked >= affordable_m2) used = s.stock_kg;  // exact: no rounding residue left in stock
    s.stock_kg = std::max(0.0, s.stock_kg - used);
    s.used_kg += used;
    s.used_kg_h = dtH > 0 ? used / dtH : 0.0;

    const double before = s.built_area_m2;
    s.built_area_m2 += area;
    s.recoated_area_m2 += recoat;
    s.newPanelAreaTick_m2 = area;
    s.recoatAreaTick_m2 = recoat;
    s.building = worked > 0.0;
    s.produced_kg_h = dtH > 0 ? made / dtH : 0.0;
    s.build_m2_day = dtH > 0 ? worked * 24.0 / dtH : 0.0;

    // Rows finish at the instant the cumulative area crosses each whole row (area grows linearly over the tick).
    const double firstRow = std::floor(before / kCatalystRowArea_m2) + 1.0;
    const double lastRow = std::floor(s.built_area_m2 / kCatalystRowArea_m2);
    for (double row = firstRow; row <= lastRow && area > 0.0; row += 1.0) {
        const double f = std::clamp((row * kCatalystRowArea_m2 - before) / area, 0.0, 1.0);
        const Time at = t0 + std::min<Time>(dt - 1, static_cast<Time>(f * static_cast<double>(dt)));
        ev.emit(at, Unit::Catalyst, CatalystEvent::PanelRowFinished, static_cast<std::int32_t>(row),
                row * kCatalystRowArea_m2);
    }
    // Out of stock: the plan wanted more than was left (beyond rounding of the plan's last tick).
    const double planned = (s.plan_recoat_m2_h + s.plan_build_m2_h) * dtH;
    const bool stockOut = planned > affordable_m2 * (1.0 + 1e-9) + 1e-9 && m_build_m2_day > 0.0;
    if (stockOut && !m_stockOut) ev.emit(t0, Unit::Catalyst, CatalystEvent::StockOut, -1, s.stock_kg);
    m_stockOut = stockOut;
}

bool Catalyst::setFault(const std::string& /*target*/, bool /*on*/, std::string* /*why*/) { return false; }

void Catalyst::hashInto(Hasher& h) const {
    const CatalystState& s = m_state;
    for (double v : {s.slag_used_t, s.produced_kg, s.used_kg, s.stock_kg, s.built_area_m2, s.newPanelAreaTick_m2,
                     s.slagTick_t, s.produced_kg_h, s.build_m2_day, s.recoated_area_m2, s.plan_recoat_m2_h,
                     s.plan_build_m2_h, s.slag_share_used})
        h.add(v);
    h.add(m_nextPlan);
    h.add(s.building);
    h.add(m_stockOut);
}

}  // namespace sim
