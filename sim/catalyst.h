// sim/catalyst.h — the slag-to-photocatalyst line: a share of the smelter's fayalite slag is milled and turned into
// photocatalyst powder (yield, kg per t slag), which a panel shop sprays onto new panel sheets at a loading
// (g per m² of panel) up to its building rate, so the photocatalytic field can grow (hydrogen.md §2, §3; the
// AMMC–JICA/Kyushu interest in smelter slag as fayalite feedstock, almalyk.md §5).
// Use: registerCatalystParams(p); Catalyst c(p, seed, start);
//      each tick c.step(t0, dt, smelter.state().slagToYardTick_t, ev); c.state().newPanelAreaTick_m2 -> Hydrogen.
// Model: slag used = catalyst.slag_share · slag available; powder produced = slag used · catalyst.yield_kg_per_t and
// held in stock; panels built this tick = min(stock · 1000 / catalyst.loading_g_m2, build_rate_m2_day · dt / 1 day),
// which uses exactly area · loading / 1000 kg of stock. So built area = catalyst used / loading, always.
// Errors: negative or non-finite slag input counts as 0; never NaN, never a negative stock. setFault owns no target.
// Does NOT: model milling energy, leaching chemicals, catalyst quality, or panel ageing (Hydrogen does ageing).
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
};

constexpr double kCatalystRowArea_m2 = 100.0;  // one row of 1600 25 cm modules, as Domen's 100 m² array (hydrogen.md §1)

struct CatalystState {
    double slag_used_t = 0.0;          // cumulative
    double produced_kg = 0.0;          // cumulative catalyst made
    double used_kg = 0.0;              // cumulative catalyst put on panels
    double stock_kg = 0.0;             // made, not yet on panels
    double built_area_m2 = 0.0;        // cumulative new panel area
    double newPanelAreaTick_m2 = 0.0;  // last tick (input of Hydrogen::step)
    double slagTick_t = 0.0;           // last tick
    double produced_kg_h = 0.0;        // instantaneous (this tick's mean)
    double build_m2_day = 0.0;         // instantaneous
    bool building = false;             // panels were built this tick
};

class Catalyst {
public:
    Catalyst(const Params& p, std::uint64_t seed, Time start);
    void applyParams(const Params& p);
    void step(Time t0, Time dt, double slagAvailable_t, EventSink& ev);
    bool setFault(const std::string& target, bool on, std::string* why);  // owns no fault target: always false
    const CatalystState& state() const { return m_state; }
    void hashInto(Hasher& h) const;

private:
    double m_share = 0, m_yield_kg_t = 0, m_loading_g_m2 = 1, m_build_m2_day = 0;
    bool m_stockOut = false;
    CatalystState m_state;
};

}  // namespace sim
