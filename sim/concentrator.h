// sim/concentrator.h — the copper concentrator (MOF-1/2): a coarse-ore store, grinding + flotation at a throughput
// limit, and copper recovery that depends on the head grade; its concentrate (~21 % Cu) goes to the smelter's store
// (almalyk.md §3 and "Recommended simulation defaults").
// Use: registerConcentratorParams(p); Concentrator c(p, seed, start); each tick
//        MaterialBatch conc = c.step(t0, dt, transport.step(...), ev);   // -> Smelter::step(t0, dt, conc, ev)
// Recovery model: the two-product formula with a constant tailings grade. R(f) = c (f − t) / (f (c − t)) for head
// grade f, concentrate grade c and tails grade t; t is fixed so that R equals concentrator.recovery_pct at the
// reference head grade concentrator.head_grade_pct. Richer ore therefore recovers better and lean ore worse, as
// plants see; R = 0 when f ≤ t. Concentrate mass = ore · f · R / c.
// Feed control: the mill feed follows the coarse-ore store level, feed = capacity · min(1, store / setpoint)
// (concentrator.store_setpoint_t; 0 = always full capacity), so rail lots of 1,050 t arriving every ~15 min give a
// steady mill instead of bursts; the store starts at the setpoint, as a plant keeps its coarse-ore pile.
// Head grade: concentrator.head_grade_pct times a seeded blend factor (lognormal, mean 1, CV concentrator.grade_cv)
// redrawn every concentrator.blend_h hours, standing in for the pit's block-to-block variation.
// Concentrate composition: Cu from concentrator.conc_cu_pct, S from conc_s_pct, Fe and SiO2 from their parameters;
// if they add up past 100 % the non-copper parts are scaled down so the batch stays physical.
// Faults: "concentrator.mill" stops grinding (ore accumulates in the store). Other targets: false, no message.
// Errors: none at run time. Never NaN, never negative stocks; ore milled = concentrate + tailings exactly.
// Does NOT: model molybdenum or gold circuits, regrind or tailings dams; the concentrate store belongs to the smelter.
#pragma once
#include <cstdint>
#include <string>

#include "sim/events.h"
#include "sim/hash.h"
#include "sim/material.h"
#include "sim/params.h"
#include "sim/rng.h"
#include "sim/time.h"

namespace sim {

void registerConcentratorParams(Params& p);  // concentrator.*

enum class ConcentratorEvent : std::uint16_t {
    MillStarved,   // the ore store ran empty while the mill could run; value = 0
    MillResumed,   // ore again after starving; value = store t
    FaultChanged,  // "concentrator.mill"; value = 1 set, 0 cleared
    GradeChanged,  // a new blend reached the mill; value = head grade, % Cu
};

struct ConcentratorState {
    double oreStore_t = 0.0;           // coarse-ore store ahead of the mills
    double oreStoreInitial_t = 0.0;    // what it held at the start (for balances)
    double oreStoreCover_h = 0.0;      // store / mill rate (capacity while stopped), capped at 999 h
    double oreStoreFill = 0.0;         // store / concentrator.store_capacity_t, 0..1
    double throughput_t_h = 0.0;       // milled over the last tick
    double headGrade_pct = 0.0;        // % Cu of the ore being milled
    double recovery = 0.0;             // 0..1, Cu to concentrate at that grade
    double tailsGrade_pct = 0.0;       // % Cu lost with the tailings (model constant)
    double concentrate_t_h = 0.0;
    bool starved = false, millFault = false;
    MaterialBatch concentrateTick;     // the last tick's product (also returned by step)
    // totals
    double oreIn_t = 0.0, oreMilled_t = 0.0, cuInOre_t = 0.0;
    double concentrate_t = 0.0, cuInConcentrate_t = 0.0, tailings_t = 0.0, cuInTailings_t = 0.0;
    double feInConcentrate_t = 0.0, sInConcentrate_t = 0.0;
};

class Concentrator {
public:
    Concentrator(const Params& p, std::uint64_t seed, Time start);
    void applyParams(const Params& p);
    MaterialBatch step(Time t0, Time dt, double oreIn_t, EventSink& ev);
    bool setFault(const std::string& target, bool on, std::string* why);
    const ConcentratorState& state() const { return m_state; }
    void hashInto(Hasher& h) const;

    // R(f) of the model above for head grade f (% Cu), with the current parameters; 0..1.
    double recoveryAt(double headGrade_pct) const;

private:
    void updateCover();

    Rng m_rng;
    double m_capacity_t_h = 0, m_setpoint_t = 0, m_storeCapacity_t = 1, m_refGrade = 0, m_refRecovery = 0, m_gradeCv = 0;
    double m_concCu = 0, m_concFe = 0, m_concS = 0, m_concSiO2 = 0;  // fractions
    double m_tails = 0;       // fraction
    Time m_blend = 0;
    Time m_nextBlend = 0;
    double m_blendFactor = 1.0;
    bool m_faultChanged = false;
    ConcentratorState m_state;
};

}  // namespace sim
