// scenes/overview/overview_scene.h — the start scene: the whole Almalyk complex on one map, at the site table's
// positions on the valley terrain (scenes/site.h): the Kalmakyr pit and its crusher, the ore rail, the MOF
// concentrators (mill buildings, flotation halls, thickeners) and their tailings storage, the smelter with its
// stacks, acid plant and tankhouse, the slag yard and the catalyst line, the photocatalyst hydrogen field and the
// reformer, the hydrogen pipeline leaving the map north to PRMiTS in Chirchik, the gas and CO2 lines to the depleted
// field, and the town. Over it: animated flows whose width and speed follow live rates, a level gauge beside every
// buffer, units in alarm ringed, and units lighting up in the order a fault reaches them (overview_model.h).
// Reads from the simulation: only metrics by name (sim/metrics.h) and, when present, the alarms list; the
// state->visual mapping lives in overview_model.h (tested without GL). A click on a site asks the app for that
// site's scene (takeSceneRequest). docs/overview_scene.md says what is drawn from which metric.
// Does NOT: push commands, or draw any unit's inner workings (the pit, smelter and hydrogen scenes do).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/terrain.h"
#include "scenes/valley.h"
#include "scenes/label_layout.h"
#include "scenes/overview/overview_model.h"
#include "scenes/scene.h"

namespace scenes {

class OverviewScene : public Scene {
public:
    bool load(const SceneContext& ctx, std::string* why) override;
    void update(const FrameInput& in) override;
    void draw(eng::Renderer& r, const eng::OrbitCamera& cam, const FrameInput& in) override;
    std::vector<eng::CameraPreset> cameraPresets() const override;
    std::vector<eng::CameraPose> benchPath() const override;
    float groundHeight(float x, float z) const override { return m_terrain.heightAt(x, z); }
    bool pick(const eng::Ray& ray, const FrameInput& in, std::string* what) override;
    std::optional<SceneRequest> takeSceneRequest() override;
    sim::Time observeEvery() const override { return 5 * sim::kMinute; }
    void observe(const sim::State& s) override { m_ripple.observe(s); }
    void drawUi(const FrameInput& in) override;
    std::vector<std::string> objectKeys(const sim::State& s) const override;
    bool select(std::string_view key, const sim::State& s, std::string* why) override;

    // The site a ray points at (nearest hit of the sites' pick spheres); "" for none. For tests and pick().
    std::string siteAt(const eng::Ray& ray) const;
    // Where a site's things stand (world, on the ground): for tests that look at a site's pixels.
    glm::vec3 siteAnchor(const std::string& key) const;
    // Where a gauge's column stands and how tall it is (world): for tests that compare its pixels.
    glm::vec3 gaugeBase(std::size_t i) const { return m_gauges[i].base; }
    // A gauge stands at its site's anchor plus this (east, north) offset in metres.
    static glm::vec2 gaugeOffset(std::string_view site);
    static constexpr float kGaugeHeight = 260.0f, kGaugeRadius = 55.0f;
    const overview::RippleTracker& ripple() const { return m_ripple; }

private:
    struct Path {
        std::vector<glm::vec3> pts;
        std::vector<float> s;  // cumulative length
        glm::vec3 at(float d, glm::vec3* dir) const;
        float length() const { return s.empty() ? 0.0f : s.back(); }
    };
    struct Flow {
        const overview::FlowDef* def = nullptr;
        Path path;        // Ground: along the ground; ToAir: pts[0] is the stack top
        float phase = 0;  // metres travelled
        overview::FlowLook look;
        double rate = 0;
    };
    struct Site {
        std::string key, title;
        glm::vec3 anchor;   // on the ground
        float radius;       // pick and highlight radius
        float labelHeight;  // metres above the anchor
        bool minor = false;      // labelled only near (kLabelTierM) or when highlighted: the works cluster's smaller units
        std::string shortTitle;  // the label from afar ("" = title)
    };
    struct Gauge {
        const overview::GaugeDef* def = nullptr;
        glm::vec3 base;
        overview::GaugeReading reading;
    };

    Path makePath(std::vector<glm::vec2> en, float lift, bool smooth) const;
    void addFlow(const char* key, std::vector<glm::vec2> en, bool smooth = true);
    void addStackFlow(const char* key, glm::vec3 top);
    void buildPlant(eng::Renderer& r, const sim::State& s);
    glm::vec3 ground(glm::vec2 en, float lift = 0.0f) const;
    void box(glm::vec2 en, glm::vec3 size, float yawDeg, glm::vec3 color, float sink = 2.0f, bool lit = true);
    void tank(glm::vec2 en, float radius, float height, glm::vec3 color, float base = -1e9f);
    const Site* findSite(const std::string& key) const;

    eng::Terrain m_terrain;
    eng::MeshId m_box{}, m_cyl{}, m_cone{}, m_ring{}, m_plate{}, m_routes{};
    eng::SubMesh m_routeMesh;  // every flow's route band, built by addFlow, one mesh after load
    Town m_town;  // scenes/valley.h; its far variant (every other block, wider) for map-scale views
    std::vector<eng::Instance> m_buildings, m_tanks, m_heaps, m_windows;
    std::vector<eng::Instance> m_dashes, m_puffs, m_gaugeParts, m_rings, m_lamps;
    std::vector<Flow> m_flows;
    std::vector<Site> m_sites;
    std::vector<Gauge> m_gauges;
    std::vector<LabelWish> m_wishes;
    overview::RippleTracker m_ripple;
    std::vector<int> m_faulted;  // per ripple unit: 1 while its own fault flag is on
    struct AlarmMark { std::string site; int priority; };
    std::vector<AlarmMark> m_alarms;
    std::optional<SceneRequest> m_request;
    std::string m_selected;
    double m_night = 0.0;  // 0 day .. 1 night (from the sun's elevation)
    float m_time = 0.0f;   // wall seconds (pulses)
};

}  // namespace scenes
