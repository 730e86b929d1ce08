// Guided tours (app/tour.h, docs/tours.md): every kind of bad input with its field path or FILE:LINE:COLUMN and the
// closest known name; phase 2 against presets and object keys (a fake lookup, and the real pit scene); the timeline
// and the camera path against hand-computed values; the commands a tour schedules, run in a real World; tourToJson's
// round trip; tour files under a temporary --assets folder.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "app/tour.h"
#include "engine/camera.h"
#include "scenes/scene.h"
#include "sim/world.h"

namespace fs = std::filesystem;

namespace {

const sim::Params& params() {
    static const sim::Params p = sim::makeParams();
    return p;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

sim::Time iso(const char* text) {
    sim::Time t = 0;
    REQUIRE(sim::parseIso8601(text, t));
    return t;
}

// The message of a tour text that must be refused (named t.json).
std::string refused(const std::string& text, const std::string& file = "t.json") {
    app::Tour tour;
    std::string why;
    CHECK_FALSE(app::parseTour(text, file, params(), &tour, &why));
    return why;
}

app::Tour parsed(const std::string& text, const std::string& file = "t.json") {
    app::Tour tour;
    std::string why;
    CHECK_MESSAGE(app::parseTour(text, file, params(), &tour, &why), why);
    return tour;
}

// A tour of one step with the given JSON members, e.g. step("\"dwell_s\": 5").
std::string step(const std::string& members) { return R"({"steps": [{"scene": "pit", )" + members + "}]}"; }

fs::path tempFolder(const std::string& tag) {
    const fs::path dir = fs::temp_directory_path() / ("almalyk_test_tour_" + std::to_string(::getpid()) + "_" + tag);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

eng::CameraPose pose(glm::vec3 target, float yaw, float pitch, float distance, float fov = 45.0f) {
    return eng::CameraPose{.target = target, .yawDeg = yaw, .pitchDeg = pitch, .distance = distance, .fovDeg = fov};
}

void checkPose(const eng::CameraPose& got, const eng::CameraPose& want, float tol = 1e-3f) {
    CHECK(got.target.x == doctest::Approx(want.target.x).epsilon(tol));
    CHECK(got.target.y == doctest::Approx(want.target.y).epsilon(tol));
    CHECK(got.target.z == doctest::Approx(want.target.z).epsilon(tol));
    CHECK(got.yawDeg == doctest::Approx(want.yawDeg).epsilon(tol));
    CHECK(got.pitchDeg == doctest::Approx(want.pitchDeg).epsilon(tol));
    CHECK(got.distance == doctest::Approx(want.distance).epsilon(tol));
    CHECK(got.fovDeg == doctest::Approx(want.fovDeg).epsilon(tol));
}

// Degrees between two yaws, the short way.
float angleBetween(float a, float b) {
    const float d = std::fmod(std::fabs(a - b), 360.0f);
    return std::min(d, 360.0f - d);
}

}  // namespace

TEST_CASE("tour errors: malformed JSON and nesting with FILE:LINE:COLUMN") {
    std::string why = refused("{\n  \"steps\": [\n    {\"scene\": \"pit\",}\n  ]\n}");
    CHECK_MESSAGE(why.rfind("t.json:3:", 0) == 0, why);
    CHECK(contains(why, "malformed JSON"));
    std::string deep = "{\"steps\": ";
    for (int i = 0; i < 40; ++i) deep += "[";
    why = refused(deep);
    CHECK_MESSAGE(why.rfind("t.json:1:", 0) == 0, why);
    CHECK(contains(why, "nested deeper than 32"));
    CHECK(contains(refused("[1, 2]"), "t.json: (top level): expected an object"));
    CHECK(contains(refused("{}"), "t.json: missing \"steps\""));
    CHECK(contains(refused(R"({"steps": []})"), "t.json: steps: expected a list of 1 to 500 steps, found 0 of them"));
    CHECK(contains(refused(R"({"steps": ["pit"]})"), "t.json: steps[0]: expected a step object"));
    // A key given twice (the second would silently win) is refused at the second's position.
    why = refused("{\"steps\": [{\"scene\": \"pit\",\n  \"dwell_s\": 5, \"dwell_s\": 50}]}");
    CHECK_MESSAGE(why.rfind("t.json:2:", 0) == 0, why);
    // Not a tour at all: read up to the size limit, never to the end of an endless file.
    app::Tour t;
    CHECK_FALSE(app::loadTour("/dev/zero", params(), &t, &why));
    CHECK_MESSAGE(contains(why, "/dev/zero: larger than 4 MiB"), why);
}

TEST_CASE("tour errors: an unknown key gets the closest known key") {
    CHECK(contains(refused(R"({"titel": "x", "steps": [{"scene": "pit"}]})"),
                   "t.json: titel: unknown field; did you mean 'title'? (expected one of name, title,"));
    CHECK(contains(refused(step(R"("dwel_s": 5)")), "t.json: steps[0].dwel_s: unknown field; did you mean 'dwell_s'?"));
    CHECK(contains(refused(step(R"("sim": {"sped": 5})")), "t.json: steps[0].sim.sped: unknown field; did you mean 'speed'?"));
    CHECK(contains(refused(step(R"("camera": {"keyframes": [{"t": 0, "target": [0, 0, 0], "yaw": 0, "pich": 30, "distance": 50}]})")),
                   "t.json: steps[0].camera.keyframes[0].pich: unknown field; did you mean 'pitch'?"));
    CHECK(contains(refused(step(R"("camera": {"keyframe": []})")), "steps[0].camera.keyframe: unknown field; did you mean 'keyframes'?"));
}

TEST_CASE("tour errors: scenes, parameters, values, fault targets, metrics and actions by their names") {
    CHECK(contains(refused(R"({"steps": [{"scene": "pitt"}]})"),
                   "t.json: steps[0].scene: unknown scene 'pitt'; did you mean 'pit'? (scenes: overview, landscape, pit"));
    CHECK(contains(refused(R"({"steps": [{"dwell_s": 5}]})"), "t.json: steps[0]: missing \"scene\": the first step names its scene"));
    const app::Tour inherit = parsed(R"({"steps": [{"scene": "smelter"}, {"dwell_s": 4}]})");
    REQUIRE(inherit.steps.size() == 2);
    CHECK(inherit.steps[1].scene == "smelter");

    std::string why = refused(step(R"("sim": {"set": {"mine.truks": 30}})"));
    CHECK(contains(why, "t.json: steps[0].sim.set.mine.truks: unknown parameter 'mine.truks'; did you mean"));
    CHECK(contains(why, "mine.trucks"));
    why = refused(step(R"("sim": {"set": {"mine.trucks": 100000}})"));
    CHECK(contains(why, "steps[0].sim.set.mine.trucks: parameter 'mine.trucks': value "));
    CHECK(contains(why, "is outside its range"));
    why = refused(R"({"set": {"mine.service_dist": "normal"}, "steps": [{"scene": "pit"}]})");
    CHECK(contains(why, "t.json: set.mine.service_dist: parameter 'mine.service_dist': 'normal' is not a valid value"));
    CHECK(contains(refused(step(R"("sim": {"set": {"mine.trucks": [1]}})")), "steps[0].sim.set.mine.trucks: expected a number"));

    why = refused(step(R"("sim": {"faults": "transport.crushr"})"));
    CHECK(contains(why, "t.json: steps[0].sim.faults: unknown fault target 'transport.crushr'; did you mean 'transport.crusher'"));
    why = refused(step(R"("sim": {"clear": ["mine.truck:3", "mine.truk:4"]})"));
    CHECK(contains(why, "steps[0].sim.clear[1]: unknown fault target 'mine.truk:4'; did you mean"));
    CHECK(contains(why, "'mine.truck:N'"));

    why = refused(step(R"("caption": "{mine.ore_th:0} t/h")"));
    CHECK(contains(why, "t.json: steps[0].caption: {mine.ore_th:0}: unknown metric 'mine.ore_th'; did you mean"));
    CHECK(contains(why, "mine.ore_t_h"));
    CHECK(contains(refused(step(R"("caption": "{mine.ore_t_h:x}")")), "steps[0].caption: {mine.ore_t_h:x}: decimals must be 0..6"));
    CHECK(contains(refused(step(R"("caption": "ore {mine.ore_t_h")")), "steps[0].caption: unclosed '{'"));

    CHECK(contains(refused(step(R"j("actions": ["folow(truck:3)"])j")),
                   "t.json: steps[0].actions[0]: scene action 'folow(truck:3)': unknown verb 'folow'"));
    CHECK(contains(refused(step(R"j("actions": ["select(truck:1)", "camera(2)"])j")),
                   "steps[0].actions[1]: camera(...) is not a tour action"));
    CHECK(contains(refused(step(R"j("actions": "follow(truck:3)")j")), "steps[0].actions: expected a list of actions"));
}

TEST_CASE("tour errors: camera, keyframes and time ranges") {
    CHECK(contains(refused(step(R"("fly_s": 61)")), "t.json: steps[0].fly_s: expected a number from 0 to 60, found 61"));
    CHECK(contains(refused(step(R"("dwell_s": 0.2)")), "steps[0].dwell_s: expected a number from 0.5 to 600, found 0.2"));
    CHECK(contains(refused(step(R"("dwell_s": "10")")), "steps[0].dwell_s: expected a number from 0.5 to 600, found a string"));
    CHECK(contains(refused(step(R"("sim": {"speed": -1})")), "steps[0].sim.speed: expected a number from 0 to 10000, found -1"));
    CHECK(contains(refused(step(R"("camera": 0)")), "steps[0].camera: expected a preset number from 1, found 0"));
    CHECK(contains(refused(step(R"("camera": "")")), "steps[0].camera: expected a preset number from 1 or a preset name"));
    CHECK(contains(refused(step(R"("camera": 2.5)")), "steps[0].camera: expected a preset number, a preset name or {\"keyframes\""));

    const auto kf = [](const std::string& frames, const std::string& dwell = "10") {
        return step("\"dwell_s\": " + dwell + R"(, "camera": {"keyframes": [)" + frames + "]}");
    };
    const std::string a = R"({"t": 0, "target": [0, 0, 0], "yaw": 0, "pitch": 30, "distance": 100})";
    CHECK(contains(refused(kf(a + R"(, {"t": 4, "target": [0, 0, 0], "yaw": 0, "pitch": 95, "distance": 100})")),
                   "t.json: steps[0].camera.keyframes[1].pitch: expected a number from -10 to 89, found 95"));
    CHECK(contains(refused(kf(a + R"(, {"t": 4, "target": [0, 0, 0], "yaw": 0, "pitch": 30, "distance": 100},
                                         {"t": 4, "target": [0, 0, 0], "yaw": 0, "pitch": 30, "distance": 100})")),
                   "steps[0].camera.keyframes[2].t: expected a time after keyframes[1]'s 4, found 4"));
    CHECK(contains(refused(kf(R"({"t": 1, "target": [0, 0, 0], "yaw": 0, "pitch": 30, "distance": 100})")),
                   "steps[0].camera.keyframes[0].t: expected 0 (the first keyframe is where the fly ends), found 1"));
    CHECK(contains(refused(kf(a + R"(, {"t": 12, "target": [0, 0, 0], "yaw": 0, "pitch": 30, "distance": 100})")),
                   "steps[0].camera.keyframes[1].t: 12 is after the step's dwell_s 10"));
    CHECK(contains(refused(kf(R"({"t": 0, "target": [0, 0], "yaw": 0, "pitch": 30, "distance": 100})")),
                   "steps[0].camera.keyframes[0].target: expected [x, y, z] in metres, found [0,0]"));
    CHECK(contains(refused(kf(R"({"t": 0, "target": [0, "up", 0], "yaw": 0, "pitch": 30, "distance": 100})")),
                   "steps[0].camera.keyframes[0].target[1]: expected a number from -100000 to 100000, found a string"));
    CHECK(contains(refused(kf(R"({"t": 0, "target": [0, 0, 0], "yaw": 0, "pitch": 30})")),
                   "steps[0].camera.keyframes[0]: missing \"distance\""));
    CHECK(contains(refused(kf(R"({"t": 0, "target": [0, 0, 0], "yaw": 0, "pitch": 30, "distance": 100, "fov": 5})")),
                   "steps[0].camera.keyframes[0].fov: expected a number from 10 to 120, found 5"));
    CHECK(contains(refused(kf("")), "steps[0].camera.keyframes: expected a list of 1 to 100 keyframes, found 0 of them"));
}

TEST_CASE("tour errors: sim time never runs backwards; start, at, after_hours") {
    const std::string start = R"("start": "2026-06-21T10:00:00+05:00", )";
    // Step 0 runs 10 s at 60x: its sim time ends at 10:10.
    std::string why = refused("{" + start + R"("steps": [{"scene": "pit", "fly_s": 0, "dwell_s": 10},
                                             {"sim": {"at": "2026-06-21T10:05:00+05:00"}}]})");
    CHECK_MESSAGE(contains(why, "t.json: steps[1].sim.at: 2026-06-21T10:05:00+05:00 is before the end of steps[0]'s sim time "
                                "2026-06-21T10:10:00+05:00; sim time never runs backwards"), why);
    why = refused("{" + start + R"("steps": [{"scene": "pit", "fly_s": 0, "dwell_s": 10}, {"sim": {"after_hours": 0.1}}]})");
    CHECK(contains(why, "steps[1].sim.after_hours: 2026-06-21T10:06:00+05:00 is before the end of steps[0]'s sim time 2026-06-21T10:10:00+05:00"));
    why = refused("{" + start + R"("steps": [{"scene": "pit", "sim": {"at": "2026-06-21T09:00:00+05:00"}}]})");
    CHECK(contains(why, "steps[0].sim.at: 2026-06-21T09:00:00+05:00 is before the tour's start 2026-06-21T10:00:00+05:00"));
    // Exactly at the previous end is fine, and so is a jump forward.
    parsed("{" + start + R"("steps": [{"scene": "pit", "fly_s": 0, "dwell_s": 10}, {"sim": {"at": "2026-06-21T10:10:00+05:00"}},
                                       {"sim": {"after_hours": 30}}]})");
    CHECK(contains(refused(step(R"("sim": {"at": "2026-06-21T11:00:00+05:00", "after_hours": 1})")),
                   "steps[0].sim: give \"at\" (ISO 8601) or \"after_hours\" (from the tour's start), not both"));
    CHECK(contains(refused(step(R"("sim": {"at": "2026-06-21 11:00"})")), "steps[0].sim.at: "));
    CHECK(contains(refused(step(R"("sim": {"after_hours": 1e9})")), "steps[0].sim.after_hours: expected a number from 0 to 876600"));
    CHECK(contains(refused(R"({"start": "June", "steps": [{"scene": "pit"}]})"), "t.json: start: "));
    CHECK(contains(refused(R"({"seed": -1, "steps": [{"scene": "pit"}]})"), "t.json: seed: expected a whole number >= 0, found -1"));
    CHECK(contains(refused(R"({"loop": 1, "steps": [{"scene": "pit"}]})"), "t.json: loop: expected true or false, found a number"));
}

TEST_CASE("tour errors: the name is the file's name; scenarios are found and checked") {
    const fs::path dir = tempFolder("names");
    CHECK(contains(refused(R"({"name": "other", "steps": [{"scene": "pit"}]})", (dir / "tours" / "mine.json").string()),
                   "mine.json: name: \"other\" differs from the file name 'mine'"));
    CHECK(contains(refused(R"({"name": "a b", "steps": [{"scene": "pit"}]})"), "t.json: name: expected letters, digits"));
    CHECK(parsed(R"({"name": "mine", "steps": [{"scene": "pit"}]})", (dir / "tours" / "mine.json").string()).name == "mine");

    std::string why = refused(step(R"("sim": {"scenario": "no_such_scenario"})"));
    CHECK(contains(why, "t.json: steps[0].sim.scenario: scenario 'no_such_scenario': "));
    CHECK(contains(why, "cannot read scenario file"));
    // A scenario of the tour's own assets folder, by name; a broken one names its own file and field.
    write(dir / "scenarios" / "early.json", R"({"commands": [{"at": "2026-06-21T09:00:00+05:00", "fault": "transport.crusher"}]})");
    write(dir / "scenarios" / "bad.json", R"({"commands": [{"after_hours": 1, "fault": "transport.crushr"}]})");
    const std::string tourFile = (dir / "tours" / "x.json").string();
    why = refused(step(R"("sim": {"scenario": "bad"})"), tourFile);
    CHECK(contains(why, "x.json: steps[0].sim.scenario: scenario 'bad': "));
    CHECK(contains(why, "bad.json: commands[0].fault: unknown fault target 'transport.crushr'"));
    why = refused(R"({"start": "2026-06-21T10:00:00+05:00", "steps": [{"scene": "pit", "sim": {"scenario": "early"}}]})", tourFile);
    CHECK(contains(why, "x.json: steps[0].sim.scenario: scenario '"));
    CHECK(contains(why, "is before the run start 2026-06-21T10:00:00+05:00"));
}

TEST_CASE("resolveTour: presets by number or name, object keys, with the closest names") {
    const std::vector<eng::CameraPreset> presets = {{"Pit overview", pose({0, 0, 0}, 45, 34, 3600)},
                                                    {"Haul ramp", pose({10, 20, 30}, 12, 24, 420)},
                                                    {"Shovel close-up", pose({5, 6, 7}, 210, 24, 120)}};
    std::vector<std::string> keys;
    for (int i = 0; i < 40; ++i) keys.push_back("truck:" + std::to_string(i));
    const app::TourSceneLookup lookup = [&](const std::string& scene) -> std::optional<app::TourSceneInfo> {
        if (scene != "pit") return std::nullopt;
        return app::TourSceneInfo{presets, keys};
    };
    app::Tour t = parsed(R"j({"steps": [{"scene": "pit", "camera": "ramp", "actions": ["follow(truck:39)", "select()"]},
                                       {"camera": 3}, {}]})j");
    std::string why;
    REQUIRE_MESSAGE(app::resolveTour(t, lookup, &why), why);
    REQUIRE(t.steps[0].camera.keyframes.size() == 1);
    checkPose(t.steps[0].camera.keyframes[0].pose, presets[1].pose);
    checkPose(t.steps[1].camera.keyframes[0].pose, presets[2].pose);
    checkPose(t.steps[2].camera.keyframes[0].pose, presets[0].pose);  // no camera: the first preset

    t = parsed(step(R"("camera": "rmp")"));
    CHECK_FALSE(app::resolveTour(t, lookup, &why));
    CHECK(contains(why, "t.json: steps[0].camera: unknown camera preset 'rmp' of scene pit; did you mean 'Haul ramp'? "
                        "(presets: 1 'Pit overview', 2 'Haul ramp', 3 'Shovel close-up')"));
    t = parsed(step(R"("camera": 7)"));
    CHECK_FALSE(app::resolveTour(t, lookup, &why));
    CHECK(contains(why, "steps[0].camera: unknown camera preset '7' of scene pit"));
    t = parsed(step(R"j("actions": ["select(truck:1)", "follow(truck:300)"])j"));
    CHECK_FALSE(app::resolveTour(t, lookup, &why));
    CHECK(contains(why, "t.json: steps[0].actions[1]: follow(truck:300): no object 'truck:300' in scene pit; did you mean 'truck:30'"));
    t = parsed(R"({"steps": [{"scene": "smelter"}]})");
    CHECK_FALSE(app::resolveTour(t, lookup, &why));
    CHECK(contains(why, "steps[0].scene: scene 'smelter' could not be loaded"));
}

TEST_CASE("resolveTour against the real pit scene's presets and keys") {
    sim::World world(params(), 1, sim::defaultStartTime());
    world.step();
    const auto scene = scenes::makeScene("pit");
    REQUIRE(scene != nullptr);
    const app::TourSceneLookup lookup = [&](const std::string&) -> std::optional<app::TourSceneInfo> {
        return app::TourSceneInfo{scene->cameraPresets(), scene->objectKeys(world.state())};
    };
    app::Tour t = parsed(step(R"j("camera": "Haul ramp", "actions": ["follow(truck:3)"])j"));
    std::string why;
    REQUIRE_MESSAGE(app::resolveTour(t, lookup, &why), why);
    checkPose(t.steps[0].camera.keyframes[0].pose, scene->cameraPresets()[1].pose);
}

TEST_CASE("timeline: which step, fly or dwell, caption alpha and sim time at tour time t") {
    const std::string one = R"({"t": 0, "target": [0, 0, 0], "yaw": 0, "pitch": 30, "distance": 100})";
    const app::Tour t = parsed(R"({"start": "2026-06-21T10:00:00+05:00", "steps": [
        {"scene": "overview", "camera": {"keyframes": [)" + one + R"(]}, "fly_s": 0, "dwell_s": 10},
        {"camera": {"keyframes": [)" + one + R"(]}, "fly_s": 4, "dwell_s": 6, "sim": {"speed": 120}},
        {"scene": "pit", "camera": {"keyframes": [)" + one + R"(]}, "fly_s": 2, "dwell_s": 8,
         "sim": {"at": "2026-06-21T12:00:00+05:00"}}]})");
    const app::TourTimeline tl = app::makeTimeline(t, iso("2030-01-01T00:00:00+05:00"));  // the file's start wins
    CHECK(tl.total == 30.0);
    CHECK(tl.stepStart == std::vector<double>{0.0, 10.0, 20.0});
    CHECK(tl.tourStart == iso("2026-06-21T10:00:00+05:00"));
    CHECK(tl.simStart[1] == iso("2026-06-21T10:10:00+05:00"));  // 10 s at 60x
    CHECK(tl.simStart[2] == iso("2026-06-21T12:00:00+05:00"));
    CHECK(tl.speed == std::vector<double>{60.0, 120.0, 120.0});

    app::TourCursor c = app::cursorAt(t, tl, 0.0);
    CHECK(c.step == 0);
    CHECK_FALSE(c.flying);
    CHECK(c.sceneChange);  // the first step comes into its scene
    CHECK(c.captionAlpha == 0.0f);
    CHECK(app::cursorAt(t, tl, 0.4).captionAlpha == doctest::Approx(0.5));  // no fly: fades in from the start
    c = app::cursorAt(t, tl, 5.0);
    CHECK(c.captionAlpha == 1.0f);
    CHECK(c.simTime == iso("2026-06-21T10:05:00+05:00"));
    CHECK(app::cursorAt(t, tl, 9.6).captionAlpha == doctest::Approx(0.5));  // fades out over the last 0.8 s

    c = app::cursorAt(t, tl, 12.0);
    CHECK(c.step == 1);
    CHECK(c.inStep == doctest::Approx(2.0));
    CHECK(c.flying);
    CHECK_FALSE(c.sceneChange);
    CHECK(c.captionAlpha == 0.0f);  // none during the fly
    CHECK(c.simTime == iso("2026-06-21T10:14:00+05:00"));  // 10:10 + 2 s at 120x
    c = app::cursorAt(t, tl, 14.4);
    CHECK_FALSE(c.flying);
    CHECK(c.captionAlpha == doctest::Approx(0.5));  // 0.4 s after the fly

    c = app::cursorAt(t, tl, 20.0);
    CHECK(c.step == 2);
    CHECK(c.sceneChange);
    CHECK(c.simTime == iso("2026-06-21T12:00:00+05:00"));
    c = app::cursorAt(t, tl, 30.0);
    CHECK(c.finished);
    CHECK(c.step == 2);
    CHECK(c.captionAlpha == 0.0f);
    c = app::cursorAt(t, tl, 1e6);
    CHECK(c.finished);
    CHECK(c.inStep == doctest::Approx(10.0));
    CHECK(c.simTime == iso("2026-06-21T12:20:00+05:00"));  // 10 s at 120x, held at the end
    CHECK(app::cursorAt(t, tl, -5.0).step == 0);
    CHECK_FALSE(app::cursorAt(t, tl, 29.9).finished);

    // Without a start in the file, the default start given to makeTimeline is the tour's.
    const app::Tour noStart = parsed(step(R"("dwell_s": 5)"));
    CHECK(app::makeTimeline(noStart, iso("2026-07-01T08:00:00+05:00")).tourStart == iso("2026-07-01T08:00:00+05:00"));
}

TEST_CASE("camera: a fly eases by smoothstep; after a scene change it comes from above") {
    const app::Tour t = parsed(R"({"steps": [
        {"scene": "overview", "fly_s": 2, "dwell_s": 5,
         "camera": {"keyframes": [{"t": 0, "target": [0, 0, 0], "yaw": 10, "pitch": 30, "distance": 100}]}},
        {"fly_s": 4, "dwell_s": 5,
         "camera": {"keyframes": [{"t": 0, "target": [100, 0, -50], "yaw": 50, "pitch": 50, "distance": 400, "fov": 35}]}},
        {"scene": "pit", "fly_s": 3, "dwell_s": 5,
         "camera": {"keyframes": [{"t": 0, "target": [7, 8, 9], "yaw": 20, "pitch": 70, "distance": 300}]}}]})");
    const app::TourTimeline tl = app::makeTimeline(t, sim::defaultStartTime());
    const auto at = [&](double time) { return app::poseAt(t, tl, app::cursorAt(t, tl, time)); };
    // Step 1's fly, 7..11 s. Midway smoothstep is 1/2: halfway in target, yaw, pitch, fov; the geometric mean of
    // the distances (100 and 400: 200).
    checkPose(at(9.0), pose({50, 0, -25}, 30, 40, 200, 40));
    // A quarter in, smoothstep(0.25) = 0.25^2 (3 - 0.5) = 0.15625.
    checkPose(at(8.0), pose({15.625f, 0, -7.8125f}, 16.25f, 33.125f, 100.0f * std::pow(4.0f, 0.15625f), 45.0f - 10.0f * 0.15625f));
    checkPose(at(11.0), pose({100, 0, -50}, 50, 50, 400, 35));  // lands on the keyframe as the fly ends
    // Step 2 changes scene: its fly settles in from 1.6x the distance, 12 degrees steeper (at most 85).
    checkPose(at(16.0), pose({7, 8, 9}, 20, 82, 480));
    checkPose(at(19.0), pose({7, 8, 9}, 20, 70, 300));
    // The first step settles in as well: pitch 30 + 12 = 42, distance 160; no farther, or the frame showed the
    // terrain's edge in the sky.
    checkPose(at(0.0), pose({0, 0, 0}, 10, 42, 160));
    checkPose(at(1.0), pose({0, 0, 0}, 10, 36, std::sqrt(160.0f * 100.0f)));  // smoothstep(1/2): halfway
}

TEST_CASE("camera: a fly between two far-apart close-ups rises over the ground and keeps both ends in view") {
    // Two close-ups 2 km apart at 60 m (as the panel close-up and the reformer): a straight fly would hold the
    // camera ~40 m over the ground all the way, showing nothing but the ground in between.
    const app::Tour t = parsed(R"({"steps": [
        {"scene": "hydrogen", "fly_s": 0, "dwell_s": 2,
         "camera": {"keyframes": [{"t": 0, "target": [0, 0, 0], "yaw": 90, "pitch": 40, "distance": 60, "fov": 45}]}},
        {"fly_s": 4, "dwell_s": 2,
         "camera": {"keyframes": [{"t": 0, "target": [0, 0, -2000], "yaw": 90, "pitch": 40, "distance": 60, "fov": 45}]}}]})");
    const app::TourTimeline tl = app::makeTimeline(t, sim::defaultStartTime());
    const auto at = [&](double time) { return app::poseAt(t, tl, app::cursorAt(t, tl, time)); };
    const glm::vec3 a(0, 0, 0), b(0, 0, -2000);
    const float endHeight = 60.0f * std::sin(glm::radians(40.0f));
    float highest = 0.0f;
    for (int i = 0; i <= 40; ++i) {
        eng::OrbitCamera cam;
        cam.setPose(at(2.0 + 4.0 * i / 40.0));
        // Never lower than at either end.
        CHECK(cam.position().y >= endHeight - 0.01f);
        highest = std::max(highest, cam.position().y);
    }
    CHECK(highest > 500.0f);
    // Mid-fly, both close-ups' targets are inside the 16:9 picture (clip space within -1..1).
    eng::OrbitCamera mid;
    mid.setPose(at(4.0));
    const glm::mat4 vp = glm::perspective(glm::radians(45.0f), 16.0f / 9.0f, 1.0f, 1e5f) * mid.view();
    for (const glm::vec3& end : {a, b}) {
        const glm::vec4 c = vp * glm::vec4(end, 1.0f);
        REQUIRE(c.w > 0.0f);
        CHECK(std::abs(c.x / c.w) <= 1.0f);
        CHECK(std::abs(c.y / c.w) <= 1.0f);
    }
    // The ends are met exactly: the lift is zero there.
    checkPose(at(6.0), pose({0, 0, -2000}, 90, 40, 60, 45));
}

TEST_CASE("camera path: through every keyframe at its time, Catmull-Rom between, yaw the short way") {
    // Four keyframes two seconds apart: at each keyframe's time the pose is that keyframe's.
    const app::Tour t = parsed(step(R"("fly_s": 0, "dwell_s": 9, "camera": {"keyframes": [
        {"t": 0, "target": [0, 0, 0], "yaw": 0, "pitch": 10, "distance": 100, "fov": 40},
        {"t": 2, "target": [10, 0, 0], "yaw": 20, "pitch": 30, "distance": 1000, "fov": 50},
        {"t": 4, "target": [20, 0, 0], "yaw": 40, "pitch": 20, "distance": 100, "fov": 40},
        {"t": 6, "target": [30, 0, 0], "yaw": 60, "pitch": 40, "distance": 1000, "fov": 60}]})"));
    const app::TourTimeline tl = app::makeTimeline(t, sim::defaultStartTime());
    const auto at = [&](double time) { return app::poseAt(t, tl, app::cursorAt(t, tl, time)); };
    for (const app::TourKeyframe& k : t.steps[0].camera.keyframes) checkPose(at(k.t), k.pose);
    // Midway between keyframes 1 and 2 the uniform Catmull-Rom matrix form gives, for pitch 10, 30, 20, 40:
    // 0.5 (2*30 + (20 - 10)/2 + (2*10 - 5*30 + 4*20 - 40)/4 + (-10 + 3*30 - 3*20 + 40)/8) = 25.
    const eng::CameraPose mid = at(3.0);
    CHECK(mid.pitchDeg == doctest::Approx(25.0));
    CHECK(mid.fovDeg == doctest::Approx(0.5 * (2 * 50 + (40 - 40) / 2.0 + (2 * 40 - 5 * 50 + 4 * 40 - 60) / 4.0 +
                                               (-40 + 3 * 50 - 3 * 40 + 60) / 8.0)));  // = 44.375
    CHECK(mid.target.x == doctest::Approx(15.0));  // evenly spaced points on a line stay on it, evenly
    CHECK(mid.target.y == doctest::Approx(0.0));
    CHECK(mid.yawDeg == doctest::Approx(30.0));
    // Distance runs on a log scale: 100, 1000, 100, 1000 give ln(d) midway = the same matrix form on the logs.
    const double l = std::log(100.0), h = std::log(1000.0);
    CHECK(mid.distance == doctest::Approx(std::exp(0.5 * (2 * h + (l - l) / 2 + (2 * l - 5 * h + 4 * l - h) / 4 +
                                                          (-l + 3 * h - 3 * l + h) / 8))));
    checkPose(at(8.5), t.steps[0].camera.keyframes[3].pose);  // after the last keyframe the camera holds

    // Two keyframes 350 -> 10 degrees: 20 degrees through north, never 340 the long way round.
    const app::Tour y = parsed(step(R"("fly_s": 0, "dwell_s": 4, "camera": {"keyframes": [
        {"t": 0, "target": [0, 0, 0], "yaw": 350, "pitch": 30, "distance": 100},
        {"t": 4, "target": [0, 0, 0], "yaw": 10, "pitch": 30, "distance": 100}]})"));
    const app::TourTimeline ytl = app::makeTimeline(y, sim::defaultStartTime());
    CHECK(angleBetween(app::poseAt(y, ytl, app::cursorAt(y, ytl, 2.0)).yawDeg, 0.0f) < 1e-3f);
    CHECK(angleBetween(app::poseAt(y, ytl, app::cursorAt(y, ytl, 1.0)).yawDeg, 355.0f) < 1e-3f);
    for (double s = 0.0; s <= 4.0; s += 0.25)
        CHECK(angleBetween(app::poseAt(y, ytl, app::cursorAt(y, ytl, s)).yawDeg, 0.0f) <= 10.0f + 1e-3f);
}

TEST_CASE("tourCommands: every step's changes at its sim start, scenarios from theirs; a real World takes them") {
    const fs::path dir = tempFolder("commands");
    write(dir / "scenarios" / "acid.json", R"({"set": {"mine.trucks": 25},
        "commands": [{"after_hours": 0.5, "fault": "smelter.acid_plant"}]})");
    write(dir / "scenarios" / "under.json", R"({"commands": [{"after_hours": 1, "set": {"h2.sth_percent": 3}}]})");
    const std::string file = (dir / "tours" / "c.json").string();
    const app::Tour t = parsed(R"({"start": "2026-06-21T10:00:00+05:00", "scenario": "under", "steps": [
        {"scene": "pit", "fly_s": 0, "dwell_s": 10, "sim": {"set": {"mine.trucks": 30}, "faults": "transport.crusher"}},
        {"dwell_s": 17, "sim": {"speed": 120, "clear": ["transport.crusher"]}},
        {"sim": {"after_hours": 2, "scenario": "acid"}}]})", file);
    const app::TourTimeline tl = app::makeTimeline(t, sim::defaultStartTime());
    const std::vector<sim::Command> cmds = app::tourCommands(t, tl, params());
    struct Want { sim::CommandType type; const char* name; const char* value; const char* at; };
    const Want want[] = {
        {sim::CommandType::SetParam, "mine.trucks", "30", "2026-06-21T10:00:00+05:00"},
        {sim::CommandType::InjectFault, "transport.crusher", "", "2026-06-21T10:00:00+05:00"},
        {sim::CommandType::ClearFault, "transport.crusher", "", "2026-06-21T10:10:00+05:00"},   // 10 s at 60x
        {sim::CommandType::SetParam, "h2.sth_percent", "3", "2026-06-21T11:00:00+05:00"},       // the tour's scenario
        {sim::CommandType::SetParam, "mine.trucks", "25", "2026-06-21T12:00:00+05:00"},         // step 2's scenario's set
        {sim::CommandType::InjectFault, "smelter.acid_plant", "", "2026-06-21T12:30:00+05:00"},
    };
    REQUIRE(cmds.size() == std::size(want));
    for (std::size_t i = 0; i < cmds.size(); ++i) {
        CAPTURE(i);
        CHECK(cmds[i].type == want[i].type);
        CHECK(cmds[i].name == want[i].name);
        CHECK(cmds[i].value == want[i].value);
        CHECK(sim::formatIso8601(cmds[i].at) == want[i].at);
    }
    // The World applies each at its time and accepts every one.
    sim::World w(params(), 1, tl.tourStart);
    for (const sim::Command& c : cmds) w.push(c);
    w.advance(iso("2026-06-21T12:31:00+05:00"), 1'000'000);
    REQUIRE(w.commandLog().size() == cmds.size());
    for (const sim::LoggedCommand& l : w.commandLog()) CHECK_MESSAGE(l.accepted, l.message);
    CHECK(w.params().get("mine.trucks") == 25.0);
    CHECK(w.commandLog().back().command.at == iso("2026-06-21T12:30:00+05:00"));
}

TEST_CASE("tourToJson: parseTour(tourToJson(t)) gives the same tour") {
    const fs::path dir = tempFolder("json");
    write(dir / "scenarios" / "s.json", R"({"commands": [{"after_hours": 1, "fault": "transport.crusher"}]})");
    const std::string file = (dir / "tours" / "round.json").string();
    const std::string text = R"j({"title": "Round trip", "description": "every field", "seed": 7,
      "start": "2026-06-22T09:30:00+05:00", "set": {"mine.trucks": 35, "mine.service_dist": "lognormal", "h2.sth_percent": 0.1},
      "scenario": "s", "loop": true, "steps": [
      {"title": "One", "scene": "pit", "camera": "Haul ramp", "fly_s": 0, "dwell_s": 12.5,
       "sim": {"speed": 30, "set": {"mine.trucks": 30}, "faults": ["transport.crusher", "mine.truck:3"], "clear": "mine.shovel:1"},
       "actions": ["follow(truck:3)"], "caption": "{mine.ore_t_h:0u} at {clock} {{x}}"},
      {"scene": "overview", "camera": 2, "sim": {"at": "2026-06-22T12:00:00+05:00"}},
      {"camera": {"keyframes": [{"t": 0, "target": [1.5, -2.25, 3e3], "yaw": 359.9, "pitch": -5, "distance": 2, "fov": 33.3},
                                {"t": 4, "target": [0, 0, 0], "yaw": -30, "pitch": 89, "distance": 60000}]},
       "dwell_s": 4, "sim": {"after_hours": 30.25, "scenario": "s"}}]})j";
    const app::Tour a = parsed(text, file);
    const std::string json = app::tourToJson(a);
    const app::Tour b = parsed(json, file);
    CHECK(app::tourToJson(b) == json);
    CHECK(b.name == "round");
    CHECK(b.title == "Round trip");
    CHECK(b.description == "every field");
    CHECK(b.seed == std::optional<std::uint64_t>(7));
    CHECK(b.start == iso("2026-06-22T09:30:00+05:00"));
    CHECK(b.sets == a.sets);
    CHECK(b.sets.size() == 3);
    CHECK(b.sets[1].second == "lognormal");
    CHECK(b.scenario == "s");
    CHECK(b.loop);
    REQUIRE(b.steps.size() == 3);
    CHECK(b.steps[0].camera.preset == "Haul ramp");
    CHECK(b.steps[0].dwellS == 12.5);
    CHECK(b.steps[0].flyS == 0.0);
    CHECK(b.steps[0].sim.speed == std::optional<double>(30.0));
    CHECK(b.steps[0].sim.faults == std::vector<std::string>{"transport.crusher", "mine.truck:3"});
    CHECK(b.steps[0].sim.clears == std::vector<std::string>{"mine.shovel:1"});
    CHECK(b.steps[0].actions == a.steps[0].actions);
    CHECK(b.steps[0].caption == "{mine.ore_t_h:0u} at {clock} {{x}}");
    CHECK(b.steps[1].camera.preset == "2");
    CHECK(b.steps[1].flyS == 3.0);
    CHECK(b.steps[1].dwellS == 10.0);
    CHECK(b.steps[1].sim.at == iso("2026-06-22T12:00:00+05:00"));
    CHECK(b.steps[2].scene == "overview");
    CHECK(b.steps[2].sim.afterHours == std::optional<double>(30.25));
    CHECK(b.steps[2].sim.scenario == "s");
    REQUIRE(b.steps[2].camera.keyframes.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(b.steps[2].camera.keyframes[i].t == a.steps[2].camera.keyframes[i].t);
        const eng::CameraPose &p = b.steps[2].camera.keyframes[i].pose, &q = a.steps[2].camera.keyframes[i].pose;
        CHECK(p.target == q.target);  // exactly: floats survive the text
        CHECK(p.yawDeg == q.yawDeg);
        CHECK(p.pitchDeg == q.pitchDeg);
        CHECK(p.distance == q.distance);
        CHECK(p.fovDeg == q.fovDeg);
    }
    CHECK(b.steps[2].camera.keyframes[0].pose.target.z == 3000.0f);
    CHECK(b.steps[2].camera.keyframes[1].pose.yawDeg == -30.0f);
}

TEST_CASE("tour files: a user's tour under --assets DIR/tours/ found by name; unknown names get the closest") {
    const fs::path dir = tempFolder("assets");
    const std::string tourText = R"({"title": "Mine", "steps": [{"scene": "pit", "dwell_s": 5}]})";
    write(dir / "tours" / "my_tour.json", tourText);
    write(dir / "tours" / "notes.txt", "not a tour");
    const std::vector<app::TourFile> files = app::listTourFiles(dir.string());
    const auto mine = std::find_if(files.begin(), files.end(), [](const app::TourFile& f) { return f.name == "my_tour"; });
    REQUIRE(mine != files.end());
    CHECK(fs::path(mine->path) == dir / "tours" / "my_tour.json");
    CHECK(std::none_of(files.begin(), files.end(), [](const app::TourFile& f) { return f.name == "notes"; }));
    CHECK(std::is_sorted(files.begin(), files.end(), [](const app::TourFile& a, const app::TourFile& b) { return a.name < b.name; }));

    std::string why;
    CHECK(fs::path(app::resolveTourPath("my_tour", dir.string(), &why)) == dir / "tours" / "my_tour.json");
    CHECK(fs::path(app::resolveTourPath("my_tour.json", dir.string(), &why)) == dir / "tours" / "my_tour.json");
    CHECK(app::resolveTourPath("my_tuor", dir.string(), &why).empty());
    CHECK(contains(why, "unknown tour 'my_tuor'; did you mean 'my_tour'"));
    CHECK(app::resolveTourPath("my_tour", "", &why).empty());  // not without --assets
    CHECK(app::resolveTourPath("sub/x.json", dir.string(), &why) == "sub/x.json");  // a path is the loader's to report
    CHECK(app::resolveTourPath("", dir.string(), &why).empty());

    app::Tour t;
    REQUIRE_MESSAGE(app::loadTour(mine->path, params(), &t, &why), why);
    CHECK(t.name == "my_tour");
    CHECK(t.title == "Mine");
    CHECK_FALSE(app::loadTour((dir / "tours" / "none.json").string(), params(), &t, &why));
    CHECK(contains(why, "none.json: cannot read tour file"));
    CHECK_FALSE(app::loadTour((dir / "tours").string(), params(), &t, &why));
    CHECK(contains(why, "is a folder, not a tour file"));
}

TEST_CASE("tour files: a user's tour replaces the built-in tour of the same name") {
    const std::vector<app::TourFile> builtin = app::listTourFiles("");
    REQUIRE_FALSE(builtin.empty());  // assets/tours/ ships tours
    const app::TourFile& first = builtin.front();
    CHECK(fs::path(first.path).parent_path().filename() == "tours");
    const fs::path dir = tempFolder("override");
    write(dir / "tours" / (first.name + ".json"), R"({"title": "Mine instead", "steps": [{"scene": "pit"}]})");
    const std::vector<app::TourFile> both = app::listTourFiles(dir.string());
    CHECK(both.size() == builtin.size());
    const auto it = std::find_if(both.begin(), both.end(), [&](const app::TourFile& f) { return f.name == first.name; });
    REQUIRE(it != both.end());
    CHECK(fs::path(it->path) == dir / "tours" / (first.name + ".json"));
    std::string why;
    CHECK(fs::path(app::resolveTourPath(first.name, dir.string(), &why)) == dir / "tours" / (first.name + ".json"));
    CHECK(app::resolveTourPath(first.name, "", &why) == first.path);
}

TEST_CASE("camera path: uneven keyframes off a line, a still target: through each keyframe, no jumps between") {
    const app::Tour t = parsed(step(R"("fly_s": 0, "dwell_s": 20, "camera": {"keyframes": [
        {"t": 0, "target": [0, 0, 0], "yaw": 10, "pitch": 20, "distance": 500},
        {"t": 1.5, "target": [300, 40, -20], "yaw": 80, "pitch": 35, "distance": 200},
        {"t": 2, "target": [310, 40, -25], "yaw": 90, "pitch": 40, "distance": 180},
        {"t": 9, "target": [310, 40, -25], "yaw": 200, "pitch": 60, "distance": 900},
        {"t": 15, "target": [-400, 100, 600], "yaw": 170, "pitch": 30, "distance": 3000, "fov": 60}]})"));
    const app::TourTimeline tl = app::makeTimeline(t, sim::defaultStartTime());
    const auto at = [&](double time) { return app::poseAt(t, tl, app::cursorAt(t, tl, time)); };
    for (const app::TourKeyframe& k : t.steps[0].camera.keyframes) checkPose(at(k.t), k.pose);
    // Keyframes 2 and 3 share a target: it holds still between them while the rest moves.
    for (double s = 2.0; s <= 9.0; s += 0.5) {
        CHECK(at(s).target.x == doctest::Approx(310.0));
        CHECK(at(s).target.z == doctest::Approx(-25.0));
    }
    CHECK(at(5.5).yawDeg > 90.0f);
    CHECK(at(5.5).yawDeg < 200.0f);
    // Continuous: 10 ms apart the target moves at most a few metres (the fastest leg is 200 m/s: 2 m per 10 ms;
    // a jump would be hundreds), the angles and the distance's log hardly at all.
    eng::CameraPose prev = at(0.0);
    float maxMove = 0, maxYaw = 0, maxPitch = 0, maxLogDist = 0;
    for (double s = 0.01; s <= 20.0; s += 0.01) {
        const eng::CameraPose p = at(s);
        maxMove = std::max(maxMove, glm::length(p.target - prev.target));
        maxYaw = std::max(maxYaw, angleBetween(p.yawDeg, prev.yawDeg));
        maxPitch = std::max(maxPitch, std::fabs(p.pitchDeg - prev.pitchDeg));
        maxLogDist = std::max(maxLogDist, std::fabs(std::log(p.distance / prev.distance)));
        prev = p;
    }
    CHECK(maxMove < 5.0f);
    CHECK(maxYaw < 1.0f);
    CHECK(maxPitch < 1.0f);
    CHECK(maxLogDist < 0.02f);
}
