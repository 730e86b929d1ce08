// sim/transport.h — ore transport from the pit to the concentrator: trucks dump onto the run-of-mine pad at an in-pit
// crusher, the crusher feeds a surge stockpile, and from there rail trains (PE2U + 2VS-105 dumpcars) and/or a belt
// conveyor carry the ore to the concentrator (almalyk.md §2 and "Recommended simulation defaults").
// Use: registerTransportParams(p); Transport tr(p, seed, start); each tick
//        double arrived_t = tr.step(t0, dt, mine.state().oreDeliveredTick_t, ev);   // ore at the concentrator
//      Scenes read tr.state(): trains (phase, position 0..1 along the rail, load), conveyor flow and belt load,
//      run-of-mine pad, crusher rate and the stockpile, so they can animate them; and the TransportEvent events.
// Model:
//   Crusher    takes ore from the ROM pad at up to transport.crusher_t_h into the stockpile; it blocks (event) when
//              the stockpile is full and resumes when there is room again.
//   Rail       (mode rail|both) one loading bay at the stockpile: a waiting train loads transport.dumpcars ×
//              transport.dumpcar_t when that much ore is in the stockpile, for transport.load_min; it departs no sooner
//              than transport.headway_min after the previous departure, runs transport.rail_km at loaded_kmh, tips
//              for unload_min at the concentrator (its ore arrives when tipping ends) and returns at empty_kmh.
//              Every transition happens at its exact time inside the tick, in time then train order.
//   Conveyor   (mode conveyor|both) takes up to transport.conveyor_t_h from the stockpile (before the trains, so in
//              "both" the trains carry the overflow) and delivers it conveyor_km / belt_m_s later.
// Faults: "transport.crusher" (crusher stops; trucks keep dumping on the ROM pad), "transport.conveyor" (belt stops;
//   ore on it stays put), "transport.rail" (signalling failure: trains in motion stop where they are, no loading
//   starts; tipping at the concentrator finishes). Other targets: false, no message.
// Start (transport.warm_start, rail mode): one train load in the stockpile and the trains one departure interval apart
//   along their cycle, as the line runs; 0 = every train empty at the bay (docs/operations.md).
// Errors: none at run time; parameters are range-checked by Params. Never NaN, never a negative stock, no ore lost:
//   initial holdup + received = ROM pad + stockpile + on trains + on belt + delivered, at every tick boundary.
// Does NOT: model the truck side (sim/mine.h), track rail blocks or passing loops, or grade blending.
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "sim/events.h"
#include "sim/hash.h"
#include "sim/params.h"
#include "sim/time.h"

namespace sim {

void registerTransportParams(Params& p);  // transport.*

enum class TransportMode : std::uint8_t { Rail, Conveyor, Both };

enum class TransportEvent : std::uint16_t {
    TrainLoading,     // index = train, value = t being loaded
    TrainDeparted,    // index = train, value = t on board (leaves the loading bay, loaded)
    TrainArrived,     // index = train, value = t on board (at the concentrator's tippler)
    TrainUnloaded,    // index = train, value = t delivered to the concentrator
    TrainReturned,    // index = train, value = 0 (back at the pit, empty)
    CrusherBlocked,   // value = stockpile t (full)
    CrusherResumed,   // value = stockpile t
    FaultChanged,     // index = 0 crusher, 1 conveyor, 2 rail; value = 1 set, 0 cleared
};

enum class TrainPhase : std::uint8_t { Waiting, Loading, Hauling, Unloading, Returning };

struct Train {
    TrainPhase phase = TrainPhase::Waiting;
    double position = 0.0;     // along the rail: 0 = pit loading bay, 1 = concentrator tippler (at the last tick end)
    double position_m = 0.0;   // the same in metres
    double load_t = 0.0;       // ore on board
    Time phaseStart = 0;       // when the current phase began (exact)
    Time phaseEnd = 0;         // when it ends (exact); Waiting: unused
};

struct TransportState {
    TransportMode mode = TransportMode::Rail;
    // Crusher and stockpile
    double romPad_t = 0.0;            // dumped by trucks, waiting for the crusher (the crusher queue)
    double crusherRate_t_h = 0.0;     // over the last tick
    bool crusherBlocked = false;      // stockpile full
    double stockpile_t = 0.0;         // surge stockpile (crushed ore)
    double stockpileCapacity_t = 0.0;
    double stockpileDraw_t_h = 0.0;   // taken from the stockpile by trains and belt over the last hour
    double stockpileCover_h = 0.0;    // stockpile / draw (nominal haul capacity while nothing is drawn), capped at 999 h
    double stockpileFill = 0.0;       // stockpile / capacity, 0..1
    // Rail
    std::vector<Train> trains;        // index = train number (stable; retired trains leave from the end)
    double rail_m = 0.0;              // length of the line
    double onTrains_t = 0.0;
    // Conveyor
    double conveyorFlow_t_h = 0.0;    // loading rate onto the belt over the last tick
    double conveyorLoad_t = 0.0;      // ore on the belt
    double conveyor_m = 0.0;
    double beltSpeed_m_s = 0.0;
    // Faults
    bool crusherFault = false, conveyorFault = false, railFault = false;
    // Flows of the last tick and totals
    double deliveredTick_t = 0.0;     // ore arriving at the concentrator in the last tick
    double deliveryRate_t_h = 0.0;    // ore arriving at the concentrator over the last hour (rail comes in lots)
    double initialHoldup_t = 0.0;     // ore in the stockpile and on trains at the start (transport.warm_start)
    double received_t = 0.0, crushed_t = 0.0, railed_t = 0.0, conveyed_t = 0.0, delivered_t = 0.0;
    std::int64_t trainTrips = 0;      // completed tips at the concentrator
    std::int64_t crusherBlockedTicks = 0;
};

class Transport {
public:
    Transport(const Params& p, std::uint64_t seed, Time start);
    void applyParams(const Params& p);
    // Advances [t0, t0+dt): takes oreIn_t onto the ROM pad, returns the ore reaching the concentrator in the tick.
    double step(Time t0, Time dt, double oreIn_t, EventSink& ev);
    bool setFault(const std::string& target, bool on, std::string* why);
    const TransportState& state() const { return m_state; }
    void hashInto(Hasher& h) const;

private:
    struct BeltLot {
        Time arrival;
        double mass_t;
    };
    void tryStartLoading(Time t, EventSink& ev);
    void advanceTrain(std::size_t i, EventSink& ev, double& arrived_t);
    void retireIdleTrains();
    void updatePositions(Time t);
    void startInStride(Time start);
    void updateCover();

    // parameters
    double m_crusher_t_h = 0, m_stockCap_t = 0, m_payload_t = 0, m_conveyor_t_h = 0;
    Time m_load = 0, m_unload = 0, m_headway = 0, m_haulLoaded = 0, m_haulEmpty = 0, m_beltTransit = 0;
    std::size_t m_targetTrains = 0;
    // dynamic
    Time m_tickEnd = 0;
    std::vector<std::pair<int, bool>> m_pendingFaultEvents;  // set between ticks, emitted at the next tick start
    Time m_bayFreeAt = 0;        // the loading bay is busy until the loading train departs
    Time m_lastDeparture = 0;
    bool m_anyDeparture = false;
    std::deque<BeltLot> m_belt;  // in arrival order
    std::deque<BeltLot> m_recentDeliveries;  // deliveries of the last hour (tick end, t), for deliveryRate_t_h
    std::deque<BeltLot> m_recentDraws;       // taken from the stockpile in the last hour (tick end, t)
    double m_drawTick_t = 0;                 // taken from the stockpile in this tick
    double m_nominalDraw_t_h = 0;            // what rail and belt could haul away
    TransportState m_state;
};

}  // namespace sim
