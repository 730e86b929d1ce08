// The three built-in tours (assets/tours/, docs/tours_builtin.md) as a delegation sees them. Each is found by name
// as `--tour NAME` finds it, parses, and resolves against the real scenes (made without a GL context; the pit and the
// hydrogen field are updated once with a real state first, so their presets are the poses the player flies to). Its
// length is within 15 % of its brief (8, 4 and 4 minutes). Then its simulation is run as the player runs it (one World
// from the tour's start, the tour's parameters and commands) and every step is checked at the moment its caption
// appears and at its end: each caption names real metrics whose values are finite there, is at most 160 characters
// as written and as shown, and stays up long enough to read (3 s + 1 s per 15 characters shown); outdoor steps (pit,
// landscape, panels) play in daylight and the pit's outside its shift breaks; a followed truck is climbing the ramp
// with ore for the whole step.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <memory>
#include <string>

#include "app/caption.h"
#include "app/tour.h"
#include "scenes/scene.h"
#include "scenes/scene_actions.h"
#include "sim/metrics.h"
#include "sim/world.h"

namespace {

struct Brief {
    const char* name;
    double minutes;  // the length the issue asks for
};
constexpr Brief kBriefs[] = {{"rock_to_hydrogen", 8.0}, {"kalmakyr_pit", 4.0}, {"sunlight_hydrogen", 4.0}};

// Characters as a reader counts them (UTF-8 code points: "m³", "°C" and the no-break space count once).
std::size_t codePoints(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0u) != 0x80u;
    return n;
}

sim::Params tourParams(const app::Tour& tour) {
    sim::Params p = sim::makeParams();
    for (const auto& [name, value] : tour.sets) {
        std::string why;
        REQUIRE_MESSAGE(p.setFromText(name, value, &why), why);
    }
    return p;
}

// The World a tour plays in, as the player makes it: the tour's parameters, seed and start, every step's commands.
std::unique_ptr<sim::World> tourWorld(const app::Tour& tour, const app::TourTimeline& tl) {
    const sim::Params params = tourParams(tour);
    auto world = std::make_unique<sim::World>(params, tour.seed.value_or(1), tl.tourStart);
    for (const sim::Command& c : app::tourCommands(tour, tl, params)) world->push(c);
    return world;
}

// The scenes a tour resolves against, as the player has them: real scenes, updated once with a real state (the
// pit's presets follow its geometry, the hydrogen scene's its field layout).
struct SceneSet {
    explicit SceneSet(const sim::State& s) : state(s) {}
    const sim::State& state;
    std::map<std::string, std::unique_ptr<scenes::Scene>> made;
    std::optional<app::TourSceneInfo> info(const std::string& name) {
        auto& scene = made[name];
        if (!scene) {
            scene = scenes::makeScene(name);
            if (!scene) return std::nullopt;
            scenes::FrameInput in;
            in.state = &state;
            in.now = state.time;
            scene->update(in);
        }
        return app::TourSceneInfo{scene->cameraPresets(), scene->objectKeys(state)};
    }
};

app::Tour loadBuiltin(const std::string& name) {
    std::string why;
    const std::string path = app::resolveTourPath(name, "", &why);
    REQUIRE_MESSAGE(!path.empty(), why);
    app::Tour tour;
    const sim::Params params = sim::makeParams();
    REQUIRE_MESSAGE(app::loadTour(path, params, &tour, &why), why);
    return tour;
}

bool isOutdoor(const std::string& scene) { return scene == "pit" || scene == "landscape" || scene == "hydrogen"; }

double metric(const sim::State& s, const std::string& name) {
    double v = NAN;
    std::string why;
    REQUIRE_MESSAGE(sim::metricValue(s, name, &v, &why), why);
    return v;
}

}  // namespace

TEST_CASE("built-in tours: each is listed, parses, resolves against the real scenes and has its brief's length") {
    const std::vector<app::TourFile> listed = app::listTourFiles("");
    for (const Brief& b : kBriefs) {
        CAPTURE(b.name);
        bool found = false;
        for (const app::TourFile& f : listed) found = found || f.name == b.name;
        CHECK(found);

        app::Tour tour = loadBuiltin(b.name);
        CHECK_FALSE(tour.title.empty());
        CHECK_FALSE(tour.description.empty());
        const sim::Params params = tourParams(tour);
        sim::World world(params, tour.seed.value_or(1), tour.start.value_or(sim::defaultStartTime()));
        world.step();
        SceneSet scenesForTour(world.state());
        std::string why;
        REQUIRE_MESSAGE(app::resolveTour(tour, [&](const std::string& n) { return scenesForTour.info(n); }, &why), why);
        for (const app::TourStep& st : tour.steps) {
            CAPTURE(st.path);
            CHECK_FALSE(st.title.empty());
            CHECK_FALSE(st.caption.empty());
            CHECK_FALSE(st.camera.keyframes.empty());  // every preset became a pose
        }

        const app::TourTimeline tl = app::makeTimeline(tour, sim::defaultStartTime());
        CHECK(tl.total >= 0.85 * 60.0 * b.minutes);
        CHECK(tl.total <= 1.15 * 60.0 * b.minutes);
    }
}

TEST_CASE("built-in tours: captions name real metrics, fit on screen, stay up long enough; outdoor steps in daylight") {
    const app::NumberFormat en = app::NumberFormat::forLanguage("en");
    for (const Brief& b : kBriefs) {
        CAPTURE(b.name);
        const app::Tour tour = loadBuiltin(b.name);
        const app::TourTimeline tl = app::makeTimeline(tour, sim::defaultStartTime());
        const std::unique_ptr<sim::World> w = tourWorld(tour, tl);
        sim::World& world = *w;
        constexpr int kManyTicks = 10'000'000;

        for (std::size_t k = 0; k < tour.steps.size(); ++k) {
            const app::TourStep& st = tour.steps[k];
            CAPTURE(st.path);
            CAPTURE(st.caption);
            CHECK(codePoints(st.caption) <= 160);
            std::string why;
            CHECK_MESSAGE(app::checkCaption(st.caption, &why), why);
            const std::vector<std::string> names = app::captionPlaceholders(st.caption);
            for (const std::string& n : names) CHECK_MESSAGE((n == "clock" || sim::findMetric(n) >= 0), n);

            // Two moments: when the caption appears (the fly is over) and when the step ends.
            const sim::Time shown = tl.simStart[k] + sim::fromSeconds(st.flyS * tl.speed[k]);
            const sim::Time end = tl.simStart[k] + sim::fromSeconds(tl.stepDuration[k] * tl.speed[k]);
            for (const sim::Time at : {shown, end}) {
                world.advance(at, kManyTicks);
                const sim::State& s = world.state();
                for (const std::string& n : names)
                    if (n != "clock") CHECK_MESSAGE(std::isfinite(metric(s, n)), n);
                const std::string text = app::formatCaption(st.caption, s, at, en);
                CAPTURE(text);
                CHECK(text.find('{') == std::string::npos);
                CHECK(codePoints(text) <= 160);
                CHECK(st.dwellS >= 3.0 + static_cast<double>(codePoints(text)) / 15.0);
                if (isOutdoor(st.scene)) CHECK(metric(s, "sun.elevation_deg") > 20.0);
                if (st.scene == "pit") CHECK(metric(s, "mine.shift_break") == 0.0);
            }
        }
    }
}

TEST_CASE("built-in tours: a followed truck climbs the ramp with ore for the whole step") {
    int followed = 0;
    for (const Brief& b : kBriefs) {
        CAPTURE(b.name);
        const app::Tour tour = loadBuiltin(b.name);
        const app::TourTimeline tl = app::makeTimeline(tour, sim::defaultStartTime());
        const std::unique_ptr<sim::World> w = tourWorld(tour, tl);
        sim::World& world = *w;
        for (std::size_t k = 0; k < tour.steps.size(); ++k) {
            const app::TourStep& st = tour.steps[k];
            for (const std::string& text : st.actions) {
                scenes::SceneAction a;
                std::string why;
                REQUIRE_MESSAGE(scenes::parseSceneAction(text, &a, &why), why);
                if (a.verb != scenes::ActionVerb::Follow || a.argument.empty()) continue;
                CAPTURE(st.path);
                const scenes::ObjectKey key = scenes::parseObjectKey(a.argument);
                REQUIRE(key.kind == "truck");
                ++followed;
                const double spanS = tl.stepDuration[k] * tl.speed[k];
                for (double f : {0.0, 0.25, 0.5, 0.75, 1.0}) {  // sim seconds through the step
                    const sim::Time at = tl.simStart[k] + sim::fromSeconds(f * spanS);
                    world.advance(at, 10'000'000);
                    const sim::State& s = world.state();
                    REQUIRE(static_cast<std::size_t>(key.index) < s.mine.trucks.size());
                    const sim::TruckState& t = s.mine.trucks[static_cast<std::size_t>(key.index)];
                    const sim::TruckPose pose = s.pit.truckPoseAt(key.index, s.time);
                    CAPTURE(f);
                    CHECK(t.phase == sim::TruckPhase::Hauling);
                    CHECK(t.ore);
                    CHECK(t.payload_t > 0.0);
                    CHECK(pose.grade > 0.0);  // uphill: on the ramp, not on the floor or the rim road
                }
            }
        }
    }
    CHECK(followed == 2);  // the haul step of rock_to_hydrogen and of kalmakyr_pit
}
