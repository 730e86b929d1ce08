#include "app/scene_driver.h"

#include <algorithm>

namespace app {

std::size_t drainSceneCommands(scenes::Scene& scene, sim::World& world) {
    std::vector<sim::Command> cmds = scene.takeCommands();
    for (sim::Command& c : cmds) world.push(std::move(c));
    return cmds.size();
}

float groundClearance(float distance) { return std::clamp(0.25f * distance, 0.5f, 20.0f); }

void constrainCamera(eng::OrbitCamera& camera, const scenes::Scene& scene, float dt) {
    if (const auto target = scene.followTarget())
        camera.follow(*target, dt);
    else
        camera.unfollow();
    camera.keepAboveGround([&scene](float x, float z) { return scene.groundHeight(x, z); },
                           groundClearance(camera.pose().distance));
    camera.fitNearPlane();
}

}  // namespace app
