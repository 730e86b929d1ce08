#include "sim/concentrator.h"

#include <algorithm>

namespace sim {

void registerConcentratorParams(Params& p) {
    p.add({.name = "concentrator.capacity_t_h", .unit = "t/h", .def = 4600, .min = 0, .max = 30000, .description =
           "Grinding + flotation throughput limit (MOF-1/2: 40.2 Mt/y = 4,590 t/h, almalyk.md §3 S8)"});
    p.add({.name = "concentrator.store_setpoint_t", .unit = "t", .def = 10000, .min = 0, .max = 500000, .description =
           "Coarse-ore store level at which the mill runs at full capacity; feed is proportional below it (E; 0 = always full)"});
    p.add({.name = "concentrator.store_capacity_t", .unit = "t", .def = 20000, .min = 1, .max = 1e6, .description =
           "Coarse-ore store size, for its fill (E: twice the setpoint; MOF-3's store is 320,000 t, almalyk.md §2 S12)"});
    p.add({.name = "concentrator.head_grade_pct", .unit = "%", .def = 0.38, .min = 0.05, .max = 3, .description =
           "Mean copper grade of the ore fed (Kalmakyr 0.38 %, almalyk.md defaults)"});
    p.add({.name = "concentrator.grade_cv", .unit = "-", .def = 0.08, .min = 0, .max = 0.5, .description =
           "Coefficient of variation of the head grade between blends (E)"});
    p.add({.name = "concentrator.blend_h", .unit = "h", .def = 4, .min = 0.25, .max = 168, .description =
           "How long one ore blend feeds the mill before the grade changes (E)"});
    p.add({.name = "concentrator.recovery_pct", .unit = "%", .def = 87, .min = 1, .max = 99, .description =
           "Cu recovery to concentrate at the mean head grade (87 %; Kalmakyr legacy 75-80 %, almalyk.md §3)"});
    p.add({.name = "concentrator.conc_cu_pct", .unit = "%", .def = 21, .min = 10, .max = 40, .description =
           "Copper in concentrate (~21 %, derived from MOF-3 figures, almalyk.md §3)"});
    p.add({.name = "concentrator.conc_s_pct", .unit = "%", .def = 30, .min = 10, .max = 45, .description =
           "Sulphur in concentrate (pyritic, almalyk.md defaults)"});
    p.add({.name = "concentrator.conc_fe_pct", .unit = "%", .def = 26, .min = 5, .max = 40, .description =
           "Iron in concentrate (E: chalcopyrite for the Cu plus pyrite for the remaining S)"});
    p.add({.name = "concentrator.conc_sio2_pct", .unit = "%", .def = 8, .min = 0, .max = 30, .description =
           "Silica (gangue) in concentrate (E)"});
}

Concentrator::Concentrator(const Params& p, std::uint64_t seed, Time start)
    : m_rng(Rng::stream(seed, "concentrator.grade")), m_nextBlend(start) {
    applyParams(p);
    m_state.oreStore_t = m_state.oreStoreInitial_t = m_setpoint_t;
    updateCover();
}

void Concentrator::applyParams(const Params& p) {
    m_capacity_t_h = p.get("concentrator.capacity_t_h");
    m_setpoint_t = p.get("concentrator.store_setpoint_t");
    m_storeCapacity_t = std::max(1.0, p.get("concentrator.store_capacity_t"));
    m_refGrade = p.get("concentrator.head_grade_pct") / 100.0;
    m_gradeCv = p.get("concentrator.grade_cv");
    m_blend = fromSeconds(p.get("concentrator.blend_h") * 3600.0);
    m_refRecovery = p.get("concentrator.recovery_pct") / 100.0;
    m_concCu = p.get("concentrator.conc_cu_pct") / 100.0;
    double fe = p.get("concentrator.conc_fe_pct") / 100.0, s = p.get("concentrator.conc_s_pct") / 100.0,
           si = p.get("concentrator.conc_sio2_pct") / 100.0;
    const double room = 1.0 - m_concCu, rest = fe + s + si;
    if (rest > room) {  // keep the batch physical (fractions sum to at most 1)
        const double k = room / rest;
        fe *= k; s *= k; si *= k;
    }
    m_concFe = fe; m_concS = s; m_concSiO2 = si;
    // Tails grade from R at the reference grade: t = c f (1 − R) / (c − R f).  (c > f always: 10 % vs ≤ 3 %.)
    m_tails = m_concCu * m_refGrade * (1.0 - m_refRecovery) / (m_concCu - m_refRecovery * m_refGrade);
    m_state.tailsGrade_pct = m_tails * 100.0;
    if (m_state.headGrade_pct <= 0.0) m_state.headGrade_pct = m_refGrade * 100.0;
}

// Hours of cover at the current mill rate (at capacity while the mill stands), capped at 999; fill of the store.
void Concentrator::updateCover() {
    const double draw = m_state.throughput_t_h > 1e-9 ? m_state.throughput_t_h : m_capacity_t_h;
    m_state.oreStoreCover_h = draw > 1e-9 ? std::min(999.0, m_state.oreStore_t / draw) : 999.0;
    m_state.oreStoreFill = std::clamp(m_state.oreStore_t / m_storeCapacity_t, 0.0, 1.0);
}

double Concentrator::recoveryAt(double headGrade_pct) const {
    const double f = headGrade_pct / 100.0, c = m_concCu, t = m_tails;
    if (f <= t || c <= t) return 0.0;
    return std::clamp(c * (f - t) / (f * (c - t)), 0.0, 1.0);
}

bool Concentrator::setFault(const std::string& target, bool on, std::string* /*why*/) {
    if (target != "concentrator.mill") return false;
    m_faultChanged = m_faultChanged || m_state.millFault != on;
    m_state.millFault = on;
    return true;
}

MaterialBatch Concentrator::step(Time t0, Time dt, double oreIn_t, EventSink& ev) {
    const double hours = toHours(dt);
    if (m_faultChanged) {
        ev.emit(t0, Unit::Concentrator, ConcentratorEvent::FaultChanged, -1, m_state.millFault ? 1.0 : 0.0);
        m_faultChanged = false;
    }
    if (t0 >= m_nextBlend) {
        m_blendFactor = m_gradeCv > 0.0 ? m_rng.lognormal(1.0, m_gradeCv) : 1.0;
        m_nextBlend = t0 + m_blend;
        m_state.headGrade_pct = std::min(100.0 * m_refGrade * m_blendFactor, 0.9 * m_concCu * 100.0);
        ev.emit(t0, Unit::Concentrator, ConcentratorEvent::GradeChanged, -1, m_state.headGrade_pct);
    }
    const double in = std::max(0.0, oreIn_t);
    m_state.oreStore_t += in;
    m_state.oreIn_t += in;
    const double canMill = m_state.millFault ? 0.0 : m_capacity_t_h * hours;
    const double level = m_setpoint_t > 0.0 ? std::min(1.0, m_state.oreStore_t / m_setpoint_t) : 1.0;
    const double milled = std::min(m_state.oreStore_t, canMill * level);
    m_state.oreStore_t -= milled;

    const bool starved = canMill > 0.0 && milled < canMill && m_state.oreStore_t <= 0.0;
    if (starved != m_state.starved)
        ev.emit(t0, Unit::Concentrator, starved ? ConcentratorEvent::MillStarved : ConcentratorEvent::MillResumed, -1,
                m_state.oreStore_t);
    m_state.starved = starved;

    const double f = m_state.headGrade_pct / 100.0;
    m_state.recovery = recoveryAt(m_state.headGrade_pct);
    const double cuIn = milled * f;
    const double cuConc = cuIn * m_state.recovery;
    MaterialBatch conc;
    conc.mass_t = cuConc / m_concCu;
    conc.cu = m_concCu; conc.fe = m_concFe; conc.s = m_concS; conc.sio2 = m_concSiO2; conc.o = 0.0;
    const double tails = std::max(0.0, milled - conc.mass_t);

    m_state.concentrateTick = conc;
    m_state.throughput_t_h = hours > 0 ? milled / hours : 0.0;
    m_state.concentrate_t_h = hours > 0 ? conc.mass_t / hours : 0.0;
    updateCover();
    m_state.oreMilled_t += milled;
    m_state.cuInOre_t += cuIn;
    m_state.concentrate_t += conc.mass_t;
    m_state.cuInConcentrate_t += cuConc;
    m_state.feInConcentrate_t += conc.fe_t();
    m_state.sInConcentrate_t += conc.s_t();
    m_state.tailings_t += tails;
    m_state.cuInTailings_t += cuIn - cuConc;
    return conc;
}

void Concentrator::hashInto(Hasher& h) const {
    const ConcentratorState& s = m_state;
    h.add(m_rng.state()); h.add(m_nextBlend); h.add(m_blendFactor);
    h.add(s.oreStore_t); h.add(s.oreStoreInitial_t); h.add(s.throughput_t_h); h.add(s.headGrade_pct); h.add(s.recovery); h.add(s.starved);
    h.add(s.millFault); h.add(s.concentrateTick.mass_t);
    h.add(s.oreIn_t); h.add(s.oreMilled_t); h.add(s.cuInOre_t); h.add(s.concentrate_t); h.add(s.cuInConcentrate_t);
    h.add(s.tailings_t); h.add(s.cuInTailings_t); h.add(s.feInConcentrate_t); h.add(s.sInConcentrate_t);
}

}  // namespace sim
