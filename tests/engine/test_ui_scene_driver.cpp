// The frame loop's glue (app/scene_driver.h) with stub scenes and a real World: a scene panel's commands reach the
// World's command log like the UI's; the camera follows a scene's target and keeps above its ground; --camera
// resolves preset numbers and names, and a wrong one lists the presets.
#include <doctest/doctest.h>

#include <optional>

#include "app/scene_driver.h"
#include "scenes/scene.h"
#include "scenes/scene_actions.h"
#include "sim/world.h"

namespace {

// A scene whose panel asked for something, and that may want the camera on a point.
class StubScene : public scenes::Scene {
public:
    bool load(const scenes::SceneContext&, std::string*) override { return true; }
    void update(const scenes::FrameInput&) override {}
    void draw(eng::Renderer&, const eng::OrbitCamera&, const scenes::FrameInput&) override {}
    std::vector<eng::CameraPreset> cameraPresets() const override {
        return {{"Pit overview", {.distance = 3600}}, {"Haul ramp", {.distance = 420}}, {"Shovel close-up", {.distance = 120}},
                {"Haul road bend", {.distance = 300}}};
    }
    float groundHeight(float, float) const override { return 50.0f; }
    std::vector<sim::Command> takeCommands() override {
        std::vector<sim::Command> out;
        out.swap(outbox);
        return out;
    }
    std::optional<glm::vec3> followTarget() const override { return follow; }

    std::vector<sim::Command> outbox;
    std::optional<glm::vec3> follow;
};

// A scene that overrides nothing optional: the interface's defaults.
class PlainScene : public StubScene {
public:
    std::vector<sim::Command> takeCommands() override { return Scene::takeCommands(); }
    std::optional<glm::vec3> followTarget() const override { return Scene::followTarget(); }
};

}  // namespace

TEST_CASE("scene driver: a scene's commands are pushed into the World, applied at the next tick and logged") {
    sim::World world(sim::makeParams(), 1, 0);
    StubScene scene;
    scene.outbox.push_back({sim::CommandType::SetParam, "mine.trucks", "17"});
    scene.outbox.push_back({sim::CommandType::InjectFault, "transport.crusher", ""});
    scene.outbox.push_back({sim::CommandType::SetParam, "mine.no_such_param", "1"});
    CHECK(app::drainSceneCommands(scene, world) == 3);
    CHECK(scene.outbox.empty());
    CHECK(app::drainSceneCommands(scene, world) == 0);  // drained once, not twice
    world.step();
    const auto& log = world.commandLog();
    REQUIRE(log.size() == 3);
    CHECK(log[0].command.name == "mine.trucks");
    CHECK(log[0].accepted);
    CHECK(world.params().getInt("mine.trucks") == 17);
    CHECK(log[1].command.type == sim::CommandType::InjectFault);
    CHECK(log[1].accepted);
    CHECK_FALSE(log[2].accepted);  // refused and logged with its reason, never a crash
    CHECK_FALSE(log[2].message.empty());

    PlainScene plain;
    CHECK(app::drainSceneCommands(plain, world) == 0);
    CHECK_FALSE(plain.followTarget().has_value());
}

TEST_CASE("scene driver: the camera follows the scene's target and keeps above its ground") {
    StubScene scene;
    eng::OrbitCamera cam;
    cam.setLimits(2.0f, 40000.0f);
    cam.setPose({.target = {0, 50, 0}, .yawDeg = 0, .pitchDeg = 1, .distance = 400});
    // No target: only the ground clamp (20 m over the 50 m ground at this distance).
    app::constrainCamera(cam, scene, 1.0f / 60.0f);
    CHECK(cam.pose().target.x == doctest::Approx(0.0f));
    CHECK(cam.position().y >= doctest::Approx(70.0f).epsilon(1e-4));
    CHECK(cam.nearPlane() == doctest::Approx(5.0f));
    // A target: the camera's target glides onto it within a few seconds.
    scene.follow = glm::vec3(300, 60, -100);
    for (int i = 0; i < 360; ++i) app::constrainCamera(cam, scene, 1.0f / 60.0f);
    CHECK(glm::length(cam.pose().target - *scene.follow) < 0.1f);
    // A close-up: small clearance, near plane pulled in.
    cam.setPose({.target = {0, 51, 0}, .yawDeg = 0, .pitchDeg = 10, .distance = 2.0f});
    scene.follow.reset();
    app::constrainCamera(cam, scene, 1.0f / 60.0f);
    CHECK(cam.position().y >= doctest::Approx(50.5f).epsilon(1e-4));
    CHECK(cam.pose().pitchDeg == doctest::Approx(10.0f));  // 51 + 0.35 m is already over 50.5 m
    CHECK(cam.nearPlane() == doctest::Approx(0.2f));
    CHECK(app::groundClearance(3600.0f) == doctest::Approx(20.0f));
    CHECK(app::groundClearance(2.0f) == doctest::Approx(0.5f));
}

TEST_CASE("scene driver: --camera takes a 1-based number or a (part of a) name, else lists the presets") {
    const auto presets = StubScene().cameraPresets();
    std::string why;
    CHECK(scenes::findCameraPreset(presets, "1", &why) == 0);
    CHECK(scenes::findCameraPreset(presets, "4", &why) == 3);
    CHECK(scenes::findCameraPreset(presets, "Haul ramp", &why) == 1);
    CHECK(scenes::findCameraPreset(presets, "haul RAMP", &why) == 1);
    CHECK(scenes::findCameraPreset(presets, "shovel", &why) == 2);
    CHECK(scenes::findCameraPreset(presets, "5", &why) == -1);
    CHECK(why == "camera '5': no preset with that number; valid presets: 1 'Pit overview', 2 'Haul ramp', "
                 "3 'Shovel close-up', 4 'Haul road bend'");
    CHECK(scenes::findCameraPreset(presets, "haul", &why) == -1);  // ramp or road bend?
    CHECK(why.find("more than one") != std::string::npos);
    CHECK(scenes::findCameraPreset(presets, "smelter", &why) == -1);
    CHECK(why.find("no preset with that name") != std::string::npos);
    CHECK(scenes::findCameraPreset(presets, "0", &why) == -1);
    CHECK(scenes::findCameraPreset({}, "1", &why) == -1);
    CHECK(why.find("no presets") != std::string::npos);
}

TEST_CASE("scene registry: every scene has a name written once and a title for the picker, in menu order") {
    const auto& infos = scenes::sceneInfos();
    const auto names = scenes::sceneNames();
    REQUIRE(infos.size() == names.size());
    REQUIRE(infos.size() >= 4);
    for (std::size_t i = 0; i < names.size(); ++i) {
        CHECK(names[i] == infos[i].name);
        CHECK(std::string(infos[i].title) != names[i]);  // a real title, not the command-line name
        CHECK(scenes::makeScene(names[i]) != nullptr);
        for (std::size_t j = 0; j < i; ++j) CHECK(names[i] != names[j]);
    }
    CHECK(scenes::makeScene("no-such-scene") == nullptr);
}
