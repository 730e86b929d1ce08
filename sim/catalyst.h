// sim/catalyst.h — the slag-to-photocatalyst line: a share of the smelter's fayalite slag is milled and turned into
// photocatalyst powder (yield, kg per t slag), which a panel shop sprays onto new panel sheets at a loading
// (g per m² of panel) up to its building rate, so the photocatalytic field can grow (hydrogen.md §2, §3; the
// AMMC–JICA/Kyushu interest in smelter slag as fayalite feedstock, almalyk.md §5).
// Use: registerCatalystParams(p); Catalyst c(p, seed, start);
//      each tick c.step(t0, dt, smelter.state().slagToYardTick_t, {hydrogen.dueArea_m2(), hydrogen.landFree_m2()}, ev);
//      c.state().newPanelAreaTick_m2 and recoatAreaTick_m2 -> Hydrogen.
// Operating rules (docs/hydrogen_supply.md §1):
//  - The line follows its stock: the slag share used is catalyst.slag_share (its most) while the stock is at or
//    below catalyst.stock_low_kg, nothing at or above catalyst.stock_high_kg, linear between (a proportional level
//    controller); powder = slag used · catalyst.yield_kg_per_t.
//  - The panel shop plans each 8 h shift (00, 08, 16 local, and at the start): first it recoats the panels due
//    (activity at or below h2.recoat_activity, the most-aged first), then it builds new trays on free land, within
//    catalyst.build_rate_m2_day and the catalyst in stock at the plan; the plan runs evenly over the shift and stops
//    early if the stock runs out. Every m² uses catalyst.loading_g_m2, so area worked = catalyst used / loading.
// Balanced start: the stock starts at the high mark (the controller's operating point when the shop's draw is small
// against the line's capacity).
// Errors: negative or non-finite slag input counts as 0; never NaN, never a negative stock. setFault owns no target.
// Does NOT: model milling energy, leaching chemicals, catalyst quality, or panel ageing (Hydrogen does ageing and
// decides which panels are due).
#pragma once
#include <cstdint>
#include <string>

#include "sim/events.h"
#include "sim/hash.h"
#include "sim/params.h"
#include "sim/time.h"

namespace sim {

void registerCatalystParams(Params& p);  // catalyst.*

enum class CatalystEvent : std::uint16_t {
    PanelRowFinished,  // built area crossed another whole row of kCatalystRowArea_m2; index row number, value m² built
    StockOut,          // building stopped for lack of catalyst (stock ran out with build capacity left); value kg
    ShiftPlan,         // the shop planned a shift; index 0 = recoat only, 1 = building too; value = m2 planned
};

// What the field asks of the shop (Hydrogen::dueArea_m2 and landFree_m2).
struct FieldNeed {
    double dueArea_m2 = 0.0;    // panels at or below the recoat activity
    double landFree_m2 = 0.0;   // room for new trays
};

constexpr double kCatalystRowArea_m2 = 100.0;  // one row of 1600 25 cm modules, as Domen's 100 m² array (hydrogen.md §1)

struct CatalystState {
    double slag_used_t = 0.0;          // cumulative
    double produced_kg = 0.0;          // cumulative catalyst made
    double used_kg = 0.0;              // cumulative catalyst put on panels
    double stock_kg = 0.0;             // made, not yet on panels
    double built_area_m2 = 0.0;        // cumulative new panel area
    double newPanelAreaTick_m2 = 0.0;  // last tick (input of Hydrogen::step)
    double recoatAreaTick_m2 = 0.0;    // last tick (input of Hydrogen::step)
    double recoated_area_m2 = 0.0;     // cumulative area recoated
    double slag_share_used = 0.0;      // the line's share of the slag this tick (controller output)
    double used_kg_h = 0.0;            // catalyst put on panels over the last tick (the stock's draw)
    double plan_recoat_m2_h = 0.0;     // this shift's plan
    double plan_build_m2_h = 0.0;
    double slagTick_t = 0.0;           // last tick
    double produced_kg_h = 0.0;        // instantaneous (this tick's mean)
    double build_m2_day = 0.0;         // instantaneous: new trays + recoated, m2/day
    bool building = false;             // panels were built this tick
};

class Catalyst {
public:
    Catalyst(const Params& p, std::uint64_t seed, Time start);
    void applyParams(const Params& p);
    void step(Time t0, Time dt, double slagAvailable_t, const FieldNeed& field, EventSink& ev);
    bool setFault(const std::string& target, bool on, std::string* why);  // owns no fault target: always false
    const CatalystState& state() const { return m_state; }
    void hashInto(Hasher& h) const;

private:
    void planShift(Time t0, const FieldNeed& field, EventSink& ev);

    double m_share = 0, m_yield_kg_t = 0, m_loading_g_m2 = 1, m_build_m2_day = 0, m_low_kg = 0, m_high_kg = 0;
    bool m_stockOut = false;
    Time m_nextPlan = -1;  // next shift boundary (local 00/08/16); -1: plan at the first tick
    CatalystState m_state;
};

}  // namespace sim
