// scenes/scene.h — the interface every scene implements, and the registry the app opens scenes from.
// A scene is one folder (scenes/<name>/) that turns simulation state into draws. The render loop calls, in order:
//   load(ctx) once (create meshes, textures, emitters) -> per frame: update(frame) -> draw(renderer, camera) ->
//   drawUi() inside the ImGui frame (optional panel) ; pick(ray) on a click that ImGui did not take.
//   After drawUi() the loop drains takeCommands() into the World (the same logged path as the UI's parameter edits),
//   and while followTarget() has a value it keeps the orbit camera's target gliding onto it.
// Lighting: the render loop sets the sun from the sim clock (sim solar position) before update(); a scene may
// adjust renderer.lighting() in update() (e.g. an indoor hall), never the clock.
// Adding a scene: implement Scene in scenes/<name>/, then add one line to the table in scenes/scene.cpp.
// Does NOT: advance the simulation (scenes only read it and push commands through the app).
#pragma once
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/camera.h"
#include "engine/gfx/renderer.h"
#include "sim/command.h"
#include "sim/events.h"
#include "sim/time.h"

namespace sim { class World; }

namespace scenes {

struct SceneContext {
    eng::Renderer& renderer;
    std::string assetsDir;  // --assets DIR ("" = built-in); resolve files with eng::Paths::global()
};

struct FrameInput {
    sim::Time now = 0;                 // sim clock (local time via sim::toLocalCivil)
    float dtReal = 0.0f;               // wall seconds since the last frame (fixed in shot/bench: 1/60)
    double simSecondsPerSecond = 1.0;  // current speed-up (for animation rates)
    const sim::World* world = nullptr; // null until the sim world is wired (scenes must cope)
    std::span<const sim::Event> events;  // events of the ticks run this frame
    glm::vec3 sunDir{0.0f, 1.0f, 0.0f};  // toward the sun, world frame
    float aspect = 16.0f / 9.0f;
};

class Scene {
public:
    virtual ~Scene() = default;
    virtual const char* name() const = 0;   // command-line name: "landscape"
    virtual const char* title() const = 0;  // shown in the UI
    virtual bool load(const SceneContext& ctx, std::string* why) = 0;
    virtual void update(const FrameInput& in) = 0;
    virtual void draw(eng::Renderer& r, const eng::OrbitCamera& cam, const FrameInput& in) = 0;
    // [0] is where the camera starts; the UI lists all of them.
    virtual std::vector<eng::CameraPreset> cameraPresets() const = 0;
    // Keyframes the bench flies through at constant pace; default: a slow orbit around preset 0.
    virtual std::vector<eng::CameraPose> benchPath() const;
    // Keeps the camera above ground (metres, world Y at x/z); default: no limit.
    virtual float groundHeight(float x, float z) const { (void)x; (void)z; return -1e9f; }
    virtual void drawUi() {}
    // Describes what the ray hit (for the info panel); false when nothing of interest.
    virtual bool pick(const eng::Ray& ray, std::string* what) { (void)ray; (void)what; return false; }
    // Commands the scene's panel produced since the last call (SetParam, faults); the loop pushes them into the
    // World, which applies them at the next tick boundary and logs them. Default: none.
    virtual std::vector<sim::Command> takeCommands() { return {}; }
    // A world point the camera should keep centred (e.g. the truck the visitor follows); nullopt = free camera.
    virtual std::optional<glm::vec3> followTarget() const { return std::nullopt; }
};

std::vector<std::string> sceneNames();       // in menu order
std::vector<std::string> sceneTitles();      // Scene::title() of each, same order (for the picker)
std::unique_ptr<Scene> makeScene(const std::string& name);  // nullptr for an unknown name
constexpr const char* kDefaultScene = "landscape";

// World direction toward the sun from solar azimuth (degrees clockwise from north) and elevation (degrees).
// Scenes' frame: x east, -z north, +y up.
glm::vec3 sunDirection(double azimuthDeg, double elevationDeg);

}  // namespace scenes
