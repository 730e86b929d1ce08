#include "scenes/scene_actions.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "sim/names.h"

namespace scenes {

namespace {
std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}
std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}
std::string joinNames(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}
}  // namespace

ObjectKey parseObjectKey(std::string_view key) {
    ObjectKey k;
    const std::size_t colon = key.find(':');
    k.kind = std::string(key.substr(0, colon));
    if (colon == std::string_view::npos) return k;
    const std::string_view num = key.substr(colon + 1);
    int v = 0;
    const auto r = std::from_chars(num.data(), num.data() + num.size(), v);
    k.index = (num.empty() || r.ec != std::errc() || r.ptr != num.data() + num.size() || v < 0) ? -2 : v;
    return k;
}

bool parseSceneAction(std::string_view text, SceneAction* out, std::string* why) {
    const std::string_view t = trim(text);
    const std::size_t open = t.find('(');
    auto fail = [&](const std::string& what) {
        if (why) *why = "scene action '" + std::string(text) + "': " + what;
        return false;
    };
    if (open == std::string_view::npos || t.back() != ')')
        return fail("expected verb(argument), e.g. select(truck:12), follow(truck:12) or camera(ramp)");
    const std::string verb(trim(t.substr(0, open)));
    SceneAction a;
    a.argument = std::string(trim(t.substr(open + 1, t.size() - open - 2)));
    if (verb == "select") a.verb = ActionVerb::Select;
    else if (verb == "follow") a.verb = ActionVerb::Follow;
    else if (verb == "camera") a.verb = ActionVerb::Camera;
    else return fail("unknown verb '" + verb + "' (known: select, follow, camera)");
    if (a.verb == ActionVerb::Camera && a.argument.empty()) return fail("camera() needs a preset name or number");
    if (out) *out = a;
    return true;
}

bool applySceneAction(Scene& scene, const sim::State& state, const SceneAction& action, eng::CameraPose* cameraPose,
                      std::string* why) {
    if (action.verb == ActionVerb::Camera) {
        const auto presets = scene.cameraPresets();
        const int i = findCameraPreset(presets, action.argument, why);
        if (i < 0) return false;
        if (cameraPose) *cameraPose = presets[static_cast<std::size_t>(i)].pose;
        return true;
    }
    std::string w;
    const bool ok = action.verb == ActionVerb::Select ? scene.select(action.argument, state, &w)
                                                      : scene.follow(action.argument, state, &w);
    if (ok) return true;
    const std::vector<std::string> near = closestKeys(action.argument, scene.objectKeys(state));
    if (why) *why = w + (near.empty() ? "" : "; closest keys: " + joinNames(near));
    return false;
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
        if (why) *why = "camera '" + spec + "': " + what + "; valid presets: " + listCameraPresets(presets);
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

std::vector<std::string> closestKeys(std::string_view name, const std::vector<std::string>& known, std::size_t n) {
    return sim::closestNames(name, known, n);
}

std::vector<std::string> sceneKeyTable(const Scene& scene, const sim::State& state) {
    std::vector<std::string> keys = scene.objectKeys(state);
    for (const eng::CameraPreset& p : scene.cameraPresets()) keys.push_back("camera:" + p.name);
    return keys;
}

}  // namespace scenes
