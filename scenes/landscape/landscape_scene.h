// scenes/landscape/landscape_scene.h — the start scene: the Akhangaran valley around Almalyk with the Kuramin
// foothills rising to the south-east, the Chatkal foothills across the valley, the Kalmakyr pit, the town and the
// smelter's stacks, under the sun at the simulation's clock.
// Reads from the simulation: only the clock (through FrameInput::sunDir / now); no units.
// Geography (approximate, for a convincing picture, not a survey): town at ~530 m a.s.l. (hydrogen.md §7), Kalmakyr
// ore field ground 700-780 m and the pit a 4 x 2 km NW-elongated ellipse ~500 m deep (almalyk.md §1, S4, S5).
// World frame: x east, -z north, y = elevation a.s.l. in metres; origin at the Kalmakyr pit centre (unit contract).
// Does NOT: animate trucks or plants (the pit and smelter scenes do), or read terrain data from files.
#pragma once
#include <vector>

#include "engine/terrain.h"
#include "scenes/landscape/landscape_panel.h"
#include "scenes/valley.h"
#include "scenes/scene.h"

namespace scenes {

class LandscapeScene : public Scene {
public:
    bool load(const SceneContext& ctx, std::string* why) override;
    void update(const FrameInput& in) override;
    void draw(eng::Renderer& r, const eng::OrbitCamera& cam, const FrameInput& in) override;
    std::vector<eng::CameraPreset> cameraPresets() const override;
    std::vector<eng::CameraPose> benchPath() const override;
    float groundHeight(float x, float z) const override { return m_terrain.heightAt(x, z); }
    bool pick(const eng::Ray& ray, const FrameInput& in, std::string* what) override;
    void drawUi(const FrameInput& in) override { drawLandscapePanel(in); }  // the legend (landscape_panel.h)

    // The procedural elevation (metres a.s.l.) at world x/z; exposed for tests and placement.
    static float elevation(float x, float z);

private:
    eng::Terrain m_terrain;
    eng::MeshId m_townBlock{};  // the works' halls: walls with windows that light up at night
    float m_night = -1.0f;
    eng::MeshId m_stack{};
    Town m_town;  // scenes/valley.h: streets, microdistricts, mahalla
    std::vector<eng::Instance> m_stacks, m_plant;
    std::vector<eng::EmitterId> m_plumes;
};

}  // namespace scenes
