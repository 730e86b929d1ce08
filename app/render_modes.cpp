// app/render_modes.cpp — `almalyk` (interactive window), `almalyk shot` and `almalyk bench`.
// All three share one session: window (hidden for shot/bench), renderer, scene, orbit camera and the sim World
// built from the same validated inputs as `almalyk sim` (sim::prepareBatch). The sun comes from sim::solarPosition
// at the displayed clock. Shot: fixed virtual clock, fixed 1/60 s frames and warm-up frames, so one machine gives
// the same image every run (--ui adds the menu bar, status line and the scene's panel). Bench: N frames along the
// scene's scripted camera path (or held at --camera), one JSON line on stdout.
// Every frame: the scene's panel commands go into the World beside the UI's (both logged there), and the camera
// follows the scene's followTarget(), stays above its ground and fits its near plane (app/scene_driver.h).
// Lifetimes: the Session's members are declared so that they die in reverse dependency order (scene before the
// renderer it drew with, renderer and ImGui before the window that owns the GL context); scenes never keep
// references into the World's state across frames, so rebuilding the World is safe.
#include "app/render_modes.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "engine/gfx/gl.h"  // first: GLAD must precede GLFW
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include "app/scene_driver.h"
#include "app/ui.h"
#include "engine/frame_stats.h"
#include "engine/gui.h"
#include "engine/paths.h"
#include "engine/window.h"
#include "scenes/scene.h"
#include "sim/batch.h"
#include "sim/solar.h"
#include "sim/world.h"

namespace app {

eng::QualityLevel resolveQuality(Quality q, const std::string& glRenderer) {
    if (q == Quality::Low) return eng::QualityLevel::Low;
    if (q == Quality::High) return eng::QualityLevel::High;
    return eng::chooseQuality(glRenderer);
}

namespace {

using Clock = std::chrono::steady_clock;
constexpr float kFixedDt = 1.0f / 60.0f;

struct Session {
    std::string mode;
    std::unique_ptr<eng::Window> window;
    std::unique_ptr<eng::Gui> gui;
    std::unique_ptr<eng::Renderer> renderer;
    std::unique_ptr<scenes::Scene> scene;
    std::unique_ptr<sim::World> world;
    eng::OrbitCamera camera;
    sim::PreparedBatch run;
    Quality quality = Quality::Auto;
    std::string assetsDir;  // --assets DIR, handed to every scene it loads
    double lat = sim::kAlmalykLatDeg, lon = sim::kAlmalykLonDeg;
};

int fail(const std::string& mode, int code, const std::string& why) {
    std::fprintf(stderr, "almalyk %s: %s\n", mode.c_str(), why.c_str());
    return code;
}

// Validates the sim inputs and the scene name; 0 when fine, else the exit code (message printed).
int prepare(Session& s, const RenderOptions& o) {
    eng::Paths::global().setAssetsOverride(o.assetsDir);
    sim::BatchSpec spec;
    spec.seed = o.seed;
    spec.seedGiven = o.seedGiven;
    spec.start = o.start;
    spec.hours = 1.0;  // validated only; the render modes run as long as they run
    spec.sets = o.sets;
    spec.scenarioPath = resolveScenario(o.scenario, o.assetsDir);
    std::string why;
    if (!sim::prepareBatch(spec, s.run, &why)) return fail(s.mode, 2, why);
    // By name only: a scene is not constructed before the GL context exists.
    const std::string name = o.scene.empty() ? scenes::kDefaultScene : o.scene;
    const std::vector<std::string> known = scenes::sceneNames();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
        std::string list;
        for (const auto& n : known) list += (list.empty() ? "" : ", ") + n;
        return fail(s.mode, 2, "--scene " + name + ": unknown scene (known: " + list + ")");
    }
    if (s.run.params.has("site.lat_deg")) s.lat = s.run.params.get("site.lat_deg");
    if (s.run.params.has("site.lon_deg")) s.lon = s.run.params.get("site.lon_deg");
    s.quality = o.quality;
    s.assetsDir = o.assetsDir;
    return 0;
}

void resetWorld(Session& s) {
    s.world = std::make_unique<sim::World>(s.run.params, s.run.seed, s.run.start);
    for (const sim::Command& c : s.run.commands) s.world->push(c);
}

// (Re)creates the renderer and loads the scene into it; false with a message on failure.
bool loadScene(Session& s, const std::string& name, std::string* why) {
    s.scene.reset();
    s.renderer = std::make_unique<eng::Renderer>();
    const eng::QualityLevel q = resolveQuality(s.quality, eng::gl::rendererString());
    std::string rwhy;
    if (!s.renderer->init(eng::qualitySettings(q), &rwhy)) std::fprintf(stderr, "almalyk %s: %s\n", s.mode.c_str(), rwhy.c_str());
    s.scene = scenes::makeScene(name);
    if (!s.scene || !s.scene->load(scenes::SceneContext{*s.renderer, s.assetsDir}, why)) return false;
    const auto presets = s.scene->cameraPresets();
    if (!presets.empty()) s.camera.setPose(presets.front().pose);
    s.camera.setNearFar(5.0f, 80000.0f);
    // 2 m: close enough for a 1 x 2 m panel or a truck's cab; the ground clamp and the fitted near plane keep
    // such close-ups clean (app/scene_driver.h).
    s.camera.setLimits(2.0f, 40000.0f);
    s.camera.fitNearPlane();
    return true;
}

// --camera N|NAME: jump to that preset of the loaded scene; 0, or the exit code 2 with the scene's presets listed.
int applyCameraOption(Session& s, const std::string& spec) {
    if (spec.empty()) return 0;
    const auto presets = s.scene->cameraPresets();
    std::string why;
    const int i = findCameraPreset(presets, spec, &why);
    if (i < 0) return fail(s.mode, 2, std::string("scene ") + s.scene->name() + ": " + why);
    s.camera.setPose(presets[static_cast<std::size_t>(i)].pose);
    s.camera.fitNearPlane();
    return 0;
}

int openWindow(Session& s, const RenderOptions& o, bool visible, bool fullscreen, bool vsync) {
    std::string why;
    s.window = eng::Window::create({.title = "Almalyk Explorer", .width = o.width, .height = o.height,
                                    .visible = visible, .fullscreen = fullscreen, .vsync = vsync}, &why);
    if (!s.window) return fail(s.mode, 1, why);
    if (!eng::gl::load(&why)) return fail(s.mode, 1, why);
    eng::gl::installDebugOutput();
    s.gui = std::make_unique<eng::Gui>(*s.window, [](float scale) { setupUiStyle(scale); });
    resetWorld(s);
    if (!loadScene(s, o.scene.empty() ? scenes::kDefaultScene : o.scene, &why)) return fail(s.mode, 1, why);
    return applyCameraOption(s, o.camera);
}

scenes::FrameInput frameInput(const Session& s, sim::Time now, float dt, double speed) {
    scenes::FrameInput in;
    in.now = now;
    in.dtReal = dt;
    in.simSecondsPerSecond = speed;
    in.world = s.world.get();
    in.events = s.world->advanceEvents();
    const sim::SolarPosition sp = sim::solarPosition(now, s.lat, s.lon);
    in.sunDir = scenes::sunDirection(sp.azimuth_deg, sp.elevation_deg);
    const glm::ivec2 fb = s.window->framebufferSize();
    in.aspect = static_cast<float>(fb.x) / static_cast<float>(std::max(fb.y, 1));
    return in;
}

// One frame of 3D: lighting from the sun, scene update and draw, particles, render into the window. With
// `constrain` (the interactive window) the camera then follows the scene's target and keeps above its ground;
// shot and bench keep their scripted poses exactly and only fit the near plane.
void renderScene(Session& s, const scenes::FrameInput& in, bool constrain) {
    eng::Renderer& r = *s.renderer;
    const sim::CivilTime c = sim::toLocalCivil(in.now);
    r.setLighting(eng::skyLightingFromSun(in.sunDir, static_cast<float>(sim::defaultLinkeTurbidity(c.month))));
    s.scene->update(in);
    if (constrain)
        constrainCamera(s.camera, *s.scene, in.dtReal);
    else
        s.camera.fitNearPlane();
    r.particles().update(in.dtReal);
    r.beginFrame(s.camera, s.window->framebufferSize());
    s.scene->draw(r, s.camera, in);
    r.endFrame();
}

void drawLabels(Session& s) {
    const glm::ivec2 ws = s.window->windowSize();
    s.renderer->labels().draw(s.renderer->viewProj(), s.camera.position(), glm::vec2(ws));
}

// Advances the world to `until` in whole ticks (never enlarging a tick).
void advanceTo(Session& s, sim::Time until) {
    while (s.world->now() < until) {
        if (s.world->advance(until, 100000) == 0) break;
    }
}

}  // namespace

// [SECTION] shot

int runShot(const ShotOptions& o) {
    Session s;
    s.mode = "shot";
    if (o.out.empty()) return fail(s.mode, 2, "--out FILE.png is required");
    if (int rc = prepare(s, o)) return rc;
    if (int rc = openWindow(s, o, false, false, false)) return rc;
    const sim::Time shotTime = s.run.start + sim::fromSeconds(o.warmupHours * 3600.0);
    advanceTo(s, shotTime);
    // --ui: the window's UI as a visitor sees it at the default speed; no input reaches it, so it asks for nothing.
    UiModel ui;
    ui.scenes = scenes::sceneNames();
    ui.sceneTitles = scenes::sceneTitles();
    ui.currentScene = static_cast<int>(std::find(ui.scenes.begin(), ui.scenes.end(), s.scene->name()) - ui.scenes.begin());
    ui.renderer = s.renderer->glRenderer();
    ui.quality = s.quality;
    ui.simTime = shotTime;
    // Warm-up frames at a fixed step: particles, fly-ins, shadow caches and ImGui's auto-sized windows (two frames)
    // settle identically on every run.
    constexpr int kWarmup = 3;
    for (int i = 0; i <= kWarmup; ++i) {
        const scenes::FrameInput in = frameInput(s, shotTime, kFixedDt, 0.0);
        s.window->pollEvents();
        renderScene(s, in, false);
        s.gui->beginFrame();
        drawLabels(s);
        if (o.ui) {
            std::vector<sim::Command> ignored;  // no input: nothing to apply, and the picture's time is fixed
            drawMainUi(ui, s.world->params(), ignored);
            s.scene->drawUi();
            (void)s.scene->takeCommands();
        }
        s.gui->endFrame();
        if (i < kWarmup) s.window->swapBuffers();
    }
    const eng::Image img = s.renderer->readPixels();
    std::string why;
    if (!eng::writePng(img, o.out, &why)) return fail(s.mode, 1, why);
    std::fprintf(stderr, "almalyk shot: wrote %s (%dx%d, %s, %s quality, %s%s%s)\n", o.out.c_str(), img.width,
                 img.height, s.scene->name(), eng::qualityName(s.renderer->quality().level),
                 sim::formatIso8601(shotTime).c_str(), o.camera.empty() ? "" : ", camera ", o.camera.c_str());
    return eng::gl::errorCount() ? 1 : 0;
}

// [SECTION] bench

int runBench(const BenchOptions& o) {
    Session s;
    s.mode = "bench";
    if (o.frames < 1) return fail(s.mode, 2, "--frames must be at least 1, got " + std::to_string(o.frames));
    if (int rc = prepare(s, o)) return rc;
    if (int rc = openWindow(s, o, false, false, false)) return rc;
    // --camera holds one preset for every frame (the cost of that view); otherwise the scene's scripted path.
    const std::vector<eng::CameraPose> path = o.camera.empty() ? s.scene->benchPath() : std::vector<eng::CameraPose>{};
    eng::FrameStats stats;
    const double speed = 60.0;  // the interactive default: the sun and the sim move as a demo would see them
    sim::Time clock = s.run.start;
    for (int i = 0; i < o.frames; ++i) {
        const auto t0 = Clock::now();
        if (path.size() >= 2) {
            const float u = static_cast<float>(i) / static_cast<float>(std::max(o.frames - 1, 1)) * static_cast<float>(path.size() - 1);
            const std::size_t k = std::min(static_cast<std::size_t>(u), path.size() - 2);
            const float f = u - static_cast<float>(k);
            s.camera.setPose(eng::OrbitCamera::lerp(path[k], path[k + 1], f * f * (3.0f - 2.0f * f)));
        }
        clock += sim::fromSeconds(kFixedDt * speed);
        s.world->advance(clock, 10);
        s.window->pollEvents();
        renderScene(s, frameInput(s, clock, kFixedDt, speed), false);
        s.gui->beginFrame();
        drawLabels(s);
        s.gui->endFrame();
        s.window->swapBuffers();
        s.renderer->finish();
        stats.add(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    const eng::FrameSummary f = stats.summary();
    const glm::ivec2 fb = s.window->framebufferSize();
    nlohmann::json j = {{"scene", s.scene->name()}, {"camera", o.camera.empty() ? "path" : o.camera}, {"frames", f.frames}, {"width", fb.x}, {"height", fb.y},
                        {"renderer", s.renderer->glRenderer()}, {"quality", eng::qualityName(s.renderer->quality().level)},
                        {"median_ms", f.medianMs}, {"p95_ms", f.p95Ms}, {"p99_ms", f.p99Ms}, {"max_ms", f.maxMs},
                        {"triangles", s.renderer->stats().triangles}, {"draw_calls", s.renderer->stats().drawCalls}};
    std::printf("%s\n", j.dump().c_str());
    return 0;
}

// [SECTION] interactive

int runInteractive(const InteractiveOptions& o) {
    Session s;
    s.mode = "(interactive)";
    if (int rc = prepare(s, o)) return rc;
    if (int rc = openWindow(s, o, true, o.fullscreen, true)) return rc;
    UiModel ui;
    ui.scenes = scenes::sceneNames();
    ui.sceneTitles = scenes::sceneTitles();
    for (std::size_t i = 0; i < ui.scenes.size(); ++i)
        if (ui.scenes[i] == s.scene->name()) ui.currentScene = static_cast<int>(i);
    ui.renderer = s.renderer->glRenderer();
    ui.quality = o.quality;
    ui.fullscreen = s.window->fullscreen();
    ui.extraControls = {{"Left drag", "orbit"}, {"Right or middle drag", "pan"}, {"Wheel", "zoom"},
                        {"1-9", "camera presets"}, {"Click", "what is this?"}};
    double clockSec = 0.0;  // sim seconds since start, continuous (the sun moves smoothly between ticks)
    auto last = Clock::now();
    double smoothMs = 16.7, reloadTimer = 0.0;
    glm::vec2 pressAt(0.0f);
    bool wasDown = false;
    std::string picked;
    double pickedFor = 0.0;
    while (!s.window->shouldClose() && !ui.quitRequested) {
        const auto now = Clock::now();
        const float dt = std::min(std::chrono::duration<float>(now - last).count(), 0.25f);
        last = now;
        smoothMs += (dt * 1000.0 - smoothMs) * 0.05;
        s.window->pollEvents();

        // Camera input only when ImGui does not want the mouse.
        const glm::ivec2 ws = s.window->windowSize();
        if (!s.gui->wantsMouse()) {
            const glm::vec2 d = s.window->mouseDelta();
            if (s.window->buttonDown(GLFW_MOUSE_BUTTON_LEFT)) s.camera.orbit(d.x, d.y);
            if (s.window->buttonDown(GLFW_MOUSE_BUTTON_RIGHT) || s.window->buttonDown(GLFW_MOUSE_BUTTON_MIDDLE))
                s.camera.pan(d.x, d.y, static_cast<float>(ws.y));
            if (s.window->scrollDelta() != 0.0f) s.camera.zoom(s.window->scrollDelta());
            if (glfwGetMouseButton(s.window->handle(), GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS && s.window->mouseDelta() == glm::vec2(0.0f) && pressAt == glm::vec2(-1.0f))
                pressAt = s.window->mousePos();
        }
        if (!s.gui->wantsKeyboard()) {
            const auto presets = s.scene->cameraPresets();
            for (int k = 0; k < 9 && k < static_cast<int>(presets.size()); ++k)
                if (s.window->keyPressed(GLFW_KEY_1 + k)) s.camera.flyTo(presets[static_cast<std::size_t>(k)].pose, 2.5f);
        }
        // Click (press and release without moving): ask the scene what is under the cursor.
        const bool down = s.window->buttonDown(GLFW_MOUSE_BUTTON_LEFT);
        if (down && !wasDown) pressAt = s.window->mousePos();
        if (!down && wasDown && !s.gui->wantsMouse() && glm::length(s.window->mousePos() - pressAt) < 3.0f) {
            const eng::Ray ray = s.camera.pickRay(s.window->mousePos(), glm::vec2(ws));
            picked.clear();
            if (s.scene->pick(ray, &picked)) pickedFor = 5.0;
        }
        wasDown = down;
        s.camera.update(dt);  // the ground clamp and the follow target apply after the scene's update

        // Simulation: whole ticks up to the wall-clock target, clamped per frame.
        bool behind = false;
        if (ui.stepOnce) {
            s.world->step();
            clockSec = sim::toSeconds(s.world->now() - s.run.start);
            ui.stepOnce = false;
        } else if (!ui.paused) {
            clockSec += dt * ui.speed;
            const sim::Time target = s.run.start + sim::fromSeconds(clockSec);
            s.world->advance(target, 200);
            const sim::Time lag = target - s.world->now();
            if (lag > 2 * std::max<sim::Time>(s.world->tickLength(), sim::kSecond)) {
                behind = true;
                clockSec = sim::toSeconds(s.world->now() - s.run.start);
            }
        }
        const sim::Time shown = s.run.start + sim::fromSeconds(clockSec);
        renderScene(s, frameInput(s, shown, dt, ui.paused ? 0.0 : ui.speed), true);

        s.gui->beginFrame();
        if (ui.showUi) drawLabels(s);
        ui.simTime = shown;
        ui.frameMs = smoothMs;
        ui.simBehind = behind;
        std::vector<sim::Command> cmds;
        drawMainUi(ui, s.world->params(), cmds);
        for (sim::Command& c : cmds) s.world->push(std::move(c));
        if (ui.showUi) s.scene->drawUi();
        drainSceneCommands(*s.scene, *s.world);  // after the UI's, so one frame's edits apply in the order made
        if (pickedFor > 0.0 && !picked.empty()) {
            pickedFor -= dt;
            ImGui::SetNextWindowPos(ImVec2(s.window->mousePos().x + 16, s.window->mousePos().y + 16), ImGuiCond_Appearing);
            ImGui::Begin("##picked", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize);
            ImGui::TextUnformatted(picked.c_str());
            ImGui::End();
        }
        const auto errors = s.renderer->shaderErrors();
        if (!errors.empty()) {
            ImGui::Begin("Shader errors (previous program kept)");
            for (const auto& e : errors) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", e.c_str());
            ImGui::End();
        }
        s.gui->endFrame();

        if (ui.screenshotRequested) {
            ui.screenshotRequested = false;
            const std::time_t t = std::time(nullptr);
            std::tm lt{};
            localtime_r(&t, &lt);
            const std::string file = eng::screenshotName(s.scene->name(), lt.tm_year + 1900, lt.tm_mon + 1, lt.tm_mday,
                                                         lt.tm_hour, lt.tm_min, lt.tm_sec);
            std::string why;
            if (eng::writePng(s.renderer->readPixels(), file, &why)) std::fprintf(stderr, "screenshot: %s\n", file.c_str());
            else std::fprintf(stderr, "screenshot failed: %s\n", why.c_str());
        }
        s.window->swapBuffers();

        if (ui.fullscreen != s.window->fullscreen()) s.window->toggleFullscreen();
        const std::string wanted = ui.scenes.empty() ? s.scene->name() : ui.scenes[static_cast<std::size_t>(ui.currentScene)];
        if (wanted != s.scene->name() || ui.quality != s.quality) {
            s.quality = ui.quality;
            std::string why;
            if (!loadScene(s, wanted, &why)) std::fprintf(stderr, "scene %s: %s\n", wanted.c_str(), why.c_str());
            ui.renderer = s.renderer->glRenderer();
        }
        if ((reloadTimer += dt) > 0.5) {
            reloadTimer = 0.0;
            s.renderer->pollShaderReload();
        }
    }
    return 0;
}

}  // namespace app
