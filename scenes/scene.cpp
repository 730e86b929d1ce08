#include "scenes/scene.h"

#include <cmath>

#include "engine/i18n.h"
#include "scenes/hydrogen/hydrogen_scene.h"
#include "scenes/landscape/landscape_scene.h"
#include "scenes/overview/overview_scene.h"
#include "scenes/pit/pit_scene.h"
#include "scenes/smelter/smelter_scene.h"

namespace scenes {

namespace {
struct Entry {
    SceneInfo info;
    std::unique_ptr<Scene> (*make)();
};
template <class T>
std::unique_ptr<Scene> make() { return std::make_unique<T>(); }
// One line per scene, in menu order: the only place a scene's name and title are written.
const Entry kScenes[] = {
    {{"overview", eng::N_("The Almalyk complex: rock to copper to hydrogen"), eng::N_("The Almalyk complex")}, make<OverviewScene>},
    {{"landscape", eng::N_("Almalyk and the Kuramin foothills"), eng::N_("Almalyk valley")}, make<LandscapeScene>},
    {{"pit", eng::N_("Kalmakyr pit and ore transport"), eng::N_("Kalmakyr pit")}, make<PitScene>},
    {{"smelter", eng::N_("Copper smelter: concentrate to cathode, slag to photocatalyst"), eng::N_("Copper smelter")}, make<SmelterScene>},
    {{"hydrogen", eng::N_("Hydrogen: slag photocatalyst panels and the reformer"), eng::N_("Hydrogen field")}, make<HydrogenScene>},
};
}  // namespace

const std::vector<SceneInfo>& sceneInfos() {
    static const std::vector<SceneInfo> infos = [] {
        std::vector<SceneInfo> out;
        for (const Entry& e : kScenes) out.push_back(e.info);
        return out;
    }();
    return infos;
}

std::vector<std::string> sceneNames() {
    std::vector<std::string> out;
    for (const Entry& e : kScenes) out.emplace_back(e.info.name);
    return out;
}

std::unique_ptr<Scene> makeScene(std::string_view name) {
    for (const Entry& e : kScenes)
        if (name == e.info.name) return e.make();
    return nullptr;
}

bool Scene::select(std::string_view key, const sim::State& s, std::string* why) {
    (void)s;
    if (key.empty()) return true;
    if (why) *why = "this scene has nothing to select ('" + std::string(key) + "')";
    return false;
}

bool Scene::follow(std::string_view key, const sim::State& s, std::string* why) {
    (void)s;
    if (key.empty()) return true;
    if (why) *why = "this scene has nothing to follow ('" + std::string(key) + "')";
    return false;
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
