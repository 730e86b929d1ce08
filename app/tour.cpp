// app/tour.cpp — see tour.h; the format is docs/tours.md.
// [SECTION] Parsing helpers   [SECTION] Steps   [SECTION] The tour   [SECTION] Phase 2   [SECTION] Timeline
// [SECTION] Camera path       [SECTION] Commands   [SECTION] Files   [SECTION] JSON out
#include "app/tour.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>

#include "app/caption.h"
#include "app/options.h"
#include "engine/paths.h"
#include "scenes/scene.h"
#include "scenes/scene_actions.h"
#include "sim/json_text.h"
#include "sim/names.h"

namespace app {
namespace {

namespace fs = std::filesystem;
using json = sim::OrderedJson;

// [SECTION] Parsing helpers

constexpr std::size_t kMaxSteps = 500;
constexpr std::size_t kMaxKeyframes = 100;
constexpr double kFlyMax = 60.0, kDwellMin = 0.5, kDwellMax = 600.0, kSpeedMax = 10000.0;
constexpr double kDefaultSpeed = 60.0;
constexpr double kMaxAfterHours = 100.0 * 8766.0;  // as scenarios: 100 years, far inside int64 microseconds
constexpr double kCoordMax = 100000.0;
constexpr float kCaptionFadeS = 0.8f;

const std::vector<std::string> kTourKeys = {"name", "title", "description", "seed", "start", "set", "scenario", "loop", "steps"};
const std::vector<std::string> kStepKeys = {"title", "scene", "camera", "fly_s", "dwell_s", "sim", "actions", "caption"};
const std::vector<std::string> kSimKeys = {"at", "after_hours", "speed", "set", "faults", "clear", "scenario"};
const std::vector<std::string> kKeyframeKeys = {"t", "target", "yaw", "pitch", "distance", "fov"};

std::string num(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::string field(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }
std::string index(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

// "; did you mean 'x'?" or "" (for unknown names of any registry).
std::string didYouMean(const std::string& name, const std::vector<std::string>& known, std::size_t n = 3) {
    const std::vector<std::string> near = sim::closestNames(name, known, n);
    if (near.empty()) return "";
    std::string list;
    for (const std::string& k : near) list += (list.empty() ? "" : ", ") + ("'" + k + "'");
    return "; did you mean " + list + "?";
}

struct Ctx {
    std::string file;
    sim::Params scratch;  // every "set" applied in file order: range checks, the caller's registry untouched
    std::string* why;
    bool fail(const std::string& path, const std::string& msg) const {
        if (why) *why = file + ": " + (path.empty() ? "" : path + ": ") + msg;
        return false;
    }
};

bool checkKeys(const Ctx& c, const json& obj, const std::string& path, const std::vector<std::string>& known) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (std::find(known.begin(), known.end(), it.key()) != known.end()) continue;
        return c.fail(field(path, it.key()), "unknown field" + didYouMean(it.key(), known, 1) +
                                                 " (expected one of " + sim::joinNames(known) + ")");
    }
    return true;
}

bool getString(const Ctx& c, const json& j, const std::string& path, std::string* out) {
    if (!j.is_string()) return c.fail(path, std::string("expected a string, found ") + sim::jsonTypeName(j));
    *out = j.get<std::string>();
    return true;
}

bool getNumber(const Ctx& c, const json& j, const std::string& path, double lo, double hi, double* out) {
    const bool ok = j.is_number() && std::isfinite(j.get<double>()) && j.get<double>() >= lo && j.get<double>() <= hi;
    if (!ok)
        return c.fail(path, "expected a number from " + num(lo) + " to " + num(hi) + ", found " +
                                (j.is_number() ? j.dump() : sim::jsonTypeName(j)));
    *out = j.get<double>();
    return true;
}

bool getTime(const Ctx& c, const json& j, const std::string& path, sim::Time* out) {
    std::string w;
    if (!j.is_string()) return c.fail(path, std::string("expected an ISO 8601 string, found ") + sim::jsonTypeName(j));
    if (!sim::parseIso8601(j.get<std::string>(), *out, &w)) return c.fail(path, w);
    return true;
}

// A JSON scalar as the text Params::setFromText takes (as scenario files write values).
bool valueText(const json& j, std::string* out) {
    if (j.is_boolean()) { *out = j.get<bool>() ? "1" : "0"; return true; }
    if (j.is_number_unsigned()) { *out = std::to_string(j.get<std::uint64_t>()); return true; }
    if (j.is_number_integer()) { *out = std::to_string(j.get<std::int64_t>()); return true; }
    if (j.is_number_float()) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", j.get<double>());
        *out = buf;
        return true;
    }
    if (j.is_string()) { *out = j.get<std::string>(); return true; }
    return false;
}

bool parseSets(Ctx& c, const json& j, const std::string& path, std::vector<std::pair<std::string, std::string>>* out) {
    if (!j.is_object())
        return c.fail(path, std::string("expected an object of parameter: value, found ") + sim::jsonTypeName(j));
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string f = path + "." + it.key();
        std::string text, w;
        if (!valueText(it.value(), &text))
            return c.fail(f, std::string("expected a number, true/false or a choice name, found ") +
                                 sim::jsonTypeName(it.value()));
        if (!c.scratch.setFromText(it.key(), text, &w)) return c.fail(f, w);
        out->emplace_back(it.key(), text);
    }
    return true;
}

bool parseTargets(const Ctx& c, const json& j, const std::string& path, std::vector<std::string>* out) {
    const std::vector<json> items = j.is_array() ? std::vector<json>(j.begin(), j.end()) : std::vector<json>{j};
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string f = j.is_array() ? index(path, i) : path;
        if (!items[i].is_string())
            return c.fail(f, std::string("expected a fault target string, found ") + sim::jsonTypeName(items[i]));
        const std::string target = items[i].get<std::string>();
        if (!sim::isFaultTargetSyntax(target))
            return c.fail(f, "unknown fault target '" + target + "'" + didYouMean(target, sim::knownFaultTargets()) +
                                 " (known: " + sim::joinNames(sim::knownFaultTargets()) + "; 'almalyk faults' lists them)");
        out->push_back(target);
    }
    return true;
}

// The scenario a tour names: beside the tour file first (a path relative to it), else as --scenario resolves it,
// with the tour's own assets folder (DIR of DIR/tours/x.json) searched before the built-in one.
std::string scenarioPathFor(const std::string& given, const std::string& tourFile) {
    std::error_code ec;
    if (!tourFile.empty() && !fs::path(given).is_absolute()) {
        const fs::path beside = fs::path(tourFile).parent_path() / given;
        if (fs::is_regular_file(beside, ec)) return beside.string();
    }
    const fs::path folder = fs::path(tourFile).parent_path();
    const std::string assets = folder.filename() == "tours" ? folder.parent_path().string() : "";
    return resolveScenario(given, assets);
}

bool loadScenarioField(Ctx& c, const json& j, const std::string& path, std::string* given, sim::Scenario* out) {
    if (!getString(c, j, path, given)) return false;
    if (given->empty()) return c.fail(path, "expected a scenario file or name, e.g. \"fleet_breakdown\"");
    std::string w;
    if (!sim::loadScenario(scenarioPathFor(*given, c.file), c.scratch, *out, &w))
        return c.fail(path, "scenario '" + *given + "': " + w);
    return true;
}

// [SECTION] Steps

bool parseKeyframe(const Ctx& c, const json& j, const std::string& path, TourKeyframe* out) {
    if (!j.is_object()) return c.fail(path, std::string("expected an object {\"t\", \"target\", ...}, found ") + sim::jsonTypeName(j));
    if (!checkKeys(c, j, path, kKeyframeKeys)) return false;
    for (const char* key : {"t", "target", "yaw", "pitch", "distance"})
        if (!j.contains(key)) return c.fail(path, std::string("missing \"") + key + "\" (a keyframe needs t, target, yaw, pitch, distance)");
    double v = 0;
    if (!getNumber(c, j["t"], path + ".t", 0.0, kDwellMax, &out->t)) return false;
    const json& tj = j["target"];
    if (!tj.is_array() || tj.size() != 3)
        return c.fail(path + ".target", "expected [x, y, z] in metres, found " + (tj.is_array() ? tj.dump() : sim::jsonTypeName(tj)));
    for (std::size_t i = 0; i < 3; ++i) {
        if (!getNumber(c, tj[i], index(path + ".target", i), -kCoordMax, kCoordMax, &v)) return false;
        out->pose.target[static_cast<int>(i)] = static_cast<float>(v);
    }
    if (!getNumber(c, j["yaw"], path + ".yaw", -720.0, 720.0, &v)) return false;
    out->pose.yawDeg = static_cast<float>(v);
    if (!getNumber(c, j["pitch"], path + ".pitch", -10.0, 89.0, &v)) return false;
    out->pose.pitchDeg = static_cast<float>(v);
    if (!getNumber(c, j["distance"], path + ".distance", 2.0, 60000.0, &v)) return false;
    out->pose.distance = static_cast<float>(v);
    out->pose.fovDeg = 45.0f;
    if (j.contains("fov")) {
        if (!getNumber(c, j["fov"], path + ".fov", 10.0, 120.0, &v)) return false;
        out->pose.fovDeg = static_cast<float>(v);
    }
    return true;
}

bool parseCamera(const Ctx& c, const json& j, const std::string& path, double dwellS, TourCamera* out) {
    if (j.is_number_integer() || j.is_number_unsigned()) {
        if (j.get<std::int64_t>() < 1) return c.fail(path, "expected a preset number from 1, found " + j.dump());
        out->preset = std::to_string(j.get<std::int64_t>());
        return true;
    }
    if (j.is_string()) {
        out->preset = j.get<std::string>();
        if (out->preset.empty() || out->preset.find_first_not_of('0') == std::string::npos)
            return c.fail(path, "expected a preset number from 1 or a preset name, found \"" + out->preset + "\"");
        return true;
    }
    if (!j.is_object())
        return c.fail(path, std::string("expected a preset number, a preset name or {\"keyframes\": [...]}, found ") +
                                (j.is_number() ? j.dump() : sim::jsonTypeName(j)));
    if (!checkKeys(c, j, path, {"keyframes"})) return false;
    const std::string kp = path + ".keyframes";
    if (!j.contains("keyframes")) return c.fail(path, "missing \"keyframes\": a list of camera poses");
    const json& k = j["keyframes"];
    if (!k.is_array() || k.empty() || k.size() > kMaxKeyframes)
        return c.fail(kp, "expected a list of 1 to " + std::to_string(kMaxKeyframes) + " keyframes, found " +
                              (k.is_array() ? std::to_string(k.size()) + " of them" : sim::jsonTypeName(k)));
    for (std::size_t i = 0; i < k.size(); ++i) {
        const std::string p = index(kp, i);
        TourKeyframe kf;
        if (!parseKeyframe(c, k[i], p, &kf)) return false;
        if (i == 0 && kf.t != 0.0)
            return c.fail(p + ".t", "expected 0 (the first keyframe is where the fly ends), found " + num(kf.t));
        if (i > 0 && kf.t <= out->keyframes.back().t)
            return c.fail(p + ".t", "expected a time after keyframes[" + std::to_string(i - 1) + "]'s " +
                                        num(out->keyframes.back().t) + ", found " + num(kf.t));
        if (kf.t > dwellS)
            return c.fail(p + ".t", num(kf.t) + " is after the step's dwell_s " + num(dwellS) +
                                        " (a keyframe's time counts from the fly's end and falls within the dwell)");
        out->keyframes.push_back(kf);
    }
    return true;
}

bool parseStepSim(Ctx& c, const json& j, const std::string& path, TourSim* out) {
    if (!j.is_object()) return c.fail(path, std::string("expected an object, found ") + sim::jsonTypeName(j));
    if (!checkKeys(c, j, path, kSimKeys)) return false;
    if (j.contains("at") && j.contains("after_hours"))
        return c.fail(path, "give \"at\" (ISO 8601) or \"after_hours\" (from the tour's start), not both");
    if (j.contains("at")) {
        sim::Time t = 0;
        if (!getTime(c, j["at"], path + ".at", &t)) return false;
        out->at = t;
    }
    double v = 0;
    if (j.contains("after_hours")) {
        if (!getNumber(c, j["after_hours"], path + ".after_hours", 0.0, kMaxAfterHours, &v)) return false;
        out->afterHours = v;
    }
    if (j.contains("speed")) {
        if (!getNumber(c, j["speed"], path + ".speed", 0.0, kSpeedMax, &v)) return false;
        out->speed = v;
    }
    if (j.contains("set") && !parseSets(c, j["set"], path + ".set", &out->sets)) return false;
    if (j.contains("faults") && !parseTargets(c, j["faults"], path + ".faults", &out->faults)) return false;
    if (j.contains("clear") && !parseTargets(c, j["clear"], path + ".clear", &out->clears)) return false;
    if (j.contains("scenario") && !loadScenarioField(c, j["scenario"], path + ".scenario", &out->scenario, &out->scenarioData))
        return false;
    return true;
}

bool parseStep(Ctx& c, const json& j, const std::string& path, const std::string& previousScene, TourStep* out) {
    if (!j.is_object()) return c.fail(path, std::string("expected a step object {\"scene\", \"camera\", ...}, found ") + sim::jsonTypeName(j));
    if (!checkKeys(c, j, path, kStepKeys)) return false;
    out->path = path;
    if (j.contains("title") && !getString(c, j["title"], path + ".title", &out->title)) return false;
    const std::vector<std::string> scenes = scenes::sceneNames();
    if (j.contains("scene")) {
        if (!getString(c, j["scene"], path + ".scene", &out->scene)) return false;
        if (std::find(scenes.begin(), scenes.end(), out->scene) == scenes.end())
            return c.fail(path + ".scene", "unknown scene '" + out->scene + "'" + didYouMean(out->scene, scenes, 1) +
                                               " (scenes: " + sim::joinNames(scenes) + ")");
    } else if (previousScene.empty()) {
        return c.fail(path, "missing \"scene\": the first step names its scene (" + sim::joinNames(scenes) + ")");
    } else {
        out->scene = previousScene;
    }
    if (j.contains("fly_s") && !getNumber(c, j["fly_s"], path + ".fly_s", 0.0, kFlyMax, &out->flyS)) return false;
    if (j.contains("dwell_s") && !getNumber(c, j["dwell_s"], path + ".dwell_s", kDwellMin, kDwellMax, &out->dwellS)) return false;
    if (j.contains("camera")) {
        if (!parseCamera(c, j["camera"], path + ".camera", out->dwellS, &out->camera)) return false;
    } else {
        out->camera.preset = "1";
    }
    if (j.contains("sim") && !parseStepSim(c, j["sim"], path + ".sim", &out->sim)) return false;
    if (j.contains("actions")) {
        const json& a = j["actions"];
        if (!a.is_array()) return c.fail(path + ".actions", std::string("expected a list of actions like [\"follow(truck:3)\"], found ") + sim::jsonTypeName(a));
        for (std::size_t i = 0; i < a.size(); ++i) {
            const std::string p = index(path + ".actions", i);
            std::string text, w;
            if (!getString(c, a[i], p, &text)) return false;
            scenes::SceneAction action;
            if (!scenes::parseSceneAction(text, &action, &w)) return c.fail(p, w);
            // The step's camera moves the camera on the tour's timeline; a camera(...) action would fight it.
            if (action.verb == scenes::ActionVerb::Camera)
                return c.fail(p, "camera(...) is not a tour action; give the step a \"camera\" (a preset or keyframes)");
            out->actions.push_back(text);
        }
    }
    if (j.contains("caption")) {
        std::string w;
        if (!getString(c, j["caption"], path + ".caption", &out->caption)) return false;
        if (!checkCaption(out->caption, &w)) return c.fail(path + ".caption", w);
    }
    return true;
}

// [SECTION] Timeline (shared by the parser's check and makeTimeline)

// The sim time each step asks to start at, if it asks.
std::optional<sim::Time> requestedStart(const TourSim& s, sim::Time tourStart) {
    if (s.at) return *s.at;
    if (s.afterHours) return tourStart + sim::fromSeconds(*s.afterHours * 3600.0);
    return std::nullopt;
}

// Fills tl; with `c` it refuses a step whose sim time would run backwards (else such a start is clamped forward).
bool buildTimeline(const Tour& tour, sim::Time defaultStart, TourTimeline* tl, const Ctx* c) {
    *tl = TourTimeline{};
    tl->tourStart = tour.start ? *tour.start : defaultStart;
    double t = 0.0, speed = kDefaultSpeed;
    sim::Time simEnd = tl->tourStart;
    for (std::size_t k = 0; k < tour.steps.size(); ++k) {
        const TourStep& s = tour.steps[k];
        const double duration = s.flyS + s.dwellS;
        sim::Time start = simEnd;
        if (const auto want = requestedStart(s.sim, tl->tourStart)) {
            if (*want < simEnd && c) {
                const std::string what = k == 0 ? "the tour's start " : "the end of steps[" + std::to_string(k - 1) + "]'s sim time ";
                return c->fail(s.path + ".sim." + (s.sim.at ? "at" : "after_hours"),
                               sim::formatIso8601(*want) + " is before " + what + sim::formatIso8601(simEnd) +
                                   "; sim time never runs backwards (one simulation serves the whole tour)");
            }
            start = std::max(*want, simEnd);
        }
        if (s.sim.speed) speed = *s.sim.speed;
        tl->stepStart.push_back(t);
        tl->stepDuration.push_back(duration);
        tl->simStart.push_back(start);
        tl->speed.push_back(speed);
        t += duration;
        simEnd = start + sim::fromSeconds(duration * speed);
    }
    tl->total = t;
    return true;
}

// A scenario's absolute "at" before the sim time it runs from would never run.
bool checkScenarioTimes(const Ctx& c, const sim::Scenario& s, sim::Time from, const std::string& path) {
    std::vector<sim::Command> cmds;
    std::string w;
    if (!sim::scenarioCommands(s, from, cmds, &w))
        return c.fail(path, "scenario '" + s.file + "': " + w + " (a tour's scenario runs from " +
                                (path == "scenario" ? "the tour's start" : "the step's sim start") + ")");
    return true;
}

// [SECTION] Camera path

float smoothstep(float x) {
    x = std::clamp(x, 0.0f, 1.0f);
    return x * x * (3.0f - 2.0f * x);
}

// Catmull-Rom through p1 (at knot t1) and p2 (at t2) with neighbours p0, p3 (Barry and Goldman's pyramid); any
// knot spacing: uniform, centripetal (sqrt of the chord) or the keyframes' times.
template <class V>
V catmullRom(V p0, V p1, V p2, V p3, float t0, float t1, float t2, float t3, float t) {
    const V a1 = p0 * ((t1 - t) / (t1 - t0)) + p1 * ((t - t0) / (t1 - t0));
    const V a2 = p1 * ((t2 - t) / (t2 - t1)) + p2 * ((t - t1) / (t2 - t1));
    const V a3 = p2 * ((t3 - t) / (t3 - t2)) + p3 * ((t - t2) / (t3 - t2));
    const V b1 = a1 * ((t2 - t) / (t2 - t0)) + a2 * ((t - t0) / (t2 - t0));
    const V b2 = a2 * ((t3 - t) / (t3 - t1)) + a3 * ((t - t1) / (t3 - t1));
    return b1 * ((t2 - t) / (t2 - t1)) + b2 * ((t - t1) / (t2 - t1));
}

float wrap360(float deg) {
    float d = std::fmod(deg, 360.0f);
    return d < 0.0f ? d + 360.0f : d;
}

// The keyframes' poses at dwell time tau (seconds after the fly): through every keyframe at its time, held after
// the last. Target on a centripetal Catmull-Rom (no loops or cusps where keyframes bunch up); yaw (unwrapped the
// short way between neighbours), pitch, log distance and fov on Catmull-Rom with the keyframes' times as knots
// (their rates of change run on smoothly through each keyframe).
eng::CameraPose pathAt(const std::vector<TourKeyframe>& kf, double tau) {
    if (kf.empty()) return eng::CameraPose{};
    if (kf.size() == 1 || tau <= kf.front().t) return kf.front().pose;
    if (tau >= kf.back().t) return kf.back().pose;
    std::size_t i = 0;
    while (i + 2 < kf.size() && kf[i + 1].t <= tau) ++i;
    const std::size_t n = kf.size();
    // Neighbours, with a mirrored point beyond either end.
    auto at = [&](long j) -> const TourKeyframe& { return kf[static_cast<std::size_t>(std::clamp<long>(j, 0, static_cast<long>(n) - 1))]; };
    const long ii = static_cast<long>(i);
    const TourKeyframe &k1 = at(ii), &k2 = at(ii + 1);
    const bool first = i == 0, last = i + 2 == n;
    const TourKeyframe &k0 = at(ii - 1), &k3 = at(ii + 2);
    const float u = static_cast<float>((tau - k1.t) / (k2.t - k1.t));

    // Yaw unwrapped along the four: each the short way from its neighbour.
    auto shortWay = [](float from, float to) {
        float d = std::fmod(to - from, 360.0f);
        if (d > 180.0f) d -= 360.0f;
        if (d < -180.0f) d += 360.0f;
        return from + d;
    };
    struct Scalars { float yaw, pitch, logDist, fov; };
    const float y1 = k1.pose.yawDeg, y2 = shortWay(y1, k2.pose.yawDeg);
    const float y0 = first ? 2.0f * y1 - y2 : shortWay(y1, k0.pose.yawDeg);
    const float y3 = last ? 2.0f * y2 - y1 : shortWay(y2, k3.pose.yawDeg);
    auto scal = [](const TourKeyframe& k, float yaw) { return Scalars{yaw, k.pose.pitchDeg, std::log(k.pose.distance), k.pose.fovDeg}; };
    const Scalars s1 = scal(k1, y1), s2 = scal(k2, y2);
    auto mirror = [](const Scalars& a, const Scalars& b, float yaw) {  // a reflected through b
        return Scalars{yaw, 2.0f * b.pitch - a.pitch, 2.0f * b.logDist - a.logDist, 2.0f * b.fov - a.fov};
    };
    const Scalars s0 = first ? mirror(s2, s1, y0) : scal(k0, y0);
    const Scalars s3 = last ? mirror(s1, s2, y3) : scal(k3, y3);
    const float t1 = static_cast<float>(k1.t), t2 = static_cast<float>(k2.t);
    const float t0 = first ? 2.0f * t1 - t2 : static_cast<float>(k0.t);
    const float t3 = last ? 2.0f * t2 - t1 : static_cast<float>(k3.t);
    const float tt = t1 + u * (t2 - t1);
    auto cr = [&](float Scalars::*m) { return catmullRom(s0.*m, s1.*m, s2.*m, s3.*m, t0, t1, t2, t3, tt); };

    eng::CameraPose p;
    p.yawDeg = wrap360(cr(&Scalars::yaw));
    p.pitchDeg = std::clamp(cr(&Scalars::pitch), -10.0f, 89.0f);
    p.distance = std::exp(cr(&Scalars::logDist));
    p.fovDeg = std::clamp(cr(&Scalars::fov), 10.0f, 120.0f);

    // Target: centripetal knots (square root of the chord); a segment with no length stays put.
    const glm::vec3 q1 = k1.pose.target, q2 = k2.pose.target;
    const glm::vec3 q0 = first ? 2.0f * q1 - q2 : k0.pose.target;
    const glm::vec3 q3 = last ? 2.0f * q2 - q1 : k3.pose.target;
    const float d12 = std::sqrt(glm::length(q2 - q1));
    if (d12 < 1e-4f) {
        p.target = q1;
        return p;
    }
    const float d01 = std::max(std::sqrt(glm::length(q1 - q0)), 1e-4f);
    const float d23 = std::max(std::sqrt(glm::length(q3 - q2)), 1e-4f);
    const float c1 = d01, c2 = c1 + d12, c3 = c2 + d23;
    p.target = catmullRom(q0, q1, q2, q3, 0.0f, c1, c2, c3, c1 + u * d12);
    return p;
}

// Where a fly into a new scene (or the tour's first step) starts: a little back from and above the first pose, so the
// camera settles into it under the cross-fade. Modest on purpose: 4x the distance showed the edge of the terrain
// square floating in the sky at the start of a tour (the presets frame the whole scene already).
constexpr float kSettleDistance = 1.6f, kSettlePitchDeg = 12.0f;
eng::CameraPose aboveOf(const eng::CameraPose& p) {
    eng::CameraPose a = p;
    a.distance = p.distance * kSettleDistance;
    a.pitchDeg = std::min(p.pitchDeg + kSettlePitchDeg, 85.0f);
    return a;
}

// A fly between two poses in one scene: OrbitCamera::lerp (smooth in target, yaw, pitch, log distance), lifted on an
// arc when the target travels far compared with the two distances, so a fly from one close-up to another passes
// over the ground instead of skimming through it (it did, between the panel close-up and the reformer): at mid-fly
// the distance is at least kHopRatio x the travel, so both ends are in view, and the pitch steepens with the lift.
// The lift is 4u(1-u) in log space: none at either end, the keyframes are met exactly.
constexpr float kHopRatio = 0.8f;
eng::CameraPose flyPose(const eng::CameraPose& a, const eng::CameraPose& b, float u) {
    eng::CameraPose p = eng::OrbitCamera::lerp(a, b, u);
    const float travel = glm::length(b.target - a.target);
    const float mid = std::sqrt(std::max(a.distance, 1e-3f) * std::max(b.distance, 1e-3f));
    const float lift = std::max(1.0f, kHopRatio * travel / mid);
    if (lift > 1.0f) {
        const float arc = 4.0f * u * (1.0f - u);
        p.distance *= std::pow(lift, arc);
        p.pitchDeg = std::min(p.pitchDeg + std::min(20.0f, 10.0f * std::log2(lift)) * arc, 85.0f);
    }
    return p;
}

// [SECTION] JSON out

json setsJson(const std::vector<std::pair<std::string, std::string>>& sets) {
    json o = json::object();
    for (const auto& [name, value] : sets) {
        // Numbers as numbers, choices as names: the file a person would write.
        const json parsed = json::parse(value, nullptr, false);
        o[name] = parsed.is_number() ? parsed : json(value);
    }
    return o;
}

json targetsJson(const std::vector<std::string>& t) { return t.size() == 1 ? json(t.front()) : json(t); }

}  // namespace

// [SECTION] The tour

bool parseTour(const std::string& text, const std::string& file, const sim::Params& params, Tour* out, std::string* why) {
    const std::string name = file.empty() ? "tour" : file;
    json root;
    if (!sim::parseJsonText(text, name, kTourMaxDepth, "a tour needs five", &root, why)) return false;
    Ctx c{name, params, why};
    if (!root.is_object()) return c.fail("(top level)", std::string("expected an object {...}, found ") + sim::jsonTypeName(root));
    if (!checkKeys(c, root, "", kTourKeys)) return false;
    Tour t;
    t.file = file;
    t.name = file.empty() ? "tour" : fs::path(file).stem().string();
    if (root.contains("name")) {
        std::string given;
        if (!getString(c, root["name"], "name", &given)) return false;
        const bool valid = !given.empty() && std::all_of(given.begin(), given.end(), [](char ch) {
            return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
        });
        if (!valid) return c.fail("name", "expected letters, digits, '_' and '-' (the name --tour takes), found \"" + given + "\"");
        // `--tour NAME` and `almalyk tours` find a tour by its file name: a different "name" would be a second name.
        if (!file.empty() && given != t.name)
            return c.fail("name", "\"" + given + "\" differs from the file name '" + t.name +
                                      "'; the file name is the tour's name (rename the file, or drop \"name\")");
        t.name = given;
    }
    if (root.contains("title") && !getString(c, root["title"], "title", &t.title)) return false;
    if (t.title.empty()) t.title = t.name;
    if (root.contains("description") && !getString(c, root["description"], "description", &t.description)) return false;
    if (root.contains("seed")) {
        const json& j = root["seed"];
        if (!j.is_number_unsigned() && !(j.is_number_integer() && j.get<std::int64_t>() >= 0))
            return c.fail("seed", "expected a whole number >= 0, found " + (j.is_number() ? j.dump() : sim::jsonTypeName(j)));
        t.seed = j.get<std::uint64_t>();
    }
    if (root.contains("start")) {
        sim::Time s = 0;
        if (!getTime(c, root["start"], "start", &s)) return false;
        t.start = s;
    }
    if (root.contains("set") && !parseSets(c, root["set"], "set", &t.sets)) return false;
    if (root.contains("scenario") && !loadScenarioField(c, root["scenario"], "scenario", &t.scenario, &t.scenarioData))
        return false;
    if (root.contains("loop")) {
        if (!root["loop"].is_boolean()) return c.fail("loop", std::string("expected true or false, found ") + sim::jsonTypeName(root["loop"]));
        t.loop = root["loop"].get<bool>();
    }
    if (!root.contains("steps")) return c.fail("", "missing \"steps\": a tour is a list of steps (docs/tours.md)");
    const json& steps = root["steps"];
    if (!steps.is_array() || steps.empty() || steps.size() > kMaxSteps)
        return c.fail("steps", "expected a list of 1 to " + std::to_string(kMaxSteps) + " steps, found " +
                                   (steps.is_array() ? std::to_string(steps.size()) + " of them" : sim::jsonTypeName(steps)));
    for (std::size_t i = 0; i < steps.size(); ++i) {
        TourStep s;
        if (!parseStep(c, steps[i], index("steps", i), t.steps.empty() ? "" : t.steps.back().scene, &s)) return false;
        t.steps.push_back(std::move(s));
    }
    TourTimeline tl;
    if (!buildTimeline(t, sim::defaultStartTime(), &tl, &c)) return false;
    if (!t.scenario.empty() && !checkScenarioTimes(c, t.scenarioData, tl.tourStart, "scenario")) return false;
    for (std::size_t k = 0; k < t.steps.size(); ++k)
        if (!t.steps[k].sim.scenario.empty() &&
            !checkScenarioTimes(c, t.steps[k].sim.scenarioData, tl.simStart[k], t.steps[k].path + ".sim.scenario"))
            return false;
    *out = std::move(t);
    return true;
}

bool loadTour(const std::string& path, const sim::Params& params, Tour* out, std::string* why) {
    std::string text;
    if (!sim::readTextFile(path, kTourMaxBytes, "tour", &text, why)) return false;
    return parseTour(text, path, params, out, why);
}

// [SECTION] Phase 2

bool resolveTour(Tour& tour, const TourSceneLookup& lookup, std::string* why) {
    const std::string file = tour.file.empty() ? "tour" : tour.file;
    auto fail = [&](const std::string& path, const std::string& msg) {
        if (why) *why = file + ": " + path + ": " + msg;
        return false;
    };
    for (TourStep& s : tour.steps) {
        const std::optional<TourSceneInfo> info = lookup(s.scene);
        if (!info) return fail(s.path + ".scene", "scene '" + s.scene + "' could not be loaded");
        if (!s.camera.preset.empty()) {
            std::string w;
            const int i = scenes::findCameraPreset(info->presets, s.camera.preset, &w);
            if (i < 0) {
                std::vector<std::string> names;
                for (const eng::CameraPreset& p : info->presets) names.push_back(p.name);
                return fail(s.path + ".camera", "unknown camera preset '" + s.camera.preset + "' of scene " + s.scene +
                                                    didYouMean(s.camera.preset, names, 1) + " (presets: " +
                                                    scenes::listCameraPresets(info->presets) + ")");
            }
            s.camera.keyframes = {TourKeyframe{.t = 0.0, .pose = info->presets[static_cast<std::size_t>(i)].pose}};
        }
        for (std::size_t a = 0; a < s.actions.size(); ++a) {
            scenes::SceneAction action;
            std::string w;
            if (!scenes::parseSceneAction(s.actions[a], &action, &w)) return fail(index(s.path + ".actions", a), w);
            if (action.argument.empty()) continue;  // select() / follow() clear
            const std::vector<std::string>& keys = info->objectKeys;
            if (std::find(keys.begin(), keys.end(), action.argument) != keys.end()) continue;
            if (keys.empty())
                return fail(index(s.path + ".actions", a), s.actions[a] + ": scene " + s.scene + " has no objects to name");
            return fail(index(s.path + ".actions", a), s.actions[a] + ": no object '" + action.argument + "' in scene " +
                                                           s.scene + didYouMean(action.argument, keys) +
                                                           " ('almalyk scenes' lists the keys)");
        }
    }
    return true;
}

TourTimeline makeTimeline(const Tour& tour, sim::Time defaultStart) {
    TourTimeline tl;
    buildTimeline(tour, defaultStart, &tl, nullptr);
    return tl;
}

TourCursor cursorAt(const Tour& tour, const TourTimeline& tl, double t) {
    TourCursor c;
    const std::size_t n = std::min(tour.steps.size(), tl.stepStart.size());
    if (n == 0) {
        c.finished = true;
        c.simTime = tl.tourStart;
        return c;
    }
    if (!(t > 0.0)) t = 0.0;  // NaN too
    const auto it = std::upper_bound(tl.stepStart.begin(), tl.stepStart.begin() + static_cast<std::ptrdiff_t>(n), t);
    const std::size_t k = static_cast<std::size_t>(std::max<std::ptrdiff_t>(it - tl.stepStart.begin() - 1, 0));
    const TourStep& s = tour.steps[k];
    c.step = static_cast<int>(k);
    c.finished = t >= tl.total;
    c.inStep = std::min(t - tl.stepStart[k], tl.stepDuration[k]);
    c.flying = c.inStep < s.flyS;
    c.sceneChange = k == 0 || tour.steps[k - 1].scene != s.scene;
    const double in = (c.inStep - s.flyS) / kCaptionFadeS, out = (tl.stepDuration[k] - c.inStep) / kCaptionFadeS;
    c.captionAlpha = static_cast<float>(std::clamp(std::min(in, out), 0.0, 1.0));
    c.simTime = tl.simStart[k] + sim::fromSeconds(c.inStep * tl.speed[k]);
    return c;
}

eng::CameraPose poseAt(const Tour& tour, const TourTimeline& tl, const TourCursor& c) {
    (void)tl;
    if (c.step < 0 || static_cast<std::size_t>(c.step) >= tour.steps.size()) return eng::CameraPose{};
    const TourStep& s = tour.steps[static_cast<std::size_t>(c.step)];
    if (s.camera.keyframes.empty()) return eng::CameraPose{};  // not resolved (resolveTour fills presets)
    const eng::CameraPose& first = s.camera.keyframes.front().pose;
    if (!c.flying || s.flyS <= 0.0) return pathAt(s.camera.keyframes, c.inStep - s.flyS);
    const TourStep* prev = c.step > 0 ? &tour.steps[static_cast<std::size_t>(c.step - 1)] : nullptr;
    const bool fromAbove = !prev || prev->scene != s.scene || prev->camera.keyframes.empty();
    const eng::CameraPose from = fromAbove ? aboveOf(first) : prev->camera.keyframes.back().pose;
    return flyPose(from, first, smoothstep(static_cast<float>(c.inStep / s.flyS)));
}

// [SECTION] Commands

std::vector<sim::Command> tourCommands(const Tour& tour, const TourTimeline& tl, const sim::Params& params) {
    (void)params;  // the values were checked against the registry at load time
    std::vector<sim::Command> out;
    // A scenario's "set" at its start, then its timed commands. An absolute "at" before that start (possible only
    // when the tour starts elsewhere than the parser checked) runs at the start: sim time never goes back.
    const auto addScenario = [&out](sim::Scenario s, sim::Time from) {
        for (const auto& [name, value] : s.sets) out.push_back(sim::Command{sim::CommandType::SetParam, name, value, from});
        for (sim::ScenarioCommand& sc : s.commands)
            if (sc.at && *sc.at < from) sc.at = from;
        sim::scenarioCommands(s, from, out, nullptr);
    };
    if (!tour.scenario.empty()) addScenario(tour.scenarioData, tl.tourStart);
    for (std::size_t k = 0; k < tour.steps.size() && k < tl.simStart.size(); ++k) {
        const TourSim& s = tour.steps[k].sim;
        const sim::Time at = tl.simStart[k];
        for (const auto& [name, value] : s.sets) out.push_back(sim::Command{sim::CommandType::SetParam, name, value, at});
        for (const std::string& f : s.faults) out.push_back(sim::Command{sim::CommandType::InjectFault, f, "", at});
        for (const std::string& f : s.clears) out.push_back(sim::Command{sim::CommandType::ClearFault, f, "", at});
        if (!s.scenario.empty()) addScenario(s.scenarioData, at);
    }
    std::stable_sort(out.begin(), out.end(), [](const sim::Command& a, const sim::Command& b) { return a.at < b.at; });
    return out;
}

// [SECTION] Files

std::vector<TourFile> listTourFiles(const std::string& assetsDir) {
    eng::Paths paths;
    std::map<std::string, std::string> byName;
    auto scan = [&byName](const fs::path& dir) {
        std::error_code ec;
        if (dir.empty() || !fs::is_directory(dir, ec)) return;
        for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
            if (e.path().extension() != ".json" || !e.is_regular_file(ec)) continue;
            byName[e.path().stem().string()] = e.path().string();
        }
    };
    scan(paths.resolveBuiltin("assets/tours"));
    if (!assetsDir.empty()) scan(fs::path(assetsDir) / "tours");  // a user's tour of the same name wins
    std::vector<TourFile> out;
    for (const auto& [name, path] : byName) out.push_back(TourFile{name, path});
    return out;
}

std::string resolveTourPath(const std::string& given, const std::string& assetsDir, std::string* why) {
    std::error_code ec;
    if (given.empty()) {
        if (why) *why = "expected a tour name or file ('almalyk tours' lists the tours)";
        return "";
    }
    if (given.find('/') != std::string::npos || fs::is_regular_file(given, ec)) return given;
    const std::string name = given.size() > 5 && given.compare(given.size() - 5, 5, ".json") == 0
                                 ? given.substr(0, given.size() - 5) : given;
    const std::vector<TourFile> tours = listTourFiles(assetsDir);
    std::vector<std::string> names;
    for (const TourFile& t : tours) {
        if (t.name == name) return t.path;
        names.push_back(t.name);
    }
    if (why)
        *why = "unknown tour '" + given + "'" +
               (names.empty() ? "; no tours found (built-in assets/tours/ or --assets DIR/tours/)"
                              : didYouMean(name, names) + " (tours: " + sim::joinNames(names) + "; 'almalyk tours' lists them)");
    return "";
}

std::string tourToJson(const Tour& tour) {
    json root = json::object();
    root["title"] = tour.title;
    if (!tour.description.empty()) root["description"] = tour.description;
    if (tour.seed) root["seed"] = *tour.seed;
    if (tour.start) root["start"] = sim::formatIso8601(*tour.start);
    if (!tour.sets.empty()) root["set"] = setsJson(tour.sets);
    if (!tour.scenario.empty()) root["scenario"] = tour.scenario;
    if (tour.loop) root["loop"] = true;
    json steps = json::array();
    for (const TourStep& s : tour.steps) {
        json j = json::object();
        if (!s.title.empty()) j["title"] = s.title;
        j["scene"] = s.scene;
        if (!s.camera.preset.empty()) {
            const bool number = s.camera.preset.find_first_not_of("0123456789") == std::string::npos;
            j["camera"] = number ? json(std::stoll(s.camera.preset)) : json(s.camera.preset);
        } else {
            json kfs = json::array();
            for (const TourKeyframe& k : s.camera.keyframes) {
                const eng::CameraPose& p = k.pose;
                kfs.push_back(json{{"t", k.t}, {"target", {p.target.x, p.target.y, p.target.z}}, {"yaw", p.yawDeg},
                                   {"pitch", p.pitchDeg}, {"distance", p.distance}, {"fov", p.fovDeg}});
            }
            j["camera"] = json{{"keyframes", kfs}};
        }
        j["fly_s"] = s.flyS;
        j["dwell_s"] = s.dwellS;
        json sj = json::object();
        if (s.sim.at) sj["at"] = sim::formatIso8601(*s.sim.at);
        if (s.sim.afterHours) sj["after_hours"] = *s.sim.afterHours;
        if (s.sim.speed) sj["speed"] = *s.sim.speed;
        if (!s.sim.sets.empty()) sj["set"] = setsJson(s.sim.sets);
        if (!s.sim.faults.empty()) sj["faults"] = targetsJson(s.sim.faults);
        if (!s.sim.clears.empty()) sj["clear"] = targetsJson(s.sim.clears);
        if (!s.sim.scenario.empty()) sj["scenario"] = s.sim.scenario;
        if (!sj.empty()) j["sim"] = sj;
        if (!s.actions.empty()) j["actions"] = s.actions;
        if (!s.caption.empty()) j["caption"] = s.caption;
        steps.push_back(std::move(j));
    }
    root["steps"] = std::move(steps);
    return root.dump(2) + "\n";
}

}  // namespace app
