// Pit and ore-transport models: haul trucks, rope shovel, crushing station, conveyor, rail (almalyk.md §2).
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "tools/modelgen/catalog.h"

namespace modelgen {
namespace {

// The truck is drawn at BelAZ-75306 size and scaled per axis for smaller classes (their proportions match within 2%).
constexpr glm::vec3 k220Size{7.7f, 6.5f, 13.4f};   // W, H, L: BelAZ-75306 (task brief; almalyk.md §2 S51 gives mass/body only)
constexpr glm::vec3 k130Size{7.0f, 5.9f, 12.05f};  // BelAZ-75131: L 12.05, H 5.9 (almalyk.md §2 S51); W 7.0 estimated
constexpr float kTyreR = 1.75f, kTyreW = 1.1f;     // 40.00R57 tyres, ~3.5 m diameter
constexpr float kFrontAxleZ = 3.9f, kRearAxleZ = -2.45f;  // wheelbase 6.35 m (estimated)
constexpr glm::vec3 kBodyHinge{0.0f, 3.5f, -4.9f};

void wheel(ModelBuilder& b, const Palette& p, float x, float z, int hubPaint) {
    b.use(p.rubber);
    b.cylinder({x - kTyreW / 2, kTyreR, z}, {x + kTyreW / 2, kTyreR, z}, kTyreR, kTyreR, 24);
    b.use(hubPaint);
    const float side = x > 0 ? 1.0f : -1.0f;
    b.cylinder({x - kTyreW * 0.52f, kTyreR, z}, {x + kTyreW * 0.52f, kTyreR, z}, 0.95f, 0.95f, 12);
    b.cylinder({x + side * kTyreW * 0.52f, kTyreR, z}, {x + side * (kTyreW * 0.52f + 0.05f), kTyreR, z}, 0.45f, 0.35f, 10);
}

void truck(ModelBuilder& b, glm::vec3 size) {
    const Palette p = Palette::add(b);
    b.transform(glm::scale(glm::mat4(1.0f), size / k220Size));

    b.part("wheels_front");
    for (const float x : {-3.2f, 3.2f}) wheel(b, p, x, kFrontAxleZ, p.yellow);
    b.part("wheels_rear");
    for (const float x : {-3.2f, -2.05f, 2.05f, 3.2f}) wheel(b, p, x, kRearAxleZ, p.yellow);

    b.part("chassis");
    b.use(p.darkSteel);
    b.box({-1.1f, 1.2f, -5.0f}, {1.1f, 2.2f, 5.6f});                                 // main frame
    b.cylinder({-2.65f, kTyreR, kRearAxleZ}, {2.65f, kTyreR, kRearAxleZ}, 0.55f, 0.55f, 12);  // rear axle housing
    b.box({-3.2f, 1.0f, 5.8f}, {3.2f, 1.6f, 6.5f});                                  // bumper
    b.box({-1.5f, 1.2f, 6.0f}, {1.5f, 3.9f, 6.4f});                                  // radiator grille
    for (const float s : {-1.0f, 1.0f}) {
        b.box({s * 2.3f - 0.25f, 1.8f, kFrontAxleZ - 0.3f}, {s * 2.3f + 0.25f, 3.9f, kFrontAxleZ + 0.3f});  // front struts
        b.beam({s * 3.3f, 1.6f, 6.1f}, {s * 3.3f, 3.9f, 6.1f}, 0.3f, 0.3f, {0, 0, 1});                      // deck posts
        b.box({s * 1.2f - 0.2f, 2.2f, -5.2f}, {s * 1.2f + 0.2f, 3.5f, -4.6f});                             // body hinge brackets
        b.cylinder({s * 1.6f, 2.0f, 0.2f}, {s * 1.6f, 3.55f, 1.2f}, 0.22f, 0.22f, 8);                       // hoist cylinders
    }
    b.beam({-2.9f, 1.1f, 6.45f}, {-2.2f, 3.9f, 6.45f}, 0.7f, 0.12f, {0, 0, 1});      // diagonal front stairway
    b.use(p.yellow);
    b.box({-1.3f, 1.6f, 3.6f}, {1.3f, 3.9f, 6.0f});                                  // engine hood
    b.box({-3.85f, 3.9f, 4.2f}, {3.85f, 4.15f, 6.5f});                               // upper deck
    b.box({1.6f, 4.15f, 4.4f}, {3.6f, 5.9f, 6.2f});                                  // cab on the left deck (+X)
    b.box({1.2f, 1.5f, 0.4f}, {2.4f, 2.7f, 2.2f});                                   // fuel tank
    b.use(p.glass);
    b.box({1.58f, 5.0f, 4.5f}, {3.62f, 5.75f, 6.22f});                               // cab windows
    b.use(p.steel);
    for (const float z : {4.25f, 6.45f}) b.beam({-3.8f, 4.7f, z}, {3.8f, 4.7f, z}, 0.06f, 0.06f);  // deck handrails

    b.part("body");
    b.use(p.yellow);
    b.prismX({{-6.7f, 3.75f}, {2.0f, 3.55f}, {2.0f, 3.9f}, {-6.7f, 4.1f}}, -3.6f, 3.6f);              // floor, clear of the tyres
    for (const float x0 : {-3.65f, 3.45f})
        b.prismX({{-6.7f, 3.75f}, {2.0f, 3.55f}, {2.0f, 6.1f}, {-6.3f, 5.4f}}, x0, x0 + 0.2f);       // side walls
    b.box({-3.65f, 3.55f, 1.6f}, {3.65f, 6.2f, 2.0f});                                             // front wall
    b.box({-3.75f, 6.0f, 1.6f}, {3.75f, 6.5f, 6.7f});                                              // canopy over the deck and cab
    for (const float x : {-3.8f, 3.65f})
        for (const float z : {-4.6f, -2.4f, -0.2f}) {
            const float t = (z + 6.7f) / 8.7f;                                                     // follow the wall's slope
            b.box({x, 3.75f - 0.2f * t, z - 0.15f}, {x + 0.15f, 5.4f + 0.6f * t, z + 0.15f});   // side ribs
        }
    b.resetTransform();
}

std::map<std::string, Pivot> truckPivots(glm::vec3 size) {
    const glm::vec3 k = size / k220Size;
    // Negative X: a positive angle raises the front of the body (tips the load out at the rear).
    return {{"body", {kBodyHinge * k, {-1, 0, 0}}},
            {"wheels_front", {glm::vec3(0, kTyreR, kFrontAxleZ) * k, {1, 0, 0}}},
            {"wheels_rear", {glm::vec3(0, kTyreR, kRearAxleZ) * k, {1, 0, 0}}}};
}

// EKG-20KM rope shovel (almalyk.md §2 S23: 25 m3 dipper). Boom 20 m at 45 deg (task brief); crawler, house and
// gantry sizes are estimates scaled from the 20 m boom and the dipper.
constexpr glm::vec3 kBoomFoot{0.0f, 4.5f, 3.8f};
constexpr float kBoomLen = 20.0f;
const glm::vec3 kBoomDir = glm::normalize(glm::vec3(0.0f, 1.0f, 1.0f));
const glm::vec3 kSaddle = kBoomFoot + kBoomDir * 9.0f;

void shovel(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    b.part("base");
    b.use(p.darkSteel);
    const std::vector<glm::vec2> crawler{{-5.3f, 0.6f}, {-4.7f, 0.0f}, {4.7f, 0.0f}, {5.3f, 0.6f},
                                         {5.3f, 1.6f}, {4.7f, 2.2f}, {-4.7f, 2.2f}, {-5.3f, 1.6f}};
    b.prismX(crawler, -4.9f, -2.5f);
    b.prismX(crawler, 2.5f, 4.9f);
    b.box({-2.5f, 0.8f, -3.0f}, {2.5f, 2.6f, 3.0f});                       // lower frame (car body)
    b.cylinder({0, 2.6f, 0}, {0, 3.0f, 0}, 4.2f, 4.2f, 24);                // roller circle

    b.part("house");
    b.use(p.orange);
    b.box({-4.5f, 3.0f, -7.0f}, {4.5f, 9.5f, 3.5f});                       // machinery house
    b.use(p.darkSteel);
    b.box({-4.7f, 3.0f, -7.6f}, {4.7f, 6.0f, -6.8f});                      // counterweight
    b.use(p.orange);
    b.box({2.4f, 5.0f, 3.5f}, {4.5f, 8.2f, 5.4f});                         // operator's cab, front left
    b.use(p.glass);
    b.box({2.38f, 6.6f, 3.6f}, {4.52f, 8.0f, 5.42f});
    b.use(p.steel);
    const glm::vec3 apexL{-1.2f, 16.0f, -2.2f}, apexR{1.2f, 16.0f, -2.2f};  // gantry (A-frame)
    for (const float s : {-1.0f, 1.0f}) {
        const glm::vec3 apex = s < 0 ? apexL : apexR;
        b.beam({s * 2.8f, 9.5f, 1.6f}, apex, 0.55f, 0.55f);
        b.beam({s * 2.8f, 9.5f, -6.2f}, apex, 0.55f, 0.55f);
    }
    b.beam(apexL - glm::vec3(0.4f, 0, 0), apexR + glm::vec3(0.4f, 0, 0), 0.6f, 0.6f, {0, 0, 1});

    b.part("boom");
    b.use(p.orange);
    const glm::vec3 tip = kBoomFoot + kBoomDir * kBoomLen;
    for (const float x : {-0.8f, 0.8f}) b.beam(kBoomFoot + glm::vec3(x, 0, 0), tip + glm::vec3(x, 0, 0), 0.6f, 1.5f, {0, 1, -1});
    for (float t = 0.15f; t < 0.95f; t += 0.2f) b.beam(kBoomFoot + kBoomDir * (kBoomLen * t) - glm::vec3(0.8f, 0, 0),
                                                       kBoomFoot + kBoomDir * (kBoomLen * t) + glm::vec3(0.8f, 0, 0), 0.4f, 1.0f, {0, 1, -1});
    b.use(p.darkSteel);
    b.cylinder(tip - glm::vec3(0.9f, 0, 0), tip + glm::vec3(0.9f, 0, 0), 1.3f, 1.3f, 16);         // point sheaves
    b.use(p.steel);
    for (const float x : {-0.7f, 0.7f}) b.beam(glm::vec3(x, 16.0f, -2.2f), tip + glm::vec3(x, 0.6f, -0.6f), 0.12f, 0.12f);  // pendants

    b.part("dipper");
    b.use(p.darkSteel);
    const glm::vec3 handleTop = kSaddle + glm::vec3(0, 1.6f, -2.4f), handleEnd{0.0f, 5.6f, 15.2f};
    for (const float x : {-0.55f, 0.55f}) b.beam(handleTop + glm::vec3(x, 0, 0), handleEnd + glm::vec3(x, 0, 0), 0.45f, 0.7f);
    b.use(p.yellow);
    b.prismX({{14.4f, 2.6f}, {17.6f, 2.2f}, {18.0f, 5.8f}, {14.6f, 6.2f}}, -1.85f, 1.85f);     // dipper, 25 m3
    b.use(p.steel);
    for (int i = 0; i < 5; ++i) {
        const float x = -1.5f + 0.75f * float(i);
        b.beam({x, 2.4f, 17.4f}, {x, 2.0f, 18.4f}, 0.3f, 0.3f);                                    // teeth
    }
    b.beam(tip + glm::vec3(0, -1.2f, 0.4f), {0.0f, 6.4f, 16.4f}, 0.14f, 0.14f, {0, 0, 1});          // hoist rope
}

// Gyratory crushing station for the cyclic-flow line (almalyk.md §2 S12: 6,500 t/h, 300-350 mm product).
// Sizes are estimates for a 60x113 gyratory station: trucks back onto the dump pad (+Z, 8 m up, set against a
// bench) and tip into the dump pocket.
void crusher(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    b.part("station");
    b.use(p.concrete);
    b.box({-9.0f, 0.0f, -14.0f}, {9.0f, 18.0f, 0.0f});                     // crusher building
    b.box({-10.0f, 0.0f, 0.0f}, {10.0f, 8.0f, 12.0f});                     // dump pad
    b.box({-10.0f, 8.0f, 0.0f}, {-9.2f, 9.2f, 12.0f});                     // pad side walls
    b.box({9.2f, 8.0f, 0.0f}, {10.0f, 9.2f, 12.0f});
    b.use(p.yellow);
    b.box({-7.5f, 8.0f, 7.2f}, {7.5f, 8.9f, 7.8f});                        // wheel stop for backing trucks
    b.use(p.darkSteel);
    b.prismX({{0.0f, 8.01f}, {6.6f, 8.01f}, {6.6f, 8.05f}, {0.0f, 8.05f}}, -6.0f, 6.0f);  // dump pocket opening
    b.use(p.steel);
    b.box({-7.0f, 18.0f, -12.0f}, {7.0f, 24.0f, -2.0f});                   // crane house on the roof
    b.use(p.glass);
    b.box({-7.02f, 21.0f, -11.5f}, {7.02f, 22.0f, -2.5f});
    b.use(p.yellow);                                                       // rock breaker on its pedestal
    b.box({7.0f, 8.0f, 0.5f}, {8.6f, 9.6f, 2.1f});
    b.beam({7.8f, 9.6f, 1.3f}, {5.5f, 13.0f, 3.5f}, 0.6f, 0.7f);
    b.beam({5.5f, 13.0f, 3.5f}, {3.5f, 9.5f, 4.5f}, 0.5f, 0.6f);
    b.use(p.steel);
    b.beam({0.0f, 2.5f, -14.0f}, {0.0f, 6.5f, -24.0f}, 3.2f, 2.6f);       // discharge conveyor gallery
    b.box({-1.4f, 0.0f, -23.0f}, {1.4f, 5.5f, -22.0f});
}

// 10 m of troughed belt on trestles, for tiling along +Z (almalyk.md §2: CFT, 6,500 t/h, 2 x 4.2 km);
// belt width 1.8 m, 35 deg troughing, idlers every 1.25 m: estimates for that capacity.
void conveyor(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    b.part("frame");
    b.use(p.steel);
    for (const float z : {-2.5f, 2.5f}) {                                   // trestles, 5 m apart so tiles repeat
        for (const float s : {-1.0f, 1.0f}) b.beam({s * 1.2f, 0.12f, z}, {s * 1.0f, 1.35f, z}, 0.18f, 0.18f, {0, 0, 1});
        b.beam({-1.1f, 0.5f, z}, {1.1f, 0.5f, z}, 0.12f, 0.12f, {0, 0, 1});
        b.box({-1.35f, 0.0f, z - 0.3f}, {1.35f, 0.12f, z + 0.3f});
    }
    for (const float s : {-1.0f, 1.0f}) b.box({s * 1.0f - 0.06f, 1.35f, -5.0f}, {s * 1.0f + 0.06f, 1.55f, 5.0f});  // stringers
    b.use(p.darkSteel);
    const float trough = glm::radians(35.0f);
    const glm::vec2 wing(std::cos(trough), std::sin(trough));
    for (int i = 0; i < 8; ++i) {                                            // idler sets
        const float z = -4.375f + 1.25f * float(i);
        b.cylinder({-0.32f, 1.62f, z}, {0.32f, 1.62f, z}, 0.08f, 0.08f, 6, false);
        for (const float s : {-1.0f, 1.0f})
            b.cylinder({s * 0.36f, 1.62f, z}, {s * (0.36f + 0.6f * wing.x), 1.62f + 0.6f * wing.y, z}, 0.08f, 0.08f, 6, false);
    }
    b.cylinder({-0.9f, 1.2f, 0.0f}, {0.9f, 1.2f, 0.0f}, 0.08f, 0.08f, 6, false);   // return idler

    b.part("belt");
    b.use(p.rubber);
    b.prismZ({{-0.34f, 1.7f}, {0.34f, 1.7f}, {0.34f, 1.72f}, {-0.34f, 1.72f}}, -5.0f, 5.0f);
    for (const float s : {-1.0f, 1.0f}) {
        const glm::vec2 a(s * 0.34f, 1.7f), c = a + glm::vec2(s * wing.x, wing.y) * 0.62f;
        std::vector<glm::vec2> w{a, c, c + glm::vec2(0, 0.02f), a + glm::vec2(0, 0.02f)};
        if (s < 0) w = {a + glm::vec2(0, 0.02f), c + glm::vec2(0, 0.02f), c, a};
        b.prismZ(w, -5.0f, 5.0f);
    }
    b.prismZ({{-0.34f, 1.15f}, {0.34f, 1.15f}, {0.34f, 1.17f}, {-0.34f, 1.17f}}, -5.0f, 5.0f);  // return strand

    b.part("load");  // the ore on the belt; scenes hide it when the belt runs empty
    b.use(p.ground);
    b.prismZ({{-0.5f, 1.72f}, {0.5f, 1.72f}, {0.78f, 1.95f}, {0.0f, 2.2f}, {-0.78f, 1.95f}}, -5.0f, 5.0f);
}

// Rail: 1,520 mm gauge, 25 m rails (standard Russian length), concrete sleepers at 1,840 per km.
void railTrack(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    b.part("track");
    b.use(p.ground);
    b.prismZ({{-1.9f, 0.0f}, {1.9f, 0.0f}, {1.45f, 0.35f}, {-1.45f, 0.35f}}, -12.5f, 12.5f);  // ballast
    b.use(p.concrete);
    for (int i = 0; i < 46; ++i) {
        const float z = -12.5f + 0.272f + 0.5435f * float(i);
        b.box({-1.375f, 0.35f, z - 0.14f}, {1.375f, 0.5f, z + 0.14f});
    }
    b.use(p.steel);
    for (const float x : {-0.795f, 0.795f}) {
        b.box({x - 0.075f, 0.5f, -12.5f}, {x + 0.075f, 0.53f, 12.5f});          // rail foot
        b.box({x - 0.018f, 0.53f, -12.5f}, {x + 0.018f, 0.64f, 12.5f});         // web
        b.box({x - 0.037f, 0.64f, -12.5f}, {x + 0.037f, 0.68f, 12.5f});         // head
    }
}

void bogie(ModelBuilder& b, const Palette& p, float zc, float wheelR, float axleGap) {
    b.use(p.darkSteel);
    b.box({-1.25f, wheelR * 0.6f, zc - axleGap / 2 - 0.9f}, {1.25f, wheelR + 0.55f, zc + axleGap / 2 + 0.9f});
    b.use(p.steel);
    for (const float dz : {-axleGap / 2, axleGap / 2})
        for (const float x : {-0.76f, 0.76f})                                       // 1,520 mm gauge
            b.cylinder({x - 0.08f, wheelR, zc + dz}, {x + 0.08f, wheelR, zc + dz}, wheelR, wheelR, 14);
}

// PE2U traction unit (almalyk.md §2 S19, S20): centre-cab electric with hoods and a pantograph.
// Dimensions estimated: 21 m over couplers, 3.4 m wide, 5.2 m to the cab roof, pantograph raised to 6.6 m.
void locomotive(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    b.part("bogies");
    for (const float z : {-6.0f, 6.0f}) bogie(b, p, z, 0.625f, 2.4f);
    b.part("body");
    b.use(p.darkSteel);
    b.box({-1.6f, 1.25f, -10.0f}, {1.6f, 1.8f, 10.0f});                      // underframe
    for (const float s : {-1.0f, 1.0f}) b.box({-0.3f, 0.9f, s > 0 ? 10.0f : -10.5f}, {0.3f, 1.35f, s > 0 ? 10.5f : -10.0f});  // couplers
    b.use(p.red);
    b.box({-1.7f, 1.8f, -2.1f}, {1.7f, 4.6f, 2.1f});                         // centre cab
    for (const float s : {-1.0f, 1.0f})                                      // hoods with sloped noses
        b.prismX({{s * 2.1f, 1.8f}, {s * 9.9f, 1.8f}, {s * 9.9f, 3.2f}, {s * 9.3f, 3.8f}, {s * 2.1f, 3.8f}}, -1.4f, 1.4f);
    b.use(p.glass);
    b.box({-1.72f, 3.5f, -2.12f}, {1.72f, 4.3f, 2.12f});
    b.use(p.yellow);
    b.box({-1.72f, 2.2f, -2.12f}, {1.72f, 2.5f, 2.12f});                     // warning band
    for (const float s : {-1.0f, 1.0f}) b.box({-1.42f, 2.2f, s > 0 ? 9.6f : -9.92f}, {1.42f, 2.5f, s > 0 ? 9.92f : -9.6f});
    b.use(p.white);
    for (const float x : {-0.9f, 0.9f}) b.cylinder({x, 4.6f, -0.9f}, {x, 4.85f, -0.9f}, 0.12f, 0.12f, 6);  // insulators
    b.part("pantograph");
    b.use(p.darkSteel);
    b.box({-0.9f, 4.85f, -1.1f}, {0.9f, 4.95f, 1.1f});
    for (const float s : {-1.0f, 1.0f}) {
        b.beam({s * 0.7f, 4.95f, -0.9f}, {s * 0.4f, 5.8f, 0.4f}, 0.08f, 0.08f, {1, 0, 0});
        b.beam({s * 0.4f, 5.8f, 0.4f}, {s * 0.5f, 6.5f, -0.1f}, 0.07f, 0.07f, {1, 0, 0});
    }
    b.use(p.steel);
    b.box({-1.0f, 6.5f, -0.25f}, {1.0f, 6.6f, 0.05f});                       // contact shoe
}

// 2VS-105 side-dump car (almalyk.md §2 S19, S25, S54: 105 t load, 49 t tare); 12 m long (task brief),
// 3.5 m wide and 3.3 m to the body top estimated; the heaped load reaches 3.7 m.
void dumpcar(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    b.part("bogies");
    for (const float z : {-3.9f, 3.9f}) bogie(b, p, z, 0.475f, 1.85f);
    b.use(p.darkSteel);
    b.box({-1.4f, 1.05f, -5.6f}, {1.4f, 1.5f, 5.6f});                        // frame
    for (const float s : {-1.0f, 1.0f}) b.box({-0.25f, 0.85f, s > 0 ? 5.6f : -6.0f}, {0.25f, 1.2f, s > 0 ? 6.0f : -5.6f});
    b.part("body");
    b.use(p.rust);
    b.box({-1.3f, 1.55f, -5.4f}, {1.3f, 1.75f, 5.4f});                       // floor
    b.prismZ({{1.3f, 1.55f}, {1.48f, 1.55f}, {1.75f, 3.3f}, {1.58f, 3.3f}}, -5.4f, 5.4f);       // drop sides
    b.prismZ({{-1.48f, 1.55f}, {-1.3f, 1.55f}, {-1.58f, 3.3f}, {-1.75f, 3.3f}}, -5.4f, 5.4f);
    for (const float z : {-5.45f, 5.25f}) b.prismZ({{-1.3f, 1.55f}, {1.3f, 1.55f}, {1.6f, 3.3f}, {-1.6f, 3.3f}}, z, z + 0.2f);
    for (const float z : {-3.6f, -1.2f, 1.2f, 3.6f})
        for (const float s : {-1.0f, 1.0f}) b.beam({s * 1.52f, 1.6f, z}, {s * 1.8f, 3.25f, z}, 0.18f, 0.12f, {s, 0, 0});  // stiffeners
    b.part("load");
    b.use(p.ground);
    b.prismZ({{-1.3f, 1.75f}, {1.3f, 1.75f}, {1.6f, 3.15f}, {0.0f, 3.7f}, {-1.6f, 3.15f}}, -5.25f, 5.25f);
}

}  // namespace

std::vector<ModelSpec> pitModels() {
    return {
        {"truck_220t", "BelAZ-75306 220 t haul truck, 13.4 x 7.7 x 6.5 m (almalyk.md §2 S51 for class; dimensions per task brief)",
         [](ModelBuilder& b) { truck(b, k220Size); }, truckPivots(k220Size)},
        {"truck_130t", "BelAZ-75131 130 t haul truck, L 12.05 m, H 5.9 m (almalyk.md §2 S51), W 7.0 m estimated",
         [](ModelBuilder& b) { truck(b, k130Size); }, truckPivots(k130Size)},
        {"shovel", "EKG-20KM electric rope shovel, 25 m3 dipper (almalyk.md §2 S23), 20 m boom at 45 deg; crawler/house sizes estimated",
         shovel,
         {{"house", {{0, 3.0f, 0}, {0, 1, 0}}},
          {"boom", {kBoomFoot, {1, 0, 0}}},
          {"dipper", {kSaddle, {1, 0, 0}}}}},
        {"crusher", "In-pit gyratory crushing station, 6,500 t/h (almalyk.md §2 S12); dump pad 8 m high on +Z; sizes estimated", crusher, {}},
        {"conveyor_section", "10 m of 1.8 m troughed belt on trestles for tiling along Z (almalyk.md §2 CFT); sizes estimated",
         conveyor, {}},
        {"rail_track", "25 m of 1,520 mm gauge track on concrete sleepers and ballast, for tiling along Z", railTrack, {}},
        {"locomotive", "PE2U electric traction unit (almalyk.md §2 S19/S20), 21 x 3.4 m, pantograph up to 6.6 m; dimensions estimated",
         locomotive, {{"pantograph", {{0, 4.85f, 0}, {1, 0, 0}}}}},
        {"dumpcar", "2VS-105 side-dump rail car, 105 t (almalyk.md §2 S19/S54); 12 m long, 3.5 m wide estimated; body tips to +X",
         dumpcar, {{"body", {{1.45f, 1.5f, 0}, {0, 0, -1}}}, {"load", {{1.45f, 1.5f, 0}, {0, 0, -1}}}}},
    };
}

}  // namespace modelgen
