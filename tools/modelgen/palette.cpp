#include "tools/modelgen/catalog.h"

namespace modelgen {

// Colours picked from photos of the equipment type (sRGB), converted to linear; unused ones are dropped per model.
Palette Palette::add(ModelBuilder& b) {
    Palette p{};
    p.steel = b.material("steel", srgb(0.55f, 0.56f, 0.58f), 0.45f, 0.7f);
    p.darkSteel = b.material("dark_steel", srgb(0.22f, 0.22f, 0.24f), 0.6f, 0.5f);
    p.rubber = b.material("rubber", srgb(0.07f, 0.07f, 0.07f), 0.9f);
    p.glass = b.material("glass", srgb(0.16f, 0.22f, 0.28f), 0.1f, 0.2f);
    p.concrete = b.material("concrete", srgb(0.66f, 0.64f, 0.60f), 0.9f);
    p.yellow = b.material("paint_yellow", srgb(0.96f, 0.72f, 0.06f), 0.55f);  // BelAZ / crane yellow
    p.orange = b.material("paint_orange", srgb(0.93f, 0.45f, 0.08f), 0.55f);
    p.red = b.material("paint_red", srgb(0.66f, 0.12f, 0.09f), 0.55f);
    p.white = b.material("paint_white", srgb(0.90f, 0.90f, 0.88f), 0.5f);
    p.rust = b.material("rust_brown", srgb(0.42f, 0.26f, 0.16f), 0.8f, 0.2f);
    // Molten matte/slag at ~1200 C glows orange; the emissive carries it through the tone mapper.
    p.hot = b.material("molten", srgb(1.0f, 0.45f, 0.1f), 0.4f, 0.0f, glm::vec3(4.0f, 1.2f, 0.25f));
    p.brick = b.material("refractory_brick", srgb(0.55f, 0.30f, 0.20f), 0.85f);
    p.ground = b.material("ore_rock", srgb(0.48f, 0.42f, 0.36f), 0.95f);
    return p;
}

std::vector<ModelSpec> catalog() {
    std::vector<ModelSpec> all;
    for (auto list : {pitModels(), smelterModels(), hydrogenModels()})
        for (ModelSpec& s : list) all.push_back(std::move(s));
    return all;
}

}  // namespace modelgen
