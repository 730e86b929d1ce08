// The tour player (app/tour_player.h) in a real Session under xvfb-run, driven frame by frame with a fixed step as
// every tour mode drives it: the camera is on the timeline's pose, the sim clock on the timeline's sim time, a step
// into another scene holds one frame for the cross-fade's snapshot and then shows the new scene, a seek back gives
// the same world as playing there (state hash), next/previous go step by step, and the loop wraps.
#include <doctest/doctest.h>

#include <cmath>

#include "app/frame_loop.h"
#include "app/session.h"
#include "app/tour_player.h"
#include "sim/world.h"

namespace {

const char* kTour = R"({ "name": "player_test", "title": "Player test", "start": "2026-06-21T11:00:00+05:00",
  "steps": [
    { "title": "Complex", "scene": "overview", "camera": 1, "fly_s": 0, "dwell_s": 2, "sim": { "speed": 60 },
      "caption": "Ore {mine.ore_t_h:0u}" },
    { "title": "Pit far", "scene": "pit", "fly_s": 1, "dwell_s": 2, "sim": { "speed": 600 },
      "camera": { "keyframes": [ { "t": 0, "target": [0, 600, 0], "yaw": 40, "pitch": 35, "distance": 2500 } ] } },
    { "title": "Pit near", "scene": "pit", "fly_s": 1, "dwell_s": 2,
      "camera": { "keyframes": [ { "t": 0, "target": [100, 500, 50], "yaw": 80, "pitch": 25, "distance": 900 } ] } } ] })";

// Runs frames of a fixed tour step through the real frame loop.
class Frames : public app::Director {
public:
    Frames(app::TourPlayback& p, int n, double dt) : m_p(p), m_n(n), m_dt(dt) {}
    bool running(const app::Session&) const override { return m_i < m_n; }
    app::FramePlan plan(app::Session& s) override {
        app::FramePlan p;
        m_p.frame(s, m_dt, p);
        p.swap = false;
        return p;
    }
    void drawUi(app::Session& s, const app::FramePlan&, const scenes::FrameInput&, std::vector<sim::Command>&) override {
        m_p.drawOverlay(s);
    }
    void afterRender(app::Session& s, const app::FramePlan&) override { m_p.afterRender(s); }
    void endFrame(app::Session& s, const app::FramePlan&) override {
        m_p.endFrame(s);
        scenes.push_back(s.sceneName());
        ++m_i;
    }
    std::vector<std::string> scenes;

private:
    app::TourPlayback& m_p;
    int m_n, m_i = 0;
    double m_dt;
};

struct Fixture {
    app::Session s{"test"};
    app::TourPlayback play;
    Fixture() {
        app::RenderOptions o;
        o.width = 320;
        o.height = 180;
        o.quality = app::Quality::Low;
        o.scene = "overview";
        REQUIRE(s.prepare(o) == 0);
        REQUIRE(s.open(o, {.visible = false, .vsync = false}) == 0);
        app::Tour t;
        std::string why;
        REQUIRE_MESSAGE(app::parseTour(kTour, "player_test.json", s.run.params, &t, &why), why);
        REQUIRE_MESSAGE(play.begin(s, std::move(t), o, &why), why);
    }
};

bool samePose(const eng::CameraPose& a, const eng::CameraPose& b) {
    return glm::length(a.target - b.target) < 1e-3f && std::abs(a.yawDeg - b.yawDeg) < 1e-3f &&
           std::abs(a.pitchDeg - b.pitchDeg) < 1e-3f && std::abs(a.distance - b.distance) < 1e-2f;
}

}  // namespace

TEST_CASE("tour player: camera and sim clock follow the timeline; a scene change holds one frame, then switches") {
    Fixture f;
    app::Session& s = f.s;
    CHECK(s.sceneName() == "overview");
    CHECK(f.play.timeline().total == doctest::Approx(2 + 3 + 3));
    // 1 s into the first step: the sim ran 1 s x 60 = 60 sim seconds from 11:00, in whole ticks up to that time.
    // (Steps of 1/8 s add up exactly.)
    Frames a(f.play, 8, 0.125);
    app::runFrameLoop(s, a);
    CHECK(f.play.time() == 1.0);
    const sim::Time want = f.play.timeline().tourStart + sim::fromSeconds(60.0);
    CHECK(s.world->now() <= want);
    CHECK(s.world->now() > want - s.world->tickLength());
    CHECK(samePose(s.camera.pose(), app::poseAt(f.play.tour(), f.play.timeline(), f.play.cursor())));
    CHECK(f.play.cursor().captionAlpha == 1.0f);  // faded in (0.8 s), not yet fading out (the last 0.8 s)
    CHECK(f.play.captionText(s).rfind("Ore ", 0) == 0);
    CHECK(f.play.captionText(s).find("t/h") != std::string::npos);

    // Crossing into step 2 (another scene): the frame that reaches it still shows the overview (its snapshot),
    // the next one the pit.
    Frames b(f.play, 12, 0.125);
    app::runFrameLoop(s, b);
    int firstPit = -1;
    for (int i = 0; i < static_cast<int>(b.scenes.size()); ++i)
        if (b.scenes[static_cast<std::size_t>(i)] == "pit") {
            firstPit = i;
            break;
        }
    REQUIRE(firstPit >= 0);
    // t = 1.125 .. 1.875 show the overview; the frame that reaches 2.0 is drawn as the overview (the snapshot) and
    // ends by switching, so from its end on the pit shows.
    CHECK(firstPit == 7);
    CHECK(f.play.cursor().step == 1);
    CHECK(s.renderer->frameSnapshot() != 0);
    CHECK(f.play.cursor().sceneChange);
}

TEST_CASE("tour player: a seek back gives the world that playing to that moment gives; next/previous/loop") {
    Fixture f;
    app::Session& s = f.s;
    // Play to 6.5 s (inside step 3) frame by frame.
    Frames a(f.play, 52, 0.125);
    app::runFrameLoop(s, a);
    CHECK(f.play.cursor().step == 2);
    const std::uint64_t played = s.world->stateHash();
    const sim::Time playedAt = s.world->now();
    // Back to the start and forward again by seeking: the same state at the same time.
    f.play.seek(s, 0.0);
    CHECK(s.world->now() <= f.play.timeline().tourStart + sim::fromSeconds(1.0));
    CHECK(s.sceneName() == "overview");
    f.play.seek(s, 6.5);
    CHECK(s.world->now() == playedAt);
    CHECK(s.world->stateHash() == played);
    CHECK(s.sceneName() == "pit");

    // previous: more than 2 s into step 3 -> its start; again -> step 2.
    f.play.seek(s, 7.5);
    f.play.previousStep(s);
    CHECK(f.play.time() == doctest::Approx(5.0));
    f.play.previousStep(s);
    CHECK(f.play.time() == doctest::Approx(2.0));
    f.play.nextStep(s);
    CHECK(f.play.time() == doctest::Approx(5.0));
    // At the end without loop the player holds; with loop it wraps to the start (through a cross-fade: the pit's
    // last frame, then the overview).
    f.play.seek(s, 7.875);
    Frames b(f.play, 3, 0.125);
    app::runFrameLoop(s, b);
    CHECK(f.play.finished());
    CHECK(s.sceneName() == "pit");
    f.play.loop = true;
    Frames c(f.play, 3, 0.125);
    app::runFrameLoop(s, c);
    CHECK(f.play.loops() == 1);
    CHECK(s.sceneName() == "overview");
    CHECK(f.play.time() < 0.5);
}
