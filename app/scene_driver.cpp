#include "app/scene_driver.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace app {

namespace {
std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}
}  // namespace

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

std::string listCameraPresets(const std::vector<eng::CameraPreset>& presets) {
    std::string out;
    for (std::size_t i = 0; i < presets.size(); ++i)
        out += (i ? ", " : "") + std::to_string(i + 1) + " '" + presets[i].name + "'";
    return out.empty() ? "(this scene has no presets)" : out;
}

int findCameraPreset(const std::vector<eng::CameraPreset>& presets, const std::string& spec, std::string* why) {
    const int n = static_cast<int>(presets.size());
    auto fail = [&](const std::string& what) {
        if (why) *why = "--camera '" + spec + "': " + what + "; valid presets: " + listCameraPresets(presets);
        return -1;
    };
    if (!spec.empty() && std::all_of(spec.begin(), spec.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        int k = 0;
        const auto r = std::from_chars(spec.data(), spec.data() + spec.size(), k);
        if (r.ec != std::errc() || k < 1 || k > n) return fail("no preset with that number");
        return k - 1;
    }
    const std::string want = lower(spec);
    if (want.empty()) return fail("expected a preset number or name");
    int partial = -1, partialCount = 0;
    for (int i = 0; i < n; ++i) {
        const std::string have = lower(presets[static_cast<std::size_t>(i)].name);
        if (have == want) return i;
        if (have.find(want) != std::string::npos) {
            partial = i;
            ++partialCount;
        }
    }
    if (partialCount == 1) return partial;
    return fail(partialCount > 1 ? "matches more than one preset" : "no preset with that name");
}

}  // namespace app
