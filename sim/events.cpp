#include "sim/events.h"

#include <algorithm>

namespace sim {

void EventSink::sortByTime() {
    // A tick's events arrive almost in order (a few units, each mostly in time order): a stable insertion sort is
    // O(n + inversions) and allocates nothing, where stable_sort takes a buffer every call.
    if (m_events.size() > 256) {
        std::stable_sort(m_events.begin(), m_events.end(), [](const Event& a, const Event& b) { return a.time < b.time; });
        return;
    }
    for (std::size_t i = 1; i < m_events.size(); ++i) {
        if (!(m_events[i].time < m_events[i - 1].time)) continue;
        const Event e = m_events[i];
        std::size_t j = i;
        for (; j > 0 && e.time < m_events[j - 1].time; --j) m_events[j] = m_events[j - 1];
        m_events[j] = e;
    }
}

}  // namespace sim
