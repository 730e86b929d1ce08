// app/session.h — what every rendering mode shares: the validated sim inputs, the window and its GL context, ImGui,
// the renderer, the one model library (built-in models with the --assets DIR's roles over them), the World, the
// orbit camera and the scenes, each loaded once on first use and kept loaded while another shows.
// Use:
//     Session s("shot");
//     if (int rc = s.prepare(options)) return rc;                // bad input: message printed, exit code 2
//     if (int rc = s.open(options, {.visible = false})) return rc; // window, GL, World, first scene, --camera
//     ... runFrameLoop(s, director) (app/frame_loop.h) ...
//     s.switchScene("smelter", &why);  // instant after the first time; a failure keeps the current scene
// Scene switches: each loaded scene keeps its meshes in the one renderer and its own particle system (swapped into
//   the renderer while it shows), so a switch rebuilds nothing. A quality change is the only rebuild: it needs new
//   shaders and targets, so the renderer and every loaded scene are made anew (rebuildRenderer).
// Lifetimes: members are declared so they die in reverse dependency order (scenes before the renderer and the
//   model library they drew from, renderer and ImGui before the window that owns the GL context).
// Errors: prepare/open return an exit code with the message on stderr ("almalyk <mode>: ..."); switchScene returns
//   false with *why and leaves the session as it was, and sets notice() for the screen.
// Does NOT: decide the clock, the camera's moves or the UI (directors do), or call GL/GLFW itself (engine/ does).
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/options.h"
#include "engine/camera.h"
#include "engine/gfx/renderer.h"
#include "engine/gui.h"
#include "engine/model/model_library.h"
#include "engine/window.h"
#include "scenes/scene.h"
#include "sim/batch.h"
#include "sim/world.h"

namespace app {

class Session {
public:
    explicit Session(std::string mode) : m_mode(std::move(mode)) {}
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
    ~Session();

    // Validates the sim inputs and the scene name without opening anything; 0, or the exit code (message printed).
    int prepare(const RenderOptions& o);
    // Opens the window (GL context, debug output, ImGui), builds the World and the renderer, loads the first scene
    // and applies --camera; 0, or the exit code.
    int open(const RenderOptions& o, const eng::WindowDesc& window);

    // Makes `name` the current scene, loading it the first time. False (with *why, and the same message in
    // notice()) when the name is unknown or its load fails; the current scene then stays.
    bool switchScene(const std::string& name, std::string* why);
    // A scene's request (scenes::SceneRequest, e.g. a click on the overview's smelter): switches to r.scene when it
    // is not the current one and flies the camera in from above to its start view, or to the view r.action names
    // (camera(...)); select/follow actions run on the new scene. False with *why (and the notice) when the scene or
    // the action is refused; a refused action leaves the switch done.
    bool applySceneRequest(const scenes::SceneRequest& r, std::string* why);
    // New quality: a new renderer (shaders, targets) and every scene reloaded into it; false keeps nothing loaded
    // but the current scene (and says why).
    bool rebuildRenderer(Quality q, std::string* why);
    // Another language from the next frame on (the Language menu, the kiosk's buttons): its catalog, fonts and
    // number format; applyLanguage() does it between frames (the frame loop calls it before each frame).
    void requestLanguage(std::string code) { m_languageRequest = std::move(code); }
    // Makes `code` current now: catalog (engine/i18n.h) and, with a window, the UI fonts for its characters. False
    // with *why (unknown code, catalog missing) and the language as it was.
    bool applyLanguage(const std::string& code, std::string* why);
    void applyPendingLanguage();
    // Another text size from the next frame on (View > Text size): the user factor of eng::Gui (1.0 = 100 %);
    // applyPendingUiScale() restyles and rebuilds the fonts between frames (the frame loop calls it before each frame).
    void requestUiScale(float f) { m_uiScaleRequest = f; }
    void applyPendingUiScale();
    // A fresh World from the prepared inputs (parameters, seed, start, scenario commands).
    void resetWorld();
    // Where scenes come from (default scenes::makeScene); tests put a scene that fails to load here.
    using SceneFactory = std::function<std::unique_ptr<scenes::Scene>(std::string_view)>;
    void setSceneFactory(SceneFactory f) { m_factory = std::move(f); }

    scenes::Scene& scene() { return *m_scenes[static_cast<std::size_t>(m_current)].scene; }
    const scenes::Scene& scene() const { return *m_scenes[static_cast<std::size_t>(m_current)].scene; }
    const std::string& sceneName() const { return m_scenes[static_cast<std::size_t>(m_current)].name; }
    std::size_t loadedSceneCount() const { return m_scenes.size(); }

    // Fails the mode: "almalyk <mode>: why" on stderr, returns code.
    int fail(int code, const std::string& why) const;
    const std::string& mode() const { return m_mode; }

    // A line for the screen (a failed switch, a failed screenshot), with how many seconds it still shows.
    const std::string& notice() const { return m_notice; }
    void setNotice(std::string text, double seconds = 8.0);
    void ageNotice(double dt);

    // The frame's scene input for the shown clock (sun from the site's solar position, aspect of the window).
    // `state`: another world's (a director's own, FramePlan::world); null: the session's World.
    scenes::FrameInput frameInput(sim::Time shown, float dt, double speed, std::span<const sim::Event> events,
                                  const sim::State* state = nullptr) const;

    // ---- shared state, read and changed by the frame loop and the directors ----
    sim::PreparedBatch run;
    Quality quality = Quality::Auto;
    std::string assetsDir;
    double lat = 0.0, lon = 0.0;
    std::unique_ptr<eng::Window> window;
    std::unique_ptr<eng::Gui> gui;
    std::unique_ptr<eng::Renderer> renderer;
    std::unique_ptr<eng::ModelLibrary> models;

private:
    struct Loaded {
        std::string name;
        std::unique_ptr<scenes::Scene> scene;
        eng::ParticleSystem particles;  // the scene's own while another shows (swapped into the renderer)
    };
    bool makeRenderer(std::string* why);
    int findLoaded(const std::string& name) const;
    bool loadInto(const std::string& name, std::string* why);
    void showParticlesOf(int index);  // swaps the shown scene's particles out and `index`'s in
    void resetCamera();

    std::string m_mode;
    SceneFactory m_factory = [](std::string_view name) { return scenes::makeScene(name); };
    std::vector<Loaded> m_scenes;
    int m_current = -1;
    int m_particlesIn = -1;  // whose particle system the renderer holds
    std::string m_notice;
    double m_noticeFor = 0.0;
    std::string m_languageRequest;
    float m_uiScaleRequest = 0.0f;  // 0 = none

public:
    std::unique_ptr<sim::World> world;  // after the scenes: they may be destroyed while it still exists
    eng::OrbitCamera camera;
};

// When the program started (static initialisation, before main): bench's first_frame_ms counts from here.
std::chrono::steady_clock::time_point processStart();

// --quality auto picks from the GL renderer string (llvmpipe -> low); low/high force it.
eng::QualityLevel resolveQuality(Quality q, const std::string& glRenderer);

}  // namespace app
