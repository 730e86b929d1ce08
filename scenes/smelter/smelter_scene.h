// scenes/smelter/smelter_scene.h — the Almalyk copper smelter from concentrate to cathode, driven by the live
// simulation, with the slag that feeds the photocatalyst line.
// Shows: the concentrate store and charge preparation, the smelting furnace with its uptake and off-gas line to the
//   acid plant and the stack, the converter aisle (a row of Peirce-Smith converters that tilt to be charged, blow with
//   flame and fume at the mouth, skim and pour), matte/blister ladles riding the overhead cranes, slag pots on their
//   carrier to the slag yard (fresh slag glowing down the dump face; the fayalite share marked as photocatalyst
//   feedstock), the anode furnaces and casting wheel, the tankhouse with its cells and the cathode stacks growing.
//   Melt glows by temperature (meltGlow); sparks and fumes are particles; the stack plume follows the SO2 not captured.
//   Buildings are cut away (roof and aisle-side walls removed) or closed. Labels on the equipment carry live readouts
//   and turn red on an alarm; a panel has KPIs, live plots of the last sim hours, the alarm list and the controls.
// Reads: FrameInput::world->state().smelter / .catalyst, params, this frame's events (animate() in smelter_anim.h is
//   the pure state -> animation mapping). Writes: sim::Commands (SetParam) from its panel into an outbox the app
//   drains with takeCommands().
// Does NOT: advance the simulation, or show the real site plan (layout illustrative; sizes from docs/models.md).
#pragma once
#include <array>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/model/model_library.h"
#include "scenes/scene.h"
#include "scenes/scene_kit.h"
#include "scenes/site_backdrop.h"
#include "scenes/smelter/smelter_anim.h"
#include "sim/command.h"

namespace sim { struct State; }

namespace scenes {

class SmelterScene : public Scene {
public:
    bool load(const SceneContext& ctx, std::string* why) override;
    void update(const FrameInput& in) override;
    // A shot's warm-up fills the live plots (one sample per 5 sim minutes, as the window takes them).
    sim::Time observeEvery() const override { return 5 * sim::kMinute; }
    void observe(const sim::State& s) override;
    void draw(eng::Renderer& r, const eng::OrbitCamera& cam, const FrameInput& in) override;
    std::vector<eng::CameraPreset> cameraPresets() const override;
    std::vector<eng::CameraPose> benchPath() const override;
    float groundHeight(float x, float z) const override { (void)x; (void)z; return 0.0f; }
    void drawUi(const FrameInput& in) override;
    bool pick(const eng::Ray& ray, const FrameInput& in, std::string* what) override;
    // Keys: the clickable units ("furnace", "converter:0", "ladle:1", "anode:0", "wheel", "acid", "stack",
    // "tankhouse", "store", "fayalite", "yard"); select() opens the unit's readout as a click does.
    std::vector<std::string> objectKeys(const sim::State& s) const override;
    bool select(std::string_view key, const sim::State& s, std::string* why) override;

    // Commands from the scene's panel since the last call (the app pushes them into the World).
    std::vector<sim::Command> takeCommands() override;
    // What update() derived (for tests).
    const smelter::PlantAnim& anim() const { return m_anim; }

    // A unit the user can click (picking boxes, world space) and its live description.
    struct Unit {
        std::string key;      // "furnace", "converter:2", "ladle:4", ...
        glm::vec3 bmin, bmax;
    };

private:
    // One model split for animation: the rigid parts, the moving ones, and the glowing melt (emissive zeroed so the
    // scene drives it by temperature).
    struct Parts { eng::MeshId fixed, moving, melt; glm::vec3 pivot{0.0f}; };

    Parts loadParts(eng::Renderer& r, const std::string& role, std::initializer_list<const char*> moving,
                    const char* pivotPart);
    void buildStatic(eng::Renderer& r);
    void drawHall(eng::Renderer& r);
    void drawEquipment(eng::Renderer& r);
    void drawLadlesAndCranes(eng::Renderer& r);
    void drawYard(eng::Renderer& r);
    void drawTankhouse(eng::Renderer& r);
    void drawStreams(eng::Renderer& r);
    void drawLabels(eng::Renderer& r, glm::vec3 eye);
    void updateParticles(const FrameInput& in);
    std::string describe(const std::string& key) const;
    std::vector<Unit> units() const;
    void paramSlider(const char* label, const char* name, float lo, float hi, const char* format, const char* tip);
    glm::vec3 converterMouth(int i) const;

    eng::Renderer* m_r = nullptr;
    eng::ModelLibrary* m_lib = nullptr;  // the app's (SceneContext::models)
    Parts m_furnace, m_converter, m_anode, m_ladle, m_wheel;
    eng::MeshId m_craneBridge, m_craneTrolley, m_craneRope, m_craneHook;
    eng::MeshId m_ground, m_frame, m_cladding, m_box, m_cyl, m_cell, m_cellModel, m_plate, m_heap, m_pile, m_flame, m_carrier, m_stream, m_lining;
    glm::vec3 m_ropePivot{0.0f, 16.6f, 0.0f}, m_hookRest{0.0f, 8.0f, 0.0f};
    float m_craneSpanScale = 1.4f;
    std::vector<eng::Instance> m_staticBoxes, m_staticCyls;  // ducts, conveyors, bins: built once
    SiteBackdrop m_backdrop;                                  // the valley and foothills around the site

    // Emitters.
    std::vector<eng::EmitterId> m_convFume, m_convSparks;
    eng::EmitterId m_stackPlume, m_acidSteam, m_tapSparks, m_slagTapSparks, m_dumpSparks, m_dumpSmoke, m_castSteam,
        m_pourSparks;

    // Copied from the sim each update (never references into it).
    const sim::State* m_state = nullptr;  // this call's state (CallState), never kept across calls
    sim::Time m_now = 0;
    smelter::PlantAnim m_anim;
    smelter::History m_hist;
    std::vector<float> m_shownTilt;      // converter tilt eased toward the animation's (the shell turns ~2 deg/s)
    std::array<double, 3> m_freshSlag{};  // sim seconds since the last dump at each yard spot (glow cools)
    double m_furnaceC = 1250.0, m_stackSo2 = 0.0, m_capture = 1.0, m_cathodeOnCells = 0.0, m_cathodeStock = 0.0;
    double m_cathodeTh = 0.0, m_yardSlag = 0.0, m_fayalite = 0.0, m_catalystSlag = 0.0;
    int m_cells = 500;
    glm::vec3 m_eye{0.0f};  // this frame's eye (draw): near cells use the tankhouse_cell model
    std::vector<bool> m_alarm;           // per SmelterState::alarms entry
    float m_wheelDeg = 0.0f, m_anim01 = 0.0f;
    float m_night = 0.0f;

    // The panel's plots: one sample per 5 sim minutes over the last 12 h (plot order in smelter_panel.cpp).
    bool m_firstUpdate = true;  // the first update() starts the animation in stride (plumes, tilts, fresh slag)
    kit::MetricHistory m_plots{{"smelter.bath_temp_c", "smelter.matte_grade_pct", "smelter.so2_captured_t_h",
                                "smelter.stack_so2_t_h", "smelter.cathode_t_h", "smelter.slag_t_h", "smelter.power_mw",
                                "smelter.co2_t_h"},
                               5.0, 12.0};
    kit::CommandOutbox m_outbox;
    kit::ParamSliders m_sliders;
    std::string m_selected;
    bool m_cutaway = true, m_showPanel = true, m_showLabels = true;
};

}  // namespace scenes
