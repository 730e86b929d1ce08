// scenes/pit/pit_scene.h — the Kalmakyr open pit and its ore transport, driven by the live simulation.
// Shows: the benched pit and the foothills around it (built once from sim::PitGeometry, rebuilt when mine.pit.*
//   changes), the haul roads, waste dump, crusher with its surge stockpile, the rail line (PE2U trains with
//   dumpcars) and/or conveyor toward the concentrator; shovels at their faces swinging as they load; every truck
//   exactly where sim::Mine::truckPoseAt puts it (loaded trucks carry ore or waste, bodies rise while dumping),
//   dust behind moving trucks and at tipping, a warning marker over broken-down units, every unit at true size
//   with a pin of constant pixel size over it when it is small on screen (coloured by its state); the haul roads on the pit
//   floor from the ramp bottom to each working shovel; at night floodlight pools on the working faces, crusher and
//   dump, headlamps and the light they throw on the road ahead; labels de-cluttered on screen (truck names only at
//   close range); click a truck or shovel for its live state; a KPI panel with the last sim hours.
// Cost: far trucks (> kFarTruck_m) draw as a few boxes; everything repeated is instanced.
// Reads: FrameInput::state (mine, pit, transport), the frame's events, the sun. Writes: sim::Commands from
//   its panel into an outbox the app drains with takeCommands() each frame.
// Does NOT: advance the simulation or own the camera (followTarget() asks the app to follow a truck).
#pragma once
#include <array>
#include <deque>
#include <vector>

#include "engine/model/model_library.h"
#include "scenes/label_layout.h"
#include "scenes/pit/pit_ground.h"
#include "scenes/pit/pit_models.h"
#include "scenes/scene.h"
#include "scenes/scene_kit.h"
#include "sim/command.h"
#include "sim/mine.h"
#include "sim/world.h"

namespace scenes {

class PitScene : public Scene {
public:
    PitScene();
    bool load(const SceneContext& ctx, std::string* why) override;
    void update(const FrameInput& in) override;
    // A shot's warm-up fills the KPI plots (one sample per 5 sim minutes, as the window takes them).
    sim::Time observeEvery() const override { return 5 * sim::kMinute; }
    void observe(const sim::State& s) override;
    void draw(eng::Renderer& r, const eng::OrbitCamera& cam, const FrameInput& in) override;
    std::vector<eng::CameraPreset> cameraPresets() const override;
    std::vector<eng::CameraPose> benchPath() const override;
    float groundHeight(float x, float z) const override;
    void drawUi(const FrameInput& in) override;
    bool pick(const eng::Ray& ray, const FrameInput& in, std::string* what) override;

    // Commands from the scene's panel since the last call (the app pushes them into the World).
    std::vector<sim::Command> takeCommands() override;
    std::optional<glm::vec3> followTarget() const override;  // the selected truck while "Camera follows" is on
    // Keys: "truck:N" and "shovel:N" with the simulation's ids (N from 0, as in the fault targets "mine.truck:N").
    std::vector<std::string> objectKeys(const sim::State& s) const override;
    bool select(std::string_view key, const sim::State& s, std::string* why) override;
    bool follow(std::string_view key, const sim::State& s, std::string* why) override;  // trucks only

    // The model matrices of the trucks the scene draws for a state at time t (index = truck id): one pure function
    // shared by draw() and the tests. `scale` enlarges trucks about their road point (the scene draws true size, 1).
    static void truckMatrices(const sim::State& s, sim::Time t, float scale, std::vector<glm::mat4>& out);
    int selectedTruck() const { return m_selTruck; }
    int selectedShovel() const { return m_selShovel; }

private:
    void rebuildGround(const sim::PitGeometry& g, double railLen);
    // The walls at the level of detail the view needs: the benches (faces, berms, ramp, floor) while a bench is at
    // least ~4 px tall on screen, else the smooth far walls with the ramp and the floor over them; per sector.
    void drawWalls(eng::Renderer& r, const eng::OrbitCamera& cam);
    void buildTransportLine(const sim::PitGeometry& g, double railLen);
    glm::vec3 railPoint(double metres, glm::vec3* dir) const;
    glm::vec3 parkCentre() const;
    glm::vec3 railAt(double metres) const;   // scene frame: on the rail line, metres from the loading bay
    float railYaw() const;   // scene frame: the middle of the default fleet's park-up bays
    // One frame's instance lists that several draw passes fill (floodlights from the site and the shovels, the
    // labels from every pass); draw() runs the passes in order, drawLightsAndLabels() flushes them.
    struct FrameDraws {
        glm::vec3 eye{0.0f}, crusher{0.0f};
        eng::DrawFlags moving;                  // moving equipment: casts shadows on the high preset only
        float lampGlow = 0.0f, nightLevel = 0.0f;
        glm::vec4 night{0.0f};                  // the emissive of unlit instances
        glm::vec4 litGround{0.26f, 0.24f, 0.22f, 1.0f};
        std::vector<eng::Instance> pools;       // floodlit ground patches (low preset: per-vertex lamps)
        std::vector<eng::PointLight> lights;    // floodlights and headlamps
        bool densePools = false;
        std::vector<eng::Instance> masts, lamps, pins;
        float metresPerPx = 0.001f;             // per metre of distance from the eye, at the window's pixel rows
        std::vector<LabelWish> wishes;
        void pool(glm::vec3 centre, float radius, glm::vec4 colour = {0.11f, 0.105f, 0.10f, 1.0f});   // default: kRoadColour
        void floodlight(glm::vec3 base, float height);
        void pin(glm::vec3 top, float dEye, float px, glm::vec3 colour);  // a unit pin of constant pixel size
    };
    void setLighting(eng::Renderer& r) const;
    void drawSite(eng::Renderer& r, FrameDraws& f);
    void drawShovels(eng::Renderer& r, const sim::State& s, FrameDraws& f);
    void drawTrucks(eng::Renderer& r, const sim::State& s, FrameDraws& f);
    void drawTransport(eng::Renderer& r, const sim::State& s, FrameDraws& f);
    void wishLabels(const sim::State& s, FrameDraws& f) const;
    void drawLightsAndLabels(eng::Renderer& r, FrameDraws& f);
    std::string truckText(const sim::State& s, int i) const;
    std::string shovelText(const sim::State& s, int i) const;

    eng::Renderer* m_r = nullptr;
    eng::ModelLibrary* m_lib = nullptr;  // the app's (SceneContext::models)
    sim::PitGeometry m_geom;
    std::vector<sim::PitGeometry::ParkBay> m_parkBays;   // m_geom.parkBays(), from the last rebuild
    sim::PitParams m_builtFor;
    bool m_groundBuilt = false;
    std::vector<eng::TextureId> m_groundTextures;  // freed when the geometry changes and the ground is rebuilt
    // The walls by sector (PitGround::nearSectors): benches, far slope, the seam skirt on its first column, bounds,
    // and whether the last frame drew it far (see drawWalls).
    struct WallSector {
        eng::MeshId faces, berms, roads, far, skirt;
        glm::vec3 bmin{0.0f}, bmax{0.0f};
        bool farNow = false;
    };
    std::vector<WallSector> m_sectors;
    std::vector<float> m_heights;  // coarse ground height grid for groundHeight() (scene frame)
    int m_hn = 0;
    float m_hExtent = 0.0f;

    eng::MeshId m_ground, m_farTruck[2][2], m_crusher, m_road, m_pad, m_poolDisc, m_truck220[2], m_truck130[2], m_shovel[3], m_heap, m_lamp, m_marker, m_pin, m_box,
        m_mast, m_rail, m_car, m_carLoad, m_loco, m_pile, m_ring, m_track, m_farTrack, m_ballast, m_dump, m_beltSection;
    glm::vec3 m_dipperPivot{0.0f}, m_pivot220{0.0f}, m_pivot130{0.0f}, m_size220{1.0f}, m_size130{1.0f};
    glm::vec3 m_truckBMin{0.0f}, m_truckBMax{0.0f};
    std::vector<glm::vec3> m_railPts;  // scene frame, from the loading bay toward the concentrator
    std::vector<double> m_railS;
    std::vector<glm::vec3> m_beltPts;
    std::vector<double> m_beltS;

    // Per-frame state copied from the sim (never references into it).
    sim::Time m_t = 0;
    std::vector<glm::mat4> m_truckM, m_shovelM;
    std::vector<sim::TruckPose> m_poses;
    std::vector<eng::EmitterId> m_dust;
    eng::EmitterId m_dumpDust, m_crusherDust;
    float m_night = 0.0f;
    int m_selTruck = -1, m_selShovel = -1;
    bool m_follow = false;  // panel checkbox: the app keeps the camera on the selected truck
    kit::CommandOutbox m_outbox;
    // The KPI plots: one sample per 5 sim minutes over the last 8 h (plot order in drawUi()).
    kit::MetricHistory m_kpi{{"mine.ore_t_h", "mine.trucks_queued", "mine.fleet_utilisation_pct", "mine.fuel_l_h"}, 5.0, 8.0};
    bool m_showKpi = true, m_showControls = true;
};

}  // namespace scenes
