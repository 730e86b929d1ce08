// tools/modelgen/catalog.h — every default model the generator builds: role, what it shows, where its dimensions
// come from, its nominal size and the pivots of its moving parts (written into models.json for the scenes).
//
// Use: `for (const ModelSpec& s : catalog()) { ModelBuilder b; s.build(b); ... }`
// Frame: metres, +Y up, front faces +Z, origin at ground level in the centre of the footprint (docs/models.md).
// Does NOT: write files (main.cpp does) or know about scenes.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "tools/modelgen/model_builder.h"

namespace modelgen {

struct Pivot {
    glm::vec3 pivot{0.0f};
    glm::vec3 axis{1.0f, 0.0f, 0.0f};
};

struct ModelSpec {
    std::string role;
    std::string description;              // what it is and the source of its dimensions
    void (*build)(ModelBuilder&) = nullptr;
    std::map<std::string, Pivot> parts;   // moving parts by SubMesh name
};

// Grouped by scene; each list is in a fixed order so output is deterministic.
std::vector<ModelSpec> pitModels();       // models_pit.cpp
std::vector<ModelSpec> smelterModels();   // models_smelter.cpp
std::vector<ModelSpec> hydrogenModels();  // models_hydrogen.cpp
std::vector<ModelSpec> catalog();         // all of the above

// Shared paint and steel so all models read as one family.
struct Palette {
    int steel, darkSteel, rubber, glass, concrete, yellow, orange, red, white, rust, hot, brick, ground;
    static Palette add(ModelBuilder& b);
};

}  // namespace modelgen
