#include "app/session.h"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "app/ui.h"
#include "engine/gfx/context.h"
#include "engine/i18n.h"
#include "engine/model/model_manifest.h"
#include "engine/paths.h"
#include "scenes/scene_actions.h"
#include "sim/lunar.h"
#include "sim/solar.h"

namespace app {

eng::QualityLevel resolveQuality(Quality q, const std::string& glRenderer) {
    if (q == Quality::Low) return eng::QualityLevel::Low;
    if (q == Quality::High) return eng::QualityLevel::High;
    return eng::chooseQuality(glRenderer);
}

Session::~Session() {
    // The renderer must hold its own particle system again before the scenes' systems go.
    showParticlesOf(-1);
}

int Session::fail(int code, const std::string& why) const {
    std::fprintf(stderr, "almalyk %s: %s\n", m_mode.c_str(), why.c_str());
    return code;
}

int Session::prepare(const RenderOptions& o) {
    eng::Paths::global().setAssetsOverride(o.assetsDir);
    std::string bad;
    // No data beside the executable: nothing true can be drawn (exit 1, every place looked listed).
    if (!eng::Paths::global().checkData(&bad)) return fail(1, bad);
    // A broken user models.json is bad input in every mode, reported before a window opens (docs/models.md).
    if (!eng::ModelManifest::checkUserManifest(o.assetsDir, &bad)) return fail(2, "--assets " + o.assetsDir + ": " + bad);
    sim::BatchSpec spec;
    spec.seed = o.seed;
    spec.seedGiven = o.seedGiven;
    spec.start = o.start;
    spec.hours = 1.0;  // validated only; the render modes run as long as they run
    spec.sets = o.sets;
    spec.scenarioPath = resolveScenario(o.scenario, o.assetsDir);
    std::string why;
    if (!sim::prepareBatch(spec, run, &why)) return fail(2, why);
    // By name only: a scene is not constructed before the GL context exists.
    const std::string name = o.scene.empty() ? scenes::kDefaultScene : o.scene;
    const std::vector<std::string> known = scenes::sceneNames();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
        std::string list;
        for (const auto& n : known) list += (list.empty() ? "" : ", ") + n;
        return fail(2, "--scene " + name + ": unknown scene (known: " + list + ")");
    }
    lat = run.params.has("site.lat_deg") ? run.params.get("site.lat_deg") : sim::kAlmalykLatDeg;
    lon = run.params.has("site.lon_deg") ? run.params.get("site.lon_deg") : sim::kAlmalykLonDeg;
    quality = o.quality;
    assetsDir = o.assetsDir;
    return 0;
}

int Session::open(const RenderOptions& o, const eng::WindowDesc& desc) {
    std::string why;
    eng::WindowDesc d = desc;
    d.width = o.width;
    d.height = o.height;
    window = eng::Window::create(d, &why);
    if (!window) return fail(1, why);
    if (!eng::gfx::loadEntryPoints(&why)) return fail(1, why);
    eng::gfx::installDebugOutput();
    // The language before the fonts: the atlas holds the catalog's characters. --lang was checked by the parser;
    // the environment's choice falls back to English when its catalog is missing.
    const std::string lang = o.lang.empty() ? eng::languageFromEnvironment() : o.lang;
    if (!eng::setLanguage(lang, &why)) {
        if (!o.lang.empty()) return fail(1, "--lang " + o.lang + ": " + why);
        std::fprintf(stderr, "almalyk %s: language %s from the environment: %s; using English\n", m_mode.c_str(),
                     lang.c_str(), why.c_str());
        eng::setLanguage("en", &why);
    }
    gui = std::make_unique<eng::Gui>(*window, [](float scale) { setupUiStyle(scale); }, o.uiScale);
    resetWorld();
    // Without its shaders the program cannot draw anything true: stop (exit 1) rather than show magenta.
    if (!makeRenderer(&why)) return fail(1, why);
    // One library for every scene: the user's --assets roles laid over the built-in ones, each model loaded once.
    eng::ModelManifest manifest = eng::ModelManifest::loadAssets(assetsDir);
    if (!manifest.ok()) setNotice("Model manifest: " + manifest.errors().front(), 12.0);  // logged once by the library
    models = std::make_unique<eng::ModelLibrary>(std::move(manifest));
    const std::string name = o.scene.empty() ? scenes::kDefaultScene : o.scene;
    if (!switchScene(name, &why)) return fail(1, why);
    if (!o.camera.empty()) {
        const auto presets = scene().cameraPresets();
        const int i = scenes::findCameraPreset(presets, o.camera, &why);
        if (i < 0) return fail(2, "scene " + sceneName() + ": --" + why);
        camera.setPose(presets[static_cast<std::size_t>(i)].pose);
        camera.fitNearPlane();
    }
    return 0;
}

namespace {
const std::chrono::steady_clock::time_point kProcessStart = std::chrono::steady_clock::now();
}  // namespace

std::chrono::steady_clock::time_point processStart() { return kProcessStart; }

bool Session::applyLanguage(const std::string& code, std::string* why) {
    if (!eng::setLanguage(code, why)) return false;
    if (gui) gui->rebuildFonts([](float scale) { buildUiFonts(scale); });
    return true;
}

void Session::applyPendingLanguage() {
    if (m_languageRequest.empty()) return;
    const std::string code = std::exchange(m_languageRequest, std::string());
    if (code == eng::language()) return;
    std::string why;
    if (!applyLanguage(code, &why)) setNotice(why);
}

void Session::applyPendingUiScale() {
    const float f = std::exchange(m_uiScaleRequest, 0.0f);
    if (f > 0.0f && gui) gui->setUserScale(f, [](float scale) { setupUiStyle(scale); });
}

void Session::resetWorld() {
    world = std::make_unique<sim::World>(run.params, run.seed, run.start);
    for (const sim::Command& c : run.commands) world->push(c);
}

bool Session::makeRenderer(std::string* why) {
    renderer = std::make_unique<eng::Renderer>();
    const eng::QualityLevel q = resolveQuality(quality, eng::gfx::rendererName());
    return renderer->init(eng::qualitySettings(q), why);
}

int Session::findLoaded(const std::string& name) const {
    for (std::size_t i = 0; i < m_scenes.size(); ++i)
        if (m_scenes[i].name == name) return static_cast<int>(i);
    return -1;
}

void Session::showParticlesOf(int index) {
    if (index == m_particlesIn || !renderer) return;
    if (m_particlesIn >= 0) std::swap(renderer->particles(), m_scenes[static_cast<std::size_t>(m_particlesIn)].particles);
    if (index >= 0) std::swap(renderer->particles(), m_scenes[static_cast<std::size_t>(index)].particles);
    m_particlesIn = index;
}

bool Session::loadInto(const std::string& name, std::string* why) {
    Loaded slot;
    slot.name = name;
    slot.scene = m_factory(name);
    if (!slot.scene) {
        if (why) *why = "unknown scene '" + name + "'";
        return false;
    }
    slot.particles.setBudget(renderer->quality().particleBudget);
    m_scenes.push_back(std::move(slot));
    const int index = static_cast<int>(m_scenes.size()) - 1;
    const int previous = m_particlesIn;
    showParticlesOf(index);  // the scene creates its emitters in its own system
    std::string w;
    const scenes::SceneContext ctx{*renderer, *models, world->state()};
    if (!m_scenes.back().scene->load(ctx, &w)) {
        showParticlesOf(previous);
        m_scenes.pop_back();
        if (why) *why = "scene " + name + " did not load: " + (w.empty() ? "no reason given" : w);
        return false;
    }
    showParticlesOf(previous);
    return true;
}

void Session::resetCamera() {
    const auto presets = scene().cameraPresets();
    if (!presets.empty()) camera.setPose(presets.front().pose);
    camera.setNearFar(5.0f, 80000.0f);
    // 2 m: close enough for a 1 x 2 m panel or a truck's cab; the ground clamp and the fitted near plane keep
    // such close-ups clean (app/scene_driver.h).
    camera.setLimits(2.0f, 40000.0f);
    camera.fitNearPlane();
}

bool Session::switchScene(const std::string& name, std::string* why) {
    if (m_current >= 0 && sceneName() == name) return true;
    int index = findLoaded(name);
    if (index < 0) {
        std::string w;
        if (!loadInto(name, &w)) {
            setNotice(w);
            if (why) *why = w;
            return false;
        }
        index = static_cast<int>(m_scenes.size()) - 1;
    }
    m_current = index;
    showParticlesOf(index);
    resetCamera();
    return true;
}

bool Session::applySceneRequest(const scenes::SceneRequest& r, std::string* why) {
    const bool switching = m_current < 0 || sceneName() != r.scene;
    if (!switchScene(r.scene, why)) return false;
    eng::CameraPose to = camera.pose();
    bool fly = switching;
    if (!r.action.empty()) {
        scenes::SceneAction a;
        std::string w;
        eng::CameraPose pose;
        if (!scenes::parseSceneAction(r.action, &a, &w) || !scenes::applySceneAction(scene(), world->state(), a, &pose, &w)) {
            setNotice(w);
            if (why) *why = w;
            return false;
        }
        if (a.verb == scenes::ActionVerb::Camera) {
            to = pose;
            fly = true;
        }
    }
    if (fly) {
        // Fly in: start high above the destination, looking down, and glide onto it.
        if (switching) {
            eng::CameraPose from = to;
            from.distance = to.distance * 6.0f;
            from.pitchDeg = std::min(80.0f, to.pitchDeg + 30.0f);
            camera.setPose(from);
        }
        camera.flyTo(to, 2.5f);
    }
    return true;
}

bool Session::rebuildRenderer(Quality q, std::string* why) {
    const std::string name = m_current >= 0 ? sceneName() : scenes::kDefaultScene;
    showParticlesOf(-1);
    m_scenes.clear();  // their meshes die with the renderer
    m_current = -1;
    m_particlesIn = -1;
    quality = q;
    std::string w;
    if (!makeRenderer(&w)) fail(1, w);
    return switchScene(name, why);
}

void Session::setNotice(std::string text, double seconds) {
    m_notice = std::move(text);
    m_noticeFor = seconds;
}

void Session::ageNotice(double dt) {
    if (m_noticeFor <= 0.0) return;
    m_noticeFor -= dt;
    if (m_noticeFor <= 0.0) m_notice.clear();
}

scenes::FrameInput Session::frameInput(sim::Time shown, float dt, double speed, std::span<const sim::Event> events,
                                       const sim::State* state) const {
    scenes::FrameInput in;
    in.state = state ? state : &world->state();
    in.events = events;
    in.now = shown;
    in.dtReal = dt;
    in.simSecondsPerSecond = speed;
    const sim::SolarPosition sp = sim::solarPosition(shown, lat, lon);
    in.sunDir = scenes::sunDirection(sp.azimuth_deg, sp.elevation_deg);
    const sim::LunarPosition mp = sim::lunarPosition(shown, lat, lon);
    in.moonDir = scenes::sunDirection(mp.azimuth_deg, mp.elevation_deg);
    in.moonIlluminated = static_cast<float>(mp.illuminated);
    in.starFrame = eng::celestialFrame(static_cast<float>(lat), static_cast<float>(sim::localSiderealTimeDeg(shown, lon)));
    const glm::ivec2 fb = window->framebufferSize();
    in.aspect = static_cast<float>(fb.x) / static_cast<float>(std::max(fb.y, 1));
    return in;
}

}  // namespace app
