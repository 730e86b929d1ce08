// The tour editor's edits (app/tour_editor.h) as a member of AMMC's staff makes a tour: add a step at the current
// view, fly the camera and add keyframes, reorder and delete steps, save — and the saved file is a tour the parser
// reads back with the same steps, timeline and poses; a save that cannot be written says why and keeps the old file.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/tour.h"
#include "app/tour_editor.h"
#include "sim/world.h"
#include <cstdlib>

namespace fs = std::filesystem;

namespace {

const char* kBase = R"({ "name": "staff_tour", "title": "Staff tour",
  "steps": [ { "title": "Complex", "scene": "overview", "camera": 1, "fly_s": 0, "dwell_s": 6,
               "caption": "Ore {mine.ore_t_h:0u}" } ] })";

eng::CameraPose pose(float yaw, float dist) {
    eng::CameraPose p;
    p.target = {10.0f, 500.0f, -20.0f};
    p.yawDeg = yaw;
    p.pitchDeg = 30.0f;
    p.distance = dist;
    return p;
}

app::Tour base(const sim::Params& params) {
    app::Tour t;
    std::string why;
    REQUIRE_MESSAGE(app::parseTour(kBase, "staff_tour.json", params, &t, &why), why);
    return t;
}

std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

}  // namespace

TEST_CASE("tour editor: insert, keyframes, move and delete edit the tour as a presenter expects") {
    const sim::Params params = sim::makeParams();  // a registry with every parameter
    app::Tour t = base(params);
    REQUIRE(app::insertStep(t, 0, "pit", pose(40, 2500)));
    REQUIRE(t.steps.size() == 2);
    CHECK(t.steps[1].scene == "pit");
    CHECK(t.steps[1].path == "steps[1]");
    CHECK(t.steps[1].camera.keyframes.size() == 1);
    CHECK(t.steps[1].camera.keyframes[0].t == 0.0);

    // Keyframes at 4 s and 12 s: the dwell grows to reach the last one; a keyframe within 0.05 s replaces.
    REQUIRE(app::addKeyframe(t, 1, 4.0, pose(60, 2000)));
    REQUIRE(app::addKeyframe(t, 1, 12.0, pose(90, 1500)));
    CHECK(t.steps[1].dwellS == 12.0);
    REQUIRE(app::addKeyframe(t, 1, 4.02, pose(65, 1900)));
    REQUIRE(t.steps[1].camera.keyframes.size() == 3);
    CHECK(t.steps[1].camera.keyframes[1].pose.yawDeg == 65.0f);
    CHECK_FALSE(app::addKeyframe(t, 1, -1.0, pose(0, 100)));
    CHECK_FALSE(app::addKeyframe(t, 7, 1.0, pose(0, 100)));

    // A preset step becomes keyframed when its camera is set from the view.
    REQUIRE(app::setStepCamera(t, 0, pose(10, 8000)));
    CHECK(t.steps[0].camera.preset.empty());
    CHECK(t.steps[0].camera.keyframes.size() == 1);

    REQUIRE(app::moveStep(t, 1, -1));
    CHECK(t.steps[0].scene == "pit");
    CHECK(t.steps[0].path == "steps[0]");
    CHECK_FALSE(app::moveStep(t, 0, -1));
    REQUIRE(app::deleteStep(t, 0));
    CHECK(t.steps.size() == 1);
    CHECK(t.steps[0].scene == "overview");
    CHECK_FALSE(app::deleteStep(t, 0));  // a tour keeps one step
}

TEST_CASE("tour editor: a saved tour reads back with the same steps, times and poses; a failed save keeps the file") {
    const sim::Params params = sim::makeParams();
    app::Tour t = base(params);
    REQUIRE(app::insertStep(t, 0, "pit", pose(40, 2500)));
    REQUIRE(app::addKeyframe(t, 1, 5.0, pose(80, 1200)));
    t.steps[1].caption = "Shovels load {mine.ore_t_h:0u}";
    t.steps[1].title = "Kalmakyr";
    const fs::path dir = fs::temp_directory_path() / ("almalyk_editor_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const fs::path file = dir / "tours" / "staff_tour.json";
    std::string why;
    REQUIRE_MESSAGE(app::saveTour(t, file.string(), &why), why);  // creates the folders

    app::Tour back;
    REQUIRE_MESSAGE(app::loadTour(file.string(), params, &back, &why), why);
    REQUIRE(back.steps.size() == 2);
    CHECK(back.steps[1].title == "Kalmakyr");
    CHECK(back.steps[1].caption == "Shovels load {mine.ore_t_h:0u}");
    const app::TourTimeline a = app::makeTimeline(t, 0), b = app::makeTimeline(back, 0);
    CHECK(a.total == doctest::Approx(b.total));
    for (double time : {1.0, 6.5, 9.0, 13.0}) {
        const eng::CameraPose pa = app::poseAt(t, a, app::cursorAt(t, a, time));
        const eng::CameraPose pb = app::poseAt(back, b, app::cursorAt(back, b, time));
        CHECK(pa.yawDeg == doctest::Approx(pb.yawDeg).epsilon(1e-5));
        CHECK(pa.distance == doctest::Approx(pb.distance).epsilon(1e-5));
    }
    // The tour list finds it through --assets.
    CHECK(app::resolveTourPath("staff_tour", dir.string(), &why) == file.string());

    // A save that cannot be made says why, and the file saved before is untouched: here a folder stands where the
    // tour file would go (rename refuses to replace a folder with a file), and a file where its folder would be.
    const std::string before = slurp(file);
    t.steps[1].title = "Changed";
    fs::create_directories(dir / "tours" / "taken.json");
    CHECK_FALSE(app::saveTour(t, (dir / "tours" / "taken.json").string(), &why));
    CHECK_FALSE(why.empty());
    std::ofstream(dir / "blocker") << "x";
    CHECK_FALSE(app::saveTour(t, (dir / "blocker" / "t.json").string(), &why));
    CHECK(why.find("blocker") != std::string::npos);
    CHECK(slurp(file) == before);
    // Nothing half-written is left beside the target.
    int stray = 0;
    for (const auto& e : fs::directory_iterator(dir / "tours"))
        if (e.path().filename() != "staff_tour.json" && e.path().filename() != "taken.json") ++stray;
    CHECK(stray == 0);
    fs::remove_all(dir);
}

TEST_CASE("tour editor: the user's tour folder follows XDG_DATA_HOME") {
    const char* old = std::getenv("XDG_DATA_HOME");
    const std::string keep = old ? old : "";
    const char* oldHome = std::getenv("HOME");
    const std::string keepHome = oldHome ? oldHome : "";
    ::setenv("XDG_DATA_HOME", "/srv/kiosk-data", 1);
    CHECK(app::userTourFolder() == "/srv/kiosk-data/almalyk/tours");
    ::setenv("XDG_DATA_HOME", "relative/not/allowed", 1);  // the spec: a relative value is ignored
    ::setenv("HOME", "/home/presenter", 1);
    CHECK(app::userTourFolder() == "/home/presenter/.local/share/almalyk/tours");
    if (old) ::setenv("XDG_DATA_HOME", keep.c_str(), 1); else ::unsetenv("XDG_DATA_HOME");
    if (oldHome) ::setenv("HOME", keepHome.c_str(), 1); else ::unsetenv("HOME");
}
