// app/ui.h — the Dear ImGui user interface of the interactive app: main menu bar (Scene, Simulation, Parameters,
// View, Help), the parameter panel generated from the sim::Params registry, the About/help windows and a status line.
// Use (frame loop, between ImGui::NewFrame() and ImGui::Render()):
//     app::UiModel ui;                       // lives as long as the window; the frame loop fills the "in" fields
//     app::setupUiStyle(dpiScale);           // once after ImGui::CreateContext(), before the backend builds fonts
//     ...each frame: ui.simTime = world.now(); ui.frameMs = ...; ui.simBehind = ...;
//     std::vector<sim::Command> cmds; app::drawMainUi(ui, world.params(), cmds); for (auto& c : cmds) world.push(c);
//     then act on the "out" fields (paused, speed, stepOnce, currentScene, quality, fullscreen, screenshotRequested,
//     quitRequested) and clear the one-shot requests (stepOnce, screenshotRequested, quitRequested) after acting.
// Keyboard (only when ImGui does not want the keyboard): Space pause/resume, '.' step one tick, '+'/'-' speed,
// F1 show/hide the UI, F11 fullscreen, F12 screenshot, Ctrl+F parameter search, Home back to the start scene. Key codes are GLFW's, which the
// imgui_impl_glfw backend writes into io.KeysDown[].
// Errors: none; a missing font family is named once on stderr with its package (engine/fonts.h).
// Does NOT: change the simulation directly (parameter edits become sim::Command{SetParam} pushed to `out`), touch
// OpenGL, create the ImGui context or backends (the engine does), or take the screenshot itself.
#pragma once
#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app/options.h"
#include "engine/fonts.h"
#include "sim/command.h"
#include "sim/params.h"
#include "sim/time.h"

struct ImFont;

namespace app {

// Simulation speed-up steps offered by the UI (sim seconds per wall second).
inline constexpr std::array<double, 6> kSpeedSteps = {1, 10, 60, 600, 3600, 10000};
// Index of the next faster (+1) or slower (-1) step from `speed`, clamped to the table.
double nextSpeedStep(double speed, int direction);
// Text sizes the View menu offers (the user factor of eng::Gui; --ui-scale takes any percent 50..300).
inline constexpr std::array<float, 4> kUiScaleSteps = {1.0f, 1.25f, 1.5f, 2.0f};

// UI-private state of the parameter panel; kept in UiModel so it survives frames.
struct PendingEdit {
    double value = 0.0;  // what the user asked for
    double base = 0.0;   // the registry's value when asked; any other change there drops the edit
};
struct ParamPanelState {
    std::string filter;                         // search text (name or description, case-insensitive)
    std::map<std::string, PendingEdit> pending; // edits pushed as commands, shown until Params catches up
    std::string editing;                    // the parameter whose slider is being dragged
    double editValue = 0.0;                 // its value while dragging (sent when released)
    bool focusFilter = false;               // Ctrl+F asks for keyboard focus on the search box
};

struct UiModel {
    // --- in: filled by the frame loop every frame ---
    std::vector<std::string> scenes;       // scene names (scenes::sceneNames())
    std::vector<std::string> sceneTitles;  // shown in the picker (Scene::title()), same order; missing = the name
    sim::Time simTime = 0;            // current sim time (shown as local time, UTC+5)
    double frameMs = 0.0;             // smoothed wall time per frame
    bool simBehind = false;           // the per-frame tick clamp was hit: sim runs slower than asked
    double achievedSpeed = 0.0;       // sim seconds per wall second actually run (0 = unknown)
    std::string renderer;             // GL renderer string (About window)
    std::string version;              // product version (About window); empty = the build's version
    std::vector<std::pair<std::string, std::string>> extraControls;  // (keys, action) for Help, e.g. the camera's
    std::string homeScene;            // the start scene (scenes::kDefaultScene): the top bar's way back, Home key

    // --- in/out: the UI changes these, the frame loop acts on them ---
    bool paused = false;
    double speed = 60.0;              // one of kSpeedSteps
    int currentScene = 0;             // index into scenes
    Quality quality = Quality::Auto;
    bool fullscreen = false;
    bool showUi = true;               // F1 hides everything (clean picture for delegations)
    float menuBarWidth = 0.0f;        // the menus' width last frame (right-to-left languages align them right)
    float uiScale = 1.0f;             // View > Text size: the presenter's factor (1.0 = 100 %; kUiScaleSteps)

    // --- out: one-shot requests; the frame loop clears them after acting ---
    bool stepOnce = false;            // advance exactly one tick while paused
    bool screenshotRequested = false; // F12 or View > Screenshot
    bool quitRequested = false;       // Scene > Quit
    bool homeRequested = false;       // the top bar's "< Overview" or the Home key: back to homeScene
    std::string languageRequest;      // Language menu: a language code to switch to between frames ("" = none)

    // --- UI-private ---
    bool showParams = false;
    bool showAbout = false;
    bool showHelp = false;
    ParamPanelState paramPanel;
};

// Dark theme with the AMMC copper accent, sizes scaled by `scale` (the engine's DPI/content scale, 1 = 96 dpi),
// and the UI font at 17 px * scale (buildUiFonts).
// Call once after ImGui::CreateContext() and before the renderer backend builds the font texture.
void setupUiStyle(float scale);
// The UI's fonts for the current language (engine/i18n.h): its catalog's characters and the UI's symbols, found
// through fontconfig (engine/fonts.h). setupUiStyle calls it; a language change calls it again between frames
// (Session::applyLanguage, through eng::Gui::rebuildFonts).
void buildUiFonts(float scale);
// Size, glyph count and build time of the last atlas (bench reports them).
const eng::FontBuild& lastFontBuild();
// The large fonts setupUiStyle adds for tour captions (40 px x scale) and the step titles above them (bold 24 px x
// scale); the UI font when they could not be loaded.
ImFont* captionFont();
ImFont* titleFont();

// The whole UI for one frame. `params` is only read; edits are appended to `out` as SetParam commands.
void drawMainUi(UiModel& ui, const sim::Params& params, std::vector<sim::Command>& out);

// The Language menu's items (the open menu's contents): a click puts the language's code in `request`.
void drawLanguageItems(std::string& request);

// Only the parameter window (drawMainUi calls it while ui.showParams); exposed for tests.
void drawParamsPanel(ParamPanelState& state, const sim::Params& params, std::vector<sim::Command>& out, bool* open);

// ---- pure helpers (no ImGui), unit tested ----

// Parameters grouped by the prefix before the first dot, groups in the product's chain order (mine, transport,
// concentrator, smelter, catalyst, h2, weather, smr, econ, site, sim; unknown prefixes after, in registry order),
// members in registry order. Only parameters whose name or description contains `filter` (case-insensitive).
struct ParamGroup {
    std::string prefix;                 // "mine"
    std::string title;                  // "Mine (Kalmakyr pit)"
    std::vector<std::size_t> members;   // indices into Params::defs()
};
std::vector<ParamGroup> groupParams(const std::vector<sim::ParamDef>& defs, const std::string& filter);

// A SetParam command for a widget value: clamped to min..max, whole for Integer/Boolean/Choice, text that
// Params::setFromText reads back exactly (choice name for Choice, shortest round-trip decimal for Real).
sim::Command makeSetParamCommand(const sim::ParamDef& def, double value);
// The value such a command sets: clamped to min..max, rounded for non-Real kinds, the default for NaN/inf.
double legalParamValue(const sim::ParamDef& def, double value);
// A value as text in the parameter's own form: the choice name for Choice, shortest round-trip decimal otherwise.
std::string paramValueText(const sim::ParamDef& def, double value);

// "2026-06-21 08:00 (UTC+5)"
std::string formatClock(sim::Time t);
// "x1", "x60", "x3600", "x10k"
std::string formatSpeed(double speed);

}  // namespace app
