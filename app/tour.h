// app/tour.h — guided tours as data (docs/tours.md): the model of a tour file, its parser and validation, the
// timeline (which step and which camera pose at tour time t), and the simulation commands a tour schedules.
// A tour is a list of steps; each names a scene, a camera (a preset of that scene, or keyframed poses on a smooth
// path), fly and dwell times, what the simulation does (a sim time to jump to, a speed, parameter changes, faults,
// a scenario), scene actions (select/follow) and a translatable caption with live values ({mine.ore_t_h:0}).
// Use:
//   app::Tour tour; std::string why;
//   if (!app::loadTour(path, params, &tour, &why)) { print why; exit 2; }      // phase 1: the file alone
//   if (!app::resolveTour(tour, lookup, state, &why)) { ... }                   // phase 2: against loaded scenes
//   const app::TourTimeline tl = app::makeTimeline(tour);
//   app::TourCursor c = app::cursorAt(tl, t);              // step, time in step, fly or dwell, caption alpha
//   eng::CameraPose pose = app::poseAt(tour, tl, c);       // the camera for that moment
//   for (sim::Command& cmd : app::tourCommands(tour, tl)) world.push(cmd);   // every step's sim changes, timed
// The tour's clock: tour seconds from the first step's start. Step k lasts fly_s + dwell_s. Its sim time starts at
//   its "sim.at" (ISO 8601) or "sim.after_hours" after the tour's start, else where the previous step's sim time
//   ended (previous start + its duration x its speed); sim time never runs backwards (the parser refuses a step
//   that would go back: one World serves the whole tour, and a seek is a reset plus an advance).
// Errors: false with *why: "FILE:LINE:COLUMN: malformed JSON: ..." or "FILE: steps[3].camera: unknown camera
//   preset 'rmp' of scene pit; did you mean 'Haul ramp'? (presets: 1 'Pit overview', ...)". Unknown scene, metric,
//   parameter, fault target and object key all get the closest known names. Never throws.
// Does NOT: draw, play (app/director_tour.cpp does), or translate (captions are msgids; app/caption.h formats them).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/camera.h"
#include "sim/command.h"
#include "sim/params.h"
#include "sim/scenario.h"
#include "sim/time.h"

namespace sim { struct State; }
namespace scenes { class Scene; }

namespace app {

// Largest tour file read, and its deepest nesting (a tour has five levels: steps, a step, camera, keyframes, target).
constexpr std::size_t kTourMaxBytes = std::size_t{4} << 20;
constexpr int kTourMaxDepth = 32;

struct TourKeyframe {
    double t = 0.0;          // seconds after the step's fly ends (the first keyframe is at 0)
    eng::CameraPose pose;
};

struct TourCamera {
    std::string preset;                  // a preset of the step's scene: 1-based number or (part of) its name; or ""
    std::vector<TourKeyframe> keyframes; // from the file, or (after resolveTour) the preset's pose as one keyframe
};

struct TourSim {
    std::optional<sim::Time> at;         // "at": jump to this sim time when the step starts (forward only)
    std::optional<double> afterHours;    // "after_hours": the same, counted from the tour's start
    std::optional<double> speed;         // sim seconds per tour second from this step on (default: the previous
                                         // step's, the first step's default 60)
    std::vector<std::pair<std::string, std::string>> sets;  // "set": {param: value} at the step's start
    std::vector<std::string> faults;     // "faults": fault targets injected at the step's start
    std::vector<std::string> clears;     // "clear": fault targets cleared at the step's start
    std::string scenario;                // "scenario": a scenario (file or built-in name) whose commands run
                                         // relative to the step's start
    sim::Scenario scenarioData;          // that scenario as loaded by parseTour (its "set" runs at the step's start)
};

struct TourStep {
    std::string title;       // for the progress bar and the editor ("Kalmakyr pit")
    std::string scene;       // a registry name (scenes::sceneNames())
    TourCamera camera;
    double flyS = 3.0;       // seconds to fly from the previous pose to the first keyframe (0 = cut)
    double dwellS = 10.0;    // seconds after the fly (the keyframes' path plays during it)
    TourSim sim;
    std::vector<std::string> actions;  // "select(truck:12)", "follow(truck:12)", "camera(2)" (scenes/scene_actions.h)
    std::string caption;     // msgid, may hold {metric[:decimals[u]]} and {clock}; "" = no caption
    std::string path;        // "steps[3]" for messages
};

struct Tour {
    std::string file;        // where it was read from
    std::string name;        // registry name (the file's stem unless "name" is given)
    std::string title, description;
    std::optional<std::uint64_t> seed;
    std::optional<sim::Time> start;      // the tour's sim start (default: sim's default start)
    std::vector<std::pair<std::string, std::string>> sets;  // parameters for the whole tour
    std::string scenario;                // a scenario under the whole tour
    sim::Scenario scenarioData;          // as loaded by parseTour (its "set" and commands run from the tour's start)
    bool loop = false;                   // the kiosk repeats every tour; "loop" is a hint for the window's player
    std::vector<TourStep> steps;         // at least one
};

// Phase 1: parses and checks a tour's text (structure, scene names, parameters and values, fault targets, metric
// names in captions, action syntax, sim times). `params` is a registry with every parameter (not changed).
bool parseTour(const std::string& text, const std::string& file, const sim::Params& params, Tour* out,
               std::string* why);
bool loadTour(const std::string& path, const sim::Params& params, Tour* out, std::string* why);

// What phase 2 needs of a scene: its camera presets and object keys (a loaded scene and the current state).
struct TourSceneInfo {
    std::vector<eng::CameraPreset> presets;
    std::vector<std::string> objectKeys;
};
using TourSceneLookup = std::function<std::optional<TourSceneInfo>(const std::string& scene)>;
// Phase 2: resolves every preset camera to its pose (one keyframe) and checks presets and the keys actions name.
bool resolveTour(Tour& tour, const TourSceneLookup& lookup, std::string* why);

struct TourTimeline {
    std::vector<double> stepStart;       // tour seconds at which step k starts
    std::vector<double> stepDuration;    // fly + dwell
    std::vector<sim::Time> simStart;     // sim time at step k's start
    std::vector<double> speed;           // sim seconds per tour second in step k
    double total = 0.0;                  // the whole tour, seconds
    sim::Time tourStart = 0;             // the World's start
};
// `defaultStart`: the tour's start when the file gives none (sim's default start).
TourTimeline makeTimeline(const Tour& tour, sim::Time defaultStart);

struct TourCursor {
    int step = 0;            // clamped to the steps
    double inStep = 0.0;     // seconds since the step started
    bool flying = false;     // within the step's fly
    bool sceneChange = false;// the step shows another scene than the one before, or is the first (the player
                             // cross-fades; the fly comes from above)
    float captionAlpha = 0.0f;  // 0..1: fades in after the fly, out before the step ends
    sim::Time simTime = 0;   // the sim clock at this moment
    bool finished = false;   // t >= total
};
TourCursor cursorAt(const Tour& tour, const TourTimeline& tl, double t);
// The camera at the cursor: during the fly, smoothstep from the previous step's last pose (after a scene change and
// on the first step, from 1.6x the distance and 12 degrees steeper than the first keyframe) to the first keyframe,
// lifted on an arc when the target travels far (a fly never skims the ground between two close-ups); then a
// Catmull-Rom path through the keyframes.
eng::CameraPose poseAt(const Tour& tour, const TourTimeline& tl, const TourCursor& c);

// Every step's sim changes as timed commands (at each step's sim start): sets, faults, clears, and the commands of
// its scenario; plus the tour-level scenario's commands from the tour's start. Sorted by time, file order kept.
// The tour-level "set" is not here: it goes into the World's parameters before the first tick.
std::vector<sim::Command> tourCommands(const Tour& tour, const TourTimeline& tl, const sim::Params& params);

// The tours a user may name: the built-in assets/tours/*.json, then those under --assets DIR/tours/ (a user's tour
// of the same name wins). Sorted by name.
struct TourFile {
    std::string name, path;
};
std::vector<TourFile> listTourFiles(const std::string& assetsDir);
// A --tour value as a file: an existing path (or one containing '/'), else a listed tour by name (with or without
// .json), else "" and *why naming the closest tour names.
std::string resolveTourPath(const std::string& given, const std::string& assetsDir, std::string* why);

// The tour as JSON text (the editor saves with it); parseTour(tourToJson(t)) gives the same tour.
std::string tourToJson(const Tour& tour);

}  // namespace app
