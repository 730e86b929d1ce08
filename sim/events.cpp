#include "sim/events.h"

#include <algorithm>

namespace sim {

void EventSink::sortByTime() {
    std::stable_sort(m_events.begin(), m_events.end(), [](const Event& a, const Event& b) { return a.time < b.time; });
}

}  // namespace sim
