#include "engine/frame_stats.h"

#include <algorithm>
#include <cmath>

namespace eng {

double FrameStats::percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    // Nearest rank: the smallest value with at least p% of the samples at or below it.
    const double rank = std::ceil(p / 100.0 * static_cast<double>(v.size()));
    const std::size_t i = static_cast<std::size_t>(std::clamp(rank, 1.0, static_cast<double>(v.size()))) - 1;
    return v[i];
}

FrameSummary FrameStats::summary() const {
    FrameSummary s;
    s.frames = static_cast<int>(m_samples.size());
    if (m_samples.empty()) return s;
    s.medianMs = percentile(m_samples, 50);
    s.p95Ms = percentile(m_samples, 95);
    s.p99Ms = percentile(m_samples, 99);
    s.maxMs = *std::max_element(m_samples.begin(), m_samples.end());
    return s;
}

}  // namespace eng
