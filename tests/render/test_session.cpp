// The app's Session under xvfb-run (Mesa llvmpipe), as the window's scene picker and the coming tour player use it:
// scenes load once and stay loaded, a switch back rebuilds nothing (same renderer, same scene count) and brings the
// scene's own particles back, a scene that fails to load leaves the current one showing with the reason on screen,
// and the one frame loop renders a picture with a minimal director.
#include <doctest/doctest.h>

#include "app/frame_loop.h"
#include "app/session.h"
#include "engine/gfx/context.h"
#include "engine/image.h"

namespace {

class FailingScene : public scenes::Scene {
public:
    bool load(const scenes::SceneContext&, std::string* why) override {
        *why = "its data folder is missing";
        return false;
    }
    void update(const scenes::FrameInput&) override {}
    void draw(eng::Renderer&, const eng::OrbitCamera&, const scenes::FrameInput&) override {}
    std::vector<eng::CameraPreset> cameraPresets() const override { return {}; }
};

// Renders `frames` frames at a fixed clock and keeps the last picture.
class TwoFrames : public app::Director {
public:
    bool running(const app::Session&) const override { return m_n < 2; }
    app::FramePlan plan(app::Session& s) override {
        app::FramePlan p;
        p.dt = 1.0f / 60.0f;
        p.shown = s.world->now();
        p.swap = m_n == 0;
        return p;
    }
    void afterRender(app::Session& s, const app::FramePlan&) override {
        if (++m_n == 2) picture = s.renderer->readPixels();
    }
    eng::Image picture;

private:
    int m_n = 0;
};

app::RenderOptions smallWindow(const char* scene) {
    app::RenderOptions o;
    o.scene = scene;
    o.width = 320;
    o.height = 180;
    o.quality = app::Quality::Low;
    return o;
}

}  // namespace

TEST_CASE("session: scenes stay loaded; switching back rebuilds nothing and restores the scene's own particles") {
    app::Session s("test");
    const app::RenderOptions o = smallWindow("landscape");
    REQUIRE(s.prepare(o) == 0);
    REQUIRE(s.open(o, {.visible = false, .vsync = false}) == 0);
    const eng::Renderer* renderer = s.renderer.get();
    const std::size_t landscapeParticles = s.renderer->particles().liveCount();
    CHECK(landscapeParticles > 0);  // the landscape's stack plumes are warmed up at load
    std::string why;
    REQUIRE(s.switchScene("pit", &why));
    CHECK(s.sceneName() == "pit");
    CHECK(s.loadedSceneCount() == 2);
    CHECK(s.renderer->particles().liveCount() == 0);  // the pit's dust starts idle: no plume from the landscape
    REQUIRE(s.switchScene("landscape", &why));
    CHECK(s.loadedSceneCount() == 2);                   // not loaded again
    CHECK(s.renderer.get() == renderer);                // not rebuilt
    CHECK(s.renderer->particles().liveCount() == landscapeParticles);
    CHECK(eng::gfx::errorCount() == 0);
}

TEST_CASE("session: a scene that fails to load keeps the current scene and says why on screen") {
    app::Session s("test");
    const app::RenderOptions o = smallWindow("pit");
    REQUIRE(s.prepare(o) == 0);
    s.setSceneFactory([](std::string_view name) -> std::unique_ptr<scenes::Scene> {
        if (name == "broken") return std::make_unique<FailingScene>();
        return scenes::makeScene(name);
    });
    REQUIRE(s.open(o, {.visible = false, .vsync = false}) == 0);
    std::string why;
    CHECK_FALSE(s.switchScene("broken", &why));
    CHECK(why.find("broken") != std::string::npos);
    CHECK(why.find("its data folder is missing") != std::string::npos);
    CHECK(s.notice() == why);
    CHECK(s.sceneName() == "pit");
    CHECK(s.loadedSceneCount() == 1);
    CHECK_FALSE(s.switchScene("no-such-scene", &why));
    CHECK(s.sceneName() == "pit");

    // The loop still draws the pit (with the notice over it).
    TwoFrames d;
    CHECK(app::runFrameLoop(s, d) == 0);
    REQUIRE(d.picture.width == 320);
    int lo = 255, hi = 0;
    for (std::size_t i = 0; i < d.picture.rgba.size(); i += 4) {
        lo = std::min<int>(lo, d.picture.rgba[i + 1]);
        hi = std::max<int>(hi, d.picture.rgba[i + 1]);
    }
    CHECK(hi - lo > 60);
}
