#include "sim/haul_network.h"

#include <algorithm>
#include <cmath>

namespace sim {
namespace {
constexpr double kPi = 3.14159265358979323846;

// Position of x in a non-decreasing table: segment index i with tab[i] <= x <= tab[i+1], and the fraction.
std::size_t segmentOf(const std::vector<double>& tab, double x, double& f) {
    if (tab.size() < 2) { f = 0.0; return 0; }
    auto it = std::upper_bound(tab.begin(), tab.end(), x);
    std::size_t i = it == tab.begin() ? 0 : static_cast<std::size_t>(it - tab.begin()) - 1;
    i = std::min(i, tab.size() - 2);
    const double span = tab[i + 1] - tab[i];
    f = span > 0.0 ? std::clamp((x - tab[i]) / span, 0.0, 1.0) : 0.0;
    return i;
}

double wrapAngle(double a) {
    while (a > kPi) a -= 2.0 * kPi;
    while (a <= -kPi) a += 2.0 * kPi;
    return a;
}
}  // namespace

HaulNetwork::HaulNetwork(const PitGeometry& g, const TruckSpeeds& v) {
    const SitePos exit = g.rampExit(), bottom = g.rampBottom();
    m_rampRoad = static_cast<int>(m_roads.size());
    addRoad("ramp", g.rampCentreline());
    m_apronRoad = static_cast<int>(m_roads.size());
    addRoad("apron", {exit, g.junctionPosition()});
    m_crusherRoad = static_cast<int>(m_roads.size());
    addRoad("to crusher", {g.junctionPosition(), g.crusherPosition()});
    m_dumpRoad = static_cast<int>(m_roads.size());
    addRoad("to dump", {g.junctionPosition(), g.dumpPosition()});
    m_parkRoad = static_cast<int>(m_roads.size());
    addRoad("to park", {g.junctionPosition(), g.parkPosition()});
    m_firstFaceRoad = static_cast<int>(m_roads.size());
    for (int k = 0; k < PitGeometry::kFaceSlots; ++k) addRoad("floor:" + std::to_string(k), {bottom, g.loadingSpot(k)});
    setSpeeds(v);
}

void HaulNetwork::addRoad(std::string name, std::vector<SitePos> pts) {
    Road r;
    r.name = std::move(name);
    r.pts = std::move(pts);
    r.s.assign(1, 0.0);
    for (std::size_t i = 1; i < r.pts.size(); ++i) {
        const SitePos &a = r.pts[i - 1], &b = r.pts[i];
        const double h = std::hypot(b.x - a.x, b.y - a.y);
        r.s.push_back(r.s.back() + std::sqrt(h * h + (b.z - a.z) * (b.z - a.z)));
        r.grade.push_back(h > 1e-9 ? (b.z - a.z) / h : 0.0);
    }
    m_roads.push_back(std::move(r));
}

double HaulNetwork::segmentSpeed(double grade, bool loaded) const {
    const bool ramp = std::fabs(grade) > kRampGradeThreshold;
    const double kmh = loaded ? (ramp ? m_speeds.loadedRamp_kmh : m_speeds.loadedFlat_kmh)
                              : (ramp ? m_speeds.emptyRamp_kmh : m_speeds.emptyFlat_kmh);
    return std::max(kmh, 0.1) / 3.6;
}

void HaulNetwork::setSpeeds(const TruckSpeeds& v) {
    m_speeds = v;
    for (Road& r : m_roads) {
        r.tLoaded.assign(1, 0.0);
        r.tEmpty.assign(1, 0.0);
        for (std::size_t i = 0; i + 1 < r.pts.size(); ++i) {
            const double len = r.s[i + 1] - r.s[i];
            r.tLoaded.push_back(r.tLoaded.back() + len / segmentSpeed(r.grade[i], true));
            r.tEmpty.push_back(r.tEmpty.back() + len / segmentSpeed(r.grade[i], false));
        }
    }
}

SitePos HaulNetwork::pointAt(int road, double s) const {
    const Road& r = m_roads[static_cast<std::size_t>(road)];
    if (r.pts.size() < 2) return r.pts.empty() ? SitePos{} : r.pts.front();
    double f;
    const std::size_t i = segmentOf(r.s, s, f);
    const SitePos &a = r.pts[i], &b = r.pts[i + 1];
    return {a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f, a.z + (b.z - a.z) * f};
}

double HaulNetwork::headingAt(int road, double s) const {
    const Road& r = m_roads[static_cast<std::size_t>(road)];
    if (r.pts.size() < 2) return 0.0;
    double f;
    const std::size_t i = segmentOf(r.s, s, f);
    return std::atan2(r.pts[i + 1].y - r.pts[i].y, r.pts[i + 1].x - r.pts[i].x);
}

double HaulNetwork::gradeAt(int road, double s) const {
    const Road& r = m_roads[static_cast<std::size_t>(road)];
    if (r.grade.empty()) return 0.0;
    double f;
    return r.grade[segmentOf(r.s, s, f)];
}

std::vector<RouteLeg> HaulNetwork::pathToJunction(int node) const {
    if (node == kCrusher) return {{m_crusherRoad, false, 0.0}};
    if (node == kDump) return {{m_dumpRoad, false, 0.0}};
    if (node == kPark) return {{m_parkRoad, false, 0.0}};
    const int slot = node - 3;
    if (slot < 0 || slot >= PitGeometry::kFaceSlots) return {};
    return {{m_firstFaceRoad + slot, false, 0.0}, {m_rampRoad, false, 0.0}, {m_apronRoad, true, 0.0}};
}

Route HaulNetwork::route(int fromNode, int toNode) const {
    Route rt;
    rt.from = fromNode;
    rt.to = toNode;
    std::vector<RouteLeg> a = pathToJunction(fromNode), b = pathToJunction(toNode);
    if (a.empty() || b.empty() || fromNode == toNode) return rt;
    // The graph is a tree rooted at the junction: drop the shared tail, then go up from one node and down to the other.
    while (!a.empty() && !b.empty() && a.back().road == b.back().road) { a.pop_back(); b.pop_back(); }
    rt.legs = a;
    for (auto it = b.rbegin(); it != b.rend(); ++it) rt.legs.push_back({it->road, !it->forward, 0.0});
    for (RouteLeg& l : rt.legs) {
        l.sBegin = rt.length;
        rt.length += road(l.road).length();
    }
    return rt;
}

HaulNetwork::Where HaulNetwork::locate(const Route& r, double s) const {
    s = std::clamp(s, 0.0, r.length);
    std::size_t i = r.legs.size() - 1;
    while (i > 0 && r.legs[i].sBegin > s) --i;
    const RouteLeg& l = r.legs[i];
    const Road& rd = road(l.road);
    const double sLeg = std::min(s - l.sBegin, rd.length());
    return {&rd, l.forward, l.forward ? sLeg : rd.length() - sLeg, sLeg};
}

SitePos HaulNetwork::pointAt(const Route& r, double s) const {
    if (r.legs.empty()) return {};
    const Where w = locate(r, s);
    return pointAt(static_cast<int>(w.road - m_roads.data()), w.sRoad);
}

double HaulNetwork::headingAt(const Route& r, double s) const {
    if (r.legs.empty()) return 0.0;
    const Where w = locate(r, s);
    const double h = headingAt(static_cast<int>(w.road - m_roads.data()), w.sRoad);
    return w.forward ? h : wrapAngle(h + kPi);
}

double HaulNetwork::gradeAt(const Route& r, double s) const {
    if (r.legs.empty()) return 0.0;
    const Where w = locate(r, s);
    const double g = gradeAt(static_cast<int>(w.road - m_roads.data()), w.sRoad);
    return w.forward ? g : -g;
}

double HaulNetwork::speedAt(const Route& r, double s, bool loaded) const {
    return segmentSpeed(gradeAt(r, s), loaded);
}

std::vector<SpeedStep> HaulNetwork::speedSteps(const Route& r, bool loaded) const {
    std::vector<SpeedStep> out;
    double t = 0.0;
    for (const RouteLeg& l : r.legs) {
        const Road& rd = road(l.road);
        const std::size_t n = rd.grade.size();
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t i = l.forward ? k : n - 1 - k;
            const double v = segmentSpeed(rd.grade[i], loaded);
            t += (rd.s[i + 1] - rd.s[i]) / v;
            if (!out.empty() && out.back().speed_m_s == v) out.back().until_s = t;
            else out.push_back({t, v});
        }
    }
    return out;
}

double HaulNetwork::timeAt(const Route& r, double s, bool loaded) const {
    if (r.legs.empty()) return 0.0;
    const Where w = locate(r, s);
    double t = 0.0;
    for (const RouteLeg& l : r.legs) {
        const Road& rd = road(l.road);
        const std::vector<double>& tab = loaded ? rd.tLoaded : rd.tEmpty;
        if (&rd == w.road) {   // a tree path drives each road at most once
            double f;
            const std::size_t i = segmentOf(rd.s, w.sRoad, f);
            const double tRoad = tab[i] + (tab[i + 1] - tab[i]) * f;
            return t + (l.forward ? tRoad : tab.back() - tRoad);
        }
        t += tab.back();
    }
    return t;
}

double HaulNetwork::sAtTime(const Route& r, double seconds, bool loaded) const {
    if (r.legs.empty() || seconds <= 0.0) return 0.0;
    double t = 0.0;
    for (const RouteLeg& l : r.legs) {
        const Road& rd = road(l.road);
        const std::vector<double>& tab = loaded ? rd.tLoaded : rd.tEmpty;
        const double T = tab.back();
        if (seconds <= t + T) {
            const double tau = l.forward ? seconds - t : T - (seconds - t);
            double f;
            const std::size_t i = segmentOf(tab, tau, f);
            const double sRoad = rd.s[i] + (rd.s[i + 1] - rd.s[i]) * f;
            return l.sBegin + (l.forward ? sRoad : rd.length() - sRoad);
        }
        t += T;
    }
    return r.length;
}

}  // namespace sim
