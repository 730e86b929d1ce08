// app/scenes_mode.cpp — `almalyk scenes`: every key a tour, kiosk or training file may name in each scene, for the
// default complex: the objects select()/follow() take ("truck:0", "shovel:3", "converter:1") and the camera presets
// ("camera:Haul ramp"). Tab-separated with a header: scene, key, kind. Scenes are made without a GL context (their
// keys and presets need none).
#include <cstdio>
#include <string>

#include "app/options.h"
#include "scenes/scene.h"
#include "scenes/scene_actions.h"
#include "sim/world.h"

namespace app {

int runScenes() {
    sim::World world(sim::makeParams(), 1, sim::defaultStartTime());
    world.step();  // a state with the fleet and the plant in place
    std::string out = "scene\tkey\tkind\n";
    for (const std::string& name : scenes::sceneNames()) {
        const auto scene = scenes::makeScene(name);
        for (const std::string& k : scenes::sceneKeyTable(*scene, world.state())) {
            const bool object = k.rfind("camera:", 0) != 0;
            out += name + "\t" + k + "\t" + (object ? "object (select, follow)" : "camera preset") + "\n";
        }
    }
    std::fputs(out.c_str(), stdout);
    return std::ferror(stdout) ? 1 : 0;
}

}  // namespace app
