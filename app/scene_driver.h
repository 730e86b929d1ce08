// app/scene_driver.h — the per-frame glue between a scene, the World and the orbit camera that every rendering mode
// (interactive window, shot, bench) shares, kept apart from the GL loop so that tests drive it without a window.
// Use (each frame, after the scene's drawUi()):
//     app::drainSceneCommands(*scene, *world);          // the panel's edits join the UI's on the World's logged path
//     app::constrainCamera(camera, *scene, dtSeconds);  // follow target, ground clearance, near plane
//   (--camera N|NAME and camera(...) actions use scenes::findCameraPreset, scenes/scene_actions.h.)
// Does NOT: read input, draw, or advance the simulation (the World applies pushed commands at its next tick).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "engine/camera.h"
#include "scenes/scene.h"
#include "sim/world.h"

namespace app {

// Pushes everything scene.takeCommands() returns into the world, in order; returns how many.
std::size_t drainSceneCommands(scenes::Scene& scene, sim::World& world);

// Eye clearance above the scene's ground for a camera at this distance from its target: 20 m for overviews,
// shrinking to 0.5 m so that a 2 m close-up of a panel lying on the ground stays possible.
float groundClearance(float distance);

// Keeps the target on scene.followTarget() (glide), the eye above scene.groundHeight() and the near plane fitted
// to the distance. Call after camera.update(dt) and after the scene's update() (so the target is this frame's).
void constrainCamera(eng::OrbitCamera& camera, const scenes::Scene& scene, float dtSeconds);

}  // namespace app
