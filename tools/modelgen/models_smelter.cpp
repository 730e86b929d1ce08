// Copper smelter models (almalyk.md §4, §6): bath smelting furnace, Peirce-Smith converter, ladle, bridge crane,
// anode furnace, casting wheel, tankhouse cell, acid plant, stack and the smelter hall.
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "tools/modelgen/catalog.h"

namespace modelgen {
namespace {

// Vanyukov bath furnace: 21 m2 hearth (almalyk.md §4 S29/S30), taken as 2.5 x 8.5 m inside water jackets;
// shaft height, uptake and launders estimated.
void smeltingFurnace(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    b.part("furnace");
    b.use(p.concrete);
    b.box({-3.2f, 0.0f, -7.0f}, {3.2f, 1.5f, 7.0f});                       // foundation
    b.use(p.darkSteel);
    b.box({-2.2f, 1.5f, -5.5f}, {2.2f, 9.5f, 5.5f});                       // water-jacketed shaft
    for (int i = 0; i < 8; ++i) {                                          // buckstays
        const float z = -5.0f + 10.0f * float(i) / 7.0f;
        for (const float s : {-1.0f, 1.0f}) b.box({s * 2.2f - 0.15f, 1.5f, z - 0.15f}, {s * 2.2f + 0.15f, 9.8f, z + 0.15f});
    }
    b.use(p.steel);
    for (const float s : {-1.0f, 1.0f}) b.cylinder({s * 2.55f, 4.0f, -5.5f}, {s * 2.55f, 4.0f, 5.5f}, 0.22f, 0.22f, 8);  // tuyere headers
    b.use(p.brick);
    b.box({-1.7f, 9.5f, -5.5f}, {1.7f, 22.0f, -2.0f});                     // gas uptake
    b.box({-1.7f, 18.5f, -8.0f}, {1.7f, 22.0f, -5.5f});                    // off-take to the waste-heat boiler
    b.use(p.steel);
    for (const float z : {0.0f, 3.0f}) b.cylinder({0.0f, 12.0f, z}, {0.0f, 9.5f, z}, 1.2f, 0.35f, 12);  // charge hoppers
    b.use(p.darkSteel);
    b.box({2.2f, 2.3f, 2.8f}, {4.6f, 2.7f, 3.6f});                          // matte launder (+X side)
    b.box({-1.0f, 2.9f, 5.5f}, {-0.2f, 3.3f, 7.5f});                        // slag launder (+Z end)
    b.part("melt");  // what glows: scenes pulse or hide it between taps
    b.use(p.hot);
    b.box({2.3f, 2.7f, 3.0f}, {4.5f, 2.75f, 3.4f});
    b.box({-0.9f, 3.3f, 5.6f}, {-0.3f, 3.35f, 7.4f});
}

// A horizontal drum on riding rings and rollers, long axis along X: shared by the converter and the anode furnace.
void drum(ModelBuilder& b, const Palette& p, float length, float radius, float axisY, int shellPaint) {
    b.part("base");
    b.use(p.concrete);
    b.box({-length / 2 - 0.5f, 0.0f, -2.6f}, {length / 2 + 0.5f, 0.6f, 2.6f});
    b.use(p.darkSteel);
    const float ringR = radius + 0.5f, rollerR = 0.45f;
    const float ringX = length * 0.35f;
    for (const float x : {-ringX, ringX})
        for (const float z : {-1.3f, 1.3f}) {
            const float y = axisY - std::sqrt((ringR + rollerR) * (ringR + rollerR) - z * z);  // rollers touch the ring
            b.cylinder({x - 0.35f, y, z}, {x + 0.35f, y, z}, rollerR, rollerR, 10);
            b.box({x - 0.5f, 0.6f, z - 0.5f}, {x + 0.5f, y, z + 0.5f});
        }
    b.part("shell");
    b.use(shellPaint);
    b.cylinder({-length / 2, axisY, 0}, {length / 2, axisY, 0}, radius, radius, 24);
    b.use(p.steel);
    for (const float x : {-ringX, ringX}) b.cylinder({x - 0.3f, axisY, 0}, {x + 0.3f, axisY, 0}, ringR, ringR, 24);  // riding rings
}

// Peirce-Smith converter: 4 m diameter x 11 m (almalyk.md §6 S47); tilts about its long axis (X) to pour at +Z.
constexpr float kConverterAxisY = 3.6f;
void converter(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    drum(b, p, 11.0f, 2.0f, kConverterAxisY, p.darkSteel);
    b.use(p.steel);
    b.cylinder({-5.3f, kConverterAxisY + 1.4f, -1.9f}, {5.3f, kConverterAxisY + 1.4f, -1.9f}, 0.2f, 0.2f, 8);  // tuyere header
    b.use(p.darkSteel);
    b.cylinder({-5.9f, kConverterAxisY, 0}, {-5.6f, kConverterAxisY, 0}, 2.6f, 2.6f, 24);  // drive girth gear
    b.part("base");
    b.box({-7.2f, 0.6f, -1.0f}, {-6.0f, 2.2f, 1.0f});                       // drive motor
    b.part("mouth");
    b.use(p.steel);
    b.box({-1.1f, kConverterAxisY + 1.6f, -0.9f}, {1.1f, kConverterAxisY + 2.35f, 0.9f});
    b.use(p.hot);
    b.box({-0.85f, kConverterAxisY + 2.35f, -0.65f}, {0.85f, kConverterAxisY + 2.37f, 0.65f});
    b.part("hood");  // the fixed off-gas hood above the mouth
    b.use(p.steel);
    b.box({-1.8f, 7.0f, -1.6f}, {1.8f, 8.6f, 1.2f});
    b.box({-1.2f, 8.6f, -1.6f}, {1.2f, 11.0f, 0.4f});
}

// Rotary anode furnace, 4 m x 12 m (estimated, the size class of a PS converter); burner at +X, flue at -X.
void anodeFurnace(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    drum(b, p, 12.0f, 2.0f, 3.6f, p.darkSteel);
    b.use(p.steel);
    b.box({-0.5f, 5.5f, -0.5f}, {0.5f, 6.0f, 0.5f});                        // charging mouth
    b.part("base");
    b.use(p.steel);
    b.box({6.3f, 2.6f, -1.0f}, {8.0f, 4.6f, 1.0f});                          // burner
    b.box({-8.0f, 2.8f, -1.0f}, {-6.3f, 4.4f, 1.0f});                        // flue hood
    b.box({-8.0f, 4.4f, -1.0f}, {-6.6f, 10.0f, 0.4f});
}

// Copper ladle for matte and blister (estimated: ~3.4 m tall, 3.4 m across the rim); tilts on its trunnions (X).
constexpr float kTrunnionY = 2.5f;
void ladle(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    b.part("ladle");
    b.use(p.darkSteel);
    b.cylinder({0, 0.0f, 0}, {0, 3.3f, 0}, 1.35f, 1.7f, 20);
    b.cylinder({0, 3.3f, 0}, {0, 3.45f, 0}, 1.78f, 1.78f, 20);               // rim band
    b.beam({0, 3.2f, 1.6f}, {0, 3.35f, 2.1f}, 0.6f, 0.2f);                   // pouring lip
    b.use(p.steel);
    for (const float s : {-1.0f, 1.0f}) b.cylinder({s * 1.5f, kTrunnionY, 0}, {s * 2.0f, kTrunnionY, 0}, 0.22f, 0.22f, 10);
    b.part("melt");
    b.use(p.hot);
    b.cylinder({0, 3.28f, 0}, {0, 3.3f, 0}, 1.66f, 1.66f, 20);
    b.part("bail");  // hangs from the crane hook; stays level while the ladle tilts
    b.use(p.steel);
    for (const float s : {-1.0f, 1.0f}) b.beam({s * 2.1f, kTrunnionY, 0}, {s * 2.1f, 5.2f, 0}, 0.2f, 0.35f, {0, 0, 1});
    b.beam({-2.2f, 5.2f, 0}, {2.2f, 5.2f, 0}, 0.35f, 0.35f, {0, 0, 1});
}

// Overhead bridge crane for the converter aisle: 24 m span, runway at 16 m, hook block 8 m above the floor at rest
// (estimated). Bridge travels along Z, trolley along X, rope and hook along Y.
constexpr float kRunwayY = 16.0f, kHookY = 8.0f;
void crane(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    b.part("bridge");
    b.use(p.yellow);
    for (const float z : {-1.7f, 1.7f}) b.box({-12.0f, kRunwayY + 0.6f, z - 0.35f}, {12.0f, kRunwayY + 2.2f, z + 0.35f});  // girders
    b.use(p.darkSteel);
    for (const float x : {-12.0f, 12.0f}) b.box({x - 0.6f, kRunwayY, -3.0f}, {x + 0.6f, kRunwayY + 0.9f, 3.0f});  // end trucks
    b.use(p.yellow);
    b.box({9.5f, kRunwayY - 2.4f, 2.05f}, {11.2f, kRunwayY + 0.6f, 3.6f});  // operator's cab
    b.use(p.glass);
    b.box({9.48f, kRunwayY - 1.6f, 2.03f}, {11.22f, kRunwayY - 0.3f, 3.62f});
    b.part("trolley");
    b.use(p.orange);
    b.box({-1.6f, kRunwayY + 2.2f, -2.2f}, {1.6f, kRunwayY + 3.4f, 2.2f});
    b.use(p.darkSteel);
    b.cylinder({-1.2f, kRunwayY + 3.0f, 0}, {1.2f, kRunwayY + 3.0f, 0}, 0.6f, 0.6f, 12);  // hoist drum
    b.part("rope");  // spans kHookY + 1.2 .. kRunwayY + 0.6; scenes scale it in Y about its top
    b.use(p.steel);
    for (const float x : {-0.35f, 0.35f}) b.beam({x, kHookY + 1.2f, 0}, {x, kRunwayY + 0.6f, 0}, 0.06f, 0.06f, {0, 0, 1});
    b.part("hook");
    b.use(p.yellow);
    b.box({-0.6f, kHookY, -0.4f}, {0.6f, kHookY + 1.2f, 0.4f});
    b.use(p.darkSteel);
    b.beam({0, kHookY, 0}, {0, kHookY - 0.9f, 0}, 0.25f, 0.25f, {0, 0, 1});
    b.beam({0, kHookY - 0.9f, 0}, {0.45f, kHookY - 0.6f, 0}, 0.22f, 0.22f, {0, 0, 1});
}

// Smelter stack: 150 m, 14 m base tapering to 8 m (estimated: the smelter's stack height is not in our sources);
// aviation red/white bands over the top 30 m.
void stack(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    b.part("stack");
    const auto radius = [](float y) { return 7.0f - 3.0f * y / 150.0f; };
    b.use(p.concrete);
    b.cylinder({0, 0, 0}, {0, 120.0f, 0}, radius(0), radius(120.0f), 24);
    for (int i = 0; i < 5; ++i) {
        const float y0 = 120.0f + 6.0f * float(i), y1 = y0 + 6.0f;
        b.use(i % 2 == 0 ? p.red : p.white);
        b.cylinder({0, y0, 0}, {0, y1, 0}, radius(y0), radius(y1), 24, i == 4);
    }
    b.use(p.darkSteel);
    b.cylinder({0, 148.5f, 0}, {0, 149.0f, 0}, radius(148.5f) + 0.6f, radius(149.0f) + 0.6f, 24);  // top platform
}

// Anode casting wheel: 18 moulds on a 12 m wheel (estimated); the wheel turns about Y.
void castingWheel(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    b.part("base");
    b.use(p.concrete);
    b.cylinder({0, 0, 0}, {0, 0.8f, 0}, 6.3f, 6.3f, 24);
    b.use(p.darkSteel);
    b.box({6.6f, 0.0f, -1.0f}, {8.2f, 2.4f, 1.0f});                          // tundish stand
    b.use(p.steel);
    b.box({5.4f, 2.0f, -0.6f}, {7.6f, 2.8f, 0.6f});                          // pouring tundish
    b.part("wheel");
    b.use(p.darkSteel);
    b.cylinder({0, 0.8f, 0}, {0, 1.1f, 0}, 6.0f, 6.0f, 24);
    b.cylinder({0, 1.1f, 0}, {0, 1.6f, 0}, 1.5f, 1.5f, 12);                  // hub
    b.use(p.rust);
    for (int i = 0; i < 18; ++i) {
        b.transform(glm::rotate(glm::mat4(1.0f), glm::radians(20.0f * float(i)), glm::vec3(0, 1, 0)));
        b.box({3.9f, 1.1f, -0.6f}, {5.7f, 1.35f, 0.6f});                     // anode moulds
    }
    b.resetTransform();
}

// Electrorefining cell, 5.5 x 1.3 x 1.4 m (estimated, ~50 cathodes): cell, electrolyte, hanger bars. Instanced by
// the hundred, so kept under 200 triangles.
void tankhouseCell(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    const int electrolyte = b.material("electrolyte", srgb(0.20f, 0.55f, 0.60f), 0.1f);
    const int copper = b.material("copper", srgb(0.85f, 0.48f, 0.30f), 0.35f, 1.0f);
    b.part("cell");
    b.use(p.darkSteel);
    b.box({-0.65f, 0.0f, -2.75f}, {0.65f, 1.2f, 2.75f});
    for (const float s : {-1.0f, 1.0f}) {
        b.box({s * 0.65f - 0.06f, 1.2f, -2.75f}, {s * 0.65f + 0.06f, 1.4f, 2.75f});
        b.box({-0.65f, 1.2f, s * 2.75f - 0.06f}, {0.65f, 1.4f, s * 2.75f + 0.06f});
    }
    b.use(electrolyte);
    b.quad({-0.59f, 1.33f, 2.69f}, {0.59f, 1.33f, 2.69f}, {0.59f, 1.33f, -2.69f}, {-0.59f, 1.33f, -2.69f});
    b.use(copper);
    for (int i = 0; i < 8; ++i) {
        const float z = -2.4f + 4.8f * float(i) / 7.0f;
        b.box({-0.75f, 1.4f, z - 0.04f}, {0.75f, 1.46f, z + 0.04f});
    }
}

// Sulphuric acid plant (almalyk.md §4: ~0.8 Mt/y now): gas cleaning, a catalytic converter, two absorption towers
// and a tail-gas stack; layout and sizes estimated.
void acidPlant(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    b.part("plant");
    b.use(p.concrete);
    b.box({-15.0f, 0.0f, -20.0f}, {15.0f, 0.4f, 20.0f});
    b.use(p.steel);
    b.box({-14.0f, 0.4f, 6.0f}, {-2.0f, 10.0f, 18.0f});                       // gas cleaning building
    b.use(p.darkSteel);
    b.cylinder({-8.0f, 0.4f, -8.0f}, {-8.0f, 18.0f, -8.0f}, 6.0f, 6.0f, 24);  // catalytic converter
    b.ellipsoid({-8.0f, 18.0f, -8.0f}, {6.0f, 2.0f, 6.0f}, 24, 4, 0.0f, 90.0f);
    b.use(p.white);
    for (const float z : {-12.0f, -2.0f}) b.cylinder({8.0f, 0.4f, z}, {8.0f, 22.0f, z}, 3.0f, 3.0f, 16);  // absorption towers
    b.use(p.steel);
    b.cylinder({9.0f, 0.4f, 12.0f}, {9.0f, 60.0f, 12.0f}, 1.8f, 1.4f, 16);   // tail-gas stack
    b.beam({-2.0f, 8.0f, 10.0f}, {-8.0f, 14.0f, -2.0f}, 1.6f, 1.6f);         // ducts
    b.beam({-2.0f, 15.0f, -8.0f}, {5.0f, 15.0f, -8.0f}, 1.4f, 1.4f);
    b.beam({8.0f, 22.0f, -12.0f}, {8.0f, 22.0f, -2.0f}, 1.2f, 1.2f);
    b.beam({8.0f, 20.0f, -2.0f}, {9.0f, 20.0f, 12.0f}, 1.2f, 1.2f);
}

}  // namespace

std::vector<ModelSpec> smelterModels() {
    return {
        {"smelting_furnace", "Vanyukov bath smelting furnace, 21 m2 hearth (almalyk.md §4 S29/S30); shaft, uptake and launders estimated",
         smeltingFurnace, {}},
        {"converter", "Peirce-Smith converter, 4 m dia x 11 m (almalyk.md §6 S47); shell and mouth tilt about X, +angle pours to +Z",
         converter,
         {{"shell", {{0, kConverterAxisY, 0}, {1, 0, 0}}}, {"mouth", {{0, kConverterAxisY, 0}, {1, 0, 0}}}}},
        {"anode_furnace", "Rotary anode (fire-refining) furnace, 4 m x 12 m (estimated)", anodeFurnace,
         {{"shell", {{0, 3.6f, 0}, {1, 0, 0}}}}},
        {"ladle", "Matte/blister ladle, ~3.4 m rim, ~3.5 m tall on trunnions (estimated); tilts about X at the trunnions",
         ladle,
         {{"ladle", {{0, kTrunnionY, 0}, {1, 0, 0}}}, {"melt", {{0, kTrunnionY, 0}, {1, 0, 0}}}, {"bail", {{0, 5.2f, 0}, {1, 0, 0}}}}},
        {"crane", "Overhead bridge crane, 24 m span, runway 16 m (estimated); bridge moves along Z, trolley along X, hook along Y",
         crane,
         {{"bridge", {{0, kRunwayY, 0}, {0, 0, 1}}},
          {"trolley", {{0, kRunwayY + 2.2f, 0}, {1, 0, 0}}},
          {"rope", {{0, kRunwayY + 0.6f, 0}, {0, 1, 0}}},
          {"hook", {{0, kHookY, 0}, {0, 1, 0}}}}},
        {"stack", "Smelter stack, 150 m, 14 m base (estimated: height not in our sources)", stack, {}},
        {"casting_wheel", "Anode casting wheel, 18 moulds on a 12 m wheel (estimated); the wheel turns about Y", castingWheel,
         {{"wheel", {{0, 0, 0}, {0, 1, 0}}}}},
        {"tankhouse_cell", "Electrorefining cell 5.5 x 1.3 x 1.4 m with hanger bars (estimated); electrolyte 65 C (almalyk.md §6)",
         tankhouseCell, {}},
        {"acid_plant", "Sulphuric acid plant: gas cleaning, converter, absorption towers, 60 m tail stack (layout estimated)",
         acidPlant, {}},
    };
}

}  // namespace modelgen
