#include "scenes/scene.h"

#include <cmath>

#include "scenes/hydrogen/hydrogen_scene.h"
#include "scenes/landscape/landscape_scene.h"
#include "scenes/pit/pit_scene.h"
#include "scenes/smelter/smelter_scene.h"

namespace scenes {

namespace {
struct Entry {
    const char* name;
    std::unique_ptr<Scene> (*make)();
};
// One line per scene, in menu order.
const Entry kScenes[] = {
    {"landscape", [] { return std::unique_ptr<Scene>(new LandscapeScene()); }},
    {"pit", [] { return std::unique_ptr<Scene>(new PitScene()); }},
    {"smelter", [] { return std::unique_ptr<Scene>(new SmelterScene()); }},
    {"hydrogen", [] { return std::unique_ptr<Scene>(new HydrogenScene()); }},
};
}  // namespace

std::vector<std::string> sceneNames() {
    std::vector<std::string> out;
    for (const Entry& e : kScenes) out.emplace_back(e.name);
    return out;
}

std::vector<std::string> sceneTitles() {
    // Constructing a scene is cheap (load() does the work), so the titles stay with the classes that own them.
    std::vector<std::string> out;
    for (const Entry& e : kScenes) out.emplace_back(e.make()->title());
    return out;
}

std::unique_ptr<Scene> makeScene(const std::string& name) {
    for (const Entry& e : kScenes)
        if (name == e.name) return e.make();
    return nullptr;
}

std::vector<eng::CameraPose> Scene::benchPath() const {
    const auto presets = cameraPresets();
    eng::CameraPose p = presets.empty() ? eng::CameraPose{} : presets.front().pose;
    std::vector<eng::CameraPose> out;
    for (int i = 0; i <= 8; ++i) {
        eng::CameraPose k = p;
        k.yawDeg = p.yawDeg + 45.0f * static_cast<float>(i);
        k.distance = p.distance * (i % 2 ? 0.8f : 1.0f);
        out.push_back(k);
    }
    return out;
}

glm::vec3 sunDirection(double azimuthDeg, double elevationDeg) {
    const double az = azimuthDeg * M_PI / 180.0, el = elevationDeg * M_PI / 180.0;
    // Azimuth clockwise from north: east = +x, north = -z.
    return glm::normalize(glm::vec3(static_cast<float>(std::sin(az) * std::cos(el)), static_cast<float>(std::sin(el)),
                                    static_cast<float>(-std::cos(az) * std::cos(el))));
}

}  // namespace scenes
