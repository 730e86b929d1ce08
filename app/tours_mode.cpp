// app/tours_mode.cpp — `almalyk tours [--assets DIR]`: every tour a user may name (the built-in assets/tours/ and
// DIR/tours/ over it), tab-separated with a header: name, title, steps, duration_s, file. Each tour is checked as
// the player checks it, both phases (the file, then its presets and object keys against the scenes, made without a
// GL context as `almalyk scenes` makes them), so this is how a user checks a tour they wrote. A broken tour goes to
// stderr with its message and makes the exit code 2; the good ones are still listed.
#include <cstdio>
#include <map>
#include <memory>
#include <string>

#include "app/options.h"
#include "app/tour.h"
#include "scenes/scene.h"
#include "sim/world.h"

namespace app {

int runTours(const CommonOptions& o) {
    const sim::Params params = sim::makeParams();
    sim::World world(params, 1, sim::defaultStartTime());
    world.step();  // a state with the fleet and the plant in place, as `almalyk scenes` lists keys
    std::map<std::string, std::unique_ptr<scenes::Scene>> made;
    const TourSceneLookup lookup = [&](const std::string& name) -> std::optional<TourSceneInfo> {
        auto& scene = made[name];
        if (!scene) scene = scenes::makeScene(name);
        if (!scene) return std::nullopt;
        return TourSceneInfo{scene->cameraPresets(), scene->objectKeys(world.state())};
    };

    std::string out = "name\ttitle\tsteps\tduration_s\tfile\n";
    int code = 0;
    for (const TourFile& f : listTourFiles(o.assetsDir)) {
        Tour tour;
        std::string why;
        if (!loadTour(f.path, params, &tour, &why) || !resolveTour(tour, lookup, &why)) {
            std::fprintf(stderr, "almalyk tours: %s\n", why.c_str());
            code = 2;
            continue;
        }
        char duration[32];
        std::snprintf(duration, sizeof duration, "%.10g", makeTimeline(tour, sim::defaultStartTime()).total);
        std::string title = tour.title;  // one line, one column, whatever the file holds
        for (char& ch : title)
            if (ch == '\t' || ch == '\n' || ch == '\r') ch = ' ';
        out += f.name + "\t" + title + "\t" + std::to_string(tour.steps.size()) + "\t" + duration + "\t" + f.path + "\n";
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) return 1;
    return code;
}

}  // namespace app
