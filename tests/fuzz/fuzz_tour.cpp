// Tour files (app/tour.h) as a user's --assets DIR/tours/*.json would give them, through everything the player does
// before drawing: parse (phase 1), resolve against every real scene's camera presets and object keys (phase 2), the
// timeline, the cursor and camera at the steps' edges, the timed sim commands, and each caption formatted from a real
// World's state in three number formats. A tour the parser accepts must also survive the editor's save: tourToJson's
// text must parse again.
#include <cmath>
#include <map>
#include <memory>

#include "app/caption.h"
#include "app/tour.h"
#include "scenes/scene.h"
#include "sim/world.h"
#include "tests/fuzz/fuzz_common.h"

namespace {

struct Fixture {
    sim::Params params = sim::makeParams();
    sim::World world{params, 1, sim::defaultStartTime()};
    std::map<std::string, app::TourSceneInfo> scenes;
    Fixture() {
        world.step();
        for (const std::string& name : scenes::sceneNames()) {
            const auto scene = scenes::makeScene(name);
            if (scene) scenes[name] = app::TourSceneInfo{scene->cameraPresets(), scene->objectKeys(world.state())};
        }
    }
};

void checkPose(const eng::CameraPose& p, const std::string& where) {
    const float v[] = {p.target.x, p.target.y, p.target.z, p.yawDeg, p.pitchDeg, p.distance, p.fovDeg};
    for (float x : v)
        if (!std::isfinite(x)) fuzz::fail("a camera pose that is not finite at " + where);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Fixture fx;
    const std::string in = fuzz::text(data, size);
    app::Tour tour;
    std::string why;
    if (!app::parseTour(in, "fuzz/tour.json", fx.params, &tour, &why)) {
        if (why.empty()) fuzz::fail("parseTour refused without saying why");
        return 0;
    }
    const std::string saved = app::tourToJson(tour);
    app::Tour again;
    if (!app::parseTour(saved, "fuzz/tour.json", fx.params, &again, &why))
        fuzz::fail("a tour the parser accepted, saved by tourToJson, is refused: " + why + "\n" + saved);

    const app::TourSceneLookup lookup = [](const std::string& scene) -> std::optional<app::TourSceneInfo> {
        const auto it = fx.scenes.find(scene);
        if (it == fx.scenes.end()) return std::nullopt;
        return it->second;
    };
    if (!app::resolveTour(tour, lookup, &why)) return 0;

    const app::TourTimeline tl = app::makeTimeline(tour, sim::defaultStartTime());
    std::vector<double> times{-1.0, 0.0, tl.total, tl.total + 1.0};
    for (std::size_t k = 0; k < tl.stepStart.size(); ++k) {
        times.push_back(tl.stepStart[k]);
        times.push_back(tl.stepStart[k] + tour.steps[k].flyS * 0.5);
        times.push_back(tl.stepStart[k] + tl.stepDuration[k] * 0.999);
    }
    const app::NumberFormat formats[] = {app::NumberFormat::forLanguage("en"), app::NumberFormat::forLanguage("ru"),
                                         app::NumberFormat::forLanguage("de")};
    for (double t : times) {
        const app::TourCursor c = app::cursorAt(tour, tl, t);
        if (c.step < 0 || c.step >= static_cast<int>(tour.steps.size())) fuzz::fail("cursorAt gave a step outside the tour");
        checkPose(app::poseAt(tour, tl, c), tour.steps[static_cast<std::size_t>(c.step)].path);
        const std::string& caption = tour.steps[static_cast<std::size_t>(c.step)].caption;
        for (const app::NumberFormat& nf : formats) (void)app::formatCaption(caption, fx.world.state(), c.simTime, nf);
    }
    (void)app::tourCommands(tour, tl, fx.params);
    return 0;
}
