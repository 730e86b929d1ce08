// sim/smelter.h — the Almalyk copper smelter (MPZ) as an element balance for Cu, Fe, S, SiO2 and O:
// concentrate store -> bath/flash smelting furnace (matte, fayalite slag, SO2) -> ladles -> Peirce-Smith converters
// (batch: charge, slag blow, skim, copper blow, pour) -> anode furnaces + casting wheel -> tankhouse (Faraday) ->
// cathode; SO2 from furnace and converters -> acid plant (H2SO4) or stack; furnace slag -> slag yard (photocatalyst
// feedstock). Defaults and chemistry from almalyk.md §4, §6 and "Recommended simulation defaults".
// Use: registerSmelterParams(p); Smelter s(p, seed, start);
//      each tick s.step(t0, dt, concentrator.state().concentrateTick, ev); s.state().slagToYardTick_t feeds Catalyst.
// Buffers (docs/operations.md): the other AMMC feed (smelter.other_conc_t_h) arrives in the store beside the
// concentrator's; the furnace feed follows the store (nominal at the operating level halfway between
// smelter.store_low_t and store_high_t, linear to feed_min_pct at the low mark and feed_max_pct at the high mark; fed
// out and on hold at empty until the low mark); the tankhouse current density follows the anode stock the same way
// (current_min/max_a_m2 at anode_low/high_t). Start (smelter.warm_start): two days at nominal feed before t = 0,
// events and totals discarded, then the store and the anode stock at their operating levels.
// Model: the furnace smelts continuously per tick (concentrate drawn from the store by the rule above, flux SiO2 to
// the Fe/SiO2 target, O2 to close the oxygen balance); its temperature follows an energy balance (sulphide oxidation
// heat, melt enthalpy, off-gas incl. N2 ballast of the blast, shell losses, a proportional fuel burner), integrated
// exactly per tick so any dt is stable. A bath the ladles cannot keep up with trips a feed interlock (the level
// stays bounded; concentrate waits in the store). Ladles, converters, anode furnaces and harvests are discrete machines whose
// phase changes happen at their exact times inside a tick. Every transfer moves the same tonnes out of one holdup and
// into another, so in − out − Δinventory closes to rounding error (SmelterState::balance).
// Faults: "smelter.furnace" (lance/burner trip: no smelting, no fuel, the bath cools), "smelter.converter:N" (that
// converter stops blowing, its phase clock freezes, it takes no new charge), "smelter.acid_plant" (capture 0: all SO2
// goes up the stack). setFault returns false with no message for any other target.
// Errors: never NaN, never a negative stock, at feed 0, a huge feed or any legal parameter value.
// Does NOT: model slag cleaning, precious metals, anode scrap recycling, electrolyte impurities, dust, or moisture.
#pragma once
#include <cstdint>
#include <climits>
#include <string>
#include <utility>
#include <vector>

#include "sim/events.h"
#include "sim/hash.h"
#include "sim/material.h"
#include "sim/params.h"
#include "sim/time.h"

namespace sim {

void registerSmelterParams(Params& p);  // smelter.*

// Molar masses (g/mol) and the chemistry the balance rests on.
constexpr double kMolarCu = 63.546, kMolarFe = 55.845, kMolarS = 32.06, kMolarO = 15.999, kMolarSi = 28.085;
constexpr double kMolarSO2 = kMolarS + 2 * kMolarO;                 // 64.06
constexpr double kMolarH2SO4 = 2 * 1.008 + kMolarS + 4 * kMolarO;   // 98.07
constexpr double kMolarSiO2 = kMolarSi + 2 * kMolarO;               // 60.08
constexpr double kMolarFayalite = 2 * kMolarFe + kMolarSiO2 + 2 * kMolarO;  // Fe2SiO4, 203.77 (hydrogen.md §3)
// Faraday's law for Cu2+ + 2e- -> Cu: M / (z F) in g per ampere-hour (almalyk.md §6: 1.186 g/Ah).
constexpr double kFaradayCu_g_Ah = kMolarCu * 3600.0 / (2.0 * 96485.33212);

enum class ConverterPhase : std::uint8_t { Idle, Charging, SlagBlow, Skimming, CopperBlow, Pouring };
enum class LadleContents : std::uint8_t { Matte, Slag, Blister };
// Where a ladle is along the aisle. Matte: AtFurnace -> CraneToConverter -> AtConverter (pour) -> Returning.
// Slag pot: AtFurnace -> ToSlagYard -> Dumping -> Returning. Blister: AtConverter (filled by a pour) ->
// ToAnodeFurnace -> Dumping (into the anode furnace) -> Returning (to its park beside the converters).
enum class LadleStage : std::uint8_t { AtFurnace, CraneToConverter, AtConverter, ToSlagYard, ToAnodeFurnace, Dumping,
                                       Returning };
enum class AnodePhase : std::uint8_t { Filling, Oxidising, Poling, Casting };

enum class SmelterEvent : std::uint16_t {
    ConverterCharged,  // a matte ladle poured into a converter; index converter, value t poured
    SlagBlowStart,     // index converter, value t of matte charged
    SlagSkimmed,       // converter slag skimmed (returned to the furnace); index converter, value t
    CopperBlowStart,   // index converter, value t of white metal
    ConverterPour,     // blister poured into a ladle; index converter, value t
    LadleTapped,       // matte tapped from the furnace into a ladle; index ladle, value t
    LadleMoved,        // a ladle entered a new stage; index ladle, value = LadleStage as a number
    SlagTapped,        // slag tapped into a slag pot; index ladle, value t
    SlagDumped,        // slag pot emptied at the slag yard; index ladle, value t
    AnodePhaseChange,  // index anode furnace, value = AnodePhase as a number
    CathodeHarvest,    // cathodes pulled from the cells (daily); value t
    AlarmRaised,       // index into SmelterState::alarms, value = the measured value
    AlarmCleared,      // index into SmelterState::alarms, value = the measured value
    FaultChanged,      // index: 0 furnace, 1 acid plant, 10+N converter N; value 1 on, 0 off
};

struct FurnaceState {
    double temperature_c = 1250.0;
    double bath_level_m = 0.0;         // above the hearth
    double matte_t = 0.0, slag_t = 0.0;  // melt held in the bath (above the permanent heel)
    double matte_grade_pct = 0.0;      // Cu in the matte held
    double slag_cu_pct = 0.0, slag_fe_sio2 = 0.0;  // of the slag held
    double o2_enrichment = 0.0;        // O2 volume fraction of the blast
    double feed_t_h = 0.0;             // concentrate actually smelted
    double flux_t_h = 0.0;             // SiO2 flux added
    double o2_t_h = 0.0, o2_nm3_h = 0.0, blast_nm3_h = 0.0;
    double offgas_so2_t_h = 0.0;
    double matte_t_h = 0.0;            // formed
    double fuel_gj_h = 0.0;            // burner
    double reaction_gj_h = 0.0;        // sulphide oxidation heat
    double loss_gj_h = 0.0;            // shell and caisson losses
    bool running = true;               // false while the "smelter.furnace" fault is on
    bool feed_interlock = false;       // feed stopped: bath 0.3 m above the level alarm until tapped below it
    double feed_setpoint_t_h = 0.0;    // what the concentrate store rule asks for (docs/operations.md)
    bool feed_hold = false;            // store empty: no feed until it is back at its low mark
    bool temp_high = false, temp_low = false, level_high = false;  // alarm flags
};

struct ConverterState {
    ConverterPhase phase = ConverterPhase::Idle;
    double tilt_deg = 0.0;             // 0 = tuyeres submerged (blowing); 60 charging, 75 skimming, 95 pouring
    double contents_t = 0.0;           // matte / white metal / blister plus its slag
    double charged_t = 0.0;            // matte received this cycle
    double progress = 0.0;             // of the current phase, 0..1 (0 while waiting for a ladle)
    double so2_t_h = 0.0;              // while blowing
    bool blowing = false;
    bool faulted = false;
    bool held = false;                 // in a blow phase but held rolled out by converter timing (smelter.blowing_max)
    bool in_service = true;            // false once smelter.converters drops below its index (finishes, then idles)
    std::int32_t cycles = 0;
};

struct LadleState {
    LadleContents contents = LadleContents::Matte;
    double mass_t = 0.0;
    double temperature_c = 25.0;
    LadleStage stage = LadleStage::AtFurnace;
    double progress = 0.0;             // along the current stage, 0..1
    std::int32_t target = -1;          // converter (matte, blister source) or anode furnace (blister); -1 none
};

struct AnodeFurnaceState {
    AnodePhase phase = AnodePhase::Filling;
    double contents_t = 0.0;
    double progress = 0.0;
};

struct CastingState {
    bool active = false;
    std::int32_t furnace = -1;         // the anode furnace being cast
    double rate_t_h = 0.0;
    double anodes_cast = 0.0;          // count (anode mass smelter.anode_kg)
};

struct TankhouseState {
    std::int32_t cells = 0;
    double current_density_a_m2 = 0.0;
    double current_efficiency = 0.0;
    double current_ka = 0.0;           // total, all cells
    double power_mw = 0.0;
    double anode_stock_t = 0.0;        // Cu in anodes in the cells and the anode store
    double cathode_on_cells_t = 0.0;   // deposited since the last harvest
    double cathode_stock_t = 0.0;      // harvested
    double cathode_t_h = 0.0;
};

struct AcidPlantState {
    double so2_in_t_h = 0.0, so2_captured_t_h = 0.0, acid_t_h = 0.0;
    double capture_fraction = 0.0;     // effective (0 while faulted)
    bool running = true;
};

struct SlagYardState {
    double slag_t = 0.0;               // dumped, cumulative
    double fayalite_t = 0.0;           // of which fayalite Fe2SiO4, marked as photocatalyst feedstock
    double cu_t = 0.0;                 // Cu lost to slag
};

struct AlarmState {
    std::string name;                  // a key, the name of its 0/1 metric (e.g. "smelter.alarm_temp_high"); scenes word it
    double value = 0.0;
    double limit = 0.0;
    bool active = false;
};

// One element's ledger. relError() = |in − out − (inventory − inventory0)| / max(in, inventory0): relative to what
// passed through, including the holdup the plant started with (so a run with no feed still reads ~0, not 0/0).
struct ElementBalance {
    double in_t = 0.0, out_t = 0.0, inventory_t = 0.0, inventory0_t = 0.0;
    double relError() const;
};

struct SmelterState {
    double concentrate_store_t = 0.0;
    FurnaceState furnace;
    std::vector<ConverterState> converters;
    std::vector<LadleState> ladles;
    std::vector<AnodeFurnaceState> anode_furnaces;
    CastingState casting;
    TankhouseState tankhouse;
    AcidPlantState acid_plant;
    double stack_so2_t_h = 0.0;
    SlagYardState slag_yard;
    std::vector<AlarmState> alarms;    // fixed order: furnace temp high, temp low, bath level high, stack SO2 high

    // Buffers (docs/operations.md): hours of cover at the current draw (nominal while stopped, capped at 999) and fill.
    double concentrate_store_cover_h = 0.0, concentrate_store_fill = 0.0;
    double anode_stock_cover_h = 0.0, anode_stock_fill = 0.0;
    double other_conc_t_h = 0.0;       // the other AMMC feed arriving (smelter.other_conc_t_h)

    // Cumulative totals.
    double concentrate_t = 0.0;        // received from the concentrator
    double other_conc_t = 0.0;         // received from the other AMMC feed, and its Cu, Fe and S
    double other_cu_t = 0.0, other_fe_t = 0.0, other_s_t = 0.0;
    double smelted_t = 0.0;            // fed to the furnace
    double flux_t = 0.0;
    double o2_t = 0.0;
    double cathode_t = 0.0;            // deposited
    double slag_t = 0.0;               // to the slag yard
    double so2_t = 0.0;                // generated
    double so2_captured_t = 0.0;
    double acid_t = 0.0;
    double so2_emitted_t = 0.0;        // up the stack
    double energy_gj = 0.0;            // fuel + electricity
    double fuel_gj = 0.0;
    double electricity_mwh = 0.0;
    double co2_t = 0.0;
    ElementBalance cu, fe, s, sio2;

    // Instantaneous rates (this tick's mean).
    double cathode_t_h = 0.0;
    double slag_t_h = 0.0;             // formed in the furnace
    double acid_t_h = 0.0;
    double co2_t_h = 0.0;
    double power_mw = 0.0;

    // Last tick's amounts.
    double slagToYardTick_t = 0.0;     // dumped at the yard this tick (input of Catalyst::step)
    double fayaliteToYardTick_t = 0.0;
    double cathodeTick_t = 0.0;
};

class Smelter {
public:
    Smelter(const Params& p, std::uint64_t seed, Time start);
    void applyParams(const Params& p);
    // concentrateIn: this tick's concentrate from the concentrator (any mass >= 0; fractions are clamped to sum <= 1).
    void step(Time t0, Time dt, const MaterialBatch& concentrateIn, EventSink& ev);
    bool setFault(const std::string& target, bool on, std::string* why);
    const SmelterState& state() const { return m_state; }
    void hashInto(Hasher& h) const;

    // Tonnes of each element (and of fayalite, a compound carried along with the slag) in one holdup: the store, the
    // furnace's matte or slag, a ladle, a converter, an anode furnace, the tankhouse anodes.
    struct Holdup { double cu = 0, fe = 0, s = 0, sio2 = 0, o = 0, other = 0, fayalite = 0;
                    double mass() const { return cu + fe + s + sio2 + o + other; } };

private:
    static constexpr Time kNever = INT64_MAX;
    struct Config {
        double other_t_h = 0, store_low_t = 0, store_high_t = 0, store_operating_t = 0, store_capacity_t = 1;
        double feed_min_t_h = 0, feed_max_t_h = 0;
        double anode_low_t = 0, anode_high_t = 0, anode_operating_t = 0, anode_capacity_t = 1;
        double current_min = 0, current_max = 0;
        double feed_t_h = 0, o2_enrichment = 0, fe_sio2 = 0, matte_grade = 0, matte_fe_per_cu = 0, slag_cu = 0;
        double magnetite = 0;
        double conv_slag_cu = 0, ladle_t = 0, charge_ladles = 0, anode_batch_t = 0, cast_t_h = 0, anode_kg = 0;
        double current_density = 0, current_efficiency = 0, cell_voltage = 0, cathode_area_m2 = 0;
        double capture = 0, temp_set = 0, temp_high = 0, temp_low = 0, level_high = 0, stack_so2_high = 0;
        double fuel_max_gj_h = 0, o2_kwh_nm3 = 0, aux_mw = 0, grid_t_mwh = 0;
        int cells = 0, converters = 0, blowing_max = 6;
    };
    // A phase clock: the current phase ends at `end` (kNever while waiting for something); `last` is the time up to
    // which continuous work (blowing, casting) has been applied; `frozenLeft` keeps the rest of a phase while faulted.
    struct Clock { Time start = 0, end = kNever, last = 0, frozenLeft = -1, length = 0; };
    struct ConverterWork {
        Clock clock;
        Holdup blowLeft;        // still to leave the matte in this blow: fe/cu to slag, s to gas (o, sio2 into slag)
        double reserved_t = 0;  // matte in ladles on their way here
        Time heldSince = 0;     // when converter timing last held it
    };

    void startSteady(Time start);
    double feedSetpoint(double store_t) const;
    double currentDensity(double anodes_t) const;
    void smelt(double dtH);
    void furnaceHeat(double dtH, double heatIn_gj, double products_t, double gas_t);
    void runMachines(Time t0, Time t1, EventSink& ev);
    void dispatch(Time now, EventSink& ev);
    void setLadleStage(std::size_t i, LadleStage st, Time now, Time duration, EventSink& ev);
    void startConverterPhase(std::size_t c, ConverterPhase ph, Time now, EventSink& ev);
    void endConverterPhase(std::size_t c, Time now, EventSink& ev);
    void endLadleStage(std::size_t i, Time now, EventSink& ev);
    void startAnodePhase(std::size_t a, AnodePhase ph, Time now, EventSink& ev);
    void endAnodePhase(std::size_t a, Time now, EventSink& ev);
    void advanceBlow(std::size_t c, Time upTo);
    void advanceAnode(std::size_t a, Time upTo);
    void tankhouse(Time t0, Time t1, EventSink& ev);
    void gasAndEnergy(double dtH);
    void updateAlarms(Time t, EventSink& ev);
    void updateViews(Time t1, double dtH);
    void setConverterFault(std::size_t c, bool on);
    void updateConverterClock(std::size_t c, Time now);
    void applyBlowLimit(Time now);
    void resizeConverters();
    Holdup inventory() const;        // Cu, Fe, S and SiO2 only
    void refreshBalance();

    Config m_cfg;
    SmelterState m_state;
    Time m_now = 0;                  // start of the next tick (faults apply here)
    Time m_nextHarvest = 0;
    Holdup m_store, m_matte, m_slag, m_recycle;   // concentrate store, furnace matte and slag, converter slag to return
    std::vector<Holdup> m_ladleLoad;
    std::vector<Clock> m_ladleClock;
    std::vector<Holdup> m_convMatte, m_convSlag;  // per converter: matte/white metal/blister, and its slag
    std::vector<ConverterWork> m_conv;
    std::vector<Holdup> m_anodeLoad;
    std::vector<Clock> m_anodeClock;
    Holdup m_anodes;                 // Cu in anodes at the tankhouse
    Holdup m_in, m_out;              // cumulative element flows across the smelter boundary
    Holdup m_inventory0;
    // This tick's flows (t, GJ).
    double m_so2Furnace_t = 0, m_so2Converters_t = 0, m_so2Anode_t = 0, m_fuel_gj = 0, m_poling_gj = 0;
    double m_slagFormed_t = 0, m_o2Blown_t = 0;
    bool m_furnaceFault = false, m_acidFault = false;
    bool m_feedHold = false;         // the store ran empty; feed resumes at the low mark
    bool m_dispatchDirty = true;     // a fault or parameter change may have unblocked a waiting ladle or converter
    std::vector<std::pair<std::int32_t, bool>> m_pendingFaultEvents;  // emitted at the next step (FaultChanged)
};

}  // namespace sim
