// scenes/hydrogen/hydrogen_scene.h — slag-derived photocatalyst panels under Almalyk's sun, beside steam reforming.
// Shows: the panel field (rows of 1 x 2 m trays tilted toward h2.azimuth_deg, as large as the simulation's panel area,
//   growing as the slag-to-catalyst line builds rows; near rows as single trays, far rows as one textured slab each),
//   glints of the sun on the glass, bubbles rising up the trays in proportion to the local H2 rate (none at night or in
//   cloud shadow), clouds drifting at the sim's cloud cover with their shadows on the field; the gas plant (collection
//   headers carrying the hazardous moist H2:O2 = 2:1 product, the membrane separator, compressors, H2 tanks whose level
//   gauges follow the storage, the pipeline to the W/Mo oxide reduction) and the reformer (furnace with flue stack,
//   shift reactors, PSA, a CO2 plume that shrinks with capture, and the capture unit when capture is on).
//   A vent plume at the capture unit shows captured CO2 released while the CO2 injection is faulted.
//   A panel shows supply and demand now (PRMiTS demand, served from panels + storage and by the reformer, unserved,
//   vented, the reformer's share, the store and its hours of cover) with their last-24 h totals, plots of the last
//   3 days, the depleted gas field and the CO2 store, the routes compared (CO2 per kg, LCOH, land per kg/day), STH
//   presets and controls; an optional overlay previews the sun's path for any date (the sim clock only runs forward).
// Reads: FrameInput::world->state() (h2, sun, weather, smr, catalyst, economics) and params; the panel's supply, field
//   and CO2 figures by metric name (supply_view.h); the sun for lighting is sim::Hydrogen::sunAt(now) — the
//   simulation's own solar position at the displayed time.
// Writes: sim::Commands (SetParam) from its panel into an outbox the app drains with takeCommands().
// Does NOT: advance the simulation, or show the real site plan (layout is illustrative; sizes from docs/models.md).
#pragma once
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/model/model_library.h"
#include "scenes/hydrogen/cloud_field.h"
#include "scenes/hydrogen/field_layout.h"
#include "scenes/hydrogen/supply_view.h"
#include "scenes/scene.h"
#include "scenes/scene_kit.h"
#include "scenes/site_backdrop.h"
#include "sim/command.h"

namespace scenes {

class HydrogenScene : public Scene {
public:
    bool load(const SceneContext& ctx, std::string* why) override;
    void update(const FrameInput& in) override;
    void draw(eng::Renderer& r, const eng::OrbitCamera& cam, const FrameInput& in) override;
    std::vector<eng::CameraPreset> cameraPresets() const override;
    std::vector<eng::CameraPose> benchPath() const override;
    float groundHeight(float x, float z) const override { (void)x; (void)z; return 0.0f; }
    void drawUi(const FrameInput& in) override;
    bool pick(const eng::Ray& ray, const FrameInput& in, std::string* what) override;

    // Commands from the scene's panel since the last call (the app pushes them into the World).
    std::vector<sim::Command> takeCommands() override;
    // A shot's warm-up fills the panel's plots and 24 h totals as a running window would.
    sim::Time observeEvery() const override { return 10 * sim::kMinute; }
    void observe(const sim::State& s) override;

    // What update() derived, for tests: the direction the scene lights with, the field it draws, the clouds.
    glm::vec3 lightingSunDir() const { return m_sunDir; }
    const h2::FieldLayout& layout() const { return m_layout; }
    const h2::CloudField& clouds() const { return m_clouds; }
    // Bubbles per tray for a local H2 rate (g per hour per m² of panel): proportional, capped for the renderer.
    static int bubblesPerModule(double g_h_m2);
    // Where the steam methane reformer's model stands (scene frame; its flue outlet is the model's top).
    static glm::vec3 reformerPosition();

private:
    void drawField(eng::Renderer& r, const eng::OrbitCamera& cam, float aspect);
    void drawPlant(eng::Renderer& r);
    void drawReformer(eng::Renderer& r);
    void drawClouds(eng::Renderer& r);
    void paintGround(eng::Renderer& r);  // (re)paints the steppe and its gravel pads when the field's pad moves
    eng::TextureId m_groundTex;
    glm::vec4 m_paintedField{0.0f};      // the field pad (min x/z, max x/z) the ground texture was painted for
    static constexpr int kCloudMapSize = 256;  // texels per side of the 4 km periodic cloud square (~16 m each)
    eng::TextureId m_cloudTex;
    int m_cloudBaked = -1;                      // the blob count the cloud texture was baked for
    double m_cloudSeconds = 0.0;
    void drawSunPath(eng::Renderer& r);
    void drawLabels(eng::Renderer& r);
    void paramSlider(const char* label, const char* name, float lo, float hi, const char* format, bool logScale,
                     const char* tip);
    void drawSupply(const sim::State& s);
    void drawPlots();
    static float plotsHeight();  // of the plot block, filled or not (the sections below never move)
    void drawGasField(const sim::State& s);
    void drawComparison(const sim::State& s);
    void drawControls();
    double param(const char* name, double fallback) const;

    eng::Renderer* m_r = nullptr;
    eng::ModelLibrary* m_lib = nullptr;  // the app's (SceneContext::models)
    SiteBackdrop m_backdrop;  // the valley and foothills beyond the site
    eng::MeshId m_post;
    eng::MeshId m_module, m_row, m_bubble, m_pipe, m_box, m_ground, m_separator, m_compressor, m_tank,
        m_reformer, m_vessel;
    glm::vec3 m_stackTop{0.0f};  // reformer flue stack outlet, model frame
    eng::EmitterId m_flue, m_flueExit, m_ventPlume, m_co2Vent;
    bool m_firstUpdate = true;

    // Copied from the sim each update (never references into it).
    const sim::State* m_state = nullptr;  // this call's state (CallState), never kept across calls
    sim::Time m_now = 0;
    glm::vec3 m_sunDir{0, 1, 0};
    double m_elevation = 0.0, m_azimuth = 0.0, m_ghi = 0.0, m_poa = 0.0, m_cloud = 0.0;
    double m_recoveredKgh = 0.0;   // after the separator (h2::SupplyNow::panels_kg_h)
    std::string m_recoveredText;   // ... as every place on screen writes it (h2::panelsRateText)
    double m_area = 0.0, m_sth = 0.0, m_h2kgh = 0.0, m_storageKg = 0.0, m_storageFill = 0.0;
    double m_storageCap = 100.0, m_demandKgh = 0.0, m_builtArea = 0.0;
    bool m_separatorOk = true, m_smrTripped = false;
    double m_smrKgh = 0.0, m_smrCo2Kgh = 0.0, m_smrCapture = 0.0, m_smrCapacity = 0.0, m_co2VentedTh = 0.0;
    bool m_injectionOk = true;
    h2::FieldLayout m_layout;
    h2::CloudField m_clouds;
    float m_anim = 0.0f;  // seconds of animation (bubbles), wall clock

    // The panel's plots (one sample per 10 sim minutes over the last 3 days, series h2::PlotSeries) and 24 h totals.
    kit::MetricHistory m_plots{h2::plotMetricNames(), 10.0, 72.0};
    h2::SupplyTotals m_totals;
    kit::CommandOutbox m_outbox;
    kit::ParamSliders m_sliders;

    // Panel state.
    bool m_showPanel = true, m_showSunPath = false;
    int m_previewDay = -1;       // day of year for the sun-path overlay (-1: the sim's date)
    float m_previewHour = 12.0f;
    int m_absorber = 0;          // index into the absorber-edge table (ceiling shown next to STH)
};

}  // namespace scenes
