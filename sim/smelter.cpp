// sim/smelter.cpp — see smelter.h. Sections: [constants] [params] [holdup helpers] [construction] [furnace]
// [machines: converters, ladles, anode furnaces] [tankhouse] [gas, energy, alarms, views] [faults] [hash].
#include "sim/smelter.h"

#include <algorithm>
#include <cmath>

namespace sim {

// [SECTION] constants ------------------------------------------------------------------------------------------------
namespace {

using Holdup = Smelter::Holdup;

// Matte is Cu2S + FeS: tonnes of S per tonne of Cu and of Fe.
constexpr double kSperCu = kMolarS / (2 * kMolarCu);
constexpr double kSperFe = kMolarS / kMolarFe;
constexpr double kSO2perS = kMolarSO2 / kMolarS;
constexpr double kO2perS = 2 * kMolarO / kMolarS;                    // O taken by S -> SO2
constexpr double kFeOperFe = (kMolarFe + kMolarO) / kMolarFe;        // 1.2865
constexpr double kOperFeFeO = kMolarO / kMolarFe;
constexpr double kFePerMagnetite = 3 * kMolarFe / (3 * kMolarFe + 4 * kMolarO);  // 0.7236
constexpr double kOperFeMagnetite = 4 * kMolarO / (3 * kMolarFe);
constexpr double kFayalitePerFe = kMolarFayalite / (2 * kMolarFe);
constexpr double kFayalitePerSiO2 = kMolarFayalite / kMolarSiO2;
constexpr double kN2perO2Mass = 28.014 / 31.998;
constexpr double kO2Density_kg_nm3 = 1.429;

// Heat of sulphide oxidation per tonne of S burnt to SO2, from 2CuFeS2 + 4O2 -> Cu2S + 2FeO + 3SO2,
// -567 kJ/mol CuFeS2 (almalyk.md §6): 567 / (1.5 * 32.06) MJ/kg. It carries the FeO formation heat with it.
constexpr double kHeatPerS_GJ_t = 567.0 / (1.5 * kMolarS);
// Melt enthalpy at T: latent + sensible from 25 C (E: slag ~1.3 GJ/t at 1250 C); off-gas heat capacity (E).
constexpr double kMeltLatent_GJ_t = 0.25, kMeltCp_GJ_tK = 0.00085, kGasCp_GJ_tK = 0.0011;
constexpr double kFurnaceHeatCap_GJ_K = 0.5;   // bath + refractory lining (E): time constant ~3 h
constexpr double kFurnaceUA_GJ_hK = 0.03;     // caisson and shell losses, ~37 GJ/h at 1250 C (E, calibrated so the
                                              // default 70 % O2 blast runs near autogenous with a little fuel)
constexpr double kFuelGain_GJ_hK = 2.0;       // proportional burner control
constexpr double kAmbient_C = 25.0;
constexpr double kGasCO2_t_GJ = 0.0561;       // natural gas, IPCC default

// Bath geometry: Vanyukov-type furnace, 21 m2 hearth (almalyk.md §4, S7); melt densities (§6).
constexpr double kHearth_m2 = 21.0, kHeelLevel_m = 1.6, kMatteDensity = 4.6, kSlagDensity = 3.5;
constexpr double kLevelTripMargin_m = 0.3;     // feed interlock this far above the level alarm (E)

// Peirce-Smith converters: 600 Nm3/min air blast (almalyk.md §6, S47) = 10.8 t O2/h; slag Fe/SiO2 ~2 and ~7 %
// extra O as magnetite (E); converter slag 5 % Cu and blister 98.8 % Cu (Recommended defaults) with S ~0.05 % (E).
constexpr double kConverterO2_t_h = 600.0 * 60.0 * 0.21 * kO2Density_kg_nm3 / 1000.0;
constexpr double kConvSlagFeSiO2 = 2.0, kConvSlagExtraO = 1.07, kConvSlagCu = 0.05, kBlisterS = 0.0005;
constexpr int kChargeLadles = 3;
constexpr double kRecycleDrain_h = 0.5;        // converter slag returned to the furnace over ~30 min (E)               // a converter cycle takes three matte ladles (E)

// Ladle fleet (index order in state.ladles) and the crane/pot-carrier times along the aisle (E).
constexpr int kMatteLadles = 3, kSlagPots = 3, kBlisterLadles = 2;
constexpr Time kCraneToConverter = 6 * kMinute, kPourIntoConverter = 4 * kMinute, kMatteReturn = 5 * kMinute;
constexpr Time kToSlagYard = 12 * kMinute, kSlagDump = 5 * kMinute, kSlagReturn = 12 * kMinute;
constexpr Time kToAnodeFurnace = 6 * kMinute, kBlisterDump = 8 * kMinute, kBlisterReturn = 6 * kMinute;
constexpr Time kSkimming = 15 * kMinute, kConverterPour = 15 * kMinute, kMinBlow = 10 * kMinute;
constexpr double kLadleCool_C_h = 30.0;

// Anode furnaces: two, alternating; oxidise then pole, then one shared casting wheel (E).
constexpr int kAnodeFurnaces = 2;
constexpr Time kOxidising = 90 * kMinute, kPoling = 120 * kMinute;
constexpr double kPolingGas_GJ_t = 0.4;        // reductant/fuel per t anode copper (E)

constexpr Time kHarvestInterval = kDay;
constexpr double kCathodeArea_m2_cell = 100.0;  // 50 cathodes x 2 faces x 1 m2 (E): 30 kA cells at 300 A/m2

// Concentrate in the store at start and from the other AMMC feed: 21 % Cu, 30 % S (Recommended defaults); Fe from
// chalcopyrite + pyrite. The other ores are porphyry copper of the same district (almalyk.md §1), so the same analysis.
constexpr MaterialBatch kDefaultConcentrate{.mass_t = 1.0, .cu = 0.21, .fe = 0.26, .s = 0.30, .sio2 = 0.10, .o = 0.0};
// The steady start: the plant runs this long at its nominal feed before t = 0 (events and totals discarded), so the
// bath, ladles, converters, anode furnaces and casting wheel start in mid-stride at staggered phases. Two days is
// more than ten converter cycles; fixed 60 s ticks so the start does not depend on sim.tick_s.
constexpr Time kWarmUp = 2 * kDay, kWarmUpTick = kMinute;

Holdup concentrateOf(double mass_t) {
    const MaterialBatch& c = kDefaultConcentrate;
    return Holdup{.cu = mass_t * c.cu, .fe = mass_t * c.fe, .s = mass_t * c.s, .sio2 = mass_t * c.sio2,
                  .o = mass_t * c.o, .other = mass_t * c.other()};
}

// A value between two marks: y0 at or below x0, y1 at or above x1, linear between (x1 <= x0 counts as a step at x0).
double alongBand(double x, double x0, double x1, double y0, double y1) {
    if (x <= x0) return y0;
    if (x >= x1) return y1;
    return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
}

inline Holdup& operator+=(Holdup& a, const Holdup& b) {
    a.cu += b.cu; a.fe += b.fe; a.s += b.s; a.sio2 += b.sio2; a.o += b.o; a.other += b.other; a.fayalite += b.fayalite;
    return a;
}

// Moves the fraction f (0..1) of `from` out and returns it; f >= 1 moves everything exactly, leaving zero.
inline Holdup take(Holdup& from, double f) {
    if (!(f > 0.0)) return {};
    if (f >= 1.0) { Holdup all = from; from = {}; return all; }
    Holdup part{from.cu * f, from.fe * f, from.s * f, from.sio2 * f, from.o * f, from.other * f, from.fayalite * f};
    from.cu -= part.cu; from.fe -= part.fe; from.s -= part.s; from.sio2 -= part.sio2;
    from.o -= part.o; from.other -= part.other; from.fayalite -= part.fayalite;
    return part;
}

Holdup scaled(const Holdup& h, double k) {
    return Holdup{h.cu * k, h.fe * k, h.s * k, h.sio2 * k, h.o * k, h.other * k, h.fayalite * k};
}

// Moves up to `want` tonnes of one element between holdups; returns what moved.
double moveAmount(double& from, double& to, double want) {
    const double m = std::clamp(want, 0.0, from);
    from -= m;
    to += m;
    return m;
}

// Matte of a grade (Cu mass fraction) as Cu2S + FeS; grades above Cu2S (79.85 %) give pure Cu2S.
Holdup matteOf(double mass_t, double grade) {
    const double cu = mass_t * grade;
    const double fe = cu * std::max(0.0, (1.0 / grade - 1.0 - kSperCu) / (1.0 + kSperFe));
    return Holdup{.cu = cu, .fe = fe, .s = cu * kSperCu + fe * kSperFe};
}

double finiteOr0(double v) { return std::isfinite(v) ? v : 0.0; }

}  // namespace

double ElementBalance::relError() const {
    return std::fabs(in_t - out_t - (inventory_t - inventory0_t)) / std::max({in_t, inventory0_t, 1e-9});
}

// [SECTION] params ---------------------------------------------------------------------------------------------------
void registerSmelterParams(Params& p) {
    // 148 kt/y cathode (almalyk.md §4, S35) at ~0.205 t Cu per t of 21 % Cu concentrate -> ~82 t/h.
    p.add({.name = "smelter.feed_t_h", .unit = "t/h", .def = 82.0, .min = 0.0, .max = 400.0,
           .description = "nominal furnace feed, at the store's operating level (sized for ~148 kt/y cathode, almalyk.md §4 S35)"});
    // [chain] the other feed and the concentrate store's rule (docs/operations.md "Concentrate store").
    p.add({.name = "smelter.other_conc_t_h", .unit = "t/h", .def = 23.0, .min = 0.0, .max = 400.0,
           .description = "concentrate from AMMC ores other than Kalmakyr: MOF-1/2 treat 40.2 Mt/y (almalyk.md §3 S8) against "
                          "Kalmakyr's 31.5 Mt/y (§1 S7); 82 t/h nominal feed less Kalmakyr's ~59 t/h (docs/operations.md)"});
    p.add({.name = "smelter.warm_start", .unit = "-", .def = 1, .min = 0, .max = 1,
           .description = "1: start in mid-stride after two days at nominal feed (docs/operations.md); 0: cold start, "
                          "converter 0 charged and blowing, nothing else under way (start-up studies, unit tests)",
           .kind = ParamKind::Boolean});
    p.add({.name = "smelter.store_low_t", .unit = "t", .def = 1000.0, .min = 0.0, .max = 100000.0,
           .description = "concentrate store low mark: feed at its minimum at or below it (E: ~12 h at nominal feed)"});
    p.add({.name = "smelter.store_high_t", .unit = "t", .def = 5000.0, .min = 0.0, .max = 200000.0,
           .description = "concentrate store high mark: feed at its maximum at or above it; operating level halfway (E)"});
    p.add({.name = "smelter.store_capacity_t", .unit = "t", .def = 8000.0, .min = 1.0, .max = 500000.0,
           .description = "concentrate store size, for its fill (E: ~4 days at nominal feed; more piles up outside)"});
    p.add({.name = "smelter.feed_min_pct", .unit = "%", .def = 50.0, .min = 0.0, .max = 100.0,
           .description = "lowest furnace feed, % of nominal, while the store holds concentrate (E: burner-supported bath)"});
    p.add({.name = "smelter.feed_max_pct", .unit = "%", .def = 110.0, .min = 100.0, .max = 200.0,
           .description = "highest furnace feed, % of nominal, to work a full store down (E)"});
    p.add({.name = "smelter.o2_enrichment", .unit = "-", .def = 0.70, .min = 0.21, .max = 1.0,
           .description = "O2 volume fraction of the furnace blast (Recommended defaults: 70 %); 0.21 = air"});
    p.add({.name = "smelter.fe_sio2", .unit = "-", .def = 1.3, .min = 0.5, .max = 3.0,
           .description = "Fe/SiO2 mass ratio targeted in the furnace slag; quartz flux makes up SiO2 (defaults: 1.3)"});
    p.add({.name = "smelter.matte_grade_pct", .unit = "%", .def = 50.0, .min = 35.0, .max = 79.0,
           .description = "Cu in the furnace matte (current bath furnace 50 %, new flash furnace 62 %)"});
    p.add({.name = "smelter.slag_cu_pct", .unit = "%", .def = 1.0, .min = 0.1, .max = 5.0,
           .description = "Cu lost in the discard slag (Recommended defaults: 1.0 % before cleaning)"});
    p.add({.name = "smelter.magnetite_pct", .unit = "%", .def = 7.0, .min = 0.0, .max = 30.0,
           .description = "Fe3O4 in the furnace slag (Recommended defaults: 7 %); the rest of the FeO is fayalite"});
    p.add({.name = "smelter.converters", .unit = "count", .def = 3, .min = 1, .max = 6,
           .description = "Peirce-Smith converters in service", .kind = ParamKind::Integer});
    p.add({.name = "smelter.blowing_max", .unit = "count", .def = 6, .min = 0, .max = 6,
           .description = "converter timing: converters allowed to blow at once; the others hold rolled out, their blow "
                          "paused (stagger the blows for the acid plant's gas; 0 while it is down)",
           .kind = ParamKind::Integer});
    p.add({.name = "smelter.ladle_t", .unit = "t", .def = 40.0, .min = 5.0, .max = 120.0,
           .description = "matte ladle / slag pot load"});
    p.add({.name = "smelter.anode_batch_t", .unit = "t", .def = 110.0, .min = 20.0, .max = 400.0,
           .description = "blister charged into an anode furnace before it is fire-refined"});
    p.add({.name = "smelter.casting_t_h", .unit = "t/h", .def = 60.0, .min = 5.0, .max = 200.0,
           .description = "anode casting wheel rate"});
    p.add({.name = "smelter.anode_kg", .unit = "kg", .def = 400.0, .min = 100.0, .max = 600.0,
           .description = "mass of one cast anode"});
    p.add({.name = "smelter.cells", .unit = "count", .def = 500, .min = 1, .max = 2000,
           .description = "electrolytic cells (100 m2 of cathode each)", .kind = ParamKind::Integer});
    p.add({.name = "smelter.current_density_a_m2", .unit = "A/m2", .def = 300.0, .min = 0.0, .max = 450.0,
           .description = "tankhouse current density at the anode stock's operating level (almalyk.md §6: 250-350; defaults 300)"});
    // [chain] the tankhouse rule (docs/operations.md "Anode stock").
    p.add({.name = "smelter.current_min_a_m2", .unit = "A/m2", .def = 250.0, .min = 0.0, .max = 450.0,
           .description = "current density at or below the anode low mark (almalyk.md §6: 250-350 A/m2)"});
    p.add({.name = "smelter.current_max_a_m2", .unit = "A/m2", .def = 350.0, .min = 0.0, .max = 450.0,
           .description = "current density at or above the anode high mark (almalyk.md §6: 250-350 A/m2)"});
    p.add({.name = "smelter.anode_low_t", .unit = "t", .def = 9000.0, .min = 0.0, .max = 100000.0,
           .description = "anode stock low mark, Cu in anodes in the cells and store (E: cells' ~10,000 t less 10 %)"});
    p.add({.name = "smelter.anode_high_t", .unit = "t", .def = 11000.0, .min = 0.0, .max = 200000.0,
           .description = "anode stock high mark; operating level halfway (E: cells' ~10,000 t plus 10 %)"});
    p.add({.name = "smelter.anode_capacity_t", .unit = "t", .def = 12000.0, .min = 1.0, .max = 500000.0,
           .description = "cells plus anode store, for the anode stock's fill (E)"});
    p.add({.name = "smelter.current_efficiency", .unit = "-", .def = 0.95, .min = 0.5, .max = 1.0,
           .description = "tankhouse current efficiency (Recommended defaults: 95 %)"});
    p.add({.name = "smelter.cell_voltage_v", .unit = "V", .def = 0.30, .min = 0.1, .max = 1.0,
           .description = "electrorefining cell voltage (Recommended defaults: 0.30 V)"});
    p.add({.name = "smelter.so2_capture", .unit = "-", .def = 0.995, .min = 0.0, .max = 1.0,
           .description = "share of furnace + converter SO2 captured by the acid plant (defaults: 99.5 %)"});
    p.add({.name = "smelter.temp_setpoint_c", .unit = "C", .def = 1250.0, .min = 1100.0, .max = 1400.0,
           .description = "furnace bath temperature the burner control holds (matte 1230 C, slag 1280 C)"});
    p.add({.name = "smelter.temp_high_c", .unit = "C", .def = 1320.0, .min = 1150.0, .max = 1600.0,
           .description = "furnace temperature high alarm (refractory wear above it)"});
    p.add({.name = "smelter.temp_low_c", .unit = "C", .def = 1180.0, .min = 900.0, .max = 1300.0,
           .description = "furnace temperature low alarm (matte and slag too viscous to tap below it)"});
    p.add({.name = "smelter.bath_level_high_m", .unit = "m", .def = 3.3, .min = 1.8, .max = 6.0,
           .description = "bath level high alarm (the furnace is not being tapped fast enough)"});
    p.add({.name = "smelter.stack_so2_high_t_h", .unit = "t/h", .def = 1.0, .min = 0.01, .max = 100.0,
           .description = "stack SO2 high alarm"});
    p.add({.name = "smelter.fuel_max_gj_h", .unit = "GJ/h", .def = 60.0, .min = 0.0, .max = 500.0,
           .description = "furnace burner capacity (natural gas)"});
    p.add({.name = "smelter.o2_kwh_nm3", .unit = "kWh/Nm3", .def = 0.40, .min = 0.0, .max = 2.0,
           .description = "oxygen plant electricity per Nm3 of O2 (E: cryogenic 0.35-0.45)"});
    p.add({.name = "smelter.aux_power_mw", .unit = "MW", .def = 20.0, .min = 0.0, .max = 200.0,
           .description = "auxiliary load: fans, acid plant blowers, pumps (E: ~1 t CO2e/t Cu smelter+refinery)"});
    p.add({.name = "smelter.grid_t_co2_mwh", .unit = "t/MWh", .def = 0.5, .min = 0.0, .max = 1.5,
           .description = "grid CO2 intensity (almalyk.md §6: gas-fired Uzbek grid ~0.5)"});
}

// [SECTION] construction ---------------------------------------------------------------------------------------------
Smelter::Smelter(const Params& p, std::uint64_t /*seed: the smelter is deterministic*/, Time start)
    : m_now(start), m_nextHarvest(start + kHarvestInterval) {
    applyParams(p);
    const bool warm = p.getBool("smelter.warm_start");
    const Time warmStart = warm ? start - kWarmUp : start;
    m_now = warmStart;
    m_nextHarvest = warmStart + kHarvestInterval;
    m_store = concentrateOf(m_cfg.store_operating_t);
    m_anodes.cu = m_cfg.anode_operating_t;

    for (int i = 0; i < kMatteLadles + kSlagPots + kBlisterLadles; ++i) {
        LadleState l;
        l.contents = i < kMatteLadles ? LadleContents::Matte
                     : i < kMatteLadles + kSlagPots ? LadleContents::Slag : LadleContents::Blister;
        l.stage = l.contents == LadleContents::Blister ? LadleStage::AtConverter : LadleStage::AtFurnace;
        m_state.ladles.push_back(l);
    }
    m_ladleLoad.resize(m_state.ladles.size());
    m_ladleClock.resize(m_state.ladles.size());
    m_state.anode_furnaces.resize(kAnodeFurnaces);
    m_anodeLoad.resize(kAnodeFurnaces);
    m_anodeClock.resize(kAnodeFurnaces);
    for (const char* name : {"smelter.alarm_temp_high", "smelter.alarm_temp_low", "smelter.alarm_level_high",
                             "smelter.alarm_stack_so2_high"})
        m_state.alarms.push_back(AlarmState{.name = name});
    m_state.furnace.temperature_c = m_cfg.temp_set;

    // The warm-up starts from a converter with its charge and one holding a ladle, then runs the plant at its nominal
    // feed (the Kalmakyr share arriving, the other feed added by step) until `start`, so every machine is in
    // mid-stride. The stocks are then put at their operating levels and every total starts from zero.
    EventSink startup;
    m_convMatte[0] = matteOf(kChargeLadles * m_cfg.ladle_t, m_cfg.matte_grade);
    m_state.converters[0].charged_t = m_convMatte[0].mass();
    startConverterPhase(0, ConverterPhase::SlagBlow, warmStart, startup);
    if (m_conv.size() > 1) {
        m_convMatte[1] = matteOf(m_cfg.ladle_t, m_cfg.matte_grade);
        m_state.converters[1].charged_t = m_convMatte[1].mass();
        startConverterPhase(1, ConverterPhase::Charging, warmStart, startup);
    }
    const double arriving_t = std::max(0.0, m_cfg.feed_t_h - m_cfg.other_t_h) * toHours(kWarmUpTick);
    MaterialBatch arriving = kDefaultConcentrate;
    arriving.mass_t = arriving_t;
    for (Time t = warmStart; warm && t < start; t += kWarmUpTick) {
        startup.clear();
        step(t, kWarmUpTick, arriving, startup);
    }
    startSteady(start);
}

// The state at `start` after the warm-up: stocks at their operating levels, the cells just harvested, no totals.
void Smelter::startSteady(Time start) {
    m_store = concentrateOf(m_cfg.store_operating_t);
    const double anodes = m_anodes.mass();
    if (anodes > 0.0) m_anodes = scaled(m_anodes, m_cfg.anode_operating_t / anodes);
    else m_anodes = Holdup{.cu = m_cfg.anode_operating_t};
    m_feedHold = false;
    SmelterState& s = m_state;
    s.concentrate_t = s.smelted_t = s.flux_t = s.o2_t = s.cathode_t = s.slag_t = s.so2_t = s.so2_captured_t = 0.0;
    s.acid_t = s.so2_emitted_t = s.energy_gj = s.fuel_gj = s.electricity_mwh = s.co2_t = 0.0;
    s.other_conc_t = s.other_cu_t = s.other_fe_t = s.other_s_t = 0.0;
    s.slag_yard = {};
    s.casting.anodes_cast = 0.0;
    s.tankhouse.cathode_on_cells_t = s.tankhouse.cathode_stock_t = 0.0;
    m_nextHarvest = start + kHarvestInterval;
    m_in = m_out = {};
    m_now = start;
    m_inventory0 = inventory();
    refreshBalance();
    updateViews(start, 0.0);
}

void Smelter::applyParams(const Params& p) {
    Config& c = m_cfg;
    c.feed_t_h = p.get("smelter.feed_t_h");
    c.other_t_h = p.get("smelter.other_conc_t_h");
    c.store_low_t = p.get("smelter.store_low_t");
    c.store_high_t = std::max(c.store_low_t, p.get("smelter.store_high_t"));
    c.store_operating_t = 0.5 * (c.store_low_t + c.store_high_t);
    c.store_capacity_t = std::max(1.0, p.get("smelter.store_capacity_t"));
    c.feed_min_t_h = c.feed_t_h * p.get("smelter.feed_min_pct") / 100.0;
    c.feed_max_t_h = c.feed_t_h * p.get("smelter.feed_max_pct") / 100.0;
    c.anode_low_t = p.get("smelter.anode_low_t");
    c.anode_high_t = std::max(c.anode_low_t, p.get("smelter.anode_high_t"));
    c.anode_operating_t = 0.5 * (c.anode_low_t + c.anode_high_t);
    c.anode_capacity_t = std::max(1.0, p.get("smelter.anode_capacity_t"));
    c.o2_enrichment = std::clamp(p.get("smelter.o2_enrichment"), 0.21, 1.0);
    c.fe_sio2 = std::max(0.1, p.get("smelter.fe_sio2"));
    c.matte_grade = std::clamp(p.get("smelter.matte_grade_pct") / 100.0, 0.05, 0.7985);
    c.matte_fe_per_cu = matteOf(1.0, c.matte_grade).fe / (c.matte_grade);
    c.slag_cu = std::clamp(p.get("smelter.slag_cu_pct") / 100.0, 0.0, 0.5);
    c.magnetite = std::clamp(p.get("smelter.magnetite_pct") / 100.0, 0.0, 0.5);
    c.converters = std::max(1, p.getInt("smelter.converters"));
    c.blowing_max = std::max(0, p.getInt("smelter.blowing_max"));
    c.ladle_t = std::max(1.0, p.get("smelter.ladle_t"));
    c.anode_batch_t = std::max(1.0, p.get("smelter.anode_batch_t"));
    c.cast_t_h = std::max(1.0, p.get("smelter.casting_t_h"));
    c.anode_kg = std::max(1.0, p.get("smelter.anode_kg"));
    c.cells = std::max(0, p.getInt("smelter.cells"));
    c.cathode_area_m2 = c.cells * kCathodeArea_m2_cell;
    c.current_density = std::max(0.0, p.get("smelter.current_density_a_m2"));
    c.current_min = std::min(c.current_density, p.get("smelter.current_min_a_m2"));
    c.current_max = std::max(c.current_density, p.get("smelter.current_max_a_m2"));
    c.current_efficiency = std::clamp(p.get("smelter.current_efficiency"), 0.0, 1.0);
    c.cell_voltage = std::max(0.0, p.get("smelter.cell_voltage_v"));
    c.capture = std::clamp(p.get("smelter.so2_capture"), 0.0, 1.0);
    c.temp_set = p.get("smelter.temp_setpoint_c");
    c.temp_high = p.get("smelter.temp_high_c");
    c.temp_low = p.get("smelter.temp_low_c");
    c.level_high = p.get("smelter.bath_level_high_m");
    c.stack_so2_high = p.get("smelter.stack_so2_high_t_h");
    c.fuel_max_gj_h = std::max(0.0, p.get("smelter.fuel_max_gj_h"));
    c.o2_kwh_nm3 = std::max(0.0, p.get("smelter.o2_kwh_nm3"));
    c.aux_mw = std::max(0.0, p.get("smelter.aux_power_mw"));
    c.grid_t_mwh = std::max(0.0, p.get("smelter.grid_t_co2_mwh"));
    resizeConverters();
    m_dispatchDirty = true;
}

// Converters are never removed (they may hold metal); those above the count finish their cycle and then idle.
void Smelter::resizeConverters() {
    const auto n = static_cast<std::size_t>(m_cfg.converters);
    if (m_state.converters.size() < n) {
        m_state.converters.resize(n);
        m_conv.resize(n);
        m_convMatte.resize(n);
        m_convSlag.resize(n);
    }
    for (std::size_t i = 0; i < m_state.converters.size(); ++i) m_state.converters[i].in_service = i < n;
}

// [SECTION] step -----------------------------------------------------------------------------------------------------
void Smelter::step(Time t0, Time dt, const MaterialBatch& in, EventSink& ev) {
    if (dt <= 0) return;
    const Time t1 = t0 + dt;
    const double dtH = toHours(dt);
    for (const auto& [index, on] : m_pendingFaultEvents)
        ev.emit(t0, Unit::Smelter, SmelterEvent::FaultChanged, index, on ? 1.0 : 0.0);
    m_pendingFaultEvents.clear();

    // Receive concentrate: bad numbers count as nothing; fractions are clamped and scaled to sum to at most 1.
    const double mass = std::max(0.0, finiteOr0(in.mass_t));
    double f[5] = {in.cu, in.fe, in.s, in.sio2, in.o};
    double sum = 0.0;
    for (double& x : f) { x = std::clamp(finiteOr0(x), 0.0, 1.0); sum += x; }
    if (sum > 1.0) for (double& x : f) x /= sum;
    Holdup received{.cu = mass * f[0], .fe = mass * f[1], .s = mass * f[2], .sio2 = mass * f[3], .o = mass * f[4]};
    received.other = std::max(0.0, mass - received.mass());
    m_store += received;
    m_in += received;
    m_state.concentrate_t += mass;
    // The other AMMC feed arrives steadily beside the concentrator's (docs/operations.md).
    const Holdup other = concentrateOf(std::max(0.0, m_cfg.other_t_h) * dtH);
    m_store += other;
    m_in += other;
    m_state.other_conc_t += other.mass();
    m_state.other_cu_t += other.cu;
    m_state.other_fe_t += other.fe;
    m_state.other_s_t += other.s;
    m_state.other_conc_t_h = other.mass() / dtH;

    m_so2Furnace_t = m_so2Converters_t = m_so2Anode_t = m_fuel_gj = m_poling_gj = 0.0;
    m_state.slagToYardTick_t = m_state.fayaliteToYardTick_t = 0.0;
    smelt(dtH);
    runMachines(t0, t1, ev);
    tankhouse(t0, t1, ev);
    gasAndEnergy(dtH);
    refreshBalance();
    updateViews(t1, dtH);
    updateAlarms(t1 - 1, ev);
    m_now = t1;
}

// [SECTION] furnace --------------------------------------------------------------------------------------------------
void Smelter::smelt(double dtH) {
    const Config& c = m_cfg;
    m_slagFormed_t = m_o2Blown_t = 0.0;
    FurnaceState& fs = m_state.furnace;
    fs.running = !m_furnaceFault;
    if (m_furnaceFault) {
        fs.feed_t_h = fs.flux_t_h = fs.o2_t_h = fs.o2_nm3_h = fs.blast_nm3_h = fs.matte_t_h = 0.0;
        furnaceHeat(dtH, 0.0, 0.0, 0.0);
        return;
    }
    // Feed interlock: a bath that the ladles cannot keep up with stops the feed until it is tapped down.
    if (fs.bath_level_m >= c.level_high + kLevelTripMargin_m) fs.feed_interlock = true;
    else if (fs.bath_level_m < c.level_high) fs.feed_interlock = false;
    const double storeMass = m_store.mass();
    fs.feed_setpoint_t_h = feedSetpoint(storeMass);
    // Stop at empty: a store that cannot give one more tick of the minimum feed is fed out and the furnace goes on
    // hold (burners keep it hot) until the store is back at its low mark.
    if (m_feedHold && storeMass >= c.store_low_t && storeMass > 0.0) m_feedHold = false;
    const bool emptying = !m_feedHold && storeMass < std::max(c.feed_min_t_h * dtH, 1e-9);
    double want = m_feedHold ? 0.0 : emptying ? storeMass : fs.feed_setpoint_t_h * dtH;
    if (emptying) m_feedHold = true;
    if (fs.feed_interlock) want = 0.0;
    fs.feed_hold = m_feedHold;
    Holdup feed = take(m_store, storeMass > 0.0 ? want / storeMass : 0.0);
    const double fedConcentrate = feed.mass();
    // Converter slag returned to the bath gives up its Cu to the matte; it is poured in over about half an hour
    // (an exponential drain, exact at any dt) and arrives molten, so it is left out of the melt enthalpy below.
    const Holdup recycled = take(m_recycle, dtH >= kRecycleDrain_h ? 1.0 : dtH / kRecycleDrain_h);
    feed += recycled;

    // Cu in the slag is a share of the slag mass, which depends on how much Fe the matte leaves behind: a short
    // fixed-point iteration (the slag share is small, so three passes settle it to well under a kilogram).
    const double feRatio = c.matte_fe_per_cu;
    const double invFeSiO2 = 1.0 / c.fe_sio2;
    const double slagPerBase = 1.0 / (1.0 - c.magnetite * (1.0 - kFeOperFe * kFePerMagnetite));
    double cuSlag = 0.0, cuMatte = 0.0, feMatte = 0.0, slagMass = 0.0;
    for (int pass = 0; pass < 3; ++pass) {
        cuMatte = feed.cu - cuSlag;
        feMatte = std::min(feed.fe, cuMatte * feRatio);
        const double feSlag = feed.fe - feMatte;
        const double sio2 = std::max(feed.sio2, feSlag * invFeSiO2);
        slagMass = (kFeOperFe * feSlag + sio2 + feed.other + cuSlag) * slagPerBase;
        cuSlag = std::min(feed.cu, c.slag_cu * slagMass);
    }
    cuMatte = feed.cu - cuSlag;
    feMatte = std::min(feed.fe, cuMatte * feRatio);
    const double sMatte = std::min(feed.s, cuMatte * kSperCu + feMatte * kSperFe);
    const double feSlag = feed.fe - feMatte;
    const double sGas = feed.s - sMatte;
    const double flux = std::max(0.0, feSlag * invFeSiO2 - feed.sio2);
    const double feMagnetite = std::min(feSlag, c.magnetite * slagMass * kFePerMagnetite);
    const double feFeO = feSlag - feMagnetite;
    const double oSlag = feMagnetite * kOperFeMagnetite + feFeO * kOperFeFeO;
    const double sio2Slag = feed.sio2 + flux;
    const double fayalite = std::min(feFeO * kFayalitePerFe, sio2Slag * kFayalitePerSiO2);

    // Oxygen closes the balance: what the slag oxides and the SO2 take, less what the feed brought.
    const double oNeed = oSlag + sGas * kO2perS - feed.o;
    const double o2 = std::max(0.0, oNeed);
    m_in.o += o2;
    m_out.o += sGas * kO2perS + std::max(0.0, -oNeed);  // surplus feed O leaves with the gas
    m_in.sio2 += flux;
    m_out.s += sGas;
    m_so2Furnace_t += sGas * kSO2perS;
    m_matte += Holdup{.cu = cuMatte, .fe = feMatte, .s = sMatte};
    const Holdup slag{.cu = cuSlag, .fe = feSlag, .sio2 = sio2Slag, .o = oSlag, .other = feed.other,
                      .fayalite = fayalite};
    m_slag += slag;
    m_slagFormed_t = slag.mass();
    m_o2Blown_t = o2;
    m_state.smelted_t += fedConcentrate;
    m_state.flux_t += flux;
    m_state.o2_t += o2;

    const double e = c.o2_enrichment;
    const double n2 = o2 * (1.0 - e) / e * kN2perO2Mass;
    fs.feed_t_h = fedConcentrate / dtH;
    fs.flux_t_h = flux / dtH;
    fs.o2_t_h = o2 / dtH;
    fs.o2_nm3_h = fs.o2_t_h * 1000.0 / kO2Density_kg_nm3;
    fs.blast_nm3_h = fs.o2_nm3_h / e;
    fs.matte_t_h = (cuMatte + feMatte + sMatte) / dtH;
    const double meltedCold = std::max(0.0, cuMatte + feMatte + sMatte + slag.mass() - recycled.mass());
    furnaceHeat(dtH, sGas * kHeatPerS_GJ_t, meltedCold, sGas * kSO2perS + n2);
}

// The concentrate store rule: nominal feed at the operating level (halfway between the marks), falling linearly to
// the minimum at the low mark and rising to the maximum at the high mark (a proportional level controller).
double Smelter::feedSetpoint(double store_t) const {
    const Config& c = m_cfg;
    return store_t < c.store_operating_t ? alongBand(store_t, c.store_low_t, c.store_operating_t, c.feed_min_t_h, c.feed_t_h)
                                         : alongBand(store_t, c.store_operating_t, c.store_high_t, c.feed_t_h, c.feed_max_t_h);
}

// The tankhouse rule: nominal current density at the anode stock's operating level, down to the minimum at the low
// mark and up to the maximum at the high mark.
double Smelter::currentDensity(double anodes_t) const {
    const Config& c = m_cfg;
    return anodes_t < c.anode_operating_t
               ? alongBand(anodes_t, c.anode_low_t, c.anode_operating_t, c.current_min, c.current_density)
               : alongBand(anodes_t, c.anode_operating_t, c.anode_high_t, c.current_density, c.current_max);
}

// C dT/dt = Q + F − P·(L + cp·(T−25)) − G·cg·(T−25) − UA·(T−25): linear in T, so it is integrated exactly over the
// tick (stable at any dt). The burner F = k·(Tset − T) within [0, max] joins the linear term while unsaturated.
void Smelter::furnaceHeat(double dtH, double heatIn_gj, double products_t, double gas_t) {
    FurnaceState& fs = m_state.furnace;
    const double T0 = fs.temperature_c;
    const double q = heatIn_gj / dtH, pr = products_t / dtH, g = gas_t / dtH;
    const double a = q - pr * kMeltLatent_GJ_t;
    const double b = pr * kMeltCp_GJ_tK + g * kGasCp_GJ_tK + kFurnaceUA_GJ_hK;
    const double fuelMax = m_furnaceFault ? 0.0 : m_cfg.fuel_max_gj_h;
    auto integrate = [&](double aa, double bb, double& T1, double& meanExcess) {
        const double excessInf = aa / bb;  // T∞ − 25
        const double x = bb * dtH / kFurnaceHeatCap_GJ_K;
        const double decay = std::exp(-x);
        const double e0 = T0 - kAmbient_C - excessInf;
        T1 = kAmbient_C + excessInf + e0 * decay;
        meanExcess = excessInf + e0 * (x > 1e-12 ? (1.0 - decay) / x : 1.0);
    };
    double T1 = 0.0, meanEx = 0.0, fuel = 0.0;
    const double setEx = m_cfg.temp_set - kAmbient_C;
    integrate(a + kFuelGain_GJ_hK * setEx, b + kFuelGain_GJ_hK, T1, meanEx);
    const double f0 = kFuelGain_GJ_hK * (m_cfg.temp_set - T0), f1 = kFuelGain_GJ_hK * (m_cfg.temp_set - T1);
    if (f0 >= 0.0 && f1 >= 0.0 && f0 <= fuelMax && f1 <= fuelMax) {
        fuel = kFuelGain_GJ_hK * (setEx - meanEx);
    } else {
        fuel = std::clamp(f0, 0.0, fuelMax);
        integrate(a + fuel, b, T1, meanEx);
    }
    fs.temperature_c = std::isfinite(T1) ? std::max(kAmbient_C, T1) : T0;
    fs.fuel_gj_h = std::max(0.0, fuel);
    fs.reaction_gj_h = q;
    fs.loss_gj_h = kFurnaceUA_GJ_hK * std::max(0.0, meanEx);
    m_fuel_gj += fs.fuel_gj_h * dtH;
}

// [SECTION] machines -------------------------------------------------------------------------------------------------
// Phase changes happen in time order inside the tick; after each, dispatch() matches waiting ladles, converters and
// furnaces. Ties go converters, then ladles, then anode furnaces, by index (deterministic).
void Smelter::runMachines(Time t0, Time t1, EventSink& ev) {
    // Between phase changes only a filling bath (tapping) or a fault/parameter change can unblock anything.
    if (m_dispatchDirty || m_matte.mass() >= m_cfg.ladle_t || m_slag.mass() >= m_cfg.ladle_t) dispatch(t0, ev);
    m_dispatchDirty = false;
    for (;;) {
        Time next = t1;
        int kind = -1;
        std::size_t who = 0;
        for (std::size_t c = 0; c < m_conv.size(); ++c)
            if (m_conv[c].clock.end < next) { next = m_conv[c].clock.end; kind = 0; who = c; }
        for (std::size_t i = 0; i < m_ladleClock.size(); ++i)
            if (m_ladleClock[i].end < next) { next = m_ladleClock[i].end; kind = 1; who = i; }
        for (std::size_t a = 0; a < m_anodeClock.size(); ++a)
            if (m_anodeClock[a].end < next) { next = m_anodeClock[a].end; kind = 2; who = a; }
        if (kind < 0) break;
        const Time at = std::max(next, t0);
        if (kind == 0) endConverterPhase(who, at, ev);
        else if (kind == 1) endLadleStage(who, at, ev);
        else endAnodePhase(who, at, ev);
        dispatch(at, ev);
    }
    for (std::size_t c = 0; c < m_conv.size(); ++c) advanceBlow(c, t1);
    for (std::size_t a = 0; a < m_anodeClock.size(); ++a) advanceAnode(a, t1);
}

void Smelter::dispatch(Time now, EventSink& ev) {
    const Config& cfg = m_cfg;
    // 1. Tap matte and slag into empty ladles waiting at the furnace, at the instant the bath held a full load.
    const bool tapping = m_matte.mass() >= cfg.ladle_t || m_slag.mass() >= cfg.ladle_t;
    for (std::size_t i = 0; i < m_state.ladles.size() && tapping; ++i) {
        LadleState& l = m_state.ladles[i];
        if (l.stage != LadleStage::AtFurnace || l.mass_t > 0.0 || l.contents == LadleContents::Blister) continue;
        const bool matte = l.contents == LadleContents::Matte;
        Holdup& pool = matte ? m_matte : m_slag;
        const double have = pool.mass();
        if (have < cfg.ladle_t) continue;
        m_ladleLoad[i] = take(pool, cfg.ladle_t / have);
        l.mass_t = m_ladleLoad[i].mass();
        l.temperature_c = m_state.furnace.temperature_c + (matte ? -20.0 : 30.0);  // matte 1230, slag 1280 C
        ev.emit(now, Unit::Smelter, matte ? SmelterEvent::LadleTapped : SmelterEvent::SlagTapped,
                static_cast<std::int32_t>(i), l.mass_t);
        if (!matte) setLadleStage(i, LadleStage::ToSlagYard, now, kToSlagYard, ev);
    }
    // 2. Full matte ladles go to a converter that is charging (and short of its charge), else to an idle one.
    const double charge = kChargeLadles * cfg.ladle_t;
    for (std::size_t i = 0; i < m_state.ladles.size(); ++i) {
        LadleState& l = m_state.ladles[i];
        if (l.contents != LadleContents::Matte || l.stage != LadleStage::AtFurnace || l.mass_t <= 0.0) continue;
        int pick = -1;
        for (std::size_t c = 0; c < m_conv.size() && pick < 0; ++c) {
            const ConverterState& cs = m_state.converters[c];
            if (cs.phase == ConverterPhase::Charging && !cs.faulted && cs.in_service &&
                cs.charged_t + m_conv[c].reserved_t < charge - 1e-9)
                pick = static_cast<int>(c);
        }
        // Else an idle converter: the one with the fewest cycles, so the shells share the campaign wear.
        const bool charging = pick >= 0;
        for (std::size_t c = 0; c < m_conv.size() && !charging; ++c) {
            const ConverterState& cs = m_state.converters[c];
            if (cs.phase != ConverterPhase::Idle || cs.faulted || !cs.in_service) continue;
            if (pick < 0 || cs.cycles < m_state.converters[static_cast<std::size_t>(pick)].cycles)
                pick = static_cast<int>(c);
        }
        if (pick < 0) break;  // every converter busy: the ladle waits full at the furnace
        if (m_state.converters[static_cast<std::size_t>(pick)].phase == ConverterPhase::Idle)
            startConverterPhase(static_cast<std::size_t>(pick), ConverterPhase::Charging, now, ev);
        l.target = pick;
        m_conv[static_cast<std::size_t>(pick)].reserved_t += l.mass_t;
        setLadleStage(i, LadleStage::CraneToConverter, now, kCraneToConverter, ev);
    }
    // 3. Converters with their full charge start blowing; finished converters get an empty blister ladle.
    for (std::size_t c = 0; c < m_conv.size(); ++c) {
        ConverterState& cs = m_state.converters[c];
        if (cs.faulted) continue;
        if (cs.phase == ConverterPhase::Charging && m_conv[c].reserved_t <= 1e-9 && cs.charged_t >= charge - 1e-9)
            startConverterPhase(c, ConverterPhase::SlagBlow, now, ev);
        if (cs.phase == ConverterPhase::Pouring && m_conv[c].clock.end == kNever) {
            for (std::size_t i = 0; i < m_state.ladles.size(); ++i) {
                LadleState& l = m_state.ladles[i];
                if (l.contents == LadleContents::Blister && l.stage == LadleStage::AtConverter && l.target < 0 &&
                    l.mass_t <= 0.0) {
                    l.target = static_cast<std::int32_t>(c);
                    m_conv[c].clock = Clock{.start = now, .end = now + kConverterPour, .last = now, .length = kConverterPour};
                    break;
                }
            }
        }
    }
    // 4. Blister ladles at the anode furnaces pour into one that is filling (the fuller one first).
    for (std::size_t i = 0; i < m_state.ladles.size(); ++i) {
        LadleState& l = m_state.ladles[i];
        if (l.contents != LadleContents::Blister || l.stage != LadleStage::ToAnodeFurnace ||
            m_ladleClock[i].end != kNever)
            continue;
        int pick = -1;
        for (std::size_t a = 0; a < m_anodeClock.size(); ++a) {
            const AnodeFurnaceState& af = m_state.anode_furnaces[a];
            if (af.phase == AnodePhase::Filling &&
                (pick < 0 || af.contents_t > m_state.anode_furnaces[static_cast<std::size_t>(pick)].contents_t))
                pick = static_cast<int>(a);
        }
        if (pick < 0) continue;
        l.target = pick;
        setLadleStage(i, LadleStage::Dumping, now, kBlisterDump, ev);
    }
    // 5. A poled anode furnace waits for the casting wheel.
    if (!m_state.casting.active) {
        for (std::size_t a = 0; a < m_anodeClock.size(); ++a) {
            if (m_state.anode_furnaces[a].phase == AnodePhase::Poling && m_anodeClock[a].end == kNever) {
                startAnodePhase(a, AnodePhase::Casting, now, ev);
                break;
            }
        }
    }
    // 6. Converter timing: no more converters blowing than smelter.blowing_max allows.
    applyBlowLimit(now);
}

void Smelter::setLadleStage(std::size_t i, LadleStage st, Time now, Time duration, EventSink& ev) {
    m_state.ladles[i].stage = st;
    m_ladleClock[i] = Clock{.start = now, .end = duration > 0 ? now + duration : kNever, .last = now, .length = duration};
    ev.emit(now, Unit::Smelter, SmelterEvent::LadleMoved, static_cast<std::int32_t>(i), static_cast<double>(st));
}

void Smelter::endLadleStage(std::size_t i, Time now, EventSink& ev) {
    LadleState& l = m_state.ladles[i];
    Holdup& load = m_ladleLoad[i];
    switch (l.stage) {
    case LadleStage::CraneToConverter: setLadleStage(i, LadleStage::AtConverter, now, kPourIntoConverter, ev); break;
    case LadleStage::AtConverter: {  // matte poured into its converter
        const auto c = static_cast<std::size_t>(std::max(0, l.target));
        m_convMatte[c] += take(load, 1.0);
        ConverterState& cs = m_state.converters[c];
        cs.charged_t += l.mass_t;
        m_conv[c].reserved_t = std::max(0.0, m_conv[c].reserved_t - l.mass_t);
        ev.emit(now, Unit::Smelter, SmelterEvent::ConverterCharged, static_cast<std::int32_t>(c), l.mass_t);
        l.mass_t = 0.0;
        l.target = -1;
        setLadleStage(i, LadleStage::Returning, now, kMatteReturn, ev);
        break;
    }
    case LadleStage::ToSlagYard: setLadleStage(i, LadleStage::Dumping, now, kSlagDump, ev); break;
    case LadleStage::ToAnodeFurnace:  // arrived; waits (clock stopped) until dispatch finds a filling furnace
        m_ladleClock[i].end = kNever;
        break;
    case LadleStage::Dumping:
        if (l.contents == LadleContents::Slag) {
            const Holdup slag = take(load, 1.0);
            m_out += slag;
            m_state.slag_t += slag.mass();
            m_state.slagToYardTick_t += slag.mass();
            m_state.fayaliteToYardTick_t += slag.fayalite;
            m_state.slag_yard.slag_t += slag.mass();
            m_state.slag_yard.fayalite_t += slag.fayalite;
            m_state.slag_yard.cu_t += slag.cu;
            ev.emit(now, Unit::Smelter, SmelterEvent::SlagDumped, static_cast<std::int32_t>(i), slag.mass());
            l.mass_t = 0.0;
            setLadleStage(i, LadleStage::Returning, now, kSlagReturn, ev);
        } else {
            const auto a = static_cast<std::size_t>(std::max(0, l.target));
            m_anodeLoad[a] += take(load, 1.0);
            l.mass_t = 0.0;
            l.target = -1;
            if (m_anodeLoad[a].mass() >= m_cfg.anode_batch_t) startAnodePhase(a, AnodePhase::Oxidising, now, ev);
            setLadleStage(i, LadleStage::Returning, now, kBlisterReturn, ev);
        }
        break;
    case LadleStage::Returning:
        setLadleStage(i, l.contents == LadleContents::Blister ? LadleStage::AtConverter : LadleStage::AtFurnace, now,
                      0, ev);
        break;
    case LadleStage::AtFurnace: m_ladleClock[i].end = kNever; break;
    }
}

void Smelter::startConverterPhase(std::size_t c, ConverterPhase ph, Time now, EventSink& ev) {
    ConverterState& cs = m_state.converters[c];
    ConverterWork& w = m_conv[c];
    const Holdup& matte = m_convMatte[c];
    cs.phase = ph;
    w.blowLeft = {};
    Time duration = 0;
    switch (ph) {
    case ConverterPhase::Idle:
    case ConverterPhase::Charging:
        cs.charged_t = ph == ConverterPhase::Idle ? 0.0 : cs.charged_t;
        break;
    case ConverterPhase::SlagBlow: {
        // FeS -> FeO (+ some Fe3O4) into a SiO2-fluxed slag holding 5 % Cu; its S leaves as SO2.
        const double fe = matte.fe;
        const double s = std::min(matte.s, fe * kSperFe);
        const double o = fe * kOperFeFeO * kConvSlagExtraO;
        const double sio2 = fe / kConvSlagFeSiO2;
        const double cu = std::min(matte.cu, kConvSlagCu / (1.0 - kConvSlagCu) * (fe + o + sio2));
        w.blowLeft = Holdup{.cu = cu, .fe = fe, .s = s, .sio2 = sio2, .o = o};
        duration = std::max(kMinBlow, fromSeconds((s * kO2perS + o) / kConverterO2_t_h * 3600.0));
        ev.emit(now, Unit::Smelter, SmelterEvent::SlagBlowStart, static_cast<std::int32_t>(c), matte.mass());
        break;
    }
    case ConverterPhase::Skimming: duration = kSkimming; break;
    case ConverterPhase::CopperBlow: {  // Cu2S + O2 -> 2Cu + SO2, down to the blister's residual S
        const double sKeep = matte.cu * kBlisterS / (1.0 - kBlisterS);
        w.blowLeft = Holdup{.s = std::max(0.0, matte.s - sKeep)};
        duration = std::max(kMinBlow, fromSeconds(w.blowLeft.s * kO2perS / kConverterO2_t_h * 3600.0));
        ev.emit(now, Unit::Smelter, SmelterEvent::CopperBlowStart, static_cast<std::int32_t>(c), matte.mass());
        break;
    }
    case ConverterPhase::Pouring: break;  // waits for a blister ladle (dispatch)
    }
    w.clock = Clock{.start = now, .end = duration > 0 ? now + duration : kNever, .last = now, .length = duration};
    cs.blowing = ph == ConverterPhase::SlagBlow || ph == ConverterPhase::CopperBlow;
}

void Smelter::endConverterPhase(std::size_t c, Time now, EventSink& ev) {
    ConverterState& cs = m_state.converters[c];
    advanceBlow(c, now);
    switch (cs.phase) {
    case ConverterPhase::SlagBlow: startConverterPhase(c, ConverterPhase::Skimming, now, ev); break;
    case ConverterPhase::Skimming: {
        const Holdup slag = take(m_convSlag[c], 1.0);
        m_recycle += slag;  // back to the smelting furnace, which recovers its Cu
        ev.emit(now, Unit::Smelter, SmelterEvent::SlagSkimmed, static_cast<std::int32_t>(c), slag.mass());
        startConverterPhase(c, ConverterPhase::CopperBlow, now, ev);
        break;
    }
    case ConverterPhase::CopperBlow: startConverterPhase(c, ConverterPhase::Pouring, now, ev); break;
    case ConverterPhase::Pouring: {
        // Pour ends: the blister leaves in its ladle for the anode furnaces.
        for (std::size_t i = 0; i < m_state.ladles.size(); ++i) {
            LadleState& l = m_state.ladles[i];
            if (l.contents != LadleContents::Blister || l.target != static_cast<std::int32_t>(c) ||
                l.stage != LadleStage::AtConverter)
                continue;
            m_ladleLoad[i] += take(m_convMatte[c], 1.0);
            l.mass_t = m_ladleLoad[i].mass();
            l.temperature_c = 1200.0;  // converter 1200 C (Recommended defaults)
            l.target = -1;
            ev.emit(now, Unit::Smelter, SmelterEvent::ConverterPour, static_cast<std::int32_t>(c), l.mass_t);
            setLadleStage(i, LadleStage::ToAnodeFurnace, now, kToAnodeFurnace, ev);
            break;
        }
        ++cs.cycles;
        startConverterPhase(c, ConverterPhase::Idle, now, ev);
        break;
    }
    case ConverterPhase::Idle:
    case ConverterPhase::Charging: m_conv[c].clock.end = kNever; break;
    }
}

// Blowing moves the share of the blow's planned transfer that elapsed since the last call; at the phase end the
// share is exactly 1, so the planned amounts move in full.
void Smelter::advanceBlow(std::size_t c, Time upTo) {
    ConverterWork& w = m_conv[c];
    ConverterState& cs = m_state.converters[c];
    if (!cs.blowing || cs.faulted || cs.held || w.clock.end == kNever || upTo <= w.clock.last) return;
    const double f = upTo >= w.clock.end ? 1.0
                                         : static_cast<double>(upTo - w.clock.last) /
                                               static_cast<double>(w.clock.end - w.clock.last);
    w.clock.last = upTo;
    Holdup& matte = m_convMatte[c];
    Holdup& slag = m_convSlag[c];
    Holdup part = take(w.blowLeft, f);
    part.fe = moveAmount(matte.fe, slag.fe, part.fe);
    part.cu = moveAmount(matte.cu, slag.cu, part.cu);
    double gasS = 0.0;
    part.s = moveAmount(matte.s, gasS, part.s);
    slag.o += part.o;
    slag.sio2 += part.sio2;
    m_in.o += part.o + part.s * kO2perS;
    m_in.sio2 += part.sio2;
    m_out.s += part.s;
    m_out.o += part.s * kO2perS;
    m_so2Converters_t += part.s * kSO2perS;
    m_state.flux_t += part.sio2;
}

void Smelter::startAnodePhase(std::size_t a, AnodePhase ph, Time now, EventSink& ev) {
    AnodeFurnaceState& af = m_state.anode_furnaces[a];
    af.phase = ph;
    Time duration = 0;
    switch (ph) {
    case AnodePhase::Filling: break;
    case AnodePhase::Oxidising: duration = kOxidising; break;
    case AnodePhase::Poling:
        duration = kPoling;
        m_poling_gj += m_anodeLoad[a].mass() * kPolingGas_GJ_t;
        break;
    case AnodePhase::Casting:
        duration = std::max<Time>(kMinute, fromSeconds(m_anodeLoad[a].mass() / m_cfg.cast_t_h * 3600.0));
        m_state.casting.active = true;
        m_state.casting.furnace = static_cast<std::int32_t>(a);
        break;
    }
    m_anodeClock[a] = Clock{.start = now, .end = duration > 0 ? now + duration : kNever, .last = now, .length = duration};
    ev.emit(now, Unit::Smelter, SmelterEvent::AnodePhaseChange, static_cast<std::int32_t>(a), static_cast<double>(ph));
}

void Smelter::endAnodePhase(std::size_t a, Time now, EventSink& ev) {
    switch (m_state.anode_furnaces[a].phase) {
    case AnodePhase::Filling: m_anodeClock[a].end = kNever; break;
    case AnodePhase::Oxidising:
        advanceAnode(a, now);
        startAnodePhase(a, AnodePhase::Poling, now, ev);
        break;
    case AnodePhase::Poling: m_anodeClock[a].end = kNever; break;  // waits for the casting wheel (dispatch)
    case AnodePhase::Casting:
        advanceAnode(a, now);
        m_state.casting.active = false;
        m_state.casting.furnace = -1;
        startAnodePhase(a, AnodePhase::Filling, now, ev);
        break;
    }
}

// Continuous anode-furnace work up to `upTo`: oxidising burns the residual S (the weak gas goes to the stack),
// casting moves the copper onto the wheel as anodes. At the phase end the share is exactly 1.
void Smelter::advanceAnode(std::size_t a, Time upTo) {
    Clock& k = m_anodeClock[a];
    const AnodePhase ph = m_state.anode_furnaces[a].phase;
    if ((ph != AnodePhase::Casting && ph != AnodePhase::Oxidising) || k.end == kNever || upTo <= k.last) return;
    const double f = upTo >= k.end ? 1.0
                                   : static_cast<double>(upTo - k.last) / static_cast<double>(k.end - k.last);
    k.last = upTo;
    Holdup& load = m_anodeLoad[a];
    if (ph == AnodePhase::Oxidising) {
        double gasS = 0.0;
        const double s = moveAmount(load.s, gasS, f >= 1.0 ? load.s : load.s * f);
        m_out.s += s;
        m_out.o += s * kO2perS;
        m_in.o += s * kO2perS;
        m_so2Anode_t += s * kSO2perS;
        return;
    }
    const Holdup cast = take(load, f);
    m_anodes += cast;
    m_state.casting.anodes_cast += cast.mass() * 1000.0 / m_cfg.anode_kg;
}

// [SECTION] tankhouse ------------------------------------------------------------------------------------------------
// Faraday: m = I · t · 1.186 g/Ah · CE (almalyk.md §6), limited by the anode copper available to dissolve.
void Smelter::tankhouse(Time t0, Time t1, EventSink& ev) {
    const Config& c = m_cfg;
    const double dtH = toHours(t1 - t0);
    TankhouseState& th = m_state.tankhouse;
    const double density = currentDensity(m_anodes.mass());
    const double current_a = density * c.cathode_area_m2;
    const double possible = current_a * dtH * kFaradayCu_g_Ah * c.current_efficiency * 1e-6;
    double deposited = 0.0;
    moveAmount(m_anodes.cu, deposited, possible);
    const double running = possible > 0.0 ? deposited / possible : 0.0;
    m_out.cu += deposited;
    th.cathode_on_cells_t += deposited;
    m_state.cathode_t += deposited;
    m_state.cathodeTick_t = deposited;
    th.cells = c.cells;
    th.current_density_a_m2 = density;
    th.current_efficiency = c.current_efficiency;
    th.current_ka = current_a * running / 1000.0;
    th.power_mw = current_a * running * c.cell_voltage * 1e-6;
    th.anode_stock_t = m_anodes.mass();
    th.cathode_t_h = dtH > 0 ? deposited / dtH : 0.0;
    while (m_nextHarvest < t1) {
        ev.emit(std::max(m_nextHarvest, t0), Unit::Smelter, SmelterEvent::CathodeHarvest, -1, th.cathode_on_cells_t);
        th.cathode_stock_t += th.cathode_on_cells_t;
        th.cathode_on_cells_t = 0.0;
        m_nextHarvest += kHarvestInterval;
    }
}

// [SECTION] gas, energy, alarms, views -------------------------------------------------------------------------------
void Smelter::gasAndEnergy(double dtH) {
    const Config& c = m_cfg;
    SmelterState& s = m_state;
    // The acid plant takes the strong furnace and converter gas; the weak anode-furnace gas goes to the stack.
    const double so2ToPlant = m_so2Furnace_t + m_so2Converters_t;
    const double capture = m_acidFault ? 0.0 : c.capture;
    const double captured = so2ToPlant * capture;
    const double acid = captured * kMolarH2SO4 / kMolarSO2;  // SO2 -> SO3 -> H2SO4, one mole each
    const double stack = so2ToPlant - captured + m_so2Anode_t;
    s.so2_t += so2ToPlant + m_so2Anode_t;
    s.so2_captured_t += captured;
    s.acid_t += acid;
    s.so2_emitted_t += stack;
    s.acid_plant = AcidPlantState{.so2_in_t_h = so2ToPlant / dtH, .so2_captured_t_h = captured / dtH,
                                  .acid_t_h = acid / dtH, .capture_fraction = capture, .running = !m_acidFault};
    s.stack_so2_t_h = stack / dtH;
    s.acid_t_h = acid / dtH;
    s.furnace.offgas_so2_t_h = m_so2Furnace_t / dtH;

    // Electricity: tankhouse, oxygen plant (the pure-O2 share of an enriched blast), auxiliaries.
    const double e = c.o2_enrichment;
    const double pureO2Nm3 = m_o2Blown_t * 1000.0 / kO2Density_kg_nm3 * std::max(0.0, (e - 0.21) / (0.79 * e));
    const double mwh = s.tankhouse.power_mw * dtH + pureO2Nm3 * c.o2_kwh_nm3 / 1000.0 + c.aux_mw * dtH;
    const double gas = m_fuel_gj + m_poling_gj;
    const double co2 = gas * kGasCO2_t_GJ + mwh * c.grid_t_mwh;
    s.fuel_gj += gas;
    s.electricity_mwh += mwh;
    s.energy_gj += gas + mwh * 3.6;
    s.co2_t += co2;
    s.co2_t_h = co2 / dtH;
    s.power_mw = mwh / dtH;
    s.cathode_t_h = s.tankhouse.cathode_t_h;
    s.slag_t_h = m_slagFormed_t / dtH;
}

void Smelter::updateAlarms(Time t, EventSink& ev) {
    const Config& c = m_cfg;
    const FurnaceState& f = m_state.furnace;
    // value, limit, raise when above (true) or below; clears with a small deadband so alarms do not chatter.
    const struct { double value, limit, deadband; bool above; } checks[] = {
        {f.temperature_c, c.temp_high, 10.0, true},
        {f.temperature_c, c.temp_low, 10.0, false},
        {f.bath_level_m, c.level_high, 0.05, true},
        {m_state.stack_so2_t_h, c.stack_so2_high, 0.1 * c.stack_so2_high, true},
    };
    for (std::size_t i = 0; i < m_state.alarms.size(); ++i) {
        AlarmState& a = m_state.alarms[i];
        const auto& k = checks[i];
        a.value = k.value;
        a.limit = k.limit;
        const bool beyond = k.above ? k.value > k.limit : k.value < k.limit;
        const bool clear = k.above ? k.value < k.limit - k.deadband : k.value > k.limit + k.deadband;
        if (!a.active && beyond) {
            a.active = true;
            ev.emit(t, Unit::Smelter, SmelterEvent::AlarmRaised, static_cast<std::int32_t>(i), k.value);
        } else if (a.active && clear) {
            a.active = false;
            ev.emit(t, Unit::Smelter, SmelterEvent::AlarmCleared, static_cast<std::int32_t>(i), k.value);
        }
    }
    m_state.furnace.temp_high = m_state.alarms[0].active;
    m_state.furnace.temp_low = m_state.alarms[1].active;
    m_state.furnace.level_high = m_state.alarms[2].active;
}

void Smelter::updateViews(Time t1, double dtH) {
    const Config& c = m_cfg;
    SmelterState& s = m_state;
    FurnaceState& f = s.furnace;
    s.concentrate_store_t = m_store.mass();
    f.matte_t = m_matte.mass();
    f.slag_t = m_slag.mass();
    f.bath_level_m = kHeelLevel_m + (f.matte_t / kMatteDensity + f.slag_t / kSlagDensity) / kHearth_m2;
    f.matte_grade_pct = f.matte_t > 0 ? 100.0 * m_matte.cu / f.matte_t : 100.0 * c.matte_grade;
    f.slag_cu_pct = f.slag_t > 0 ? 100.0 * m_slag.cu / f.slag_t : 0.0;
    f.slag_fe_sio2 = m_slag.sio2 > 0 ? m_slag.fe / m_slag.sio2 : 0.0;
    f.o2_enrichment = c.o2_enrichment;

    auto progressOf = [t1](const Clock& k) {
        if (k.end == kNever) return 0.0;
        return std::clamp(static_cast<double>(t1 - k.start) / static_cast<double>(std::max<Time>(1, k.length)), 0.0, 1.0);
    };
    const double dtS = dtH * 3600.0;
    for (std::size_t i = 0; i < s.converters.size(); ++i) {
        ConverterState& cs = s.converters[i];
        const ConverterWork& w = m_conv[i];
        cs.contents_t = m_convMatte[i].mass() + m_convSlag[i].mass();
        cs.progress = w.clock.frozenLeft >= 0
                          ? std::clamp(1.0 - static_cast<double>(w.clock.frozenLeft) /
                                                 static_cast<double>(std::max<Time>(1, w.clock.length)), 0.0, 1.0)
                          : progressOf(w.clock);
        cs.so2_t_h = 0.0;
        if (cs.blowing && !cs.faulted && !cs.held && w.clock.end != kNever)
            cs.so2_t_h = kSO2perS * w.blowLeft.s / std::max(1.0 / 60.0, toHours(w.clock.end - t1));
        // Tilt: 0 blowing (tuyeres under the bath), rolled out otherwise; the shell turns at ~2 deg/s.
        double target = 0.0;
        switch (cs.phase) {
        case ConverterPhase::Idle: target = 30.0; break;
        case ConverterPhase::Charging: target = 60.0; break;
        case ConverterPhase::SlagBlow:
        case ConverterPhase::CopperBlow: target = cs.faulted || cs.held ? 45.0 : 0.0; break;
        case ConverterPhase::Skimming: target = 75.0; break;
        case ConverterPhase::Pouring: target = w.clock.end == kNever ? 45.0 : 95.0; break;
        }
        const double turn = 2.0 * dtS;
        cs.tilt_deg += std::clamp(target - cs.tilt_deg, -turn, turn);
        cs.blowing = (cs.phase == ConverterPhase::SlagBlow || cs.phase == ConverterPhase::CopperBlow) && !cs.faulted &&
                     !cs.held;
    }
    for (std::size_t i = 0; i < s.ladles.size(); ++i) {
        LadleState& l = s.ladles[i];
        const Clock& k = m_ladleClock[i];
        l.progress = k.end == kNever ? (l.stage == LadleStage::ToAnodeFurnace ? 1.0 : 0.0) : progressOf(k);
        l.temperature_c = l.mass_t > 0 ? std::max(kAmbient_C, l.temperature_c - kLadleCool_C_h * dtH) : kAmbient_C;
    }
    for (std::size_t a = 0; a < s.anode_furnaces.size(); ++a) {
        s.anode_furnaces[a].contents_t = m_anodeLoad[a].mass();
        s.anode_furnaces[a].progress =
            s.anode_furnaces[a].phase == AnodePhase::Filling
                ? std::min(1.0, m_anodeLoad[a].mass() / c.anode_batch_t)
                : progressOf(m_anodeClock[a]);
    }
    s.casting.rate_t_h = s.casting.active ? c.cast_t_h : 0.0;
    s.tankhouse.anode_stock_t = m_anodes.mass();
    // Hours of cover at the current draw, or at the nominal draw while the unit is stopped (capped at 999 h).
    const auto cover = [](double stock, double draw, double nominal) {
        const double d = draw > 1e-9 ? draw : nominal;
        return d > 1e-9 ? std::min(999.0, stock / d) : 999.0;
    };
    s.concentrate_store_cover_h = cover(s.concentrate_store_t, f.feed_t_h, c.feed_t_h);
    s.concentrate_store_fill = std::clamp(s.concentrate_store_t / c.store_capacity_t, 0.0, 1.0);
    const double nominalCathode_t_h =
        c.current_density * c.cathode_area_m2 * kFaradayCu_g_Ah * c.current_efficiency * 1e-6;
    s.anode_stock_cover_h = cover(s.tankhouse.anode_stock_t, s.tankhouse.cathode_t_h, nominalCathode_t_h);
    s.anode_stock_fill = std::clamp(s.tankhouse.anode_stock_t / c.anode_capacity_t, 0.0, 1.0);
}

Smelter::Holdup Smelter::inventory() const {
    // Only the ledgered species (Cu, Fe, S, SiO2): this runs every tick.
    Holdup h;
    auto add = [&h](const Holdup& x) { h.cu += x.cu; h.fe += x.fe; h.s += x.s; h.sio2 += x.sio2; };
    add(m_store);
    add(m_matte);
    add(m_slag);
    add(m_recycle);
    add(m_anodes);
    for (const Holdup& x : m_ladleLoad) add(x);
    for (const Holdup& x : m_convMatte) add(x);
    for (const Holdup& x : m_convSlag) add(x);
    for (const Holdup& x : m_anodeLoad) add(x);
    return h;
}

void Smelter::refreshBalance() {
    const Holdup inv = inventory();
    auto set = [](ElementBalance& b, double in, double out, double now, double start) {
        b.in_t = in; b.out_t = out; b.inventory_t = now; b.inventory0_t = start;
    };
    set(m_state.cu, m_in.cu, m_out.cu, inv.cu, m_inventory0.cu);
    set(m_state.fe, m_in.fe, m_out.fe, inv.fe, m_inventory0.fe);
    set(m_state.s, m_in.s, m_out.s, inv.s, m_inventory0.s);
    set(m_state.sio2, m_in.sio2, m_out.sio2, inv.sio2, m_inventory0.sio2);
}

// [SECTION] faults ---------------------------------------------------------------------------------------------------
bool Smelter::setFault(const std::string& target, bool on, std::string* why) {
    if (target == "smelter.furnace") {
        if (m_furnaceFault != on) m_pendingFaultEvents.emplace_back(0, on);
        m_furnaceFault = on;
        return true;
    }
    if (target == "smelter.acid_plant") {
        if (m_acidFault != on) m_pendingFaultEvents.emplace_back(1, on);
        m_acidFault = on;
        return true;
    }
    const std::string prefix = "smelter.converter:";
    if (target.rfind(prefix, 0) != 0) return false;
    const std::string num = target.substr(prefix.size());
    const bool digits = !num.empty() && num.size() <= 3 &&
                        std::all_of(num.begin(), num.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    const std::size_t n = digits ? static_cast<std::size_t>(std::stoi(num)) : m_state.converters.size();
    if (n >= m_state.converters.size()) {
        if (why)
            *why = "fault target '" + target + "': expected smelter.converter:N with N in 0.." +
                   std::to_string(m_state.converters.size() - 1);
        return false;
    }
    if (m_state.converters[n].faulted != on) m_pendingFaultEvents.emplace_back(10 + static_cast<std::int32_t>(n), on);
    setConverterFault(n, on);
    m_dispatchDirty = true;
    return true;
}

// A faulted or held converter's phase clock stops where it is (blow progress kept) and restarts from there when the
// fault clears or the hold ends.
void Smelter::setConverterFault(std::size_t c, bool on) {
    ConverterState& cs = m_state.converters[c];
    if (on == cs.faulted) return;
    if (on) advanceBlow(c, m_now);
    cs.faulted = on;
    updateConverterClock(c, m_now);
}

void Smelter::updateConverterClock(std::size_t c, Time now) {
    const ConverterState& cs = m_state.converters[c];
    Clock& k = m_conv[c].clock;
    const bool stop = cs.faulted || cs.held;
    if (stop && k.frozenLeft < 0 && k.end != kNever) {
        k.frozenLeft = std::max<Time>(0, k.end - now);
        k.end = kNever;
    } else if (!stop && k.frozenLeft >= 0) {
        k.end = now + k.frozenLeft;
        k.start = k.end - k.length;
        k.last = now;
        k.frozenLeft = -1;
    }
}

// Converter timing (smelter.blowing_max): at most N converters blow at once. Those blowing keep their turn (by
// index); the rest of the converters in a blow phase hold rolled out, blow paused, and go back in the order they
// were held (then by index): a lowered limit rolls the latest out at once, a raised one lets the longest-waiting in.
void Smelter::applyBlowLimit(Time now) {
    std::vector<std::size_t> order;
    for (std::size_t c = 0; c < m_conv.size(); ++c) {
        ConverterState& cs = m_state.converters[c];
        const bool blowPhase = cs.phase == ConverterPhase::SlagBlow || cs.phase == ConverterPhase::CopperBlow;
        if (!blowPhase || cs.faulted) continue;
        order.push_back(c);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const ConverterState& x = m_state.converters[a];
        const ConverterState& y = m_state.converters[b];
        if (x.held != y.held) return !x.held;          // blowing first
        return x.held && m_conv[a].heldSince < m_conv[b].heldSince;
    });
    for (std::size_t r = 0; r < order.size(); ++r) {
        const std::size_t c = order[r];
        ConverterState& cs = m_state.converters[c];
        const bool hold = static_cast<int>(r) >= m_cfg.blowing_max;
        if (hold == cs.held) continue;
        if (hold) {
            advanceBlow(c, now);
            m_conv[c].heldSince = now;
        }
        cs.held = hold;
        updateConverterClock(c, now);
    }
    // A converter that left its blow phase (faulted, or the phase ended) is not held.
    for (std::size_t c = 0; c < m_conv.size(); ++c) {
        ConverterState& cs = m_state.converters[c];
        const bool blowPhase = cs.phase == ConverterPhase::SlagBlow || cs.phase == ConverterPhase::CopperBlow;
        if (cs.held && !blowPhase) { cs.held = false; updateConverterClock(c, now); }
    }
}

// [SECTION] hash -----------------------------------------------------------------------------------------------------
void Smelter::hashInto(Hasher& h) const {
    auto holdup = [&h](const Holdup& x) {
        for (double v : {x.cu, x.fe, x.s, x.sio2, x.o, x.other, x.fayalite}) h.add(v);
    };
    auto clock = [&h](const Clock& k) { h.add(k.start); h.add(k.end); h.add(k.last); h.add(k.frozenLeft); h.add(k.length); };
    const SmelterState& s = m_state;
    holdup(m_store); holdup(m_matte); holdup(m_slag); holdup(m_recycle); holdup(m_anodes); holdup(m_in); holdup(m_out);
    for (std::size_t i = 0; i < m_ladleLoad.size(); ++i) {
        holdup(m_ladleLoad[i]);
        clock(m_ladleClock[i]);
        const LadleState& l = s.ladles[i];
        h.add(l.stage); h.add(l.mass_t); h.add(l.temperature_c); h.add(l.target);
    }
    for (std::size_t c = 0; c < m_conv.size(); ++c) {
        holdup(m_convMatte[c]); holdup(m_convSlag[c]); holdup(m_conv[c].blowLeft);
        clock(m_conv[c].clock);
        h.add(m_conv[c].reserved_t);
        const ConverterState& cs = s.converters[c];
        h.add(cs.phase); h.add(cs.tilt_deg); h.add(cs.charged_t); h.add(cs.faulted); h.add(cs.held); h.add(m_conv[c].heldSince); h.add(cs.cycles);
    }
    for (std::size_t a = 0; a < m_anodeLoad.size(); ++a) {
        holdup(m_anodeLoad[a]);
        clock(m_anodeClock[a]);
        h.add(s.anode_furnaces[a].phase);
    }
    for (const AlarmState& a : s.alarms) h.add(a.active);
    h.add(m_nextHarvest); h.add(m_furnaceFault); h.add(m_acidFault); h.add(s.casting.active);
    h.add(s.furnace.feed_interlock); h.add(m_feedHold);
    for (double v : {s.other_conc_t, s.other_cu_t, s.other_fe_t, s.other_s_t}) h.add(v);
    for (double v : {s.furnace.temperature_c, s.casting.anodes_cast, s.tankhouse.cathode_on_cells_t,
                     s.tankhouse.cathode_stock_t, s.concentrate_t, s.smelted_t, s.flux_t, s.o2_t, s.cathode_t,
                     s.slag_t, s.so2_t, s.so2_captured_t, s.acid_t, s.so2_emitted_t, s.energy_gj, s.fuel_gj,
                     s.electricity_mwh, s.co2_t, s.slag_yard.slag_t, s.slag_yard.fayalite_t, s.slag_yard.cu_t})
        h.add(v);
}

}  // namespace sim
