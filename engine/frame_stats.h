// engine/frame_stats.h — frame-time statistics for `almalyk bench` (median, p95, p99, max).
// Use: FrameStats s; s.add(ms) per frame; s.summary() -> {median, p95, p99, max}.
// Percentiles use the nearest-rank method on the sorted samples (p95 of 600 frames = the 570th smallest).
// Does NOT: time anything itself.
#pragma once
#include <vector>

namespace eng {

struct FrameSummary {
    double medianMs = 0, p95Ms = 0, p99Ms = 0, maxMs = 0;
    int frames = 0;
};

class FrameStats {
public:
    void add(double ms) { m_samples.push_back(ms); }
    FrameSummary summary() const;
    static double percentile(std::vector<double> sorted, double p);  // nearest rank, p in [0,100]

private:
    std::vector<double> m_samples;
};

}  // namespace eng
