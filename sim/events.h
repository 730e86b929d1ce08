// sim/events.h — per-tick discrete events that scenes read instead of walking every object (as Box2D's events).
// Each unit defines its own kind enum in its header (e.g. sim::MineEvent); Event::kind holds its value.
// World::events() holds the events of the last step() only, in time order, then creation order.
#pragma once
#include <cstdint>
#include <vector>

#include "sim/time.h"

namespace sim {

enum class Unit : std::uint8_t { World, Weather, Mine, Transport, Concentrator, Smelter, Catalyst, Hydrogen, Smr, GasField,
                                 Economics, Alarms };

struct Event {
    Time time = 0;              // exact sim time of the event
    Unit unit = Unit::World;
    std::uint16_t kind = 0;     // the unit's own enum value
    std::int32_t index = -1;    // which truck / converter / ladle ... (-1: the unit as a whole)
    double value = 0.0;         // payload: tonnes, temperature ... (documented beside each kind)
};

class EventSink {
public:
    template <class Kind>
    void emit(Time t, Unit u, Kind k, std::int32_t index = -1, double value = 0.0) {
        m_events.push_back(Event{t, u, static_cast<std::uint16_t>(k), index, value});
    }
    const std::vector<Event>& events() const { return m_events; }
    void clear() { m_events.clear(); }
    // Sorts by time; events at equal times keep emission order (stable).
    void sortByTime();

private:
    std::vector<Event> m_events;
};

}  // namespace sim
