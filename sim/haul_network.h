// sim/haul_network.h — the haul roads of the pit as 3D polylines on the ground, and the routes trucks drive on them.
// Use:
//   HaulNetwork net(geometry, speeds);
//   const Road& r = net.road(i);  net.pointAt(i, s); net.headingAt(i, s);         // a road, s in metres from its start
//   Route rt = net.route(HaulNetwork::faceNode(2), HaulNetwork::kCrusher);
//   double sec = net.timeAt(rt, s, loaded);  double s = net.sAtTime(rt, sec, loaded);  net.pointAt(rt, s);
// Graph (a tree, so every route is unique): face k -(floor road)- ramp bottom -(spiral ramp)- exit -(apron)-
//   junction -{crusher / rail reloading point, waste dump, park-up}. Routes between any two leaves (faces, crusher,
//   dump, park) are sequences of roads, each driven forward or backward.
// Speeds: a segment steeper than kRampGradeThreshold uses the ramp speed, any other the flat speed, loaded or empty
//   (almalyk.md "Recommended simulation defaults": 12/30 km/h loaded, 25/40 km/h empty); a segment takes the same
//   time in either direction.
// Errors: none; node ids outside the graph give an empty route (length 0).
// Does NOT: model traffic, passing, acceleration or two-way lane conflicts; trucks do not interact on the road.
#pragma once
#include <string>
#include <vector>

#include "sim/pit_geometry.h"

namespace sim {

struct TruckSpeeds {
    double loadedRamp_kmh = 12.0, loadedFlat_kmh = 30.0;
    double emptyRamp_kmh = 25.0, emptyFlat_kmh = 40.0;
};

struct Road {
    std::string name;                 // "ramp", "floor:3", "apron", "to crusher", "to dump", "to park"
    std::vector<SitePos> pts;         // z on the ground
    std::vector<double> s;            // cumulative 3D length at each vertex
    std::vector<double> grade;        // per segment: dz / horizontal length, in the road's forward direction
    std::vector<double> tLoaded, tEmpty;  // cumulative travel time (s) at each vertex
    double length() const { return s.empty() ? 0.0 : s.back(); }
};

struct RouteLeg {
    int road = -1;
    bool forward = true;
    double sBegin = 0.0;   // route distance at the start of this leg
};

struct Route {
    int from = -1, to = -1;
    std::vector<RouteLeg> legs;
    double length = 0.0;
};

// Speed is piecewise constant along a route and changes only between flat and ramp, so a route has a handful of
// these: the truck drives at `speed` until `until_s` seconds after leaving the route's start.
struct SpeedStep {
    double until_s = 0.0;
    double speed_m_s = 0.0;
};

class HaulNetwork {
public:
    static constexpr int kCrusher = 0, kDump = 1, kPark = 2;
    static constexpr int faceNode(int slot) { return 3 + slot; }
    static constexpr int nodeCount() { return 3 + PitGeometry::kFaceSlots; }
    static constexpr double kRampGradeThreshold = 0.03;

    HaulNetwork() = default;
    HaulNetwork(const PitGeometry& g, const TruckSpeeds& v);
    // New speeds keep the roads and recompute the travel-time tables.
    void setSpeeds(const TruckSpeeds& v);
    const TruckSpeeds& speeds() const { return m_speeds; }

    int roadCount() const { return static_cast<int>(m_roads.size()); }
    const Road& road(int i) const { return m_roads[static_cast<std::size_t>(i)]; }
    SitePos pointAt(int road, double s) const;
    double headingAt(int road, double s) const;   // radians counter-clockwise from east, in the forward direction
    double gradeAt(int road, double s) const;

    Route route(int fromNode, int toNode) const;
    SitePos pointAt(const Route& r, double s) const;
    double headingAt(const Route& r, double s) const;   // in the direction of travel
    double gradeAt(const Route& r, double s) const;     // in the direction of travel (+ = uphill)
    // Travel time from the route's start to distance s, and its inverse (both clamp to the route).
    double timeAt(const Route& r, double s, bool loaded) const;
    double sAtTime(const Route& r, double seconds, bool loaded) const;
    double speedAt(const Route& r, double s, bool loaded) const;   // m/s
    double segmentSpeed(double grade, bool loaded) const;          // m/s
    std::vector<SpeedStep> speedSteps(const Route& r, bool loaded) const;

private:
    struct Where { const Road* road; bool forward; double sRoad; double sLeg; };
    Where locate(const Route& r, double s) const;
    void addRoad(std::string name, std::vector<SitePos> pts);
    std::vector<RouteLeg> pathToJunction(int node) const;

    std::vector<Road> m_roads;
    TruckSpeeds m_speeds;
    int m_rampRoad = -1, m_apronRoad = -1, m_crusherRoad = -1, m_dumpRoad = -1, m_parkRoad = -1, m_firstFaceRoad = -1;
};

}  // namespace sim
