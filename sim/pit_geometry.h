// sim/pit_geometry.h — the Kalmakyr open pit as a parameter set and a continuous ground surface, shared by the mine
// simulation (haul roads, faces, crusher, dump) and the pit scene (terrain mesh, bench lines, ramp).
// Use:
//   registerPitParams(p);                      // mine.pit.* (registerMineParams calls it)
//   PitGeometry g(pitParamsFrom(p));
//   double z = g.elevation(x, y);              // site frame: metres, origin at the pit centre, x east, y north, z a.s.l.
//   g.rampCentreline(); g.facePosition(k); g.crusherPosition(); g.dumpPosition(); g.parkPosition();
// Model: the pit is a nest of ellipses (semi-axes a-d, b-d for an inward offset d from the rim). Along d the wall is
//   a staircase of bench faces (bench height / tan(face angle)) and berms, down to a flat floor. A spiral ramp at the
//   given grade is cut into the walls: wherever it passes, a flat of the ramp's width is inserted into the staircase
//   at the ramp's elevation, which pushes the benches below it inward. The insertion is continuous in both offset and
//   angle, so elevation() has no cracks; the ramp widens out of a wedge-shaped apron at the rim exit.
// Errors: none; parameters come validated from Params. A pit too deep for its width keeps a floor at least
//   kMinFloorHalfWidth wide and reports the depth it could reach in depth().
// Does NOT: model the waste dump's shape (the ground outside the rim is flat at the rim elevation), slope
//   stability, or the drill-and-blast pattern; it holds no simulation state.
#pragma once
#include <vector>

#include "sim/params.h"

namespace sim {

struct SitePos {
    double x = 0.0, y = 0.0, z = 0.0;  // site frame, metres (z = elevation a.s.l.)
};

struct PitParams {
    // Defaults: almalyk.md "Recommended simulation defaults" (pit outline, bench, ramp), S4, S52, S53.
    double length_m = 4000.0;        // rim ellipse, long axis
    double width_m = 2000.0;         // rim ellipse, short axis
    double depth_m = 500.0;          // rim to floor (current)
    double rim_m = 750.0;            // rim elevation a.s.l.
    double bench_height_m = 15.0;
    double berm_m = 11.0;
    double face_angle_deg = 65.0;
    double ramp_grade_pct = 8.0;
    double ramp_width_m = 32.0;
    double azimuth_deg = 135.0;      // compass bearing of the long axis (135 = NW-SE)
};

// Registers mine.pit.* parameters.
void registerPitParams(Params& p);
PitParams pitParamsFrom(const Params& p);

class PitGeometry {
public:
    static constexpr double kMinFloorHalfWidth = 60.0;  // m: room for a shovel and a truck side by side
    static constexpr int kFaceSlots = 20;               // distinct working faces on the floor (max shovels)

    explicit PitGeometry(const PitParams& p = PitParams{});

    const PitParams& params() const { return m_p; }
    // Ground surface, continuous everywhere; rim elevation outside the pit.
    double elevation(double x, double y) const;
    bool insidePit(double x, double y) const;
    double rimElevation() const { return m_p.rim_m; }
    double floorElevation() const { return m_floorZ; }
    double depth() const { return m_p.rim_m - m_floorZ; }   // may be less than depth_m for a narrow pit
    int benchCount() const;                                 // benches from rim to floor (the last may be partial)
    double benchCrestElevation(int bench) const;            // bench 0 crest = rim

    // Closed outlines (n points, counter-clockwise, z set): the rim, the floor edge, and bench k's crest line
    // (ignoring the ramp's inward push, which a scene draws from rampCentreline()).
    std::vector<SitePos> rimOutline(int n) const;
    std::vector<SitePos> floorOutline(int n) const;
    std::vector<SitePos> benchCrestOutline(int bench, int n) const;

    // The ramp centreline from the exit at the rim down to the floor, z on the ramp surface; vertices every ~10 m.
    const std::vector<SitePos>& rampCentreline() const { return m_ramp; }
    double rampLength() const;               // along the centreline, 3D
    SitePos rampExit() const { return m_ramp.front(); }
    SitePos rampBottom() const { return m_ramp.back(); }

    // Working faces (slot 0..kFaceSlots-1, independent of how many shovels work): where the shovel stands, where a
    // truck stands to be loaded, and the shovel's dig direction (heading, radians counter-clockwise from east).
    SitePos shovelPosition(int slot) const;
    SitePos loadingSpot(int slot) const;
    double shovelFacing(int slot) const;

    // Surface points just outside the rim beyond the ramp exit: the road junction, the crusher / rail reloading
    // point, the waste-dump tipping point, the truck park-up.
    SitePos junctionPosition() const { return m_junction; }
    SitePos crusherPosition() const { return m_crusher; }
    SitePos dumpPosition() const { return m_dump; }
    SitePos parkPosition() const { return m_park; }

    // The rail line out of the loading bay beside the crusher, toward the concentrator: the track's end at the bay
    // and the unit direction it runs in (site frame; straight for its first kilometres).
    struct RailLine { double x0 = 0.0, y0 = 0.0, dx = 0.0, dy = 1.0; };
    RailLine railLine() const { return m_rail; }
    static constexpr double kRailTowardX = -2300.0, kRailTowardY = 5250.0;   // the concentrator (scenes/site.h)

    // The park-up (issue 15): bays side by side in double rows, either side of aisles that run parallel to the rail
    // line on the pit's side of it, and a cross lane from the park point (the end of the road) to every aisle. A
    // truck drives park point -> `lane` (the lane at its aisle) -> `aisle` (the aisle beside its bay) -> `bay`, and
    // stands there at `heading_rad` (nose away from the aisle). Bays come nearest first (along that path). None is
    // within 20 m of the rail corridor, on a road, on the crusher pad, within 30 m of the rim or off the flat ground
    // beyond it; no two footprints (kBayLength x kBayWidth) overlap. Computed on each call: callers keep the result.
    struct ParkBay { SitePos lane, aisle, bay; double heading_rad = 0.0; };
    std::vector<ParkBay> parkBays() const;
    static constexpr double kBayLength = 14.4, kBayWidth = 8.6;   // a 220 t truck (13.4 x 7.7 m) and a margin

    // Pit-local frame: u along the long axis (toward azimuth), v across it (90 deg counter-clockwise from u).
    void toLocal(double x, double y, double& u, double& v) const;
    void toSite(double u, double v, double& x, double& y) const;

private:
    struct Insertion { double e; double w; };
    double a0() const { return 0.5 * m_p.length_m; }
    double b0() const { return 0.5 * m_p.width_m; }
    double period() const { return m_p.berm_m + m_faceRun; }
    double staircase(double d) const;          // wall elevation at inward offset d, no ramp
    double staircaseInverse(double e) const;   // first offset where the staircase is at or below e
    // Inward offset d and ellipse angle t of a site point; false if outside the rim (or beyond maxOffset).
    bool offsetOf(double u, double v, double& d, double& t) const;
    int insertionsAt(double t, Insertion* out, int cap) const;   // ramp passes at angle t, highest first
    double profile(double d, const Insertion* ins, int n) const;
    double rampElevationAt(double phi) const;   // phi: angle travelled from the exit (radians, >= 0)
    SitePos ellipsePoint(double d, double t) const;
    void buildRamp();
    void buildSurfacePoints();

    PitParams m_p;
    double m_faceRun = 0.0;       // horizontal run of one bench face
    double m_floorZ = 0.0;
    double m_maxOffset = 0.0;     // beyond this inward offset everything is floor
    double m_exitT = 0.0;         // ellipse angle of the ramp exit
    double m_taperPhi = 0.0;      // angular length of the apron before the exit
    std::vector<double> m_rampPhi, m_rampZ;   // fine table: angle from exit -> ramp elevation
    double m_rampEndPhi = 0.0;
    std::vector<SitePos> m_ramp;
    SitePos m_junction, m_crusher, m_dump, m_park;
    RailLine m_rail;
    double m_floorA = 0.0, m_floorB = 0.0;     // usable floor semi-axes (local frame)
};

}  // namespace sim
