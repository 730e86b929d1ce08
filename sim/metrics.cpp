#include "sim/metrics.h"

#include <algorithm>
#include <limits>
#include <map>

#include "sim/names.h"
#include "sim/world.h"

namespace sim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double flag(bool b) { return b ? 1.0 : 0.0; }
double tickHours(const State& s) { return toHours(s.tickLength); }
SunState sunNow(const State& s) { return s.sky.sunAt(s.time, s.weather.cloud_cover); }

template <TruckPhase P>
double trucksIn(const State& s) {
    int n = 0;
    for (const TruckState& t : s.mine.trucks) n += t.phase == P;
    return n;
}

template <ShovelPhase P>
double shovelsIn(const State& s) {
    int n = 0;
    for (const ShovelState& sh : s.mine.shovels) n += sh.active && sh.phase == P;
    return n;
}

double trainsMoving(const State& s) {
    int n = 0;
    for (const Train& t : s.transport.trains) n += t.phase == TrainPhase::Hauling || t.phase == TrainPhase::Returning;
    return n;
}

template <std::size_t I>
double alarmActive(const State& s) {
    return I < s.smelter.alarms.size() && s.smelter.alarms[I].active ? 1.0 : 0.0;
}

template <bool ConverterState::*Field>
double convertersWith(const State& s) {
    int n = 0;
    for (const ConverterState& c : s.smelter.converters) n += c.*Field;
    return n;
}

// Truck CO2 rate from the last tick's diesel, at the mine's own emission factor.
double truckCo2_t_h(const State& s) {
    const double h = tickHours(s);
    return h > 0 ? s.mine.fuelTick_l * s.params.get("mine.co2_kg_per_l") / 1000.0 / h : 0.0;
}

// [chain] Catalyst stock over what the panel shop uses now (its full build rate while idle), capped at 999 h.
double catalystCover_h(const State& s) {
    const double loading_kg_m2 = s.params.get("catalyst.loading_g_m2") / 1000.0;
    const double use = s.catalyst.build_m2_day * loading_kg_m2 / 24.0;
    const double draw = use > 1e-12 ? use : s.params.get("catalyst.build_rate_m2_day") * loading_kg_m2 / 24.0;
    return draw > 1e-12 ? std::min(999.0, s.catalyst.stock_kg / draw) : 999.0;
}

// The economics routes, by the names sim/economics.h gives them.
constexpr const char* kRoutes[] = {"photocatalytic", "smr_grey", "smr_capture", "smr_depleted_field"};

const RouteEconomics* route(const State& s, int r) {
    for (const RouteEconomics& e : s.economics)
        if (e.name == kRoutes[r]) return &e;
    return nullptr;
}

template <int R, Range RouteEconomics::*F, double Range::*W>
double econ(const State& s) {
    const RouteEconomics* e = route(s, R);
    return e ? (e->*F).*W : kNaN;
}

template <int R>
double viable(const State& s) {
    const RouteEconomics* e = route(s, R);
    return e ? flag(e->viable) : kNaN;
}

struct Registry {
    std::vector<MetricDef> defs;
    std::map<std::string, int, std::less<>> index;
    std::vector<std::string> names;

    void add(const std::string& name, const std::string& unit, int decimals, const std::string& description,
             double (*read)(const State&), MetricKind kind = MetricKind::Real) {
        index.emplace(name, static_cast<int>(defs.size()));  // a repeated name keeps the first (a test refuses it)
        names.push_back(name);
        defs.push_back(MetricDef{.name = name, .unit = unit, .description = description, .decimals = decimals,
                                 .read = read, .kind = kind});
    }
    void count(const std::string& name, const std::string& description, double (*read)(const State&)) {
        add(name, "count", 0, description, read, MetricKind::Count);
    }
    void flagged(const std::string& name, const std::string& description, double (*read)(const State&)) {
        add(name, "0/1", 0, description, read, MetricKind::Flag);
    }
};

template <int R>
void addRoute(Registry& r, const std::string& label) {
    const std::string p = std::string("econ.") + kRoutes[R] + ".";
    struct Item { std::string name, unit, what; double (*read)(const State&); };
    const Item items[] = {
        {"lcoh_usd_kg", "USD/kg", "levelised cost of hydrogen, base case", econ<R, &RouteEconomics::lcoh_usd_kg, &Range::base>},
        {"lcoh_low_usd_kg", "USD/kg", "levelised cost of hydrogen, favourable end of every econ.* range",
         econ<R, &RouteEconomics::lcoh_usd_kg, &Range::low>},
        {"lcoh_high_usd_kg", "USD/kg", "levelised cost of hydrogen, unfavourable end of every econ.* range",
         econ<R, &RouteEconomics::lcoh_usd_kg, &Range::high>},
        {"co2_kg_kg", "kg/kg", "direct CO2 per kg H2, base case", econ<R, &RouteEconomics::co2_kg_per_kg, &Range::base>},
        {"co2_low_kg_kg", "kg/kg", "direct CO2 per kg H2, low end", econ<R, &RouteEconomics::co2_kg_per_kg, &Range::low>},
        {"co2_high_kg_kg", "kg/kg", "direct CO2 per kg H2, high end", econ<R, &RouteEconomics::co2_kg_per_kg, &Range::high>},
        {"land_m2_kg_d", "m2/(kg/d)", "land per kg/day of capacity, base case",
         econ<R, &RouteEconomics::land_m2_per_kg_d, &Range::base>},
        {"land_low_m2_kg_d", "m2/(kg/d)", "land per kg/day of capacity, low end",
         econ<R, &RouteEconomics::land_m2_per_kg_d, &Range::low>},
        {"land_high_m2_kg_d", "m2/(kg/d)", "land per kg/day of capacity, high end",
         econ<R, &RouteEconomics::land_m2_per_kg_d, &Range::high>},
    };
    for (const Item& it : items)
        r.add(p + it.name, it.unit, 3, label + ": " + it.what + " (refreshed daily and after a parameter change)", it.read);
    r.flagged(p + "viable", label + ": 1 when the route makes hydrogen (else its LCOH is n/a)", viable<R>);
}

Registry build() {
    Registry r;
    // sim
    r.count("sim.ticks", "ticks run so far", [](const State& s) { return static_cast<double>(s.tick); });
    r.add("sim.tick_s", "s", 0, "length of the last tick", [](const State& s) { return toSeconds(s.tickLength); });

    // sun: exactly at the state's time (the CSV's sun columns)
    r.add("sun.elevation_deg", "deg", 3, "apparent solar elevation at the state's time",
          [](const State& s) { return sunNow(s).elevation_deg; });
    r.add("sun.azimuth_deg", "deg", 3, "solar azimuth at the state's time, from north clockwise",
          [](const State& s) { return sunNow(s).azimuth_deg; });
    r.add("sun.zenith_deg", "deg", 3, "solar zenith angle at the state's time",
          [](const State& s) { return sunNow(s).zenith_deg; });
    r.add("sun.ghi_w_m2", "W/m2", 2, "global horizontal irradiance at the state's time, with the current clouds",
          [](const State& s) { return sunNow(s).ghi_w_m2; });
    r.add("sun.dni_w_m2", "W/m2", 2, "direct normal irradiance at the state's time, with the current clouds",
          [](const State& s) { return sunNow(s).dni_w_m2; });
    r.add("sun.dhi_w_m2", "W/m2", 2, "diffuse horizontal irradiance at the state's time, with the current clouds",
          [](const State& s) { return sunNow(s).dhi_w_m2; });
    r.add("sun.poa_w_m2", "W/m2", 2, "irradiance on the panel plane (h2.tilt_deg, h2.azimuth_deg) at the state's time",
          [](const State& s) { return sunNow(s).poa_w_m2; });
    r.add("sun.clear_ghi_w_m2", "W/m2", 2, "clear-sky global horizontal irradiance at the state's time",
          [](const State& s) { return sunNow(s).clear_ghi_w_m2; });

    // weather
    r.add("weather.cloud_cover", "-", 4, "share of the time the sun is covered, 0..1 (last tick's mid-point)",
          [](const State& s) { return s.weather.cloud_cover; });
    r.add("weather.sky", "-", 0, "today's sky: 0 clear, 1 partly cloudy, 2 overcast",
          [](const State& s) { return static_cast<double>(s.weather.sky); });

    // mine: rates and counts
    r.add("mine.ore_t_h", "t/h", 2, "ore dumped at the crusher over the last hour", [](const State& s) { return s.mine.ore_t_h; });
    r.count("mine.trucks_queued", "trucks waiting at shovels and dump points", [](const State& s) {
        return static_cast<double>(s.mine.trucksQueued);
    });
    r.count("mine.trucks_working", "trucks in the fleet and not parked, broken down or on a break", [](const State& s) {
        return static_cast<double>(s.mine.trucksWorking);
    });
    r.count("mine.trucks_in_fleet", "trucks in the fleet (not told to park)", [](const State& s) {
        int n = 0;
        for (const TruckState& t : s.mine.trucks) n += t.inFleet;
        return static_cast<double>(n);
    });
    r.add("mine.fleet_utilisation_pct", "%", 1, "trucks moving or being served / trucks in the fleet",
          [](const State& s) { return 100.0 * s.mine.fleetUtilisation; });
    r.count("mine.crusher_queue", "trucks waiting at the crusher, not counting the one dumping",
            [](const State& s) { return static_cast<double>(s.mine.crusherQueue); });
    r.count("mine.dump_queue", "trucks waiting at the waste dump, not counting the one dumping",
            [](const State& s) { return static_cast<double>(s.mine.dumpQueue); });
    r.flagged("mine.shift_break", "1 during a shift change or meal break", [](const State& s) { return flag(s.mine.shiftBreak); });
    r.add("mine.fuel_l_h", "L/h", 1, "diesel burned by the fleet over the last tick", [](const State& s) {
        const double h = tickHours(s);
        return h > 0 ? s.mine.fuelTick_l / h : 0.0;
    });
    r.count("mine.trucks_parked", "trucks parked at the park-up", trucksIn<TruckPhase::Parked>);
    r.count("mine.trucks_to_shovel", "trucks driving empty to a shovel", trucksIn<TruckPhase::ToShovel>);
    r.count("mine.trucks_queued_at_shovel", "trucks queued at a shovel", trucksIn<TruckPhase::QueuedAtShovel>);
    r.count("mine.trucks_spotting", "trucks spotting under a shovel", trucksIn<TruckPhase::Spotting>);
    r.count("mine.trucks_loading", "trucks being loaded", trucksIn<TruckPhase::Loading>);
    r.count("mine.trucks_hauling", "trucks hauling a load", trucksIn<TruckPhase::Hauling>);
    r.count("mine.trucks_queued_at_dump", "trucks queued at the crusher or the waste dump", trucksIn<TruckPhase::QueuedAtDump>);
    r.count("mine.trucks_dumping", "trucks dumping", trucksIn<TruckPhase::Dumping>);
    r.count("mine.trucks_returning", "trucks returning empty", trucksIn<TruckPhase::Returning>);
    r.count("mine.trucks_to_park", "trucks driving to the park-up to retire", trucksIn<TruckPhase::ToPark>);
    r.count("mine.trucks_broken_down", "trucks broken down", trucksIn<TruckPhase::BrokenDown>);
    r.count("mine.trucks_on_break", "trucks stopped for a shift break", trucksIn<TruckPhase::ShiftBreak>);
    r.count("mine.shovels_active", "shovels in service (index < mine.shovels)", [](const State& s) {
        int n = 0;
        for (const ShovelState& sh : s.mine.shovels) n += sh.active;
        return static_cast<double>(n);
    });
    r.count("mine.shovels_loading", "active shovels loading a truck", shovelsIn<ShovelPhase::Loading>);
    r.count("mine.shovels_broken_down", "active shovels broken down", shovelsIn<ShovelPhase::BrokenDown>);
    // mine: totals
    r.count("mine.truck_cycles", "truck cycles completed", [](const State& s) { return static_cast<double>(s.mine.truck_cycles); });
    r.add("mine.ore_t", "t", 1, "ore dumped at the crusher, cumulative", [](const State& s) { return s.mine.ore_t; });
    r.add("mine.waste_t", "t", 1, "waste dumped, cumulative", [](const State& s) { return s.mine.waste_t; });
    r.add("mine.fuel_l", "L", 1, "diesel burned, cumulative", [](const State& s) { return s.mine.fuel_l; });
    r.add("mine.co2_t", "t", 2, "truck CO2, cumulative", [](const State& s) { return s.mine.co2_t; });
    r.add("mine.mean_queue_min", "min", 3, "mean waiting per cycle at shovels and dump points (design.md)",
          [](const State& s) { return s.mine.mean_queue_min; });
    r.add("mine.mean_haul_min", "min", 3, "mean loaded travel, shovel to the dump point's queue (design.md)",
          [](const State& s) { return s.mine.mean_haul_min; });
    r.add("mine.mean_return_min", "min", 3, "mean empty travel back to the shovel's queue (design.md)",
          [](const State& s) { return s.mine.mean_return_min; });

    // transport
    r.add("transport.crusher_queue_t", "t", 2, "ore on the run-of-mine pad waiting for the crusher",
          [](const State& s) { return s.transport.romPad_t; });
    r.add("transport.crusher_t_h", "t/h", 2, "crusher rate over the last tick", [](const State& s) { return s.transport.crusherRate_t_h; });
    r.flagged("transport.crusher_blocked", "1 while the crusher is blocked by a full stockpile",
              [](const State& s) { return flag(s.transport.crusherBlocked); });
    r.add("transport.stockpile_t", "t", 2, "crushed ore in the surge stockpile", [](const State& s) { return s.transport.stockpile_t; });
    r.add("transport.stockpile_capacity_t", "t", 0, "surge stockpile capacity",
          [](const State& s) { return s.transport.stockpileCapacity_t; });
    r.count("transport.trains", "trains on the line", [](const State& s) { return static_cast<double>(s.transport.trains.size()); });
    r.count("transport.trains_moving", "trains hauling or returning", trainsMoving);
    r.add("transport.on_trains_t", "t", 2, "ore on trains", [](const State& s) { return s.transport.onTrains_t; });
    r.add("transport.conveyor_t_h", "t/h", 2, "loading rate onto the belt over the last tick",
          [](const State& s) { return s.transport.conveyorFlow_t_h; });
    r.add("transport.conveyor_load_t", "t", 2, "ore on the belt", [](const State& s) { return s.transport.conveyorLoad_t; });
    r.add("transport.delivered_t_h", "t/h", 2, "ore arriving at the concentrator over the last hour",
          [](const State& s) { return s.transport.deliveryRate_t_h; });
    r.flagged("transport.crusher_fault", "1 while the transport.crusher fault is on", [](const State& s) { return flag(s.transport.crusherFault); });
    r.flagged("transport.conveyor_fault", "1 while the transport.conveyor fault is on", [](const State& s) { return flag(s.transport.conveyorFault); });
    r.flagged("transport.rail_fault", "1 while the transport.rail fault is on", [](const State& s) { return flag(s.transport.railFault); });
    r.add("transport.received_t", "t", 1, "ore received from the trucks, cumulative", [](const State& s) { return s.transport.received_t; });
    r.add("transport.crushed_t", "t", 1, "ore crushed, cumulative", [](const State& s) { return s.transport.crushed_t; });
    r.add("transport.delivered_t", "t", 1, "ore delivered to the concentrator, cumulative", [](const State& s) { return s.transport.delivered_t; });
    r.add("transport.railed_t", "t", 1, "ore carried by rail, cumulative", [](const State& s) { return s.transport.railed_t; });
    r.add("transport.conveyed_t", "t", 1, "ore carried by the conveyor, cumulative", [](const State& s) { return s.transport.conveyed_t; });
    r.count("transport.train_trips", "completed tips at the concentrator", [](const State& s) { return static_cast<double>(s.transport.trainTrips); });
    r.add("transport.crusher_blocked_h", "h", 2, "time the crusher stood blocked, cumulative", [](const State& s) {
        return toHours(s.transport.crusherBlockedTicks * s.tickLength);
    });

    // concentrator
    r.add("concentrator.mill_t_h", "t/h", 2, "ore milled over the last tick", [](const State& s) { return s.concentrator.throughput_t_h; });
    r.add("concentrator.head_grade_pct", "%", 4, "Cu in the ore being milled", [](const State& s) { return s.concentrator.headGrade_pct; });
    r.add("concentrator.recovery_pct", "%", 3, "Cu recovered to concentrate at the current head grade",
          [](const State& s) { return 100.0 * s.concentrator.recovery; });
    r.add("concentrator.tails_grade_pct", "%", 4, "Cu lost with the tailings (model constant)",
          [](const State& s) { return s.concentrator.tailsGrade_pct; });
    r.add("concentrator.concentrate_t_h", "t/h", 3, "concentrate made over the last tick",
          [](const State& s) { return s.concentrator.concentrate_t_h; });
    r.add("concentrator.ore_store_t", "t", 2, "coarse ore in the store ahead of the mills", [](const State& s) { return s.concentrator.oreStore_t; });
    r.flagged("concentrator.starved", "1 while the mill has no ore", [](const State& s) { return flag(s.concentrator.starved); });
    r.flagged("concentrator.mill_fault", "1 while the concentrator.mill fault is on", [](const State& s) { return flag(s.concentrator.millFault); });
    r.add("concentrator.ore_in_t", "t", 1, "ore received, cumulative", [](const State& s) { return s.concentrator.oreIn_t; });
    r.add("concentrator.ore_t", "t", 1, "ore milled, cumulative", [](const State& s) { return s.concentrator.oreMilled_t; });
    r.add("concentrator.concentrate_t", "t", 1, "concentrate made, cumulative", [](const State& s) { return s.concentrator.concentrate_t; });
    r.add("concentrator.cu_in_ore_t", "t", 2, "Cu in the ore milled, cumulative", [](const State& s) { return s.concentrator.cuInOre_t; });
    r.add("concentrator.cu_in_concentrate_t", "t", 2, "Cu in the concentrate, cumulative",
          [](const State& s) { return s.concentrator.cuInConcentrate_t; });
    r.add("concentrator.run_recovery_pct", "%", 3, "Cu in concentrate / Cu in ore over the run so far (0 before any ore)",
          [](const State& s) {
              const ConcentratorState& c = s.concentrator;
              return c.cuInOre_t > 0 ? 100.0 * c.cuInConcentrate_t / c.cuInOre_t : 0.0;
          });
    r.add("concentrator.tailings_t", "t", 1, "tailings, cumulative", [](const State& s) { return s.concentrator.tailings_t; });

    // smelter: furnace
    r.add("smelter.bath_temp_c", "C", 2, "smelting furnace bath temperature", [](const State& s) { return s.smelter.furnace.temperature_c; });
    r.add("smelter.bath_level_m", "m", 3, "bath level above the hearth", [](const State& s) { return s.smelter.furnace.bath_level_m; });
    r.add("smelter.matte_grade_pct", "%", 2, "Cu in the matte held in the furnace", [](const State& s) { return s.smelter.furnace.matte_grade_pct; });
    r.add("smelter.matte_held_t", "t", 1, "matte held in the bath", [](const State& s) { return s.smelter.furnace.matte_t; });
    r.add("smelter.slag_held_t", "t", 1, "slag held in the bath", [](const State& s) { return s.smelter.furnace.slag_t; });
    r.add("smelter.slag_cu_pct", "%", 3, "Cu in the furnace slag", [](const State& s) { return s.smelter.furnace.slag_cu_pct; });
    r.add("smelter.slag_fe_sio2", "-", 3, "Fe/SiO2 ratio of the furnace slag", [](const State& s) { return s.smelter.furnace.slag_fe_sio2; });
    r.add("smelter.feed_t_h", "t/h", 2, "concentrate smelted over the last tick", [](const State& s) { return s.smelter.furnace.feed_t_h; });
    r.add("smelter.flux_t_h", "t/h", 2, "SiO2 flux added", [](const State& s) { return s.smelter.furnace.flux_t_h; });
    r.add("smelter.o2_enrichment_pct", "%", 1, "O2 volume share of the blast", [](const State& s) { return 100.0 * s.smelter.furnace.o2_enrichment; });
    r.add("smelter.offgas_so2_t_h", "t/h", 3, "SO2 in the furnace off-gas", [](const State& s) { return s.smelter.furnace.offgas_so2_t_h; });
    r.add("smelter.fuel_gj_h", "GJ/h", 2, "furnace burner fuel", [](const State& s) { return s.smelter.furnace.fuel_gj_h; });
    r.add("smelter.reaction_gj_h", "GJ/h", 2, "sulphide oxidation heat", [](const State& s) { return s.smelter.furnace.reaction_gj_h; });
    r.flagged("smelter.furnace_running", "0 while the smelter.furnace fault is on", [](const State& s) { return flag(s.smelter.furnace.running); });
    r.flagged("smelter.feed_interlock", "1 while the bath level stops the feed", [](const State& s) { return flag(s.smelter.furnace.feed_interlock); });
    r.add("smelter.concentrate_store_t", "t", 2, "concentrate in the smelter's store", [](const State& s) { return s.smelter.concentrate_store_t; });
    // smelter: converters, casting, tankhouse, acid plant, slag yard
    r.count("smelter.converters_in_service", "Peirce-Smith converters in service", convertersWith<&ConverterState::in_service>);
    r.count("smelter.converters_blowing", "converters blowing", convertersWith<&ConverterState::blowing>);
    r.count("smelter.converters_held", "converters held rolled out by converter timing (smelter.blowing_max)",
            convertersWith<&ConverterState::held>);
    r.count("smelter.converters_faulted", "converters with a smelter.converter:N fault on", convertersWith<&ConverterState::faulted>);
    r.count("smelter.ladles", "ladles and slag pots in the aisle", [](const State& s) { return static_cast<double>(s.smelter.ladles.size()); });
    r.flagged("smelter.casting_active", "1 while the casting wheel casts", [](const State& s) { return flag(s.smelter.casting.active); });
    r.add("smelter.casting_t_h", "t/h", 2, "casting wheel rate", [](const State& s) { return s.smelter.casting.rate_t_h; });
    r.add("smelter.anodes_cast", "count", 0, "anodes cast, cumulative", [](const State& s) { return s.smelter.casting.anodes_cast; });
    r.count("smelter.tankhouse_cells", "electrorefining cells", [](const State& s) { return static_cast<double>(s.smelter.tankhouse.cells); });
    r.add("smelter.current_density_a_m2", "A/m2", 1, "tankhouse current density", [](const State& s) { return s.smelter.tankhouse.current_density_a_m2; });
    r.add("smelter.current_efficiency_pct", "%", 1, "tankhouse current efficiency",
          [](const State& s) { return 100.0 * s.smelter.tankhouse.current_efficiency; });
    r.add("smelter.tankhouse_current_ka", "kA", 1, "tankhouse current, all cells", [](const State& s) { return s.smelter.tankhouse.current_ka; });
    r.add("smelter.tankhouse_power_mw", "MW", 2, "tankhouse power", [](const State& s) { return s.smelter.tankhouse.power_mw; });
    r.add("smelter.anode_stock_t", "t", 1, "Cu in anodes in the cells and the anode store", [](const State& s) { return s.smelter.tankhouse.anode_stock_t; });
    r.add("smelter.cathode_on_cells_t", "t", 2, "cathode deposited since the last harvest", [](const State& s) { return s.smelter.tankhouse.cathode_on_cells_t; });
    r.add("smelter.cathode_stock_t", "t", 1, "cathode harvested", [](const State& s) { return s.smelter.tankhouse.cathode_stock_t; });
    r.add("smelter.cathode_t_h", "t/h", 4, "cathode deposited over the last tick", [](const State& s) { return s.smelter.cathode_t_h; });
    r.add("smelter.so2_in_t_h", "t/h", 3, "SO2 reaching the acid plant", [](const State& s) { return s.smelter.acid_plant.so2_in_t_h; });
    r.add("smelter.so2_captured_t_h", "t/h", 3, "SO2 captured by the acid plant", [](const State& s) { return s.smelter.acid_plant.so2_captured_t_h; });
    r.add("smelter.so2_capture_pct", "%", 2, "effective capture of the acid plant (0 while faulted)",
          [](const State& s) { return 100.0 * s.smelter.acid_plant.capture_fraction; });
    r.flagged("smelter.acid_plant_running", "0 while the smelter.acid_plant fault is on", [](const State& s) { return flag(s.smelter.acid_plant.running); });
    r.add("smelter.acid_t_h", "t/h", 3, "sulphuric acid made over the last tick", [](const State& s) { return s.smelter.acid_t_h; });
    r.add("smelter.stack_so2_t_h", "t/h", 4, "SO2 up the stack", [](const State& s) { return s.smelter.stack_so2_t_h; });
    r.add("smelter.slag_t_h", "t/h", 3, "slag formed in the furnace over the last tick", [](const State& s) { return s.smelter.slag_t_h; });
    r.add("smelter.co2_t_h", "t/h", 3, "smelter CO2 (fuel and grid power)", [](const State& s) { return s.smelter.co2_t_h; });
    r.add("smelter.power_mw", "MW", 2, "smelter electrical power", [](const State& s) { return s.smelter.power_mw; });
    r.count("smelter.alarms_active", "smelter alarms active", [](const State& s) {
        int n = 0;
        for (const AlarmState& a : s.smelter.alarms) n += a.active;
        return static_cast<double>(n);
    });
    // The alarms in SmelterState::alarms order; each alarm's name is its metric's name (tests check that).
    r.flagged("smelter.alarm_temp_high", "1 while the bath is hotter than smelter.temp_high_c", alarmActive<0>);
    r.flagged("smelter.alarm_temp_low", "1 while the bath is colder than smelter.temp_low_c", alarmActive<1>);
    r.flagged("smelter.alarm_level_high", "1 while the bath is higher than smelter.bath_level_high_m", alarmActive<2>);
    r.flagged("smelter.alarm_stack_so2_high", "1 while stack SO2 exceeds smelter.stack_so2_high_t_h", alarmActive<3>);
    r.add("smelter.slag_yard_t", "t", 1, "slag dumped at the yard, cumulative", [](const State& s) { return s.smelter.slag_yard.slag_t; });
    r.add("smelter.fayalite_t", "t", 1, "fayalite in the slag dumped (photocatalyst feedstock), cumulative",
          [](const State& s) { return s.smelter.slag_yard.fayalite_t; });
    r.add("smelter.slag_cu_lost_t", "t", 2, "Cu lost to the slag yard, cumulative", [](const State& s) { return s.smelter.slag_yard.cu_t; });
    // smelter: totals
    r.add("smelter.concentrate_t", "t", 1, "concentrate received, cumulative", [](const State& s) { return s.smelter.concentrate_t; });
    r.add("smelter.smelted_t", "t", 1, "concentrate fed to the furnace, cumulative", [](const State& s) { return s.smelter.smelted_t; });
    r.add("smelter.cathode_t", "t", 2, "cathode deposited, cumulative", [](const State& s) { return s.smelter.cathode_t; });
    r.add("smelter.slag_t", "t", 1, "slag to the slag yard, cumulative", [](const State& s) { return s.smelter.slag_t; });
    r.add("smelter.acid_t", "t", 1, "sulphuric acid made, cumulative", [](const State& s) { return s.smelter.acid_t; });
    r.add("smelter.so2_emitted_t", "t", 2, "SO2 up the stack, cumulative", [](const State& s) { return s.smelter.so2_emitted_t; });
    r.add("smelter.so2_captured_t", "t", 1, "SO2 captured, cumulative", [](const State& s) { return s.smelter.so2_captured_t; });
    r.add("smelter.energy_gj", "GJ", 1, "fuel and electricity, cumulative", [](const State& s) { return s.smelter.energy_gj; });
    r.add("smelter.electricity_mwh", "MWh", 1, "electricity, cumulative", [](const State& s) { return s.smelter.electricity_mwh; });
    r.add("smelter.co2_t", "t", 2, "smelter CO2, cumulative", [](const State& s) { return s.smelter.co2_t; });

    // catalyst line
    r.add("catalyst.produced_kg_h", "kg/h", 4, "photocatalyst made over the last tick", [](const State& s) { return s.catalyst.produced_kg_h; });
    r.add("catalyst.build_m2_day", "m2/d", 2, "panel building rate over the last tick", [](const State& s) { return s.catalyst.build_m2_day; });
    r.flagged("catalyst.building", "1 when panels were built in the last tick", [](const State& s) { return flag(s.catalyst.building); });
    r.add("catalyst.stock_kg", "kg", 2, "photocatalyst made, not yet on panels", [](const State& s) { return s.catalyst.stock_kg; });
    r.add("catalyst.slag_used_t", "t", 2, "slag taken by the line, cumulative", [](const State& s) { return s.catalyst.slag_used_t; });
    r.add("catalyst.produced_kg", "kg", 2, "photocatalyst made, cumulative", [](const State& s) { return s.catalyst.produced_kg; });
    r.add("catalyst.used_kg", "kg", 2, "photocatalyst put on panels, cumulative", [](const State& s) { return s.catalyst.used_kg; });
    r.add("catalyst.built_area_m2", "m2", 1, "panel area built by the line, cumulative", [](const State& s) { return s.catalyst.built_area_m2; });

    // hydrogen
    r.add("h2.panel_area_m2", "m2", 2, "panel area: h2.panel_area_m2 plus what the catalyst line built",
          [](const State& s) { return s.h2.panel_area_m2; });
    r.add("h2.built_area_m2", "m2", 2, "the catalyst line's share of the panel area", [](const State& s) { return s.h2.built_area_m2; });
    r.add("h2.activity", "-", 4, "area-weighted catalyst activity (ageing), 0..1", [](const State& s) { return s.h2.activity; });
    r.add("h2.sth_effective_pct", "%", 4, "h2.sth_percent times the activity", [](const State& s) { return s.h2.sth_effective_percent; });
    r.add("h2.poa_w_m2", "W/m2", 2, "irradiance on the panels at the last tick's mid-point (what they produced from)",
          [](const State& s) { return s.sun.poa_w_m2; });
    r.add("h2.photo_kg_h", "kg/h", 4, "H2 from the panels, gross", [](const State& s) { return s.h2.h2_kg_h; });
    r.add("h2.recovered_kg_h", "kg/h", 4, "H2 into storage after the separator", [](const State& s) { return s.h2.h2_recovered_kg_h; });
    r.add("h2.nm3_h", "Nm3/h", 3, "H2 from the panels, gross, at 0 C and 1 atm", [](const State& s) { return s.h2.h2_nm3_h; });
    r.add("h2.o2_kg_h", "kg/h", 4, "O2 from the panels", [](const State& s) { return s.h2.o2_kg_h; });
    r.add("h2.water_kg_h", "kg/h", 4, "water split", [](const State& s) { return s.h2.water_kg_h; });
    r.add("h2.demand_kg_h", "kg/h", 3, "PRMiTS' H2 demand", [](const State& s) { return s.h2.demand_kg_h; });
    r.add("h2.served_kg_h", "kg/h", 3, "demand met, panels + reformer (direct or through storage)", [](const State& s) { return s.h2.served_kg_h; });
    r.add("h2.unserved_kg_h", "kg/h", 3, "demand nobody met (after panels, storage and reformer)", [](const State& s) { return s.h2.unserved_kg_h; });
    r.add("h2.storage_kg", "kg", 3, "H2 in storage", [](const State& s) { return s.h2.storage_kg; });
    r.add("h2.storage_fill_pct", "%", 1, "storage fill", [](const State& s) { return 100.0 * s.h2.storage_fill; });
    r.flagged("h2.separator_ok", "0 while the h2.separator fault is on (all product gas vented)",
              [](const State& s) { return flag(s.h2.separator_ok); });
    r.add("h2.photocatalytic_kg", "kg", 3, "H2 from the panels, gross, cumulative", [](const State& s) { return s.h2.photocatalytic_kg; });
    r.add("h2.recovered_kg", "kg", 3, "H2 recovered into storage, cumulative", [](const State& s) { return s.h2.recovered_kg; });
    r.add("h2.vented_kg", "kg", 3, "H2 vented (separator losses, faults, full storage), cumulative", [](const State& s) { return s.h2.vented_kg; });
    r.add("h2.served_kg", "kg", 3, "demand met (panels + reformer), cumulative", [](const State& s) { return s.h2.served_kg; });
    r.add("h2.unserved_kg", "kg", 3, "demand not met, cumulative", [](const State& s) { return s.h2.unserved_kg; });
    r.add("h2.poa_kwh_m2", "kWh/m2", 2, "irradiation on the panel plane, cumulative", [](const State& s) { return s.h2.poa_kwh_m2; });
    r.add("h2.ghi_kwh_m2", "kWh/m2", 2, "global horizontal irradiation, cumulative", [](const State& s) { return s.h2.ghi_kwh_m2; });
    r.add("h2.sunshine_h", "h", 2, "WMO sunshine duration (DNI >= 120 W/m2), cumulative", [](const State& s) { return s.h2.sunshine_h; });

    // steam methane reformer
    r.add("smr.h2_kg_h", "kg/h", 3, "reformer H2 output", [](const State& s) { return s.smr.h2_kg_h; });
    r.add("smr.ch4_kg_h", "kg/h", 3, "natural gas burned and reformed", [](const State& s) { return s.smr.ch4_kg_h; });
    r.add("smr.steam_kg_h", "kg/h", 3, "process steam", [](const State& s) { return s.smr.steam_kg_h; });
    r.add("smr.co2_kg_h", "kg/h", 3, "CO2 emitted after capture", [](const State& s) { return s.smr.co2_kg_h; });
    r.add("smr.co2_captured_kg_h", "kg/h", 3, "CO2 captured", [](const State& s) { return s.smr.co2_captured_kg_h; });
    r.add("smr.load_pct", "%", 1, "output / capacity", [](const State& s) { return 100.0 * s.smr.load; });
    r.flagged("smr.tripped", "1 while the smr.reformer fault is on", [](const State& s) { return flag(s.smr.tripped); });
    r.add("smr.h2_kg", "kg", 3, "reformer H2, cumulative", [](const State& s) { return s.smr.smr_kg; });
    r.add("smr.ch4_kg", "kg", 3, "natural gas, cumulative", [](const State& s) { return s.smr.smr_ch4_kg; });
    r.add("smr.co2_kg", "kg", 3, "CO2 emitted, cumulative", [](const State& s) { return s.smr.co2_kg; });
    r.add("smr.co2_captured_kg", "kg", 3, "CO2 captured, cumulative", [](const State& s) { return s.smr.co2_captured_kg; });

    // hydrogen supply and demand (docs/hydrogen_supply.md): dispatch photocatalysis -> storage -> reformer
    r.add("h2.vented_kg_h", "kg/h", 4, "all H2 vented over the last tick (separator loss, faults, full storage)",
          [](const State& s) { return s.h2.vented_kg_h; });
    r.add("h2.served_photo_kg_h", "kg/h", 3, "PRMiTS demand met from the panels (direct or through storage)",
          [](const State& s) { return s.h2.served_photo_kg_h; });
    r.add("h2.served_reformer_kg_h", "kg/h", 3, "PRMiTS demand met by the reformer (direct or through storage)",
          [](const State& s) { return s.h2.served_reformer_kg_h; });
    r.add("h2.reformer_share_pct", "%", 1, "reformer share of the H2 served over the last tick (0 when none served)",
          [](const State& s) { return s.h2.reformer_share_pct; });
    r.add("h2.storage_cover_h", "h", 1, "hours the store covers the current net draw (demand - panels; capped at 999)",
          [](const State& s) {
              const double draw = s.h2.demand_kg_h - s.h2.h2_recovered_kg_h;
              const double nominal = draw > 0.0 ? draw : s.h2.demand_kg_h;  // filling: cover of the full demand
              return nominal > 0.0 ? std::min(999.0, s.h2.storage_kg / nominal) : 999.0;
          });
    r.add("h2.served_photo_kg", "kg", 3, "demand met from the panels, cumulative", [](const State& s) { return s.h2.served_photo_kg; });
    r.add("h2.served_reformer_kg", "kg", 3, "demand met by the reformer, cumulative", [](const State& s) { return s.h2.served_reformer_kg; });
    r.add("h2.demand_kg", "kg", 3, "PRMiTS demand, cumulative", [](const State& s) { return s.h2.demand_kg; });
    r.add("h2.reformer_in_kg", "kg", 3, "reformer H2 delivered into the header, cumulative", [](const State& s) { return s.h2.reformer_in_kg; });
    r.add("h2.reformer_share_run_pct", "%", 2, "reformer share of all H2 served since the start", [](const State& s) {
        return s.h2.served_kg > 0.0 ? 100.0 * s.h2.served_reformer_kg / s.h2.served_kg : 0.0;
    });
    r.add("h2.field_max_area_m2", "m2", 1, "panel area the field's land holds", [](const State& s) { return s.h2.field_max_area_m2; });
    r.add("h2.recoated_m2", "m2", 1, "panel area recoated with fresh catalyst, cumulative", [](const State& s) { return s.h2.recoated_m2; });
    r.add("h2.recoat_m2_day", "m2/d", 2, "recoating rate over the last tick", [](const State& s) { return s.h2.recoat_m2_day; });
    r.add("catalyst.slag_share_used", "-", 6, "share of the slag the line takes now (follows the stock between its marks)",
          [](const State& s) { return s.catalyst.slag_share_used; });
    r.add("catalyst.used_kg_h", "kg/h", 4, "catalyst put on panels over the last tick (the stock's draw)",
          [](const State& s) { return s.catalyst.used_kg_h; });
    r.add("catalyst.recoated_m2", "m2", 1, "panel area the shop recoated, cumulative", [](const State& s) { return s.catalyst.recoated_area_m2; });
    r.add("smr.setpoint_kg_h", "kg/h", 3, "what the dispatcher asks of the reformer (turndown..capacity, 0 in standby)",
          [](const State& s) { return s.smr.setpoint_kg_h; });
    r.flagged("smr.online", "1 while the reformer is online, 0 in hot standby", [](const State& s) { return flag(s.smr.online); });
    r.add("smr.standby_h", "h", 2, "hours in hot standby, cumulative", [](const State& s) { return s.smr.standby_h; });
    r.count("smr.starts", "calls from hot standby to online", [](const State& s) { return static_cast<double>(s.smr.starts); });

    // the depleted gas field and the CO2 store (docs/hydrogen_supply.md §4)
    r.add("gas.rate_nm3_h", "Nm3/h", 1, "depleted field's gas delivery (back-pressure curve at its reservoir pressure)",
          [](const State& s) { return s.gas.rate_nm3_h; });
    r.add("gas.to_reformer_nm3_h", "Nm3/h", 2, "the reformer's take of that gas (CO2 included)", [](const State& s) { return s.gas.to_reformer_nm3_h; });
    r.add("gas.pressure_bar", "bar", 3, "average reservoir pressure (p/z material balance)", [](const State& s) { return s.gas.pressure_bar; });
    r.add("gas.p_over_z_bar", "bar", 3, "p/z, linear in cumulative production", [](const State& s) { return s.gas.p_over_z_bar; });
    r.add("gas.z", "-", 4, "gas deviation factor at the reservoir pressure", [](const State& s) { return s.gas.z; });
    r.add("gas.produced_bcm", "bcm", 6, "gas produced since discovery, 10^9 Nm3", [](const State& s) { return s.gas.produced_bcm; });
    r.add("gas.produced_run_nm3", "Nm3", 0, "gas produced during this run", [](const State& s) { return s.gas.produced_run_nm3; });
    r.add("gas.reserve_left_pct", "%", 4, "recoverable gas left, share of the recoverable reserve at discovery",
          [](const State& s) { return s.gas.reserve_left_pct; });
    r.add("gas.co2_pct", "%", 2, "CO2 content of the produced gas", [](const State& s) { return s.gas.co2_pct; });
    r.add("ccs.co2_injected_t_h", "t/h", 4, "captured CO2 injected into the depleted reservoir", [](const State& s) { return s.gas.co2_injected_t_h; });
    r.add("ccs.co2_vented_t_h", "t/h", 4, "captured CO2 vented (injection compressor trip or reservoir full)",
          [](const State& s) { return s.gas.co2_vented_t_h; });
    r.add("ccs.co2_stored_t", "t", 3, "CO2 in the depleted reservoir", [](const State& s) { return s.gas.co2_stored_t; });
    r.add("ccs.co2_injected_t", "t", 3, "CO2 injected during this run", [](const State& s) { return s.gas.co2_injected_t; });
    r.add("ccs.co2_vented_t", "t", 3, "captured CO2 vented during this run", [](const State& s) { return s.gas.co2_vented_t; });
    r.add("ccs.capacity_left_pct", "%", 4, "storage capacity left", [](const State& s) { return s.gas.capacity_left_pct; });
    r.flagged("ccs.injection_ok", "0 while the gas.injection fault is on (captured CO2 vented)",
              [](const State& s) { return flag(s.gas.injection_ok); });

    // CO2 of the chain
    r.add("co2.trucks_t_h", "t/h", 3, "truck CO2 over the last tick (diesel x mine.co2_kg_per_l)", truckCo2_t_h);
    r.add("co2.smelter_t_h", "t/h", 3, "smelter CO2", [](const State& s) { return s.smelter.co2_t_h; });
    r.add("co2.smr_t_h", "t/h", 4, "reformer CO2 emitted", [](const State& s) { return s.smr.co2_kg_h / 1000.0; });
    r.add("co2.total_t_h", "t/h", 3, "trucks + smelter + reformer CO2 (+ captured CO2 vented)", [](const State& s) {
        return truckCo2_t_h(s) + s.smelter.co2_t_h + s.smr.co2_kg_h / 1000.0 + s.gas.co2_vented_t_h;
    });
    r.add("co2.trucks_t", "t", 2, "truck CO2, cumulative", [](const State& s) { return s.mine.co2_t; });
    r.add("co2.smelter_t", "t", 2, "smelter CO2, cumulative", [](const State& s) { return s.smelter.co2_t; });
    r.add("co2.smr_t", "t", 3, "reformer CO2 emitted, cumulative", [](const State& s) { return s.smr.co2_kg / 1000.0; });
    r.add("co2.ccs_vented_t", "t", 3, "captured CO2 vented instead of stored, cumulative", [](const State& s) { return s.gas.co2_vented_t; });
    r.add("co2.total_t", "t", 2, "trucks + smelter + reformer CO2 (+ captured CO2 vented), cumulative", [](const State& s) {
        return s.mine.co2_t + s.smelter.co2_t + s.smr.co2_kg / 1000.0 + s.gas.co2_vented_t;
    });

    // [chain] buffers: level, hours of cover (stock / current draw, the unit's nominal draw while it is stopped,
    // capped at 999 h) and fill 0..1 for drawing; the rules are in docs/operations.md.
    r.add("smelter.other_conc_t_h", "t/h", 3, "concentrate arriving from the other AMMC feed (smelter.other_conc_t_h)",
          [](const State& s) { return s.smelter.other_conc_t_h; });
    r.add("smelter.other_conc_t", "t", 1, "concentrate from the other AMMC feed, cumulative",
          [](const State& s) { return s.smelter.other_conc_t; });
    r.add("smelter.feed_setpoint_t_h", "t/h", 2, "furnace feed the concentrate store rule asks for",
          [](const State& s) { return s.smelter.furnace.feed_setpoint_t_h; });
    r.flagged("smelter.feed_hold", "1 while the furnace waits for the empty concentrate store to reach its low mark",
              [](const State& s) { return flag(s.smelter.furnace.feed_hold); });
    r.add("transport.stockpile_cover_h", "h", 2, "surge stockpile / what trains and belt took over the last hour",
          [](const State& s) { return s.transport.stockpileCover_h; });
    r.add("transport.stockpile_fill", "-", 4, "surge stockpile / its capacity, 0..1",
          [](const State& s) { return s.transport.stockpileFill; });
    r.add("transport.stockpile_draw_t_h", "t/h", 2, "ore taken from the stockpile by trains and belt over the last hour",
          [](const State& s) { return s.transport.stockpileDraw_t_h; });
    r.add("concentrator.ore_store_cover_h", "h", 2, "coarse-ore store / mill rate (capacity while stopped)",
          [](const State& s) { return s.concentrator.oreStoreCover_h; });
    r.add("concentrator.ore_store_fill", "-", 4, "coarse-ore store / concentrator.store_capacity_t, 0..1",
          [](const State& s) { return s.concentrator.oreStoreFill; });
    r.add("smelter.concentrate_store_cover_h", "h", 2, "concentrate store / furnace feed (nominal feed while stopped)",
          [](const State& s) { return s.smelter.concentrate_store_cover_h; });
    r.add("smelter.concentrate_store_fill", "-", 4, "concentrate store / smelter.store_capacity_t, 0..1",
          [](const State& s) { return s.smelter.concentrate_store_fill; });
    r.add("smelter.anode_stock_cover_h", "h", 2, "anode stock / cathode rate (nominal rate while stopped)",
          [](const State& s) { return s.smelter.anode_stock_cover_h; });
    r.add("smelter.anode_stock_fill", "-", 4, "anode stock / smelter.anode_capacity_t, 0..1",
          [](const State& s) { return s.smelter.anode_stock_fill; });
    r.add("catalyst.stock_cover_h", "h", 2, "catalyst stock / panel-shop use (its full build rate while idle)",
          catalystCover_h);
    r.add("catalyst.stock_fill", "-", 4, "catalyst stock / catalyst.stock_high_kg (where the line stops making), 0..1",
          [](const State& s) {
              const double high = s.params.get("catalyst.stock_high_kg");
              return high > 0.0 ? std::clamp(s.catalyst.stock_kg / high, 0.0, 1.0) : 1.0;
          });

    // economics: the three routes the hydrogen scene compares
    addRoute<0>(r, "photocatalytic panels");
    addRoute<1>(r, "SMR without capture (grey)");
    addRoute<2>(r, "SMR with capture (blue)");
    addRoute<3>(r, "SMR with capture, CO2 stored in a depleted gas field (blue, depleted field)");

    // alarms (sim/alarms.h): the fleet availability they watch (no metric above gives it), then their own counts
    r.add("mine.fleet_availability_pct", "%", 1, "trucks in the fleet not broken down / trucks in the fleet",
          [](const State& s) {
              return s.mine.fleetTrucks > 0 ? 100.0 * (s.mine.fleetTrucks - s.mine.trucksBroken) / s.mine.fleetTrucks
                                            : 100.0;
          });
    r.count("alarms.active", "plant-wide alarms active (sim/alarms.h)",
            [](const State& s) { return static_cast<double>(s.alarms.active); });
    r.count("alarms.unacked", "plant-wide alarms raised and not yet acknowledged (active or cleared)",
            [](const State& s) { return static_cast<double>(s.alarms.unacked); });
    r.add("alarms.highest_priority", "-", 0, "highest priority among the active alarms: 0 none, 1 high, 2 medium, 3 low",
          [](const State& s) { return static_cast<double>(s.alarms.highestPriority); }, MetricKind::Count);
    return r;
}

const Registry& registry() {
    static const Registry r = build();
    return r;
}

}  // namespace

const std::vector<MetricDef>& metricDefs() { return registry().defs; }

int findMetric(std::string_view name) {
    const auto& idx = registry().index;
    const auto it = idx.find(name);
    return it == idx.end() ? -1 : it->second;
}

std::vector<std::string> closestMetrics(std::string_view name, std::size_t n) {
    return closestNames(name, registry().names, n);
}

double readMetric(const State& s, int index) {
    const auto& defs = registry().defs;
    if (index < 0 || static_cast<std::size_t>(index) >= defs.size()) return kNaN;
    return defs[static_cast<std::size_t>(index)].read(s);
}

double readMetric(const State& s, std::string_view name) { return readMetric(s, findMetric(name)); }

bool metricValue(const State& s, std::string_view name, double* out, std::string* why) {
    const int i = findMetric(name);
    if (i < 0) {
        if (why) {
            *why = "unknown metric '" + std::string(name) + "'";
            const auto near = closestMetrics(name);
            if (!near.empty()) *why += "; did you mean " + joinNames(near) + "?";
            *why += " (almalyk metrics lists them all)";
        }
        return false;
    }
    if (out) *out = readMetric(s, i);
    return true;
}

std::string metricsTable() {
    std::string out = "name\tunit\tdescription\n";
    for (const MetricDef& d : metricDefs()) out += d.name + "\t" + d.unit + "\t" + d.description + "\n";
    return out;
}

}  // namespace sim
