#include "scenes/landscape/landscape_scene.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <glm/gtc/matrix_transform.hpp>

#include "engine/i18n.h"
#include "engine/locale_format.h"
#include "engine/noise.h"
#include "engine/procedural.h"
#include "scenes/site.h"
#include "scenes/valley.h"

namespace scenes {

// [SECTION] Constants

namespace {

constexpr float kTerrainSize = kValleyTerrainSize;

using site::kTown;
using site::kWorks;
using site::kValleyFloor;
using site::kPitRim;

}  // namespace

float LandscapeScene::elevation(float x, float z) { return site::elevation(x, z); }

// [SECTION] Scene

bool LandscapeScene::load(const SceneContext& ctx, std::string* why) {
    eng::Renderer& r = ctx.renderer;
    if (!buildValleyTerrain(r, m_terrain, why)) return false;

    // Town blocks, works buildings and stacks: instanced primitives (illustrative massing, not a survey).
    eng::Material concrete;
    concrete.baseColor = {1.0f, 1.0f, 1.0f, 1.0f};  // each stack's and tank's colour comes from its instance
    concrete.roughness = 0.9f;
    m_stack = r.createMesh(eng::makeCylinder(1.0f, 1.0f, 12, concrete), "stack");
    m_town.build(r, m_terrain);
    m_townBlock = createTownBlockMesh(r);
    // The works: the same massing as the overview's (site::worksUnits), halls with ribbon windows lit at night.
    for (const site::WorksUnit& u : site::worksUnits()) {
        const float x = u.en.x, z = -u.en.y;
        const glm::vec3 base(x, m_terrain.heightAt(x, z) - 3.0f, z);
        const glm::mat4 m = glm::scale(glm::translate(glm::mat4(1.0f), base), u.size + glm::vec3(0, 3, 0));
        if (!u.cylinder) {
            m_plant.push_back({m, glm::vec4(u.colour, 1), glm::vec4(0)});
            continue;
        }
        m_stacks.push_back({m, glm::vec4(u.colour, 1), glm::vec4(0)});
        if (u.size.y < 80.0f) continue;  // a tank
        // The stacks' plumes: SO2 tail gas (smoke) from the main stack, vapour from the other.
        const bool main = u.size.y >= site::kMainStackH;
        m_plumes.push_back(r.particles().addEmitter({.kind = main ? eng::ParticleKind::Smoke : eng::ParticleKind::Steam,
                                                      .position = base + glm::vec3(0, u.size.y + 5.0f, 0),
                                                      .velocity = {0, 6, 0}, .spread = 0.3f, .radius = 3.0f,
                                                      .rate = 6.0f, .lifetime = 30.0f, .size = 14.0f}));
    }
    r.particles().setWind({4.0f, 0.0f, 1.5f});  // the valley's daytime up-valley breeze (NE)
    // Pre-roll the plumes so the first frame already shows them.
    for (int i = 0; i < 600; ++i) r.particles().update(1.0f / 20.0f);
    return true;
}

void LandscapeScene::update(const FrameInput& in) {
    // Night for the lamps: from civil dusk (sun 2 degrees up) to full dark at 6 degrees under the horizon.
    const float night = 1.0f - glm::smoothstep(-0.10f, 0.035f, in.sunDir.y);
    if (night == m_night) return;
    m_night = night;
    m_town.setNight(night);
    m_terrain.setGlow(kStreetLightGlow * night);  // the town's street lights and the works' floodlights
    lightTownBlocks(m_plant, night);
}

void LandscapeScene::draw(eng::Renderer& r, const eng::OrbitCamera& cam, const FrameInput& in) {
    eng::Lighting L = r.lighting();
    L.fogBaseHeight = kValleyFloor;  // haze pools in the valley
    r.setLighting(L);
    r.setShadowRegion({0.0f, 900.0f, 0.0f}, kTerrainSize * 0.72f);
    m_terrain.draw(r, cam, in.aspect);
    m_town.draw(r, cam.position());
    r.drawInstanced(m_townBlock, m_plant);
    r.drawInstanced(m_stack, m_stacks);
    const glm::vec3 pit(0.0f, kPitRim + 120.0f, 0.0f);
    r.labels().add({.position = pit, .text = eng::trp(site::findFacility("pit")->title), .fadeStart = 20000, .fadeEnd = 40000});
    r.labels().add({.position = {kTown.x, 720.0f, -kTown.y}, .text = eng::trp(site::findFacility("town")->title), .fadeStart = 20000, .fadeEnd = 40000});
    r.labels().add({.position = {kWorks.x + 460.0f, 900.0f, -kWorks.y}, .text = eng::trp(site::findFacility("smelter")->title), .fadeStart = 20000, .fadeEnd = 40000});
}

std::vector<eng::CameraPreset> LandscapeScene::cameraPresets() const {
    return {
        {"Valley overview", {.target = {-2500.0f, 650.0f, -2500.0f}, .yawDeg = 128.0f, .pitchDeg = 16.0f, .distance = 11000.0f, .fovDeg = 50.0f}},
        {"Kalmakyr pit", {.target = {0.0f, 500.0f, 0.0f}, .yawDeg = 160.0f, .pitchDeg = 38.0f, .distance = 5200.0f}},
        {"Town and works", {.target = {-4500.0f, 560.0f, -4500.0f}, .yawDeg = 60.0f, .pitchDeg = 22.0f, .distance = 6000.0f}},
        {"Kuramin foothills", {.target = {4000.0f, 1100.0f, 6000.0f}, .yawDeg = 150.0f, .pitchDeg = 10.0f, .distance = 14000.0f, .fovDeg = 40.0f}},
        {"Evening light (west)", {.target = {-6000.0f, 600.0f, -2000.0f}, .yawDeg = 285.0f, .pitchDeg = 8.0f, .distance = 7000.0f, .fovDeg = 50.0f}},
        {"Almalyk town", {.target = {-6200.0f, 520.0f, -4300.0f}, .yawDeg = 40.0f, .pitchDeg = 28.0f, .distance = 2200.0f, .fovDeg = 50.0f}},
    };
}

std::vector<eng::CameraPose> LandscapeScene::benchPath() const {
    std::vector<eng::CameraPose> path;
    for (const auto& p : cameraPresets()) path.push_back(p.pose);
    path.push_back(path.front());
    return path;
}

bool LandscapeScene::pick(const eng::Ray& ray, const FrameInput& in, std::string* what) {
    (void)in;
    glm::vec3 hit;
    if (!m_terrain.raycast(ray, hit)) return false;
    if (what) *what = eng::formatf(eng::trp("Ground at %.0f m above sea level"), static_cast<double>(hit.y));
    return true;
}

}  // namespace scenes
