#include "scenes/pit/pit_ground.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include <glm/glm.hpp>
#include <glm/gtc/constants.hpp>

#include "engine/noise.h"

#include "scenes/pit/pit_frame.h"
#include "scenes/site.h"
#include "sim/haul_network.h"

namespace scenes::pit {

namespace {

// [SECTION] Noise (tileable when a period is given)

// Value noise (engine/noise.h); a period > 0 wraps that axis (periodY < 0: the same as periodX).
float valueNoise(float px, float py, int seed, int period, int periodY = -1) {
    if (periodY < 0) periodY = period;
    return eng::noise::valueNoise(px, py, eng::noise::Fade::Cubic, eng::noise::hashLattice(seed, period, periodY));
}

// Octaves double the frequency so a period that tiles the first octave tiles them all.
float fbm(float x, float y, int octaves, int seed, int period, int periodY = -1) {
    if (periodY < 0) periodY = period;
    float s = 0.0f, amp = 0.5f, norm = 0.0f;
    for (int o = 0; o < octaves; ++o) {
        s += amp * valueNoise(x, y, seed + o, period, periodY);
        norm += amp;
        x *= 2.0f; y *= 2.0f;
        if (period > 0) period *= 2;
        if (periodY > 0) periodY *= 2;
        amp *= 0.5f;
    }
    return s / norm;
}

glm::vec3 srgb(float r, float g, float b) { return glm::vec3(r, g, b) / 255.0f; }

void putPixel(std::vector<std::uint8_t>& px, std::size_t i, glm::vec3 c) {
    c = glm::clamp(c, 0.0f, 1.0f);
    px[i * 4 + 0] = static_cast<std::uint8_t>(c.r * 255.0f + 0.5f);
    px[i * 4 + 1] = static_cast<std::uint8_t>(c.g * 255.0f + 0.5f);
    px[i * 4 + 2] = static_cast<std::uint8_t>(c.b * 255.0f + 0.5f);
    px[i * 4 + 3] = 255;
}

// [SECTION] Surface outside the rim

// Inward offset of a site point from the rim ellipse (negative outside), measured on the nested ellipses.
double offsetFromRim(const sim::PitGeometry& g, double x, double y) {
    double u, v;
    g.toLocal(x, y, u, v);
    const double a = 0.5 * g.params().length_m, b = 0.5 * g.params().width_m;
    // Bisection on d for (u/(a-d))^2 + (v/(b-d))^2 = 1; d < 0 outside. Outside, the rings grow without limit.
    auto f = [&](double d) { const double pu = u / (a - d), pv = v / (b - d); return pu * pu + pv * pv - 1.0; };
    double lo = -1e6, hi = b - 1e-3;
    if (f(hi) < 0.0) return hi;
    for (int i = 0; i < 60; ++i) {
        const double m = 0.5 * (lo + hi);
        (f(m) > 0.0 ? hi : lo) = m;
    }
    return 0.5 * (lo + hi);
}

// The waste dump's lifts beyond its top platform: 20 m high at 37 deg, with an 18 m berm between them; the ground
// runs kDumpUnder below the lifts' mean slope, so the lifts' mesh always covers it.
constexpr double kDumpLift = 20.0, kDumpPeriod = 20.0 / 0.7535540501 + 18.0, kDumpUnder = 9.0;   // tan(37 deg)

struct DumpShape {
    glm::dvec2 from, to, dir;   // platform axis: from near the junction to the tipping crest
    double halfWidth = 110.0;
};

DumpShape dumpShape(const sim::PitGeometry& g) {
    const sim::SitePos j = g.junctionPosition(), d = g.dumpPosition();
    DumpShape s;
    s.to = {d.x, d.y};
    const glm::dvec2 jv(j.x, j.y);
    s.dir = glm::normalize(s.to - jv);
    s.from = jv + s.dir * 120.0;
    return s;
}

double capsuleDistance(glm::dvec2 p, glm::dvec2 a, glm::dvec2 b) {
    const glm::dvec2 ab = b - a;
    const double h = std::clamp(glm::dot(p - a, ab) / glm::dot(ab, ab), 0.0, 1.0);
    return glm::length(p - a - ab * h);
}

}  // namespace

double groundElevation(const sim::PitGeometry& g, double x, double y) {
    const double off = offsetFromRim(g, x, y);
    if (off >= 0.0) return g.elevation(x, y);
    const double rim = g.rimElevation();
    const double out = -off;
    // Flat bench of ground around the rim (haul roads, crusher, park-up), then the Almalyk foothills of the
    // landscape scene, so the two scenes show the same country.
    const double hills = site::elevation(static_cast<float>(x), static_cast<float>(-y));
    const double blend = glm::smoothstep(350.0, 2600.0, out);
    double h = rim + (hills - rim) * blend;
    // Waste dump: the trucks tip over the crest of a platform at rim level that advances into lower ground
    // (a 40 m lift at the 37 deg angle of repose of broken rock).
    const DumpShape s = dumpShape(g);
    const glm::dvec2 p(x, y);
    const glm::dvec2 hollowC = s.to + s.dir * 380.0;
    const double hollow = 1.0 - glm::smoothstep(250.0, 750.0, glm::length(p - hollowC));
    h -= 42.0 * hollow * (1.0 - blend * 0.5);
    const double c = capsuleDistance(p, s.from, s.to);
    // Beyond the crest the benched lifts are their own mesh (dumpLifts); the ground runs below them.
    const double d = c - s.halfWidth;
    const double platform = d <= 0.0 ? rim : rim - kDumpUnder - d * kDumpLift / kDumpPeriod;
    return std::max(h, platform);
}

double dumpProfile(double d, double rim) {   // the lifts' surface at d m beyond the top platform's crest
    if (d <= 0.0) return rim;
    const int k = static_cast<int>(std::floor(d / kDumpPeriod));
    const double r = d - k * kDumpPeriod, run = kDumpLift / std::tan(glm::radians(37.0));
    return rim - k * kDumpLift - (r < run ? r * std::tan(glm::radians(37.0)) : kDumpLift);
}

eng::MeshData dumpLifts(const sim::PitGeometry& g) {
    // Rings round the platform's capsule at the crest and at the toe and edge of every lift, down to where the
    // lifts meet the ground below; faces (tipped at 37 deg) and berms as two parts (materials).
    const DumpShape s = dumpShape(g);
    const double rim = g.rimElevation(), run = kDumpLift / std::tan(glm::radians(37.0));
    std::vector<double> ds{0.0};
    for (int k = 0; k < 6; ++k) { ds.push_back(k * kDumpPeriod + run); ds.push_back((k + 1) * kDumpPeriod); }
    const glm::dvec2 side(-s.dir.y, s.dir.x);
    const double len = glm::length(s.to - s.from);
    // The capsule's outline at offset r: along one side, round the far end, back along the other, round the near one.
    auto outline = [&](double r) {
        std::vector<glm::dvec2> pts;
        const int nSide = 24, nEnd = 20;
        for (int i = 0; i <= nSide; ++i) pts.push_back(s.from + s.dir * (len * i / nSide) - side * r);
        for (int i = 1; i < nEnd; ++i) {
            const double a = -0.5 * glm::pi<double>() + glm::pi<double>() * i / nEnd;
            pts.push_back(s.to + (s.dir * std::cos(a) + side * std::sin(a)) * r);
        }
        for (int i = 0; i <= nSide; ++i) pts.push_back(s.to - s.dir * (len * i / nSide) + side * r);
        for (int i = 1; i < nEnd; ++i) {
            const double a = 0.5 * glm::pi<double>() + glm::pi<double>() * i / nEnd;
            pts.push_back(s.from + (s.dir * std::cos(a) + side * std::sin(a)) * r);
        }
        return pts;
    };
    eng::MeshData m;
    m.materials.push_back({.name = "tipped face", .baseColor = {0.23f, 0.20f, 0.17f, 1}, .roughness = 0.95f});
    m.materials.push_back({.name = "dump berm", .baseColor = {0.30f, 0.28f, 0.25f, 1}, .roughness = 0.95f});
    eng::SubMesh faces{.vertices = {}, .indices = {}, .material = 0, .name = "face"}, berms{.vertices = {}, .indices = {}, .material = 1, .name = "berm"};
    std::vector<std::vector<glm::dvec3>> rings;
    for (double d : ds) {
        std::vector<glm::dvec3> ring;
        bool above = false;
        for (const glm::dvec2& q : outline(s.halfWidth + d)) {
            const double z = dumpProfile(d, rim), ground = groundElevation(g, q.x, q.y);
            above = above || z > ground + 0.05;
            ring.push_back({q.x, q.y, std::max(z, ground - 0.5)});
        }
        rings.push_back(std::move(ring));
        if (!above) break;   // the lifts have met the ground all round
    }
    for (std::size_t k = 0; k + 1 < rings.size(); ++k) {
        eng::SubMesh& part = (k % 2 == 0) ? faces : berms;   // crest -> toe is a face, toe -> next crest a berm
        const std::vector<glm::dvec3>&a = rings[k], &b = rings[k + 1];
        for (std::size_t i = 0; i < a.size(); ++i) {
            const std::size_t j = (i + 1) % a.size();
            const glm::vec3 p0 = toScene(a[i].x, a[i].y, a[i].z), p1 = toScene(a[j].x, a[j].y, a[j].z),
                            p2 = toScene(b[j].x, b[j].y, b[j].z), p3 = toScene(b[i].x, b[i].y, b[i].z);
            glm::vec3 n = glm::cross(p1 - p0, p3 - p0);
            if (glm::dot(n, n) < 1e-12f) n = glm::cross(p2 - p1, p3 - p1);
            n = glm::normalize(n);
            // Wound to face up and out (the outline may run either way round): one winding, no back faces.
            const bool flip = n.y < 0.0f;
            if (flip) n = -n;
            const auto base = static_cast<std::uint32_t>(part.vertices.size());
            for (const glm::vec3& v : {p0, p1, p2, p3}) part.vertices.push_back({v, n, {v.x / 40.0f, v.z / 40.0f}});
            static constexpr std::uint32_t kUp[6] = {0, 1, 2, 0, 2, 3}, kFlipped[6] = {0, 2, 1, 0, 3, 2};
            for (std::uint32_t t : flip ? kFlipped : kUp) part.indices.push_back(base + t);
        }
    }
    m.parts.push_back(std::move(faces));
    m.parts.push_back(std::move(berms));
    m.computeBounds();
    return m;
}

RailAxis railAxis(const sim::PitGeometry& g) {
    const sim::SitePos c = g.crusherPosition();
    const glm::dvec2 start(c.x, c.y), target(site::kConcentrator.x, site::kConcentrator.y);
    const glm::dvec2 dir = glm::normalize(target - start), side(-dir.y, dir.x);
    const glm::dvec2 p = start + side * 120.0 + dir * 60.0;
    return {p.x, p.y, dir.x, dir.y};
}

std::vector<int> simplifyProfile(const std::vector<double>& d, const std::vector<double>& z, double tolerance) {
    const int n = static_cast<int>(d.size());
    std::vector<char> keep(static_cast<std::size_t>(n), 0);
    if (n == 0) return {};
    keep.front() = keep.back() = 1;
    std::vector<std::pair<int, int>> stack{{0, n - 1}};
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        if (b - a < 2) continue;
        const double dx = d[b] - d[a], dz = z[b] - z[a];
        const double len = std::max(std::hypot(dx, dz), 1e-12);
        double worst = -1.0;
        int wi = -1;
        for (int i = a + 1; i < b; ++i) {
            const double e = std::fabs((d[i] - d[a]) * dz - (z[i] - z[a]) * dx) / len;
            if (e > worst) { worst = e; wi = i; }
        }
        if (worst > tolerance) {
            keep[static_cast<std::size_t>(wi)] = 1;
            stack.push_back({a, wi});
            stack.push_back({wi, b});
        }
    }
    std::vector<int> out;
    for (int i = 0; i < n; ++i)
        if (keep[static_cast<std::size_t>(i)]) out.push_back(i);
    return out;
}

namespace {

struct ColumnVertex {
    glm::dvec3 p;  // site frame
    double t;      // column angle (unwrapped by the caller for the last strip)
    double d;      // inward offset from the rim
    // Features this vertex is an end of, as seen from the column before (left) and after (right): the first or last
    // point of a berm at bench level k, of the floor, or of the ramp (labelOf). Equal on ordinary columns; they
    // differ on a column where the ramp crosses a bench level, so each neighbour meets it by its own topology.
    std::vector<int> left, right;
};

enum class Feature { Bench = 1, Floor = 2, Ramp = 3 };
int labelOf(Feature f, int level, bool last) { return (static_cast<int>(f) * 1000 + level) * 2 + (last ? 1 : 0); }

// Labels every flat's two ends on a column profile (a flat: two consecutive vertices at one elevation, over 0.5 m
// apart): berms at the bench levels rim - k * bench, the floor, else the ramp.
void labelColumn(std::vector<ColumnVertex>& col, double rimZ, double benchH, double floorZ) {
    for (std::size_t k = 0; k + 1 < col.size(); ++k) {
        const ColumnVertex &a = col[k], &b = col[k + 1];
        if (std::fabs(a.p.z - b.p.z) > 1e-6 || b.d - a.d < 0.5) continue;
        const double lv = (rimZ - a.p.z) / benchH;
        Feature f = Feature::Ramp;
        int level = 0;
        if (std::fabs(a.p.z - floorZ) < 1e-6) f = Feature::Floor;
        else if (std::fabs(lv - std::round(lv)) < 1e-6) { f = Feature::Bench; level = static_cast<int>(std::lround(lv)); }
        for (int last = 0; last < 2; ++last) {
            ColumnVertex& v = col[k + static_cast<std::size_t>(last)];
            v.left.push_back(labelOf(f, level, last == 1));
            v.right.push_back(labelOf(f, level, last == 1));
        }
    }
}

bool shareLabel(const std::vector<int>& a, const std::vector<int>& b) {
    for (int x : a)
        for (int y : b)
            if (x == y) return true;
    return false;
}

glm::vec3 scenePos(const glm::dvec3& p) {
    return {static_cast<float>(p.x), static_cast<float>(p.z), static_cast<float>(-p.y)};
}

// Stitches two columns ordered from the outside in (elevation falling, offset growing) into triangles, advancing on
// the side whose next vertex comes first in (elevation descending, offset ascending) order, so equal elevations
// (the same bench crest on both sides) meet.
template <class Emit>
void stitch(const std::vector<ColumnVertex>& A, const std::vector<ColumnVertex>& B, Emit emit) {
    std::size_t i = 0, j = 0;
    while (i + 1 < A.size() || j + 1 < B.size()) {
        bool advanceA;
        if (i + 1 >= A.size()) advanceA = false;
        else if (j + 1 >= B.size()) advanceA = true;
        else {
            const double zA = A[i + 1].p.z, zB = B[j + 1].p.z;
            if (std::fabs(zA - zB) > 1e-6) advanceA = zA > zB;
            else advanceA = A[i + 1].d <= B[j + 1].d;
        }
        if (advanceA) { emit(A[i], B[j], A[i + 1]); ++i; }
        else { emit(A[i], B[j], B[j + 1]); ++j; }
    }
}

// Stitches two columns by their features: vertices that end the same flat (a berm, the ramp, the floor; A's right
// labels against B's left ones) are joined, in order, and the runs between them by normalised length. So the ramp's
// flat meets the ramp's flat and a berm its berm even where the ramp passes a bench level between the columns (the
// crossing column in between carries both topologies), which elevation alone got wrong: teeth along the ramp.
template <class Emit>
void stitchLabelled(const std::vector<ColumnVertex>& A, const std::vector<ColumnVertex>& B, Emit emit) {
    std::size_t i0 = 0, j0 = 0;
    auto fractions = [](const std::vector<ColumnVertex>& C, std::size_t k0, std::size_t k1) {
        std::vector<double> f(k1 - k0 + 1, 0.0);
        for (std::size_t k = k0 + 1; k <= k1; ++k)
            f[k - k0] = f[k - k0 - 1] + std::hypot(C[k].d - C[k - 1].d, C[k].p.z - C[k - 1].p.z);
        const double total = std::max(f.back(), 1e-9);
        for (double& x : f) x /= total;
        return f;
    };
    auto run = [&](std::size_t i1, std::size_t j1) {
        const std::vector<double> fa = fractions(A, i0, i1), fb = fractions(B, j0, j1);
        std::size_t i = i0, j = j0;
        while (i < i1 || j < j1) {
            const bool advanceA = j >= j1 || (i < i1 && fa[i + 1 - i0] <= fb[j + 1 - j0]);
            if (advanceA) { emit(A[i], B[j], A[i + 1]); ++i; }
            else { emit(A[i], B[j], B[j + 1]); ++j; }
        }
        i0 = i1;
        j0 = j1;
    };
    for (std::size_t i = 1; i + 1 < A.size(); ++i) {
        if (A[i].right.empty()) continue;
        for (std::size_t j = std::max<std::size_t>(j0, 1); j + 1 < B.size(); ++j)
            if (shareLabel(A[i].right, B[j].left)) {
                if (i > i0 && j >= j0) run(i, j);
                break;
            }
    }
    run(A.size() - 1, B.size() - 1);
}

constexpr double kRockTile_m = 24.0;  // one repeat of the rock texture on the walls

// Broken, blasted rock: blocky value noise, fine grain and thin horizontal joints, near white so the material's
// base colour sets the hue. Tiles in both directions.
void makeRockTexture(PitGround& out, int n) {
    out.rockTextureSize = n;
    out.rockTexture.resize(static_cast<std::size_t>(n) * n * 4);
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            const float x = static_cast<float>(i) / n, y = static_cast<float>(j) / n;
            const float blocks = fbm(x * 8.0f, y * 8.0f, 3, 101, 8);
            const float grain = valueNoise(x * 64.0f, y * 64.0f, 131, 64);
            const float joint = std::pow(std::fabs(std::sin((y * 6.0f + 0.15f * fbm(x * 4.0f, y * 4.0f, 2, 151, 4)) * static_cast<float>(M_PI))), 12.0f);
            const float ox = fbm(x * 4.0f, y * 4.0f, 2, 171, 4);
            float l = 0.62f + 0.38f * blocks + 0.12f * (grain - 0.5f) - 0.22f * joint;
            glm::vec3 c = glm::vec3(l);
            c *= glm::mix(glm::vec3(1.0f), glm::vec3(1.12f, 0.92f, 0.78f), glm::smoothstep(0.55f, 0.8f, ox));  // iron oxide
            putPixel(out.rockTexture, static_cast<std::size_t>(j) * n + i, c * 0.95f);
        }
}

// Bench faces, v = depth below the rim. Kalmakyr is a porphyry Cu stockwork on quartz-monzonite porphyry
// (almalyk.md "Deposit type", S1/S2/S4): grey to grey-green rock with pinkish potassic patches at depth under a
// limonite/jarosite-stained oxidised cap (cap thickness ~60-140 m: estimated). Every bench shows a light broken
// crest, a darker fresh-blasted face with pre-split half-barrel streaks, and light scree at the toe. Tiles along u.
void makeFaceTexture(PitGround& out, const sim::PitGeometry& g, int w, int h) {
    out.faceTextureWidth = w;
    out.faceTextureHeight = h;
    const double benchH = g.params().bench_height_m;
    out.faceSpan_m = std::ceil((g.depth() + benchH) / benchH) * benchH;
    out.faceTexture.resize(static_cast<std::size_t>(w) * h * 4);
    for (int j = 0; j < h; ++j) {
        const double e = (j + 0.5) / h * out.faceSpan_m;  // metres below the rim
        const float f = static_cast<float>(std::fmod(e, benchH) / benchH);  // 0 at the crest, 1 at the toe
        const float ey = static_cast<float>(e);
        for (int i = 0; i < w; ++i) {
            const float x = static_cast<float>(i) / w;
            const float zone = fbm(x * 4.0f, ey / 40.0f, 2, 211, 4, 0);
            const float ox = 1.0f - glm::smoothstep(60.0f, 140.0f, ey + 70.0f * (zone - 0.5f));
            const float n2 = fbm(x * 8.0f, ey / 12.0f, 2, 223, 8, 0), n3 = fbm(x * 4.0f, ey / 25.0f, 2, 227, 4, 0);
            glm::vec3 primary = glm::mix(srgb(120, 118, 112), srgb(102, 110, 96), glm::smoothstep(0.35f, 0.65f, n2));
            primary = glm::mix(primary, srgb(140, 112, 100), glm::smoothstep(0.6f, 0.78f, n3) * 0.7f);
            const glm::vec3 oxid = glm::mix(srgb(150, 100, 58), srgb(170, 140, 84), glm::smoothstep(0.3f, 0.7f, n2));
            glm::vec3 c = glm::mix(primary, oxid, ox);
            // Blocky broken rock, fine grain, and vertical half-barrel streaks of the pre-split holes.
            const float blocks = fbm(x * 16.0f, ey / 2.5f, 2, 233, 16, 0);
            const float grain = valueNoise(x * 128.0f, ey * 1.5f, 239, 128, 0);
            const float streak = valueNoise(x * 64.0f, ey / 6.0f, 241, 64, 0);
            c *= 0.78f + 0.34f * blocks + 0.10f * (grain - 0.5f);
            c *= 0.9f + 0.12f * glm::smoothstep(0.3f, 0.7f, streak);
            // Crest: broken, dry and lit; mid face: fresh and dark; toe: a skirt of light scree.
            const float crest = 1.0f - glm::smoothstep(0.0f, 0.12f, f);
            c = glm::mix(c, srgb(178, 168, 150) * (0.9f + 0.2f * grain), crest * 0.75f);
            c *= 1.0f - 0.12f * glm::smoothstep(0.15f, 0.4f, f) * (1.0f - glm::smoothstep(0.6f, 0.85f, f));
            c = glm::mix(c, srgb(150, 142, 128) * (0.85f + 0.3f * grain), glm::smoothstep(0.78f, 1.0f, f) * 0.65f);
            putPixel(out.faceTexture, static_cast<std::size_t>(j) * w + i, c);
        }
    }
}

// Albedo of the ground outside the rim: dry steppe and rock from the landscape palette, pale waste dump, compacted
// haul roads, crusher pad and park-up.
void makeColorMap(PitGround& out, const sim::PitGeometry& g, int n) {
    out.colorMapSize = n;
    out.colorMap.resize(static_cast<std::size_t>(n) * n * 4);
    const double E = out.colorExtent_m;
    const int hn = 257;
    std::vector<float> hgrid(static_cast<std::size_t>(hn) * hn), ogrid(hgrid.size());
    auto gx = [&](double i, int size) { return -0.5 * E + (i + 0.5) * E / size; };
    for (int j = 0; j < hn; ++j)
        for (int i = 0; i < hn; ++i) {
            hgrid[static_cast<std::size_t>(j) * hn + i] = static_cast<float>(groundElevation(g, gx(i, hn), gx(j, hn)));
            ogrid[static_cast<std::size_t>(j) * hn + i] = static_cast<float>(-offsetFromRim(g, gx(i, hn), gx(j, hn)));
        }
    auto sample = [&](const std::vector<float>& grid, double x, double y) {
        const double fx = std::clamp((x + 0.5 * E) / E * hn - 0.5, 0.0, hn - 1.001), fy = std::clamp((y + 0.5 * E) / E * hn - 0.5, 0.0, hn - 1.001);
        const int ix = static_cast<int>(fx), iy = static_cast<int>(fy);
        const float ux = static_cast<float>(fx - ix), uy = static_cast<float>(fy - iy);
        auto h = [&](int a, int b) { return grid[static_cast<std::size_t>(b) * hn + a]; };
        return glm::mix(glm::mix(h(ix, iy), h(ix + 1, iy), ux), glm::mix(h(ix, iy + 1), h(ix + 1, iy + 1), ux), uy);
    };
    auto H = [&](double x, double y) { return sample(hgrid, x, y); };
    const DumpShape dump = dumpShape(g);
    const double cellM = E / hn;
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            const double x = gx(i, n), y = gx(j, n);
            const float h = H(x, y);
            const float sx = (H(x + cellM, y) - H(x - cellM, y)) / static_cast<float>(2 * cellM);
            const float sy = (H(x, y + cellM) - H(x, y - cellM)) / static_cast<float>(2 * cellM);
            const float slope = std::sqrt(sx * sx + sy * sy);
            const float fx = static_cast<float>(x), fy = static_cast<float>(y);
            const float n1 = fbm(fx / 900.0f, fy / 900.0f, 3, 41, 0), n2 = fbm(fx / 60.0f, fy / 60.0f, 2, 43, 0);
            glm::vec3 c = glm::mix(srgb(150, 118, 78), srgb(196, 168, 118), glm::smoothstep(0.3f, 0.7f, n1));
            c = glm::mix(c, srgb(181, 134, 76), glm::smoothstep(0.55f, 0.8f, n2) * 0.4f);
            c = glm::mix(c, glm::mix(srgb(128, 108, 92), srgb(92, 80, 72), n2), glm::smoothstep(0.25f, 0.6f, slope));
            c = glm::mix(c, srgb(120, 128, 74), glm::smoothstep(0.62f, 0.8f, n1) * (1.0f - glm::smoothstep(0.1f, 0.3f, slope)) * 0.4f);
            // Disturbed ground around the rim: trafficked, dusty, grey.
            const double off = sample(ogrid, x, y);
            c = glm::mix(c, srgb(150, 140, 124) * (0.9f + 0.2f * n2), static_cast<float>(1.0 - glm::smoothstep(60.0, 420.0, off)) * 0.8f);
            // Waste dump: pale broken rock, darker on the fresh tip face.
            const double dc = capsuleDistance({x, y}, dump.from, dump.to);
            const float dumpMask = static_cast<float>(1.0 - glm::smoothstep(dump.halfWidth + 40.0, dump.halfWidth + 90.0, dc));
            c = glm::mix(c, glm::mix(srgb(150, 140, 128), srgb(108, 100, 92), glm::smoothstep(0.3f, 0.6f, slope)) * (0.9f + 0.2f * n2), dumpMask);
            (void)h;
            putPixel(out.colorMap, static_cast<std::size_t>(j) * n + i, c * 0.72f);  // sunlit dry ground, not paper-white
        }
    // Roads, crusher pad and park-up drawn over the terrain colours as soft-edged brushes.
    auto brush = [&](glm::dvec2 a, glm::dvec2 b, double halfW, glm::vec3 col) {
        const double px = E / n;
        const glm::dvec2 lo = glm::min(a, b) - halfW - 2 * px, hi = glm::max(a, b) + halfW + 2 * px;
        const int i0 = std::max(0, static_cast<int>((lo.x + 0.5 * E) / px)), i1 = std::min(n - 1, static_cast<int>((hi.x + 0.5 * E) / px));
        const int j0 = std::max(0, static_cast<int>((lo.y + 0.5 * E) / px)), j1 = std::min(n - 1, static_cast<int>((hi.y + 0.5 * E) / px));
        for (int j = j0; j <= j1; ++j)
            for (int i = i0; i <= i1; ++i) {
                const double dist = capsuleDistance({gx(i, n), gx(j, n)}, a, b);
                const float m = static_cast<float>(1.0 - glm::smoothstep(halfW - px, halfW + px, dist));
                if (m <= 0.0f) continue;
                std::uint8_t* p = &out.colorMap[(static_cast<std::size_t>(j) * n + i) * 4];
                const glm::vec3 old(p[0] / 255.0f, p[1] / 255.0f, p[2] / 255.0f);
                const glm::vec3 nc = glm::mix(old, col, m);
                for (int k = 0; k < 3; ++k) p[k] = static_cast<std::uint8_t>(std::clamp(nc[k], 0.0f, 1.0f) * 255.0f + 0.5f);
            }
    };
    const sim::HaulNetwork net(g, sim::TruckSpeeds{});
    for (int r = 0; r < net.roadCount(); ++r) {
        const auto& pts = net.road(r).pts;
        for (std::size_t k = 0; k + 1 < pts.size(); ++k)
            if (offsetFromRim(g, pts[k].x, pts[k].y) < 5.0)
                brush({pts[k].x, pts[k].y}, {pts[k + 1].x, pts[k + 1].y}, 0.5 * g.params().ramp_width_m, srgb(112, 104, 96));
    }
    const sim::SitePos cr = g.crusherPosition(), pk = g.parkPosition();
    brush({cr.x - 40, cr.y}, {cr.x + 40, cr.y}, 55.0, srgb(98, 92, 86));
    // The park-up (sim's bays, nearest first): the lane and aisles a truck drives, and a gravel pad under each bay
    // of the fleets the Pit panel offers.
    const std::vector<sim::PitGeometry::ParkBay> bays = g.parkBays();
    for (std::size_t i = 0; i < std::min<std::size_t>(bays.size(), 80); ++i) {
        const sim::PitGeometry::ParkBay& b = bays[i];
        brush({pk.x, pk.y}, {b.lane.x, b.lane.y}, 10.0, srgb(116, 108, 100));
        brush({b.lane.x, b.lane.y}, {b.aisle.x, b.aisle.y}, 10.0, srgb(116, 108, 100));
        brush({b.aisle.x, b.aisle.y}, {b.bay.x, b.bay.y}, 5.5, srgb(126, 120, 112));
    }
}

}  // namespace

namespace {
eng::MeshData wallParts(const eng::MeshData& walls, std::initializer_list<const char*> names) {
    eng::MeshData m;
    m.materials = walls.materials;
    for (const eng::SubMesh& p : walls.parts)
        for (const char* n : names)
            if (p.name == n) m.parts.push_back(p);
    m.computeBounds();
    return m;
}

double srgbEncode(double c) { return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1.0 / 2.4) - 0.055; }
double srgbDecode(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

// The far walls' texture: the face texture's mapping (u along the wall, v = depth below the rim / faceSpan), each
// bench drawn as a slope through the toes crosses it: from a toe, first the berm (a share berm / period of the
// bench's run), then the face below it, squeezed from the face texture's rows of that bench. Berm colour: the berm
// material over the rock texture's mean, as the near berms show it.
void makeFarTexture(PitGround& out, const sim::PitGeometry& g, const glm::vec3& bermLinear) {
    const int fw = out.faceTextureWidth, h = out.faceTextureHeight;
    // A quarter of the face texture's width: along the wall it is seen foreshortened, and trilinear filtering picks
    // the mip level by the steeper direction, so a wide texture would blur the bench bands away before their time.
    const int shrink = std::max(1, std::min(4, fw / 4)), w = std::max(1, fw / shrink);
    out.farTextureWidth = w;
    out.farTextureHeight = h;
    const double benchH = g.params().bench_height_m;
    const double bermShare = g.params().berm_m / (g.params().berm_m + benchH / std::tan(glm::radians(g.params().face_angle_deg)));
    double rockMean = 0.0;
    for (std::size_t i = 0; i < out.rockTexture.size(); i += 4) rockMean += srgbDecode(out.rockTexture[i + 1] / 255.0);
    rockMean /= static_cast<double>(std::max<std::size_t>(1, out.rockTexture.size() / 4));
    glm::vec3 berm;
    for (int k = 0; k < 3; ++k) berm[k] = static_cast<float>(srgbEncode(bermLinear[k] * rockMean));
    // The faces (65 degrees) see less of the sky than the berms: what the near walls' lighting shows as bands.
    const float faceShade = static_cast<float>(srgbEncode(0.7));
    out.farTexture.resize(static_cast<std::size_t>(w) * h * 4);
    for (int j = 0; j < h; ++j) {
        const double e = (j + 0.5) / h * out.faceSpan_m;
        const double f = std::fmod(e, benchH) / benchH;
        for (int i = 0; i < w; ++i) {
            const float x = static_cast<float>(i) / w;
            glm::vec3 c(0.0f);
            if (f < bermShare) {
                const float grain = valueNoise(x * 16.0f, static_cast<float>(e) / 3.0f, 251, 16, 0);
                c = berm * (0.9f + 0.2f * grain);
            } else {
                const double faceDepth = std::floor(e / benchH) * benchH + (f - bermShare) / (1.0 - bermShare) * benchH;
                const int row = std::clamp(static_cast<int>(faceDepth / out.faceSpan_m * h), 0, h - 1);
                for (int s = 0; s < shrink; ++s) {
                    const std::uint8_t* px = &out.faceTexture[(static_cast<std::size_t>(row) * fw + i * shrink + s) * 4];
                    c += glm::vec3(px[0], px[1], px[2]) / 255.0f;
                }
                c *= faceShade / static_cast<float>(shrink);
            }
            putPixel(out.farTexture, static_cast<std::size_t>(j) * w + i, c);
        }
    }
}
}  // namespace

eng::MeshData wallFaces(const eng::MeshData& walls) { return wallParts(walls, {"face"}); }
eng::MeshData wallBerms(const eng::MeshData& walls) { return wallParts(walls, {"berm"}); }
eng::MeshData wallRoads(const eng::MeshData& walls) { return wallParts(walls, {"ramp", "floor"}); }

PitGround buildPitGround(const sim::PitGeometry& g, const PitGroundDesc& desc) {
    PitGround out;
    const int C = std::max(16, desc.columns);
    const double a0 = 0.5 * g.params().length_m, b0 = 0.5 * g.params().width_m;
    auto ringPoint = [&](double d, double t) {
        double x, y;
        g.toSite((a0 - d) * std::cos(t), (b0 - d) * std::sin(t), x, y);
        return glm::dvec2(x, y);
    };

    // [SECTION] Pit columns: fine profile, then only its breakpoints.
    std::vector<std::vector<ColumnVertex>> cols(static_cast<std::size_t>(C));
    const double dEnd = b0 - 0.5;
    const int ns = static_cast<int>(std::ceil(dEnd / desc.sampleStep_m)) + 1;
    std::vector<double> ds(static_cast<std::size_t>(ns)), zs(static_cast<std::size_t>(ns));
    // Where the ramp passes a bench level (or reaches the floor), the profile's topology changes: the berm below the
    // ramp becomes the berm above it. A column exactly there (moved from the nearest ordinary one, never a sector's
    // first column) carries both topologies, so no strip has to join ramp to berm across the change.
    std::vector<double> colT(static_cast<std::size_t>(C));
    std::vector<double> crossLevel(static_cast<std::size_t>(C), std::nan(""));
    for (int c = 0; c < C; ++c) colT[static_cast<std::size_t>(c)] = 2.0 * M_PI * c / C;
    {
        const int perSector = (desc.sectors > 0 && C % desc.sectors == 0) ? C / desc.sectors : C;
        const std::vector<sim::SitePos>& cl = g.rampCentreline();
        auto angleOf = [&](const sim::SitePos& q) {
            const double d = std::clamp(offsetFromRim(g, q.x, q.y), 0.0, b0 - 1e-3);
            double u, v;
            g.toLocal(q.x, q.y, u, v);
            return std::atan2(v / (b0 - d), u / (a0 - d));
        };
        std::vector<double> tu(cl.size());
        for (std::size_t i = 0; i < cl.size(); ++i) {
            tu[i] = angleOf(cl[i]);
            if (i > 0) tu[i] = tu[i - 1] + std::remainder(tu[i] - tu[i - 1], 2.0 * M_PI);
        }
        const double H = g.params().bench_height_m, rim = g.rimElevation(), fl = g.floorElevation();
        std::vector<double> levels;
        for (int k = 1; rim - k * H > fl + 1e-6; ++k) levels.push_back(rim - k * H);
        levels.push_back(fl);
        for (double L : levels)
            for (std::size_t i = 0; i + 1 < cl.size(); ++i) {
                if (!(cl[i].z > L && cl[i + 1].z <= L)) continue;
                double t = tu[i] + (tu[i + 1] - tu[i]) * (cl[i].z - L) / (cl[i].z - cl[i + 1].z);
                t = std::fmod(t, 2.0 * M_PI);
                if (t < 0.0) t += 2.0 * M_PI;
                const double step = 2.0 * M_PI / C;
                int c = static_cast<int>(std::lround(t / step)) % C;
                if (c % perSector == 0) c = (t > c * step ? c + 1 : c + C - 1) % C;
                if (!std::isnan(crossLevel[static_cast<std::size_t>(c)]) || c % perSector == 0) break;
                colT[static_cast<std::size_t>(c)] = t;
                crossLevel[static_cast<std::size_t>(c)] = L;
                break;
            }
    }
    for (int c = 0; c < C; ++c) {
        const double t = colT[static_cast<std::size_t>(c)];
        for (int k = 0; k < ns; ++k) {
            const double d = std::min(dEnd, k * desc.sampleStep_m);
            const glm::dvec2 p = ringPoint(d, t);
            ds[static_cast<std::size_t>(k)] = d;
            zs[static_cast<std::size_t>(k)] = groundElevation(g, p.x, p.y);
        }
        for (int k : simplifyProfile(ds, zs, desc.tolerance_m)) {
            const glm::dvec2 p = ringPoint(ds[static_cast<std::size_t>(k)], t);
            cols[static_cast<std::size_t>(c)].push_back({{p.x, p.y, zs[static_cast<std::size_t>(k)]}, t, ds[static_cast<std::size_t>(k)], {}, {}});
        }
        std::vector<ColumnVertex>& col = cols[static_cast<std::size_t>(c)];
        labelColumn(col, g.rimElevation(), g.params().bench_height_m, g.floorElevation());
        const double L = crossLevel[static_cast<std::size_t>(c)];
        if (std::isnan(L)) continue;
        // The crossing column: its flat at level L runs P1..P4 (ramp and berm side by side). Seen from before the
        // crossing (ramp above the level) the ramp is P1..P1+w and the berm P1+w..P4; after it, the berm P1..P4-w
        // and the ramp P4-w..P4. Both inner points become vertices.
        const bool isFloor = std::fabs(L - g.floorElevation()) < 1e-6;
        const double H = g.params().bench_height_m;
        const int level = static_cast<int>(std::lround((g.rimElevation() - L) / H));
        const double w = g.params().ramp_width_m;
        for (std::size_t k = 0; k + 1 < col.size(); ++k) {
            if (std::fabs(col[k].p.z - L) > 1e-6 || std::fabs(col[k + 1].p.z - L) > 1e-6) continue;
            const Feature f = isFloor ? Feature::Floor : Feature::Bench;
            const int lv = isFloor ? 0 : level;
            const double d1 = col[k].d, d4 = col[k + 1].d;
            if (d4 - d1 < w + 0.5) break;
            ColumnVertex& P1 = col[k];
            P1.left = {labelOf(Feature::Ramp, 0, false)};
            P1.right = {labelOf(f, lv, false)};
            auto at = [&](double d) {
                const glm::dvec2 q = ringPoint(d, t);
                return ColumnVertex{{q.x, q.y, L}, t, d, {}, {}};
            };
            ColumnVertex P3 = at(d1 + w);
            P3.left = {labelOf(Feature::Ramp, 0, true), labelOf(f, lv, false)};
            std::vector<ColumnVertex> mid;
            if (!isFloor) {
                ColumnVertex P2 = at(d4 - w);
                P2.right = {labelOf(f, lv, true), labelOf(Feature::Ramp, 0, false)};
                ColumnVertex& P4 = col[k + 1];
                P4.left = {labelOf(f, lv, true)};
                P4.right = {labelOf(Feature::Ramp, 0, true)};
                if (P2.d < P3.d) mid = {P2, P3};
                else mid = {P3, P2};
            } else {
                mid = {P3};
                col[k + 1].left = col[k + 1].right = {labelOf(f, lv, true)};
            }
            col.insert(col.begin() + static_cast<std::ptrdiff_t>(k + 1), mid.begin(), mid.end());
            break;
        }
    }

    // [SECTION] Walls: flat-shaded triangles sorted into material parts.
    const std::vector<sim::SitePos>& ramp = g.rampCentreline();
    const double rampHalf = 0.5 * g.params().ramp_width_m + 1.5;
    const double floorZ = g.floorElevation();
    // Ramanujan's perimeter of the rim ellipse: whole repeats of the face texture around the wall.
    const double perimeter = M_PI * (3.0 * (a0 + b0) - std::sqrt((3.0 * a0 + b0) * (a0 + 3.0 * b0)));
    const double faceRepeats = std::max(1.0, std::round(perimeter / kFaceTile_m));
    makeFaceTexture(out, g, std::max(4, desc.faceTextureWidth), std::max(4, desc.faceTextureHeight));
    const double rimZ = g.rimElevation(), faceSpan = out.faceSpan_m;
    enum Part { Face, Berm, Ramp, Floor, PartCount };
    eng::MeshData& w = out.walls;
    w.materials = {
        // Faces take their colour from faceTexture; the flats are dusty broken rock, trafficked roads darker.
        {.name = "bench face", .baseColor = {1.0f, 1.0f, 1.0f, 1}, .roughness = 0.95f},
        {.name = "berm", .baseColor = {0.33f, 0.30f, 0.26f, 1}, .roughness = 0.95f},
        {.name = "haul road", .baseColor = {0.20f, 0.19f, 0.18f, 1}, .roughness = 0.85f},
        {.name = "pit floor", .baseColor = {0.26f, 0.245f, 0.225f, 1}, .roughness = 0.9f},
    };
    w.parts.resize(PartCount);
    const char* partNames[] = {"face", "berm", "ramp", "floor"};
    for (int p = 0; p < PartCount; ++p) { w.parts[p].name = partNames[p]; w.parts[p].material = p; }
    auto onRamp = [&](glm::dvec3 c) {
        for (std::size_t i = 0; i + 1 < ramp.size(); ++i) {
            const glm::dvec2 a(ramp[i].x, ramp[i].y), b(ramp[i + 1].x, ramp[i + 1].y);
            if (capsuleDistance({c.x, c.y}, a, b) < rampHalf && std::fabs(c.z - 0.5 * (ramp[i].z + ramp[i + 1].z)) < 6.0)
                return true;
        }
        return false;
    };
    auto emitWall = [&](const ColumnVertex& v0, const ColumnVertex& v1, const ColumnVertex& v2) {
        const glm::vec3 p0 = scenePos(v0.p), p1 = scenePos(v1.p), p2 = scenePos(v2.p);
        glm::vec3 n = glm::cross(p1 - p0, p2 - p0);
        const float len = glm::length(n);
        if (len < 1e-6f) return;
        n /= len;
        if (n.y < 0.0f) n = -n;
        const glm::dvec3 cen = (v0.p + v1.p + v2.p) / 3.0;
        Part part = Face;
        if (n.y > 0.85f) part = cen.z < floorZ + 0.5 ? Floor : (onRamp(cen) ? Ramp : Berm);
        eng::SubMesh& sm = w.parts[part];
        const auto base = static_cast<std::uint32_t>(sm.vertices.size());
        for (const ColumnVertex* v : {&v0, &v1, &v2}) {
            glm::vec2 uv;
            if (part == Face) uv = {static_cast<float>(v->t / (2.0 * M_PI) * faceRepeats), static_cast<float>((rimZ - v->p.z) / faceSpan)};
            else uv = glm::vec2(static_cast<float>(v->p.x), static_cast<float>(v->p.y)) / static_cast<float>(kRockTile_m);
            sm.vertices.push_back({scenePos(v->p), n, uv});
        }
        // Counter-clockwise seen from above (the renderer may cull back faces).
        const bool ccw = glm::cross(p1 - p0, p2 - p0).y > 0.0f;
        sm.indices.insert(sm.indices.end(), {base, ccw ? base + 1 : base + 2, ccw ? base + 2 : base + 1});
        ++out.wallTriangles;
    };
    for (int c = 0; c < C; ++c) {
        const auto& A = cols[static_cast<std::size_t>(c)];
        std::vector<ColumnVertex> B = cols[static_cast<std::size_t>((c + 1) % C)];
        if (c + 1 == C)
            for (ColumnVertex& v : B) v.t += 2.0 * M_PI;  // the texture's u keeps growing across the wrap
        stitchLabelled(A, B, emitWall);
    }
    w.computeBounds();

    // [SECTION] Far walls: per column the rim, the bench toes and the pit's centre, simplified, then dropped below
    // every berm (the ramp and the floor, drawn over them, stay visible). Vertices are shared, so normals are smooth.
    {
        eng::MeshData& fw = out.wallsFar;
        fw.materials = {{.name = "far wall", .baseColor = {1, 1, 1, 1}, .roughness = 0.95f}};
        fw.parts.resize(1);
        fw.parts[0].name = "far wall";
        eng::SubMesh& fs = fw.parts[0];
        std::vector<std::vector<ColumnVertex>> far(static_cast<std::size_t>(C) + 1);
        std::vector<std::vector<double>> farDepth(static_cast<std::size_t>(C) + 1);  // true depth below the rim
        std::vector<std::uint32_t> farBase(static_cast<std::size_t>(C) + 2, 0);
        for (int c = 0; c < C; ++c) {
            const auto& col = cols[static_cast<std::size_t>(c)];
            std::vector<double> fd, fz;
            std::vector<std::size_t> src;
            for (std::size_t k = 0; k < col.size(); ++k) {
                bool keep = k == 0 || k + 1 == col.size();
                if (!keep) {
                    // A toe: the profile turns flatter here (a face ends on a berm, the ramp or the floor).
                    const ColumnVertex &a = col[k - 1], &b = col[k], &n = col[k + 1];
                    const double in = (a.p.z - b.p.z) / std::max(b.d - a.d, 1e-9);
                    const double outS = (b.p.z - n.p.z) / std::max(n.d - b.d, 1e-9);
                    keep = in > outS + 0.3;
                }
                if (keep) { fd.push_back(col[k].d); fz.push_back(col[k].p.z); src.push_back(k); }
            }
            std::vector<ColumnVertex>& fc = far[static_cast<std::size_t>(c)];
            for (int k : simplifyProfile(fd, fz, desc.farTolerance_m)) fc.push_back(col[src[static_cast<std::size_t>(k)]]);
            // Drop the slope under every point of the column (simplification may cut above a toe by the tolerance).
            double drop = kFarDrop_m;
            for (const ColumnVertex& v : col) {
                for (std::size_t k = 0; k + 1 < fc.size(); ++k)
                    if (v.d >= fc[k].d && v.d <= fc[k + 1].d && fc[k + 1].d > fc[k].d) {
                        const double line = fc[k].p.z + (v.d - fc[k].d) / (fc[k + 1].d - fc[k].d) * (fc[k + 1].p.z - fc[k].p.z);
                        if (v.d > 0.0) drop = std::max(drop, line - v.p.z + 0.5);
                        break;
                    }
            }
            for (std::size_t k = 0; k < fc.size(); ++k) {
                farDepth[static_cast<std::size_t>(c)].push_back(rimZ - fc[k].p.z);
                if (k > 0) fc[k].p.z -= drop;
            }
        }
        far[static_cast<std::size_t>(C)] = far[0];
        farDepth[static_cast<std::size_t>(C)] = farDepth[0];
        for (ColumnVertex& v : far[static_cast<std::size_t>(C)]) v.t += 2.0 * M_PI;
        for (int c = 0; c <= C; ++c) {
            const auto& fc = far[static_cast<std::size_t>(c)];
            farBase[static_cast<std::size_t>(c) + 1] = farBase[static_cast<std::size_t>(c)] + static_cast<std::uint32_t>(fc.size());
            for (std::size_t k = 0; k < fc.size(); ++k) {
                const glm::vec2 uv(static_cast<float>(fc[k].t / (2.0 * M_PI) * faceRepeats),
                                   static_cast<float>(farDepth[static_cast<std::size_t>(c)][k] / faceSpan));
                fs.vertices.push_back({scenePos(fc[k].p), glm::vec3(0.0f), uv});
            }
        }
        for (int c = 0; c < C; ++c) {
            const auto& A = far[static_cast<std::size_t>(c)];
            const auto& B = far[static_cast<std::size_t>(c) + 1];
            auto index = [&](const ColumnVertex& v) {
                if (&v >= A.data() && &v < A.data() + A.size())
                    return farBase[static_cast<std::size_t>(c)] + static_cast<std::uint32_t>(&v - A.data());
                return farBase[static_cast<std::size_t>(c) + 1] + static_cast<std::uint32_t>(&v - B.data());
            };
            stitch(A, B, [&](const ColumnVertex& v0, const ColumnVertex& v1, const ColumnVertex& v2) {
                std::uint32_t i0 = index(v0), i1 = index(v1), i2 = index(v2);
                const glm::vec3 p0 = fs.vertices[i0].position, p1 = fs.vertices[i1].position, p2 = fs.vertices[i2].position;
                glm::vec3 n = glm::cross(p1 - p0, p2 - p0);
                if (glm::length(n) < 1e-6f) return;
                if (n.y < 0.0f) { std::swap(i1, i2); n = -n; }  // counter-clockwise from above
                fs.indices.insert(fs.indices.end(), {i0, i1, i2});
                for (std::uint32_t i : {i0, i1, i2}) fs.vertices[i].normal += n;  // area-weighted
                ++out.farTriangles;
            });
        }
        // The seam column is one column twice (u keeps growing across it): both copies get the summed normal.
        const std::size_t n0 = far[0].size();
        for (std::size_t k = 0; k < n0; ++k) {
            glm::vec3& a = fs.vertices[farBase[0] + k].normal;
            glm::vec3& b = fs.vertices[farBase[static_cast<std::size_t>(C)] + k].normal;
            a = b = a + b;
        }
        for (eng::Vertex& v : fs.vertices) v.normal = glm::length(v.normal) > 1e-9f ? glm::normalize(v.normal) : glm::vec3(0, 1, 0);
        fw.computeBounds();
    }

    // [SECTION] Sectors: the walls and far walls split by the column strip each triangle lies in, and the skirts.
    {
        const int S = (desc.sectors > 0 && C % desc.sectors == 0) ? desc.sectors : 1;
        auto sectorOf = [&](glm::vec3 c) {
            // A triangle between columns c and c+1 lies inside their strip, so its centroid's angle names the strip.
            const double x = c.x, y = -c.z;
            const double d = std::clamp(offsetFromRim(g, x, y), 0.0, b0 - 1e-3);
            double u, v;
            g.toLocal(x, y, u, v);
            double t = std::atan2(v / (b0 - d), u / (a0 - d));
            if (t < 0.0) t += 2.0 * M_PI;
            return std::clamp(static_cast<int>(t / (2.0 * M_PI) * S), 0, S - 1);
        };
        auto split = [&](const eng::MeshData& m, std::vector<eng::MeshData>& out) {
            out.assign(static_cast<std::size_t>(S), eng::MeshData{});
            for (eng::MeshData& o : out) {
                o.materials = m.materials;
                o.parts.resize(m.parts.size());
                for (std::size_t p = 0; p < m.parts.size(); ++p) { o.parts[p].name = m.parts[p].name; o.parts[p].material = m.parts[p].material; }
            }
            for (std::size_t p = 0; p < m.parts.size(); ++p) {
                const eng::SubMesh& sm = m.parts[p];
                std::vector<std::vector<std::uint32_t>> remap(static_cast<std::size_t>(S), std::vector<std::uint32_t>(sm.vertices.size(), UINT32_MAX));
                for (std::size_t i = 0; i + 2 < sm.indices.size(); i += 3) {
                    const glm::vec3 cen = (sm.vertices[sm.indices[i]].position + sm.vertices[sm.indices[i + 1]].position +
                                           sm.vertices[sm.indices[i + 2]].position) / 3.0f;
                    const int k = sectorOf(cen);
                    eng::SubMesh& dst = out[static_cast<std::size_t>(k)].parts[p];
                    for (int e = 0; e < 3; ++e) {
                        const std::uint32_t src = sm.indices[i + e];
                        std::uint32_t& to = remap[static_cast<std::size_t>(k)][src];
                        if (to == UINT32_MAX) { to = static_cast<std::uint32_t>(dst.vertices.size()); dst.vertices.push_back(sm.vertices[src]); }
                        dst.indices.push_back(to);
                    }
                }
            }
            for (eng::MeshData& o : out) o.computeBounds();
        };
        split(out.walls, out.nearSectors);
        split(out.wallsFar, out.farSectors);
        // Skirts: on each sector's first column, from the bench profile down to the far slope (which runs under it),
        // stitched by offset; uv as the far walls (v = depth below the rim), so the skirt reads as wall.
        out.skirts.assign(static_cast<std::size_t>(S), eng::MeshData{});
        const eng::SubMesh& fs = out.wallsFar.parts[0];
        for (int k = 0; k < S; ++k) {
            const int c = k * (C / S);
            const auto& col = cols[static_cast<std::size_t>(c)];
            // The far column: the far-wall vertices at this column's angle (the seam column for c = 0).
            std::vector<const eng::Vertex*> farV;
            const glm::vec3 rim = scenePos(col.front().p);
            const double t = 2.0 * M_PI * c / C;
            for (const eng::Vertex& v : fs.vertices) {
                const double x = v.position.x, y = -v.position.z;
                double u, vv;
                g.toLocal(x, y, u, vv);
                const double d = std::clamp(offsetFromRim(g, x, y), 0.0, b0 - 1e-3);
                double tv = std::atan2(vv / (b0 - d), u / (a0 - d));
                if (tv < 0.0) tv += 2.0 * M_PI;
                const double dt = std::fabs(std::remainder(tv - t, 2.0 * M_PI));
                if (dt < 1e-6 || glm::length(v.position - rim) < 1e-3f) farV.push_back(&v);
            }
            std::sort(farV.begin(), farV.end(), [&](const eng::Vertex* a, const eng::Vertex* b) {
                return glm::length(glm::vec2(a->position.x - rim.x, a->position.z - rim.z)) < glm::length(glm::vec2(b->position.x - rim.x, b->position.z - rim.z));
            });
            farV.erase(std::unique(farV.begin(), farV.end(), [](const eng::Vertex* a, const eng::Vertex* b) {
                return glm::length(a->position - b->position) < 1e-3f; }), farV.end());
            eng::MeshData& sk = out.skirts[static_cast<std::size_t>(k)];
            sk.materials = out.wallsFar.materials;
            sk.parts.resize(1);
            sk.parts[0].name = "skirt";
            eng::SubMesh& ss = sk.parts[0];
            if (farV.size() < 2) { sk.computeBounds(); continue; }
            auto emit = [&](glm::vec3 p0, glm::vec3 p1, glm::vec3 p2, glm::vec2 u0, glm::vec2 u1, glm::vec2 u2) {
                glm::vec3 n = glm::cross(p1 - p0, p2 - p0);
                if (glm::length(n) < 1e-6f) return;
                n = glm::normalize(n);
                for (int side = 0; side < 2; ++side) {
                    const auto base = static_cast<std::uint32_t>(ss.vertices.size());
                    const float sg = side ? -1.0f : 1.0f;
                    ss.vertices.push_back({p0, n * sg, u0});
                    ss.vertices.push_back({p1, n * sg, u1});
                    ss.vertices.push_back({p2, n * sg, u2});
                    if (side) ss.indices.insert(ss.indices.end(), {base, base + 2, base + 1});
                    else ss.indices.insert(ss.indices.end(), {base, base + 1, base + 2});
                }
            };
            const float uCol = static_cast<float>(t / (2.0 * M_PI) * faceRepeats);
            auto uvOf = [&](glm::vec3 p) { return glm::vec2(uCol, static_cast<float>((rimZ - p.y) / faceSpan)); };
            auto horiz = [&](glm::vec3 p) { return glm::length(glm::vec2(p.x - rim.x, p.z - rim.z)); };
            std::size_t i = 0, j = 0;
            while (i + 1 < col.size() || j + 1 < farV.size()) {
                const bool advA = j + 1 >= farV.size() || (i + 1 < col.size() && horiz(scenePos(col[i + 1].p)) <= horiz(farV[j + 1]->position));
                const glm::vec3 a = scenePos(col[i].p), b = farV[j]->position;
                if (advA) { const glm::vec3 a1 = scenePos(col[i + 1].p); emit(a, b, a1, uvOf(a), farV[j]->uv, uvOf(a1)); ++i; }
                else { const glm::vec3 b1 = farV[j + 1]->position; emit(a, b, b1, uvOf(a), farV[j]->uv, farV[j + 1]->uv); ++j; }
            }
            sk.computeBounds();
        }
    }

    // [SECTION] Ground rings outside the rim, sharing the rim vertices of the columns.
    // Ring offsets (0 = rim, growing outward as negative offsets) and the column step of each ring: every column on
    // the flat bench round the rim and over the dump, every 2nd beyond 700 m, every 4th beyond 2.5 km.
    struct Ring { double d; int step; };
    std::vector<Ring> rings;
    const int step2 = C % 2 == 0 ? 2 : 1, step4 = C % 4 == 0 ? 4 : step2;
    for (double d = 0.0; d > -1200.0; d -= (d > -300.0 ? 25.0 : 50.0)) rings.push_back({d, d > -700.0 ? 1 : step2});
    for (double d = -1200.0; d > -desc.outerRadius_m; d *= 1.3) rings.push_back({d, d > -2500.0 ? step2 : step4});
    rings.push_back({-desc.outerRadius_m, step4});
    const double E = 2.0 * (a0 + desc.outerRadius_m);
    out.colorExtent_m = E;
    eng::MeshData& gr = out.ground;
    gr.materials = {{.name = "ground", .baseColor = {1, 1, 1, 1}, .roughness = 0.95f}};
    gr.parts.resize(1);
    gr.parts[0].name = "ground";
    eng::SubMesh& gs = gr.parts[0];
    const int R = static_cast<int>(rings.size());
    std::vector<std::uint32_t> ringStart(static_cast<std::size_t>(R));
    for (int r = 0; r < R; ++r) {
        ringStart[static_cast<std::size_t>(r)] = static_cast<std::uint32_t>(gs.vertices.size());
        const Ring& ring = rings[static_cast<std::size_t>(r)];
        // Normals from the surface itself, over about the local spacing (the rings are not uniform).
        const double h = std::max(5.0, 0.5 * (r > 0 ? rings[static_cast<std::size_t>(r - 1)].d - ring.d : 25.0));
        for (int c = 0; c < C; c += ring.step) {
            glm::dvec3 p;
            if (r == 0) p = cols[static_cast<std::size_t>(c)].front().p;
            else {
                const glm::dvec2 q = ringPoint(ring.d, 2.0 * M_PI * c / C);
                p = {q.x, q.y, groundElevation(g, q.x, q.y)};
            }
            glm::vec3 n(0.0f, 1.0f, 0.0f);
            if (r > 0) {
                const double dzx = groundElevation(g, p.x + h, p.y) - groundElevation(g, p.x - h, p.y);
                const double dzy = groundElevation(g, p.x, p.y + h) - groundElevation(g, p.x, p.y - h);
                // Site gradient (dz/dx, dz/dy) -> scene normal (x east, y up, z south).
                n = glm::normalize(glm::vec3(static_cast<float>(-dzx / (2 * h)), 1.0f, static_cast<float>(dzy / (2 * h))));
            }
            const glm::vec3 sp = scenePos(p);
            const glm::vec2 uv((sp.x + 0.5f * static_cast<float>(E)) / static_cast<float>(E),
                               (-sp.z + 0.5f * static_cast<float>(E)) / static_cast<float>(E));
            gs.vertices.push_back({sp, n, uv});
        }
    }
    auto addTri = [&](std::uint32_t a, std::uint32_t b, std::uint32_t c2) {
        const glm::vec3 A = gs.vertices[a].position, B = gs.vertices[b].position, Cc = gs.vertices[c2].position;
        const bool ccw = glm::cross(B - A, Cc - A).y > 0.0f;
        gs.indices.insert(gs.indices.end(), {a, ccw ? b : c2, ccw ? c2 : b});
        ++out.groundTriangles;
    };
    // Two closed rings with column steps sA <= sB: walk both by column index, advancing the one whose next column
    // comes first, so a coarse ring fans onto the finer one without T-junction gaps.
    for (int r = 0; r + 1 < R; ++r) {
        const int sA = rings[static_cast<std::size_t>(r)].step, sB = rings[static_cast<std::size_t>(r + 1)].step;
        const int nA = C / sA, nB = C / sB;
        const std::uint32_t baseA = ringStart[static_cast<std::size_t>(r)], baseB = ringStart[static_cast<std::size_t>(r + 1)];
        auto vA = [&](int k) { return baseA + static_cast<std::uint32_t>(k % nA); };
        auto vB = [&](int k) { return baseB + static_cast<std::uint32_t>(k % nB); };
        int i = 0, j = 0;
        while (i < nA || j < nB) {
            if (j >= nB || (i < nA && (i + 1) * sA <= (j + 1) * sB)) { addTri(vA(i), vB(j), vA(i + 1)); ++i; }
            else { addTri(vA(i), vB(j), vB(j + 1)); ++j; }
        }
    }
    gr.computeBounds();

    makeRockTexture(out, desc.rockTextureSize);
    makeColorMap(out, g, desc.colorMapSize);
    makeFarTexture(out, g, glm::vec3(w.materials[Berm].baseColor));
    return out;
}

}  // namespace scenes::pit
