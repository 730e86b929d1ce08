// scenes/scene.h — Scene API v2: the interface every scene implements, the registry the app opens scenes from, and
// scene actions by key (what tours, the kiosk and training files use to drive a scene).
// A scene is one folder (scenes/<name>/) that turns simulation state into draws. The frame loop (app/frame_loop.h)
// calls, in order:
//   load(ctx) once, on first use (meshes, textures, emitters); the scene then stays loaded while others show, so a
//   switch back is instant -> per frame while it is the current scene: update(frame) -> draw(renderer, camera, frame)
//   -> drawUi(frame) inside the ImGui frame ; pick(ray, frame) on a click that ImGui did not take.
//   After drawUi() the loop drains takeCommands() into the World (the same logged path as the UI's parameter edits),
//   and while followTarget() has a value it keeps the orbit camera's target gliding onto it.
// State: every call that needs the simulation gets it in FrameInput (`state`: the World's read-only sim::State,
//   `events`: the frame's events). A scene copies what it animates and never keeps a pointer to the state across
//   calls; that keeps World rebuilds, rewind and replay safe.
// Actions by key: objectKeys(state) lists what a data file may name ("truck:12", "shovel:3", "converter:2");
//   select(key) and follow(key) act on them, camera presets are named by cameraPresets(). runSceneAction()
//   (scenes/scene_actions.h) parses "select(truck:12)", "follow(truck:12)", "camera(ramp)".
// Lighting: the loop sets the sun from the sim clock before update(); a scene may adjust renderer.lighting() in
//   update() (e.g. an indoor hall), never the clock.
// Adding a scene: implement Scene in scenes/<name>/, then add one line (name, title, factory) to the table in
//   scenes/scene.cpp — the only place the scene's name is written.
// Does NOT: advance the simulation (scenes only read it and push commands through the app), own the camera.
#pragma once
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/camera.h"
#include "engine/gfx/renderer.h"
#include "sim/command.h"
#include "sim/events.h"
#include "sim/time.h"

namespace eng { class ModelLibrary; }
namespace sim { struct State; }

namespace scenes {

struct SceneContext {
    eng::Renderer& renderer;
    eng::ModelLibrary& models;  // the app's one library: built-in models with the --assets DIR's roles laid over
    const sim::State& state;    // the state at load time (e.g. the pit's geometry); not to be kept
};

// A scene asking the app to show another scene (the overview: "a click on the smelter flies into it"), optionally
// with a scene action for it once it shows (scenes/scene_actions.h: "camera(tankhouse)", "select(acid)").
struct SceneRequest {
    std::string scene;   // a registry name (sceneNames()); the current scene's own name runs only the action
    std::string action;  // may be empty
};

struct FrameInput {
    const sim::State* state = nullptr;  // the World's state this frame (never null from the app; tests may pass null)
    std::span<const sim::Event> events; // events of the ticks run this frame
    sim::Time now = 0;                  // the shown clock (between ticks while running; local time via toLocalCivil)
    float dtReal = 0.0f;                // wall seconds since the last frame (fixed in shot/bench: 1/60)
    double simSecondsPerSecond = 1.0;   // current speed-up (for animation rates)
    glm::vec3 sunDir{0.0f, 1.0f, 0.0f}; // toward the sun, world frame
    glm::vec3 moonDir{0.0f, -1.0f, 0.0f}; // toward the moon, world frame (sim/lunar.h)
    float moonIlluminated = 0.0f;       // lit fraction of the moon's disc, 0 new .. 1 full
    glm::mat3 starFrame{1.0f};          // eng::celestialFrame at Almalyk now: the star field turns with the night
    float aspect = 16.0f / 9.0f;
};

class Scene {
public:
    virtual ~Scene() = default;
    virtual bool load(const SceneContext& ctx, std::string* why) = 0;
    virtual void update(const FrameInput& in) = 0;
    virtual void draw(eng::Renderer& r, const eng::OrbitCamera& cam, const FrameInput& in) = 0;
    // [0] is where the camera starts; the UI lists all of them; camera(NAME) actions pick them by name.
    virtual std::vector<eng::CameraPreset> cameraPresets() const = 0;
    // Keyframes the bench flies through at constant pace; default: a slow orbit around preset 0.
    virtual std::vector<eng::CameraPose> benchPath() const;
    // Keeps the camera above ground (metres, world Y at x/z); default: no limit.
    virtual float groundHeight(float x, float z) const { (void)x; (void)z; return -1e9f; }
    virtual void drawUi(const FrameInput& in) { (void)in; }
    // Selects what the ray hit and describes it (for the info panel); false when nothing of interest.
    virtual bool pick(const eng::Ray& ray, const FrameInput& in, std::string* what) { (void)ray; (void)in; (void)what; return false; }
    // Commands the scene's panel produced since the last call (SetParam, faults); the loop pushes them into the
    // World, which applies them at the next tick boundary and logs them. Default: none.
    virtual std::vector<sim::Command> takeCommands() { return {}; }
    // A scene switch the scene asks for (a click on a site); the interactive director polls it after every frame's
    // UI and calls Session::switchScene, then runs the action. Default: never.
    virtual std::optional<SceneRequest> takeSceneRequest() { return std::nullopt; }
    // Called while the world runs without frames (a shot's warm-up), every observeEvery() of sim time, so that a
    // scene that keeps history (the overview's trailing means) has it when the first frame is drawn. Default: 0 =
    // the scene observes nothing (the warm-up runs in one piece, as before).
    virtual sim::Time observeEvery() const { return 0; }
    virtual void observe(const sim::State& s) { (void)s; }
    // A world point the camera should keep centred (e.g. the truck the visitor follows); nullopt = free camera.
    virtual std::optional<glm::vec3> followTarget() const { return std::nullopt; }

    // ---- actions by key ----
    // The keys of the things select()/follow() accept for this state, in a stable order ("truck:0", ...).
    virtual std::vector<std::string> objectKeys(const sim::State& s) const { (void)s; return {}; }
    // Selects the thing (highlight, info panel); "" clears. False with *why for a key the scene does not know.
    virtual bool select(std::string_view key, const sim::State& s, std::string* why);
    // Selects it and keeps the camera on it (followTarget()); "" stops following. Default: only "" is accepted.
    virtual bool follow(std::string_view key, const sim::State& s, std::string* why);
};

// For a scene whose helpers read the state: points `slot` at this call's state and clears it on return, so that no
// pointer into the simulation outlives the call that was given it.
class CallState {
public:
    CallState(const sim::State*& slot, const sim::State* s) : m_slot(slot) { m_slot = s; }
    ~CallState() { m_slot = nullptr; }
    CallState(const CallState&) = delete;
    CallState& operator=(const CallState&) = delete;

private:
    const sim::State*& m_slot;
};

struct SceneInfo {
    const char* name;   // command-line and data-file name: "pit"
    const char* title;  // shown in the UI
    const char* shortTitle = nullptr;  // a button's word or two (the kiosk's visitor panel): "Copper smelter"
};
const std::vector<SceneInfo>& sceneInfos();  // in menu order
std::vector<std::string> sceneNames();       // the names, same order
std::unique_ptr<Scene> makeScene(std::string_view name);  // nullptr for an unknown name
constexpr const char* kDefaultScene = "overview";  // the start scene: the whole complex on one map

// World direction toward the sun from solar azimuth (degrees clockwise from north) and elevation (degrees).
// Scenes' frame: x east, -z north, +y up.
glm::vec3 sunDirection(double azimuthDeg, double elevationDeg);

}  // namespace scenes
