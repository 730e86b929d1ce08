// scenes/scene_actions.h — scene actions by key, as tours, the kiosk and training files write them:
//   select(truck:12)    select(shovel:3)    select()          -> Scene::select
//   follow(truck:12)    follow()                              -> Scene::follow (the camera keeps on it)
//   camera(ramp)        camera(2)                             -> a camera preset, by (part of) its name or number
// Use: SceneAction a; if (!parseSceneAction("follow(truck:12)", &a, &why)) ...;
//      if (!applySceneAction(scene, state, a, &pose, &why)) ...;  // camera(...) fills the pose to fly to
//      sceneKeyTable(scene, state) lists every key a file may name (objects, then "camera:<preset>").
// Errors: false with a message that names the action and, for an unknown key or preset, the closest known ones.
// Does NOT: move the camera itself (the app's director does, with the pose it gets back).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "engine/camera.h"
#include "scenes/scene.h"

namespace scenes {

// "truck:12" -> {"truck", 12}; a key without ":N" has index -1; a malformed number gives index -2.
struct ObjectKey {
    std::string kind;
    int index = -1;
};
ObjectKey parseObjectKey(std::string_view key);

enum class ActionVerb { Select, Follow, Camera };
struct SceneAction {
    ActionVerb verb = ActionVerb::Select;
    std::string argument;  // the key, preset name or number; "" clears select/follow
};

bool parseSceneAction(std::string_view text, SceneAction* out, std::string* why);
// Runs the action on the scene. camera(...) returns the preset's pose in *cameraPose (and touches nothing else).
bool applySceneAction(Scene& scene, const sim::State& state, const SceneAction& action, eng::CameraPose* cameraPose,
                      std::string* why);

// A camera preset by 1-based number or (case-insensitive, unique part of) name: 0-based index, or -1 and *why
// naming the valid presets.
int findCameraPreset(const std::vector<eng::CameraPreset>& presets, const std::string& spec, std::string* why);
// "1 'Pit overview', 2 'Haul ramp', ..." (for messages and --help text).
std::string listCameraPresets(const std::vector<eng::CameraPreset>& presets);

// Up to n of `known` closest to `name` (edit distance), for "did you mean" messages.
std::vector<std::string> closestKeys(std::string_view name, const std::vector<std::string>& known, std::size_t n = 3);

// Every key a data file may name in this scene: its objects' keys, then "camera:<preset name>" per preset.
std::vector<std::string> sceneKeyTable(const Scene& scene, const sim::State& state);

}  // namespace scenes
