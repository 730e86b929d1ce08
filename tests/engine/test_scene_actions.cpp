// Scene actions by key (scenes/scene_actions.h), as tour and training files will write them, on the real pit and
// smelter scenes and a real World: the keys a scene lists are the sim's own ids (the same N as the fault target
// "mine.truck:N"), select/follow/camera act on them, and a wrong key or verb is refused with the closest keys.
#include <doctest/doctest.h>

#include <algorithm>

#include "scenes/pit/pit_scene.h"
#include "scenes/scene_actions.h"
#include "scenes/smelter/smelter_scene.h"
#include "sim/world.h"

namespace {
bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
}  // namespace

TEST_CASE("scene actions: the text form parses into a verb and an argument, and bad text is refused") {
    scenes::SceneAction a;
    std::string why;
    REQUIRE(scenes::parseSceneAction("select(truck:12)", &a, &why));
    CHECK(a.verb == scenes::ActionVerb::Select);
    CHECK(a.argument == "truck:12");
    REQUIRE(scenes::parseSceneAction("  follow( truck:3 ) ", &a, &why));
    CHECK(a.verb == scenes::ActionVerb::Follow);
    CHECK(a.argument == "truck:3");
    REQUIRE(scenes::parseSceneAction("camera(Haul ramp)", &a, &why));
    CHECK(a.verb == scenes::ActionVerb::Camera);
    CHECK(a.argument == "Haul ramp");
    REQUIRE(scenes::parseSceneAction("select()", &a, &why));
    CHECK(a.argument.empty());
    CHECK_FALSE(scenes::parseSceneAction("zoom(truck:1)", &a, &why));
    CHECK(why.find("unknown verb 'zoom'") != std::string::npos);
    CHECK_FALSE(scenes::parseSceneAction("select truck:1", &a, &why));
    CHECK(why.find("expected verb(argument)") != std::string::npos);
    CHECK_FALSE(scenes::parseSceneAction("camera()", &a, &why));
    CHECK(scenes::parseObjectKey("truck:12").index == 12);
    CHECK(scenes::parseObjectKey("truck:12").kind == "truck");
    CHECK(scenes::parseObjectKey("furnace").index == -1);
    CHECK(scenes::parseObjectKey("truck:x").index == -2);
    CHECK(scenes::parseObjectKey("truck:-1").index == -2);
}

TEST_CASE("scene actions: the pit's keys are the simulation's truck and shovel ids; select, follow and camera act") {
    sim::Params p = sim::makeParams();
    std::string why;
    REQUIRE(p.setFromText("mine.trucks", "20", &why));
    REQUIRE(p.setFromText("mine.shovels", "4", &why));
    sim::World w(p, 3, 0);
    w.step();
    const sim::State& s = w.state();
    scenes::PitScene pit;
    const std::vector<std::string> keys = pit.objectKeys(s);
    CHECK(keys.size() == 24);  // 20 trucks + 4 working shovels, from the parameters above
    CHECK(has(keys, "truck:0"));
    CHECK(has(keys, "truck:19"));
    CHECK_FALSE(has(keys, "truck:20"));
    CHECK(has(keys, "shovel:3"));
    CHECK_FALSE(has(keys, "shovel:4"));
    const std::vector<std::string> table = scenes::sceneKeyTable(pit, s);
    CHECK(has(table, "camera:Haul ramp"));

    scenes::SceneAction a;
    REQUIRE(scenes::parseSceneAction("select(truck:12)", &a, &why));
    REQUIRE(scenes::applySceneAction(pit, s, a, nullptr, &why));
    CHECK(pit.selectedTruck() == 12);
    CHECK(pit.selectedShovel() == -1);
    REQUIRE(scenes::parseSceneAction("select(shovel:2)", &a, &why));
    REQUIRE(scenes::applySceneAction(pit, s, a, nullptr, &why));
    CHECK(pit.selectedShovel() == 2);
    CHECK(pit.selectedTruck() == -1);
    REQUIRE(scenes::parseSceneAction("follow(truck:7)", &a, &why));
    REQUIRE(scenes::applySceneAction(pit, s, a, nullptr, &why));
    CHECK(pit.selectedTruck() == 7);
    REQUIRE(scenes::parseSceneAction("follow(shovel:1)", &a, &why));
    CHECK_FALSE(scenes::applySceneAction(pit, s, a, nullptr, &why));
    CHECK(why.find("only trucks") != std::string::npos);
    CHECK(pit.selectedTruck() == 7);  // a refused action changes nothing

    REQUIRE(scenes::parseSceneAction("select(truk:12)", &a, &why));
    CHECK_FALSE(scenes::applySceneAction(pit, s, a, nullptr, &why));
    CHECK(why.find("closest keys: truck:12") != std::string::npos);
    REQUIRE(scenes::parseSceneAction("select(truck:20)", &a, &why));
    CHECK_FALSE(scenes::applySceneAction(pit, s, a, nullptr, &why));

    eng::CameraPose pose;
    REQUIRE(scenes::parseSceneAction("camera(ramp)", &a, &why));
    REQUIRE(scenes::applySceneAction(pit, s, a, &pose, &why));
    const auto presets = pit.cameraPresets();
    CHECK(pose.distance == presets[1].pose.distance);
    CHECK(pose.yawDeg == presets[1].pose.yawDeg);
    REQUIRE(scenes::parseSceneAction("camera(9)", &a, &why));
    CHECK_FALSE(scenes::applySceneAction(pit, s, a, &pose, &why));
    CHECK(why.find("valid presets: 1 'Pit overview'") != std::string::npos);

    REQUIRE(scenes::parseSceneAction("select()", &a, &why));
    REQUIRE(scenes::applySceneAction(pit, s, a, nullptr, &why));
    CHECK(pit.selectedTruck() == -1);
}

TEST_CASE("scene actions: the smelter's units are keys; a scene without objects refuses any key") {
    sim::World w(sim::makeParams(), 3, 0);
    w.step();
    scenes::SmelterScene smelter;
    const auto keys = smelter.objectKeys(w.state());
    CHECK(has(keys, "furnace"));
    CHECK(has(keys, "converter:0"));
    CHECK(has(keys, "tankhouse"));
    std::string why;
    CHECK(smelter.select("converter:0", w.state(), &why));
    CHECK_FALSE(smelter.select("convertor:0", w.state(), &why));
    CHECK_FALSE(smelter.follow("furnace", w.state(), &why));  // nothing in the smelter moves on its own path
    auto landscape = scenes::makeScene("landscape");
    REQUIRE(landscape);
    CHECK(landscape->objectKeys(w.state()).empty());
    CHECK_FALSE(landscape->select("truck:1", w.state(), &why));
    CHECK(landscape->select("", w.state(), &why));
}

TEST_CASE("scene actions: every key the smelter lists selects, and a click on the furnace gives its key") {
    sim::World w(sim::makeParams(), 3, 0);
    w.advance(sim::fromSeconds(3 * 3600.0), 1000);
    scenes::SmelterScene smelter;
    scenes::FrameInput in;
    in.state = &w.state();
    in.now = w.now();
    smelter.update(in);
    std::string why;
    const auto keys = smelter.objectKeys(w.state());
    for (const std::string& k : keys) {
        CAPTURE(k);
        CHECK(smelter.select(k, w.state(), &why));
    }
    // Straight down onto the furnace (scenes/smelter: the furnace stands at the aisle's head).
    std::string what;
    const auto presets = smelter.cameraPresets();
    REQUIRE(presets.size() >= 2);
    const glm::vec3 furnaceTarget = presets[1].pose.target;  // preset 2 is the smelting furnace
    const eng::Ray down{furnaceTarget + glm::vec3(0, 200, 0), glm::vec3(0, -1, 0)};
    REQUIRE(smelter.pick(down, in, &what));
    CHECK(what.find("Smelting furnace") != std::string::npos);
}
