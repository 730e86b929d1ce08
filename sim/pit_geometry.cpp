#include "sim/pit_geometry.h"

#include <algorithm>
#include <cmath>

namespace sim {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kTwoPi = 2.0 * kPi;
constexpr double kRampStep = 0.0005;       // rad: fine ramp table, ~1 m along the rim
constexpr double kRampVertexSpacing = 10.0; // m between centreline vertices handed to the haul network
constexpr double kApronLength = 150.0;     // m of rim apron before the exit, where the ramp cut tapers out
constexpr int kMaxInsertions = 16;

void addReal(Params& p, const char* name, const char* unit, double def, double lo, double hi, const char* desc) {
    p.add(ParamDef{.name = name, .unit = unit, .def = def, .min = lo, .max = hi, .description = desc});
}

}  // namespace

void registerPitParams(Params& p) {
    const PitParams d;
    // almalyk.md "Recommended simulation defaults": ellipse 4,000 x 2,000 m, long axis NW-SE; rim 750 m; depth 500 m (S4, S5).
    addReal(p, "mine.pit.length_m", "m", d.length_m, 1000, 8000, "pit rim ellipse, long axis");
    addReal(p, "mine.pit.width_m", "m", d.width_m, 500, 4000, "pit rim ellipse, short axis");
    addReal(p, "mine.pit.depth_m", "m", d.depth_m, 50, 900, "pit depth, rim to floor (final depth ~750 m)");
    addReal(p, "mine.pit.rim_m", "m", d.rim_m, 0, 3000, "rim elevation above sea level");
    // Bench 15 m, face 65 deg, berm 11 m (S53 and the consistent set in almalyk.md §1, inter-ramp ~40 deg).
    addReal(p, "mine.pit.bench_height_m", "m", d.bench_height_m, 5, 40, "bench height");
    addReal(p, "mine.pit.berm_m", "m", d.berm_m, 3, 40, "berm (catch bench) width");
    addReal(p, "mine.pit.face_angle_deg", "deg", d.face_angle_deg, 40, 85, "bench face angle");
    // Ramp 32 m two-lane for 220 t trucks, 8 % grade (S52).
    addReal(p, "mine.pit.ramp_grade_pct", "%", d.ramp_grade_pct, 4, 12, "spiral haul ramp grade");
    addReal(p, "mine.pit.ramp_width_m", "m", d.ramp_width_m, 15, 60, "haul ramp width");
    addReal(p, "mine.pit.azimuth_deg", "deg", d.azimuth_deg, 0, 360, "compass bearing of the pit's long axis (135 = NW-SE)");
}

PitParams pitParamsFrom(const Params& p) {
    PitParams g;
    g.length_m = p.get("mine.pit.length_m");
    g.width_m = p.get("mine.pit.width_m");
    g.depth_m = p.get("mine.pit.depth_m");
    g.rim_m = p.get("mine.pit.rim_m");
    g.bench_height_m = p.get("mine.pit.bench_height_m");
    g.berm_m = p.get("mine.pit.berm_m");
    g.face_angle_deg = p.get("mine.pit.face_angle_deg");
    g.ramp_grade_pct = p.get("mine.pit.ramp_grade_pct");
    g.ramp_width_m = p.get("mine.pit.ramp_width_m");
    g.azimuth_deg = p.get("mine.pit.azimuth_deg");
    return g;
}

PitGeometry::PitGeometry(const PitParams& p) : m_p(p) {
    m_faceRun = m_p.bench_height_m / std::tan(m_p.face_angle_deg * kPi / 180.0);
    // The exit faces the SW long wall (toward the city and the concentrator); the ramp spirals counter-clockwise.
    m_exitT = -0.5 * kPi;
    const double r = std::min(a0(), b0());
    double depth = m_p.depth_m;
    for (;;) {
        m_floorZ = m_p.rim_m - depth;
        m_maxOffset = r;   // not used while the ramp is built
        buildRamp();
        const int passes = static_cast<int>(std::ceil((m_rampEndPhi + m_taperPhi) / kTwoPi)) + 1;
        const double needed = staircaseInverse(m_floorZ) + passes * m_p.ramp_width_m + kMinFloorHalfWidth;
        if (needed <= r || depth <= m_p.bench_height_m) {
            m_maxOffset = std::min(r - 1e-6, staircaseInverse(m_floorZ) + passes * m_p.ramp_width_m + 1.0);
            break;
        }
        depth -= m_p.bench_height_m;   // too deep for this width: keep a working floor
    }
    buildSurfacePoints();
}

void PitGeometry::toLocal(double x, double y, double& u, double& v) const {
    const double az = m_p.azimuth_deg * kPi / 180.0;
    const double eux = std::sin(az), euy = std::cos(az);
    u = x * eux + y * euy;
    v = -x * euy + y * eux;
}

void PitGeometry::toSite(double u, double v, double& x, double& y) const {
    const double az = m_p.azimuth_deg * kPi / 180.0;
    const double eux = std::sin(az), euy = std::cos(az);
    x = u * eux - v * euy;
    y = u * euy + v * eux;
}

double PitGeometry::staircase(double d) const {
    if (d <= 0.0) return m_p.rim_m;
    const double k = std::floor(d / period());
    const double r = d - k * period();
    const double z = m_p.rim_m - m_p.bench_height_m * (k + std::min(1.0, r / m_faceRun));
    return std::max(z, m_floorZ);
}

double PitGeometry::staircaseInverse(double e) const {
    e = std::max(e, m_floorZ);
    if (e >= m_p.rim_m) return 0.0;
    const double h = (m_p.rim_m - e) / m_p.bench_height_m;
    const double k = std::floor(h);
    return k * period() + (h - k) * m_faceRun;
}

bool PitGeometry::offsetOf(double u, double v, double& d, double& t) const {
    const double a = a0(), b = b0();
    auto f = [&](double dd) {
        const double pu = u / (a - dd), pv = v / (b - dd);
        return pu * pu + pv * pv - 1.0;
    };
    if (f(0.0) > 0.0) return false;
    const double cap = m_maxOffset;
    if (f(cap) <= 0.0) {
        d = cap;
    } else {
        // f is increasing and convex in d, so Newton from the right converges monotonically to the root.
        double x = cap;
        for (int i = 0; i < 60; ++i) {
            const double au = a - x, bv = b - x;
            const double fx = f(x);
            const double df = 2.0 * u * u / (au * au * au) + 2.0 * v * v / (bv * bv * bv);
            if (df <= 0.0) break;
            const double step = fx / df;
            x = std::max(0.0, x - step);
            if (std::fabs(step) < 1e-7) break;
        }
        d = x;
    }
    t = std::atan2(v / (b - d), u / (a - d));
    return true;
}

double PitGeometry::rampElevationAt(double phi) const {
    if (phi <= 0.0) return m_p.rim_m;
    if (phi >= m_rampEndPhi || m_rampZ.size() < 2) return m_floorZ;
    const double x = phi / kRampStep;
    const std::size_t i = std::min(static_cast<std::size_t>(x), m_rampZ.size() - 2);
    const double f = x - static_cast<double>(i);
    return m_rampZ[i] + (m_rampZ[i + 1] - m_rampZ[i]) * f;
}

int PitGeometry::insertionsAt(double t, Insertion* out, int cap) const {
    double phi0 = std::fmod(t - m_exitT, kTwoPi);
    if (phi0 < 0.0) phi0 += kTwoPi;
    int n = 0;
    const double w = m_p.ramp_width_m;
    const double apron = phi0 - kTwoPi;
    if (apron >= -m_taperPhi && n < cap) out[n++] = {m_p.rim_m, w * (1.0 + apron / m_taperPhi)};
    for (double phi = phi0; phi <= m_rampEndPhi && n < cap; phi += kTwoPi) {
        const double e = rampElevationAt(phi);
        if (e <= m_floorZ) break;
        out[n++] = {e, w};
    }
    return n;
}

double PitGeometry::profile(double d, const Insertion* ins, int n) const {
    double offset = 0.0;
    for (int i = 0; i < n; ++i) {
        const double d0 = staircaseInverse(ins[i].e) + offset;
        if (d < d0) return staircase(d - offset);
        if (d < d0 + ins[i].w) return ins[i].e;
        offset += ins[i].w;
    }
    return staircase(d - offset);
}

double PitGeometry::elevation(double x, double y) const {
    double u, v, d, t;
    toLocal(x, y, u, v);
    if (!offsetOf(u, v, d, t)) return m_p.rim_m;
    Insertion ins[kMaxInsertions];
    const int n = insertionsAt(t, ins, kMaxInsertions);
    return profile(d, ins, n);
}

bool PitGeometry::insidePit(double x, double y) const {
    double u, v;
    toLocal(x, y, u, v);
    const double pu = u / a0(), pv = v / b0();
    return pu * pu + pv * pv < 1.0;
}

int PitGeometry::benchCount() const {
    return static_cast<int>(std::ceil(depth() / m_p.bench_height_m - 1e-9));
}

double PitGeometry::benchCrestElevation(int bench) const {
    return std::max(m_floorZ, m_p.rim_m - bench * m_p.bench_height_m);
}

SitePos PitGeometry::ellipsePoint(double d, double t) const {
    SitePos p;
    toSite((a0() - d) * std::cos(t), (b0() - d) * std::sin(t), p.x, p.y);
    return p;
}

void PitGeometry::buildRamp() {
    const double w = m_p.ramp_width_m;
    const double g = m_p.ramp_grade_pct / 100.0;
    const double speedAtExit = std::hypot(a0() * std::sin(m_exitT), b0() * std::cos(m_exitT));
    m_taperPhi = kApronLength / speedAtExit;
    m_rampPhi.assign(1, 0.0);
    m_rampZ.assign(1, m_p.rim_m);
    m_rampEndPhi = 1e9;   // the table grows as it is built; lookups stay inside it
    // Centre of the pass at angle phi and elevation e: behind every earlier (higher) pass at the same angle.
    auto centre = [&](double phi, double e) {
        double offset = 0.0;
        for (double prev = phi - kTwoPi; prev >= -m_taperPhi; prev -= kTwoPi)
            offset += prev < 0.0 ? w * (1.0 + prev / m_taperPhi) : w;
        // The flat sits at the staircase's first point at or below e, which jumps by a berm at each bench level;
        // the lane follows the smooth mean wall line instead, which stays inside the flat (margin (w - berm) / 2).
        const double first = staircaseInverse(e);
        const double mean = (m_p.rim_m - std::max(e, m_floorZ)) / m_p.bench_height_m * period();
        const double lane = std::clamp(mean + 0.5 * (w - m_p.berm_m), first + 0.25 * w, first + 0.75 * w);
        SitePos p = ellipsePoint(lane + offset, m_exitT + phi);
        p.z = e;
        return p;
    };
    std::vector<SitePos> fine{centre(0.0, m_p.rim_m)};
    const std::size_t maxSteps = static_cast<std::size_t>(8.0 * kTwoPi / kRampStep);
    double z = m_p.rim_m;
    while (z > m_floorZ && m_rampZ.size() < maxSteps) {
        const double phi1 = static_cast<double>(m_rampZ.size()) * kRampStep;
        double z1 = z;
        SitePos p1;
        for (int it = 0; it < 4; ++it) {   // the next point's offset depends on its own elevation
            p1 = centre(phi1, z1);
            z1 = z - g * std::hypot(p1.x - fine.back().x, p1.y - fine.back().y);
        }
        if (z1 <= m_floorZ) {
            // End exactly on the floor, at the fraction of this step that reaches it.
            const double f = (z - m_floorZ) / (z - z1);
            const SitePos& p0 = fine.back();
            p1 = {p0.x + (p1.x - p0.x) * f, p0.y + (p1.y - p0.y) * f, m_floorZ};
            m_rampEndPhi = phi1 - kRampStep + f * kRampStep;
            m_rampPhi.push_back(phi1);
            m_rampZ.push_back(z1);   // linear past the floor, so lookups reach the floor exactly at m_rampEndPhi
            fine.push_back(p1);
            z = m_floorZ;
            break;
        }
        p1.z = z1;
        m_rampPhi.push_back(phi1);
        m_rampZ.push_back(z1);
        fine.push_back(p1);
        z = z1;
    }
    if (z > m_floorZ) m_rampEndPhi = m_rampPhi.back();   // step cap hit: the ramp stops where it got to
    // Decimate to a road polyline, keeping both ends.
    m_ramp.clear();
    m_ramp.push_back(fine.front());
    double run = 0.0;
    for (std::size_t i = 1; i + 1 < fine.size(); ++i) {
        run += std::hypot(fine[i].x - fine[i - 1].x, fine[i].y - fine[i - 1].y);
        if (run >= kRampVertexSpacing) { m_ramp.push_back(fine[i]); run = 0.0; }
    }
    m_ramp.push_back(fine.back());
}

double PitGeometry::rampLength() const {
    double L = 0.0;
    for (std::size_t i = 1; i < m_ramp.size(); ++i)
        L += std::sqrt(std::pow(m_ramp[i].x - m_ramp[i - 1].x, 2) + std::pow(m_ramp[i].y - m_ramp[i - 1].y, 2) +
                       std::pow(m_ramp[i].z - m_ramp[i - 1].z, 2));
    return L;
}

void PitGeometry::buildSurfacePoints() {
    const double inset = m_maxOffset;   // floor edge plus every ramp pass
    m_floorA = std::max(1.0, a0() - inset);
    m_floorB = std::max(1.0, b0() - inset);
    // Local outward normal and counter-clockwise tangent of the rim at the exit, in site coordinates.
    const double t = m_exitT;
    const double nu = std::cos(t) / a0(), nv = std::sin(t) / b0();
    const double tu = -a0() * std::sin(t), tv = b0() * std::cos(t);
    double nx, ny, tx, ty;
    toSite(nu / std::hypot(nu, nv), nv / std::hypot(nu, nv), nx, ny);
    toSite(tu / std::hypot(tu, tv), tv / std::hypot(tu, tv), tx, ty);
    const SitePos rim = ellipsePoint(0.0, t);
    auto at = [&](const SitePos& o, double out, double along) {
        return SitePos{o.x + out * nx + along * tx, o.y + out * ny + along * ty, m_p.rim_m};
    };
    // A short apron out of the pit, then separate spurs; the dump sits well clear of the rim (almalyk.md §2 haulage).
    m_junction = at(rim, 70.0, 0.0);
    m_crusher = at(m_junction, 180.0, 60.0);
    m_dump = at(m_junction, 550.0, 650.0);
    m_park = at(m_junction, 60.0, -220.0);
    // The rail loading bay: 120 m to the left of the crusher as seen looking toward the concentrator, 60 m on.
    const double tx0 = kRailTowardX - m_crusher.x, ty0 = kRailTowardY - m_crusher.y, tl = std::hypot(tx0, ty0);
    const double dx = tx0 / tl, dy = ty0 / tl;
    m_rail = {m_crusher.x - dy * 120.0 + dx * 60.0, m_crusher.y + dx * 120.0 + dy * 60.0, dx, dy};
}

// [SECTION] the park-up

namespace {
double segmentDistance(double px, double py, const SitePos& a, const SitePos& b) {
    const double dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy;
    const double h = l2 > 0.0 ? std::clamp(((px - a.x) * dx + (py - a.y) * dy) / l2, 0.0, 1.0) : 0.0;
    return std::hypot(px - a.x - h * dx, py - a.y - h * dy);
}
constexpr double kBayPitch = 11.0;        // m between bay centres along an aisle (7.7 m wide trucks, 3.3 m apart)
constexpr double kAisleHalf = 10.0;       // m: half the aisle (and the lane) a truck turns in
constexpr double kAislePitch = 2.0 * (kAisleHalf + PitGeometry::kBayLength) + 2.0;   // two rows back to back
constexpr double kRailClear = 20.0;       // m from the track axis to a bay's footprint
constexpr double kRoadClear = 3.0;        // m from a road's edge
}  // namespace

std::vector<PitGeometry::ParkBay> PitGeometry::parkBays() const {
    // Frame at the park point: `a` along the rail line, `b` across it, pointing away from the track.
    const SitePos P = m_park;
    double ax = m_rail.dx, ay = m_rail.dy, bx = ay, by = -ax;
    const double railB = (m_rail.x0 - P.x) * bx + (m_rail.y0 - P.y) * by;
    if (railB > 0.0) { bx = -bx; by = -by; }
    const double bRail = -std::fabs(railB);
    auto site = [&](double a, double b) { return SitePos{P.x + a * ax + b * bx, P.y + a * ay + b * by, m_p.rim_m}; };
    // Distance outside the rim on the nested ellipses (negative inside).
    auto outside = [&](double x, double y) {
        double u, v;
        toLocal(x, y, u, v);
        auto f = [&](double d) { const double pu = u / (a0() - d), pv = v / (b0() - d); return pu * pu + pv * pv - 1.0; };
        double lo = -1e5, hi = b0() - 1e-3;
        if (f(hi) < 0.0) return -hi;
        for (int i = 0; i < 32; ++i) { const double m = 0.5 * (lo + hi); (f(m) > 0.0 ? hi : lo) = m; }
        return -0.5 * (lo + hi);
    };
    const SitePos exitP = rampExit();
    const double roadHalf = 0.5 * m_p.ramp_width_m;
    // Where a truck may stand (`clear` m beyond the rail corridor, the rim, the roads, the crusher pad).
    auto ground = [&](double x, double y, double railClear, double rimClear, bool pads = true) {
        const double al = (x - m_rail.x0) * m_rail.dx + (y - m_rail.y0) * m_rail.dy;
        const double ac = (y - m_rail.y0) * m_rail.dx - (x - m_rail.x0) * m_rail.dy;
        if (al > -railClear - 40.0 && std::fabs(ac) < railClear) return false;
        const double out = outside(x, y);
        if (out < rimClear || out > 450.0) return false;   // the ground is flat to ~350 m beyond the rim, then rises slowly
        if (!pads) return true;   // a truck may drive over the crusher pad, not stand on it
        if (std::hypot(x - m_crusher.x, y - m_crusher.y) < 110.0) return false;
        if (std::hypot(x - m_dump.x, y - m_dump.y) < 300.0) return false;
        return true;
    };
    auto offRoads = [&](double x, double y, double clear) {
        for (const auto& [s0, s1] : {std::pair{exitP, m_junction}, {m_junction, m_crusher}, {m_junction, m_dump}, {m_junction, m_park}})
            if (segmentDistance(x, y, s0, s1) < roadHalf + clear) return false;
        return true;
    };
    struct Candidate { ParkBay bay; double path; };
    std::vector<Candidate> found;
    const double b0 = bRail + kRailClear + kBayLength + kAisleHalf + 1.0;   // the first aisle's centre line
    const double bayB = kAisleHalf + 0.5 * kBayLength;                       // bay centre from its aisle's centre
    const double hl = 0.5 * kBayLength, hw = 0.5 * kBayWidth;
    // Aisles on the pit's side of the track first; a large fleet overflows onto aisles beyond it, over a level
    // crossing on the lane (the lane is the only place a truck crosses the track; no bay is near it).
    const double farB0 = bRail - (kRailClear + kBayLength + kAisleHalf + 1.0);
    for (int k = -6; k < 16; ++k) {
        const bool far = k < 0;
        const double bA = far ? farB0 + kAislePitch * (k + 1) : b0 + kAislePitch * k;
        bool lane = true;
        for (double b = 0.0; std::fabs(b) <= std::fabs(bA) && lane; b += (bA > 0 ? 5.0 : -5.0)) {
            const SitePos q = site(0.0, b);
            const bool crossing = far && std::fabs(b - bRail) < kRailClear;
            lane = crossing || ground(q.x, q.y, 8.0, 10.0, false);
        }
        if (!lane) continue;
        for (int dir : {1, -1}) {
            // Along the aisle from the lane while it stays drivable; bays either side of it.
            for (int c = 0; c < 300; ++c) {
                const double a = dir * (kAisleHalf + 1.0 + hw + kBayPitch * c);
                const SitePos q = site(a + dir * hw, bA);
                if (!ground(q.x, q.y, 8.0, 10.0, false)) break;
                for (int side : {-1, 1}) {
                    const double bb = bA + side * bayB;
                    bool ok = true;
                    for (double da : {-hw, 0.0, hw})
                        for (double db : {-hl, 0.0, hl}) {
                            const SitePos f = site(a + da, bb + db);
                            ok = ok && ground(f.x, f.y, kRailClear, 30.0) && offRoads(f.x, f.y, kRoadClear);
                        }
                    if (!ok) continue;
                    ParkBay p;
                    p.lane = site(0.0, bA);
                    p.aisle = site(a, bA);
                    p.bay = site(a, bb);
                    p.heading_rad = std::atan2(side * by, side * bx);
                    found.push_back({p, std::fabs(bA) + std::fabs(a) + bayB + (far ? 1e4 : 0.0)});
                }
            }
        }
    }
    std::stable_sort(found.begin(), found.end(), [](const Candidate& x, const Candidate& y) { return x.path < y.path; });
    std::vector<ParkBay> out;
    out.reserve(found.size());
    for (const Candidate& c : found) out.push_back(c.bay);
    return out;
}

namespace {
// Along-axis fractions of the floor for each side's faces: the first few spread across the floor, later ones fill in.
constexpr double kFaceUSouth[10] = {-0.6, 0.0, 0.3, -0.75, 0.6, -0.3, 0.75, -0.45, 0.15, 0.45};
constexpr double kFaceUNorth[10] = {0.6, -0.3, 0.75, 0.0, -0.6, 0.3, -0.75, 0.45, -0.15, -0.45};
constexpr double kTruckBeside = 18.0;   // m from the shovel's centre to the truck's (EKG-20 dump radius ~ 18-20 m)
}  // namespace

SitePos PitGeometry::shovelPosition(int slot) const {
    slot = std::clamp(slot, 0, kFaceSlots - 1);
    const double side = (slot % 2 == 0) ? -1.0 : 1.0;
    const double uf = side < 0 ? kFaceUSouth[slot / 2] : kFaceUNorth[slot / 2];
    SitePos p;
    toSite(uf * 0.85 * m_floorA, side * 0.55 * m_floorB, p.x, p.y);
    p.z = m_floorZ;
    return p;
}

double PitGeometry::shovelFacing(int slot) const {
    // Toward the nearer long wall: the local -v or +v direction.
    const double side = (std::clamp(slot, 0, kFaceSlots - 1) % 2 == 0) ? -1.0 : 1.0;
    double x, y;
    toSite(0.0, side, x, y);
    return std::atan2(y, x);
}

SitePos PitGeometry::loadingSpot(int slot) const {
    const SitePos s = shovelPosition(slot);
    const double h = shovelFacing(slot) + 0.5 * kPi;
    return {s.x + kTruckBeside * std::cos(h), s.y + kTruckBeside * std::sin(h), m_floorZ};
}

std::vector<SitePos> PitGeometry::rimOutline(int n) const { return benchCrestOutline(0, n); }

std::vector<SitePos> PitGeometry::floorOutline(int n) const {
    std::vector<SitePos> out;
    const double d = staircaseInverse(m_floorZ);
    for (int i = 0; i < n; ++i) {
        SitePos p = ellipsePoint(d, kTwoPi * i / n);
        p.z = m_floorZ;
        out.push_back(p);
    }
    return out;
}

std::vector<SitePos> PitGeometry::benchCrestOutline(int bench, int n) const {
    std::vector<SitePos> out;
    bench = std::clamp(bench, 0, benchCount());
    const double d = std::min(bench * period(), staircaseInverse(m_floorZ));
    for (int i = 0; i < n; ++i) {
        SitePos p = ellipsePoint(d, kTwoPi * i / n);
        p.z = benchCrestElevation(bench);
        out.push_back(p);
    }
    return out;
}

}  // namespace sim
