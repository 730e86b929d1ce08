// app/ui.cpp — see ui.h. Index:
// [SECTION] Pure helpers (grouping, commands, text)
// [SECTION] Style and fonts
// [SECTION] Keyboard shortcuts
// [SECTION] Parameter panel
// [SECTION] Menus, windows, status line
#include "app/ui.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/caption.h"  // displayUnit: the registry's units as the screen writes them
#include "app/titles.h"
#include "engine/bidi.h"
#include "engine/fonts.h"
#include "engine/gui.h"
#include "engine/i18n.h"
#include "engine/input.h"  // imgui_impl_glfw stores GLFW key codes in io.KeysDown[] (ImGui 1.86)
#include "engine/locale_format.h"

#ifndef ALMALYK_VERSION
#define ALMALYK_VERSION "dev"
#endif

namespace app {

// =====================================================================================================================
// [SECTION] Pure helpers (grouping, commands, text)
// =====================================================================================================================
namespace {

struct GroupInfo {
    const char* prefix;
    const char* title;
};
// The chain from rock to hydrogen, then the cross-cutting groups (design.md's parameter prefixes).
constexpr GroupInfo kGroupOrder[] = {
    {"mine", eng::N_("Mine (Kalmakyr pit)")},        {"transport", eng::N_("Ore transport")},
    {"concentrator", eng::N_("Concentrator")},       {"smelter", eng::N_("Copper smelter")},
    {"catalyst", eng::N_("Slag photocatalyst")},     {"h2", eng::N_("Photocatalytic hydrogen")},
    {"weather", eng::N_("Weather")},                 {"smr", eng::N_("Steam methane reforming")},
    {"econ", eng::N_("Economics")},                  {"site", eng::N_("Site")},
    {"sim", eng::N_("Simulation")},
};

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string prefixOf(const std::string& name) { return name.substr(0, name.find('.')); }

std::string shortestText(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

}  // namespace

double nextSpeedStep(double speed, int direction) {
    if (direction > 0) {
        for (double s : kSpeedSteps)
            if (s > speed) return s;
        return kSpeedSteps.back();
    }
    for (auto it = kSpeedSteps.rbegin(); it != kSpeedSteps.rend(); ++it)
        if (*it < speed) return *it;
    return kSpeedSteps.front();
}

std::vector<ParamGroup> groupParams(const std::vector<sim::ParamDef>& defs, const std::string& filter) {
    const std::string needle = lower(filter);
    std::vector<ParamGroup> groups;
    for (const GroupInfo& g : kGroupOrder) groups.push_back({g.prefix, g.title, {}});
    for (std::size_t i = 0; i < defs.size(); ++i) {
        const sim::ParamDef& d = defs[i];
        const char* title = paramTitle(d.name);
        if (!needle.empty() && lower(d.name).find(needle) == std::string::npos &&
            lower(d.description).find(needle) == std::string::npos && lower(title).find(needle) == std::string::npos &&
            lower(eng::trp(title)).find(needle) == std::string::npos)
            continue;
        const std::string prefix = prefixOf(d.name);
        auto it = std::find_if(groups.begin(), groups.end(), [&](const ParamGroup& g) { return g.prefix == prefix; });
        if (it == groups.end()) {
            std::string title = prefix;
            if (!title.empty()) title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
            groups.push_back({prefix, title, {}});
            it = groups.end() - 1;
        }
        it->members.push_back(i);
    }
    groups.erase(std::remove_if(groups.begin(), groups.end(), [](const ParamGroup& g) { return g.members.empty(); }),
                 groups.end());
    return groups;
}

double legalParamValue(const sim::ParamDef& def, double value) {
    double v = std::isfinite(value) ? value : def.def;
    v = std::clamp(v, def.min, def.max);
    if (def.kind != sim::ParamKind::Real) v = std::clamp(std::round(v), def.min, def.max);
    return v;
}

std::string paramValueText(const sim::ParamDef& def, double value) {
    const auto index = static_cast<std::size_t>(std::max(0.0, value));
    if (def.kind == sim::ParamKind::Choice && index < def.choices.size()) return def.choices[index];
    return shortestText(value);
}

sim::Command makeSetParamCommand(const sim::ParamDef& def, double value) {
    sim::Command c;
    c.type = sim::CommandType::SetParam;
    c.name = def.name;
    c.value = paramValueText(def, legalParamValue(def, value));
    return c;
}

std::string formatClock(sim::Time t) {
    const sim::CivilTime c = sim::toLocalCivil(t);
    char buf[64];
    std::snprintf(buf, sizeof buf, " (UTC+%d)", sim::kSiteUtcOffsetHours);
    return eng::formatDateTime({c.year, c.month, c.day, c.hour, c.minute}) + buf;
}

std::string formatSpeed(double speed) {
    if (speed >= 10000 && std::fmod(speed, 1000) == 0) return "x" + shortestText(speed / 1000) + "k";
    if (speed >= 1 && std::floor(speed) == speed) return "x" + shortestText(speed);
    char buf[32];
    eng::localSnprintf(buf, sizeof buf, "x%.2g", speed);
    return buf;
}

// =====================================================================================================================
// [SECTION] Style and fonts
// =====================================================================================================================
namespace {

// AMMC copper: the brand accent on a neutral dark base, so highlights read at a distance on a big screen.
const ImVec4 kCopper{0.722f, 0.451f, 0.200f, 1.00f};       // #B87333
const ImVec4 kCopperLight{0.851f, 0.565f, 0.302f, 1.00f};  // hover
const ImVec4 kCopperDark{0.549f, 0.318f, 0.125f, 1.00f};   // active / pressed
const ImVec4 kAmber{1.00f, 0.757f, 0.278f, 1.00f};         // warnings ("simulation behind")
const ImVec4 kMuted{0.62f, 0.64f, 0.68f, 1.00f};

ImVec4 withAlpha(ImVec4 c, float a) { return {c.x, c.y, c.z, a}; }

void applyColors(ImGuiStyle& s) {
    ImGui::StyleColorsDark(&s);
    ImVec4* c = s.Colors;
    const ImVec4 bg{0.082f, 0.090f, 0.106f, 0.96f};
    const ImVec4 panel{0.122f, 0.133f, 0.153f, 1.00f};
    const ImVec4 raised{0.173f, 0.184f, 0.208f, 1.00f};
    c[ImGuiCol_Text] = {0.93f, 0.93f, 0.92f, 1.00f};
    c[ImGuiCol_TextDisabled] = kMuted;
    c[ImGuiCol_WindowBg] = bg;
    c[ImGuiCol_ChildBg] = {0, 0, 0, 0};
    c[ImGuiCol_PopupBg] = {0.098f, 0.106f, 0.122f, 0.98f};
    c[ImGuiCol_Border] = {0.28f, 0.29f, 0.32f, 0.60f};
    c[ImGuiCol_FrameBg] = panel;
    c[ImGuiCol_FrameBgHovered] = raised;
    c[ImGuiCol_FrameBgActive] = withAlpha(kCopperDark, 0.55f);
    c[ImGuiCol_TitleBg] = bg;
    c[ImGuiCol_TitleBgActive] = {0.145f, 0.118f, 0.098f, 1.00f};
    c[ImGuiCol_TitleBgCollapsed] = bg;
    c[ImGuiCol_MenuBarBg] = {0.063f, 0.071f, 0.082f, 0.97f};
    c[ImGuiCol_ScrollbarBg] = {0, 0, 0, 0};
    c[ImGuiCol_ScrollbarGrab] = raised;
    c[ImGuiCol_ScrollbarGrabHovered] = kCopperDark;
    c[ImGuiCol_ScrollbarGrabActive] = kCopper;
    c[ImGuiCol_CheckMark] = kCopperLight;
    // ImGui centres a slider's value over its knob's track: a translucent knob lets the number read through it.
    c[ImGuiCol_SliderGrab] = withAlpha(kCopper, 0.45f);
    c[ImGuiCol_SliderGrabActive] = withAlpha(kCopperLight, 0.60f);
    c[ImGuiCol_Button] = raised;
    c[ImGuiCol_ButtonHovered] = kCopperDark;
    c[ImGuiCol_ButtonActive] = kCopper;
    c[ImGuiCol_Header] = raised;
    c[ImGuiCol_HeaderHovered] = withAlpha(kCopper, 0.60f);
    c[ImGuiCol_HeaderActive] = kCopper;
    c[ImGuiCol_Separator] = c[ImGuiCol_Border];
    c[ImGuiCol_SeparatorHovered] = kCopperDark;
    c[ImGuiCol_SeparatorActive] = kCopper;
    c[ImGuiCol_ResizeGrip] = withAlpha(kCopper, 0.20f);
    c[ImGuiCol_ResizeGripHovered] = withAlpha(kCopper, 0.60f);
    c[ImGuiCol_ResizeGripActive] = kCopper;
    c[ImGuiCol_Tab] = panel;
    c[ImGuiCol_TabHovered] = kCopperDark;
    c[ImGuiCol_TabActive] = withAlpha(kCopper, 0.80f);
    c[ImGuiCol_TableHeaderBg] = panel;
    c[ImGuiCol_TableRowBgAlt] = {1, 1, 1, 0.03f};
    c[ImGuiCol_TextSelectedBg] = withAlpha(kCopper, 0.40f);
    c[ImGuiCol_NavHighlight] = kCopperLight;
    c[ImGuiCol_PlotHistogram] = kCopper;
    c[ImGuiCol_PlotLines] = kCopperLight;
}

constexpr float kBaseFontPx = 17.0f;  // at 96 dpi; DejaVu at 17 px reads well from ~3 m on a 1080p screen
// Tour captions at 1080p: 40 px is 1/27 of the screen height, which reads from the back of a 12 m meeting room on a
// 3 m projection (the usual rule: text height >= viewing distance / 200 -> 6 cm of a 3 m image = 1/50; twice that
// for visitors reading a second language). Titles above them in bold at 24 px. Both scale with the window (4K: x2).
constexpr float kCaptionFontPx = 40.0f;
constexpr float kTitleFontPx = 24.0f;

// Characters the UI draws besides its catalog's: units and symbols (°, ², ³, ₂, µ, ·, —, …, ←, →, ↺, ▲, ▼, ●) and
// every language's own name (the Language menu shows them all, each in its script).
constexpr const char32_t kUiSymbols[] = U"°²³₂₃₄µ·×−–—‘’“”„…•←↑→↓↺⇄▲▼▶◀●○■□✓✔⚠≈≤≥±∞";

ImFont* g_captionFont = nullptr;
ImFont* g_titleFont = nullptr;
eng::FontBuild g_lastBuild;


}  // namespace

ImFont* captionFont() { return g_captionFont ? g_captionFont : ImGui::GetFont(); }
ImFont* titleFont() { return g_titleFont ? g_titleFont : ImGui::GetFont(); }

void setupUiStyle(float scale) {
    if (!(scale > 0.25f && scale < 8.0f)) scale = 1.0f;
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    applyColors(s);
    s.WindowRounding = 6.0f;
    s.ChildRounding = 4.0f;
    s.FrameRounding = 4.0f;
    s.PopupRounding = 4.0f;
    s.GrabRounding = 3.0f;
    s.ScrollbarRounding = 6.0f;
    s.TabRounding = 4.0f;
    s.WindowBorderSize = 1.0f;
    s.FrameBorderSize = 0.0f;
    s.WindowPadding = {12, 10};
    s.FramePadding = {8, 5};
    s.ItemSpacing = {10, 7};
    s.ItemInnerSpacing = {6, 5};
    s.ScrollbarSize = 14.0f;
    s.GrabMinSize = 7.0f;  // a slim knob: the value drawn over it stays legible
    s.WindowTitleAlign = {0.02f, 0.5f};
    s.ScaleAllSizes(scale);

    buildUiFonts(scale);
}

void buildUiFonts(float scale) {
    if (!(scale > 0.25f && scale < 8.0f)) scale = 1.0f;
    std::u32string chars = eng::catalogCharacters();
    chars += kUiSymbols;
    for (const eng::Language& l : eng::languages()) {
        const std::u32string name = eng::utf8Decode(l.rightToLeft ? eng::bidiLine(l.nativeName, true) : l.nativeName);
        chars += name;
    }
    ImGuiIO& io = ImGui::GetIO();
    g_lastBuild = eng::buildFonts(*io.Fonts,
                                  {{std::round(kBaseFontPx * scale), false},
                                   {std::round(kCaptionFontPx * scale), false},
                                   {std::round(kTitleFontPx * scale), true}},
                                  chars, eng::language());
    io.FontDefault = g_lastBuild.fonts.empty() ? nullptr : g_lastBuild.fonts[0];
    g_captionFont = g_lastBuild.fonts.size() > 1 ? g_lastBuild.fonts[1] : nullptr;
    g_titleFont = g_lastBuild.fonts.size() > 2 ? g_lastBuild.fonts[2] : nullptr;
}

const eng::FontBuild& lastFontBuild() { return g_lastBuild; }

// =====================================================================================================================
// [SECTION] Keyboard shortcuts
// =====================================================================================================================
namespace {

bool pressed(eng::Key key) { return ImGui::IsKeyPressed(eng::keyIndex(key), false); }

void handleShortcuts(UiModel& ui) {
    const ImGuiIO& io = ImGui::GetIO();
    // F1 must work while the UI is hidden, or a hidden UI could not come back.
    if (pressed(eng::Key::F1)) ui.showUi = !ui.showUi;
    if (io.WantCaptureKeyboard) return;
    if (pressed(eng::Key::Space)) ui.paused = !ui.paused;
    if (pressed(eng::Key::Period) && ui.paused) ui.stepOnce = true;
    if (pressed(eng::Key::Equal) || pressed(eng::Key::KpAdd)) ui.speed = nextSpeedStep(ui.speed, +1);
    if (pressed(eng::Key::Minus) || pressed(eng::Key::KpSubtract)) ui.speed = nextSpeedStep(ui.speed, -1);
    if (pressed(eng::Key::F11)) ui.fullscreen = !ui.fullscreen;
    if (pressed(eng::Key::F12)) ui.screenshotRequested = true;
    if (pressed(eng::Key::Home) && !ui.homeScene.empty()) ui.homeRequested = true;
    if (io.KeyCtrl && pressed(eng::Key::F)) {
        ui.showUi = ui.showParams = true;
        ui.paramPanel.focusFilter = true;
    }
}

}  // namespace

// =====================================================================================================================
// [SECTION] Parameter panel
// =====================================================================================================================
namespace {

// printf format for a slider: value plus unit, with the unit's '%' escaped.
std::string sliderFormat(const sim::ParamDef& d) {
    std::string f = d.kind == sim::ParamKind::Integer ? "%.0f" : "%.4g";
    // The unit as the screen writes it: "°C" for the registry's "C", "m²" for "m2", "т/ч" in Russian (caption.h).
    const std::string unit = eng::unitSymbol(displayUnit(d.unit));
    if (!unit.empty()) {
        if (unit != "\u00b0") f += ' ';
        for (char ch : unit) f += ch == '%' ? std::string("%%") : std::string(1, ch);
    }
    return f;
}

void paramTooltip(const sim::ParamDef& d, const sim::Params& params) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    const char* title = paramTitle(d.name);
    if (*title) ImGui::TextUnformatted(eng::tr(title));
    ImGui::TextColored(kCopperLight, "%s", d.name.c_str());
    ImGui::TextUnformatted(d.description.c_str());
    ImGui::Spacing();
    ImGui::TextDisabled(eng::tr("Range: %s"), sim::describeRange(d).c_str());
    ImGui::TextDisabled(eng::tr("Default: %s    Now: %s"), paramValueText(d, d.def).c_str(), params.valueText(d.name).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// Sends an edit and remembers it, so the widget shows the user's value until the simulation applies it.
void sendEdit(ParamPanelState& st, const sim::ParamDef& d, double value, double current,
              std::vector<sim::Command>& out) {
    const double shown = legalParamValue(d, value);  // shortest round-trip text: the simulation parses back this value
    out.push_back(makeSetParamCommand(d, shown));
    if (shown == current)
        st.pending.erase(d.name);
    else
        st.pending[d.name] = PendingEdit{shown, current};
}

// One row: name (with tooltip), the widget for its kind, and a reset-to-default button.
void paramRow(ParamPanelState& st, const sim::ParamDef& d, const sim::Params& params, std::vector<sim::Command>& out) {
    const double current = params.get(d.name);
    auto pend = st.pending.find(d.name);
    double value = pend != st.pending.end() ? pend->second.value : current;
    if (st.editing == d.name) value = st.editValue;

    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::AlignTextToFramePadding();
    // The human title (app/titles.h), wrapped inside its column; the registry name is in the tooltip.
    const char* title = paramTitle(d.name);
    std::string shown = *title ? eng::trp(title) : d.name;
    if (pend != st.pending.end()) shown += " *";
    if (pend != st.pending.end()) ImGui::PushStyleColor(ImGuiCol_Text, kCopperLight);
    ImGui::BeginGroup();
    eng::textWrapped(shown.c_str());
    ImGui::EndGroup();
    if (pend != st.pending.end()) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) paramTooltip(d, params);

    ImGui::TableSetColumnIndex(1);
    ImGui::PushID(d.name.c_str());
    ImGui::SetNextItemWidth(-FLT_MIN);
    switch (d.kind) {
        case sim::ParamKind::Boolean: {
            bool on = value != 0.0;
            if (ImGui::Checkbox("##v", &on)) sendEdit(st, d, on ? 1.0 : 0.0, current, out);
            break;
        }
        case sim::ParamKind::Choice: {
            const auto index = static_cast<std::size_t>(std::max(0.0, value));
            const char* preview = index < d.choices.size() ? d.choices[index].c_str() : "?";
            if (ImGui::BeginCombo("##v", preview)) {
                for (std::size_t i = 0; i < d.choices.size(); ++i) {
                    if (ImGui::Selectable(d.choices[i].c_str(), i == index) && i != index)
                        sendEdit(st, d, static_cast<double>(i), current, out);
                    if (i == index) ImGui::SetItemDefaultFocus();
                }
                ImGui::EndCombo();
            }
            break;
        }
        case sim::ParamKind::Integer:
        case sim::ParamKind::Real: {
            // A drag sends one command when released, not one per frame: the log stays readable and replayable.
            double v = value;
            ImGuiSliderFlags flags = ImGuiSliderFlags_AlwaysClamp;
            if (d.kind == sim::ParamKind::Real && d.min > 0 && d.max / d.min >= 1000) flags |= ImGuiSliderFlags_Logarithmic;
            const std::string fmt = sliderFormat(d);
            if (ImGui::SliderScalar("##v", ImGuiDataType_Double, &v, &d.min, &d.max, fmt.c_str(), flags)) {
                st.editing = d.name;
                st.editValue = d.kind == sim::ParamKind::Integer ? std::round(v) : v;
            }
            if (ImGui::IsItemDeactivatedAfterEdit()) {
                sendEdit(st, d, st.editing == d.name ? st.editValue : v, current, out);
                st.editing.clear();
            }
            break;
        }
    }

    ImGui::TableSetColumnIndex(2);
    const bool atDefault = value == d.def;
    ImGui::BeginDisabled(atDefault);
    const bool fancy = ImGui::GetFont()->FindGlyphNoFallback(0x21BA) != nullptr;
    if (ImGui::SmallButton(fancy ? "\xE2\x86\xBA" : "R")) sendEdit(st, d, d.def, current, out);  // U+21BA ↺
    ImGui::EndDisabled();
    if (!atDefault && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", eng::tr("Reset to default"));
    ImGui::PopID();
}

// Drops remembered edits the registry has caught up with, or that something else (a scenario, a tour) overrode.
void prunePending(ParamPanelState& st, const sim::Params& params) {
    for (auto it = st.pending.begin(); it != st.pending.end();) {
        const bool gone = !params.has(it->first);
        const double now = gone ? 0.0 : params.get(it->first);
        if (gone || now == it->second.value || now != it->second.base)
            it = st.pending.erase(it);
        else
            ++it;
    }
}

}  // namespace

void drawParamsPanel(ParamPanelState& st, const sim::Params& params, std::vector<sim::Command>& out, bool* open) {
    prunePending(st, params);
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    eng::setNextWindowPos("Parameters", vp->WorkPos.x + vp->WorkSize.x - 35 * em, vp->WorkPos.y + em, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize({34 * em, std::min(vp->WorkSize.y - 4 * em, 42 * em)}, ImGuiCond_FirstUseEver);
    if (!ImGui::Begin(eng::tr("Parameters"), open)) {
        ImGui::End();
        return;
    }
    if (st.focusFilter) {
        ImGui::SetKeyboardFocusHere();
        st.focusFilter = false;
    }
    ImGui::SetNextItemWidth(-9 * em);
    ImGui::InputTextWithHint("##filter", eng::tr("Search name or description (Ctrl+F)"), &st.filter);
    ImGui::SameLine();
    if (ImGui::Button(eng::tr("Reset all"))) {
        for (const sim::ParamDef& d : params.defs()) {
            const double current = params.get(d.name);
            const auto pend = st.pending.find(d.name);
            if (current != d.def || pend != st.pending.end()) sendEdit(st, d, d.def, current, out);
        }
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", eng::tr("Every parameter back to its default"));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    eng::textWrapped(eng::trp("Changes apply at the next simulation tick; * marks one not applied yet."));
    ImGui::PopStyleColor();
    ImGui::Separator();

    const std::vector<ParamGroup> groups = groupParams(params.defs(), st.filter);
    if (groups.empty()) ImGui::TextDisabled("%s", params.defs().empty() ? eng::tr("No parameters registered.") : eng::tr("No parameter matches."));
    ImGui::BeginChild("##list");
    for (const ParamGroup& g : groups) {
        if (!st.filter.empty()) ImGui::SetNextItemOpen(true, ImGuiCond_Always);
        const std::string header = std::string(eng::tr(g.title.c_str())) + "  (" + std::to_string(g.members.size()) + ")###" + g.prefix;
        if (!ImGui::CollapsingHeader(header.c_str())) continue;
        if (ImGui::BeginTable(g.prefix.c_str(), 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn(eng::tr("name"), ImGuiTableColumnFlags_WidthStretch, 0.42f);
            ImGui::TableSetupColumn(eng::tr("value"), ImGuiTableColumnFlags_WidthStretch, 0.58f);
            ImGui::TableSetupColumn(eng::tr("reset"), ImGuiTableColumnFlags_WidthFixed);
            for (std::size_t i : g.members) paramRow(st, params.defs()[i], params, out);
            ImGui::EndTable();
        }
    }
    ImGui::EndChild();
    ImGui::End();
}

// =====================================================================================================================
// [SECTION] Menus, windows, status line
// =====================================================================================================================
namespace {

const char* speedMeaning(double s) {
    if (s == 1) return eng::tr("real time");
    if (s == 10) return eng::tr("10 s per second");
    if (s == 60) return eng::tr("1 minute per second");
    if (s == 600) return eng::tr("10 minutes per second");
    if (s == 3600) return eng::tr("1 hour per second");
    if (s == 10000) return eng::tr("about 2.8 hours per second");
    return "";
}

}  // namespace

void drawLanguageItems(std::string& request) {
    for (const eng::Language& l : eng::languages()) {
        const std::string name = l.rightToLeft ? eng::bidiLine(l.nativeName, true) : std::string(l.nativeName);
        if (ImGui::MenuItem(name.c_str(), l.code, eng::language() == l.code) && eng::language() != l.code)
            request = l.code;
    }
}

namespace {

void sceneMenu(UiModel& ui) {
    if (!ImGui::BeginMenu(eng::tr("Scene"))) return;
    for (std::size_t i = 0; i < ui.scenes.size(); ++i) {
        const bool current = static_cast<int>(i) == ui.currentScene;
        const char* title = eng::tr(i < ui.sceneTitles.size() ? ui.sceneTitles[i].c_str() : ui.scenes[i].c_str());
        if (ImGui::MenuItem(title, nullptr, current)) ui.currentScene = static_cast<int>(i);
    }
    if (ui.scenes.empty()) ImGui::TextDisabled("%s", eng::tr("No scenes"));
    ImGui::Separator();
    if (ImGui::MenuItem(eng::tr("Quit"))) ui.quitRequested = true;
    ImGui::EndMenu();
}

void simulationMenu(UiModel& ui) {
    if (!ImGui::BeginMenu(eng::tr("Simulation"))) return;
    ImGui::TextDisabled("%s", formatClock(ui.simTime).c_str());
    ImGui::Separator();
    if (ImGui::MenuItem(ui.paused ? eng::tr("Resume") : eng::tr("Pause"), eng::tr("Space"))) ui.paused = !ui.paused;
    if (ImGui::MenuItem(eng::tr("Step one tick"), ".", false, ui.paused)) ui.stepOnce = true;
    if (ImGui::BeginMenu(eng::tr("Speed"))) {
        for (double s : kSpeedSteps) {
            const std::string label = formatSpeed(s) + "   " + speedMeaning(s);
            if (ImGui::MenuItem(label.c_str(), nullptr, ui.speed == s)) ui.speed = s;
        }
        ImGui::Separator();
        ImGui::TextDisabled("%s", eng::tr("+ / - change the speed"));
        ImGui::EndMenu();
    }
    ImGui::EndMenu();
}

void parametersMenu(UiModel& ui) {
    if (!ImGui::BeginMenu(eng::tr("Parameters"))) return;
    ImGui::MenuItem(eng::tr("Parameter panel"), nullptr, &ui.showParams);
    if (ImGui::MenuItem(eng::tr("Search parameters"), "Ctrl+F")) {
        ui.showParams = true;
        ui.paramPanel.focusFilter = true;
    }
    ImGui::EndMenu();
}

void viewMenu(UiModel& ui) {
    if (!ImGui::BeginMenu(eng::tr("View"))) return;
    if (ImGui::BeginMenu(eng::tr("Quality"))) {
        if (ImGui::MenuItem(eng::tr("Automatic"), nullptr, ui.quality == Quality::Auto)) ui.quality = Quality::Auto;
        if (ImGui::MenuItem(eng::tr("Low (software rendering)"), nullptr, ui.quality == Quality::Low)) ui.quality = Quality::Low;
        if (ImGui::MenuItem(eng::tr("High (GPU)"), nullptr, ui.quality == Quality::High)) ui.quality = Quality::High;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(eng::tr("Text size"))) {
        for (const float f : kUiScaleSteps) {
            char label[16];
            std::snprintf(label, sizeof label, "%d %%", static_cast<int>(std::lround(f * 100.0f)));
            if (ImGui::MenuItem(label, nullptr, std::abs(ui.uiScale - f) < 0.01f)) ui.uiScale = f;
        }
        ImGui::EndMenu();
    }
    ImGui::MenuItem(eng::tr("Fullscreen"), "F11", &ui.fullscreen);
    if (ImGui::MenuItem(eng::tr("Screenshot"), "F12")) ui.screenshotRequested = true;
    if (ImGui::MenuItem(eng::tr("Hide interface"), "F1")) ui.showUi = false;
    ImGui::EndMenu();
}

// Each language in its own name and script, so a reader finds theirs whatever the interface shows now.
void languageMenu(UiModel& ui) {
    if (!ImGui::BeginMenu(eng::tr("Language"))) return;
    drawLanguageItems(ui.languageRequest);
    ImGui::EndMenu();
}

void helpMenu(UiModel& ui) {
    if (!ImGui::BeginMenu(eng::tr("Help"))) return;
    ImGui::MenuItem(eng::tr("Controls"), nullptr, &ui.showHelp);
    ImGui::MenuItem(eng::tr("About Almalyk Explorer"), nullptr, &ui.showAbout);
    ImGui::EndMenu();
}

void centreNextWindow(float widthEm) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
    ImGui::SetNextWindowSize({widthEm * ImGui::GetFontSize(), 0}, ImGuiCond_Appearing);
}

void bullet(const char* text) {
    ImGui::Bullet();
    eng::textWrapped(text);
}

void aboutWindow(UiModel& ui) {
    centreNextWindow(36);
    if (!ImGui::Begin(eng::tr("About Almalyk Explorer"), &ui.showAbout, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    ImGui::TextColored(kCopperLight, "%s", eng::tr("Almalyk Explorer"));
    ImGui::SameLine();
    ImGui::TextDisabled(eng::tr("version %s"), ui.version.empty() ? ALMALYK_VERSION : ui.version.c_str());
    ImGui::TextWrapped("%s",
        eng::trp("A real-time 3D view and live process simulation of the Almalyk Mining and Metallurgical Complex (AMMC): "
        "the Kalmakyr open pit, ore transport, the concentrator, the copper smelter and its fayalite slag, and "
        "photocatalyst panels made from that slag producing hydrogen, beside steam methane reforming."));
    ImGui::Spacing();
    ImGui::TextColored(kCopper, "%s", eng::tr("Data sources"));
    bullet(eng::trp("Pit, fleet, transport, concentrators and smelter: USGS SIR 2010-5090-Z; PorterGeo Almalyk record; AMMC "
           "(agmk.uz) plant pages and news; BelAZ, IZ-KARTEX and Metso releases; Davenport et al., Extractive "
           "Metallurgy of Copper (2002). Full list with confidence grades: reference/almalyk.md."));
    // xgettext:no-c-format
    bullet(eng::trp("Photocatalytic panels: Nishiyama et al., Nature 2021 (doi:10.1038/s41586-021-03907-3), a 100 m\u00b2 "
           "SrTiO3:Al panel array at 0.76 % solar-to-hydrogen; "
           "Takata et al., Nature 581 (2020) 411. Steam methane reforming: IEA / CATF 2021. Solar resource at "
           "Almalyk (40.85 N, 69.60 E, UTC+5). Full list: reference/hydrogen.md."));
    bullet(eng::trp("Where no source was found the model uses engineering estimates; the parameter panel shows every "
           "assumed value with its range, and all of them can be changed."));
    ImGui::Spacing();
    if (!ui.renderer.empty()) ImGui::TextDisabled(eng::tr("Renderer: %s"), ui.renderer.c_str());
    ImGui::TextDisabled(eng::tr("Dear ImGui %s"), ImGui::GetVersion());
    ImGui::End();
}

void helpWindow(UiModel& ui) {
    centreNextWindow(30);
    if (!ImGui::Begin(eng::tr("Controls"), &ui.showHelp, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    static const std::pair<const char*, const char*> kKeys[] = {
        {eng::N_("Space"), eng::N_("pause / resume the simulation")},
        {".", eng::N_("step one tick while paused")},
        {"+ / -", eng::N_("faster / slower (x1 ... x10k)")},
        {"Ctrl+F", eng::N_("search the parameters")},
        {"F1", eng::N_("hide / show the interface")},
        {"F11", eng::N_("fullscreen")},
        {"F12", eng::N_("screenshot")},
        {eng::N_("Home"), eng::N_("back to the overview of the complex")},
    };
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        auto row = [](const char* keys, const char* action) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextColored(kCopperLight, "%s", eng::tr(keys));
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(eng::tr(action));
        };
        for (const auto& [keys, action] : kKeys) row(keys, action);
        for (const auto& [keys, action] : ui.extraControls) row(keys.c_str(), action.c_str());
        ImGui::EndTable();
    }
    ImGui::TextDisabled("%s", eng::tr("Hover a parameter's name for its meaning, unit and range."));
    ImGui::End();
}

void statusLine(const UiModel& ui) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float height = ImGui::GetFrameHeightWithSpacing();
    ImGui::SetNextWindowPos({vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - height});
    ImGui::SetNextWindowSize({vp->WorkSize.x, height});
    ImGui::SetNextWindowBgAlpha(0.80f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {ImGui::GetStyle().WindowPadding.x, 3});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    if (ImGui::Begin("##status", nullptr, flags)) {
        ImGui::TextUnformatted(formatClock(ui.simTime).c_str());
        ImGui::SameLine(0, 2 * ImGui::GetFontSize());
        if (ui.paused)
            ImGui::TextColored(kCopperLight, "%s", eng::tr("PAUSED"));
        else
            ImGui::Text("%s", formatSpeed(ui.speed).c_str());
        if (ui.simBehind) {
            ImGui::SameLine(0, 2 * ImGui::GetFontSize());
            if (ui.achievedSpeed > 0)
                ImGui::TextColored(kAmber, eng::tr("Simulation behind: running at %s"), formatSpeed(ui.achievedSpeed).c_str());
            else
                ImGui::TextColored(kAmber, "%s", eng::tr("Simulation behind: the computer cannot keep up with this speed"));
        }
        char perf[64];
        if (ui.frameMs > 0)
            eng::localSnprintf(perf, sizeof perf, "%.0f fps  %.1f ms", 1000.0 / ui.frameMs, ui.frameMs);
        else
            std::snprintf(perf, sizeof perf, "-- fps");
        ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(perf).x - ImGui::GetStyle().WindowPadding.x);
        ImGui::TextDisabled("%s", perf);
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}

}  // namespace

void drawMainUi(UiModel& ui, const sim::Params& params, std::vector<sim::Command>& out) {
    handleShortcuts(ui);
    if (!ui.showUi) return;
    if (ImGui::BeginMainMenuBar()) {
        // The way back to the start scene from every other scene.
        const bool atHome = ui.currentScene >= 0 && static_cast<std::size_t>(ui.currentScene) < ui.scenes.size() &&
                            ui.scenes[static_cast<std::size_t>(ui.currentScene)] == ui.homeScene;
        auto home = [&](bool rtl) {
            if (ui.homeScene.empty() || atHome) return;
            if (!rtl) ImGui::Separator();
            ImGui::PushStyleColor(ImGuiCol_Text, kCopperLight);
            if (ImGui::MenuItem(eng::tr("< Overview"), eng::tr("Home"))) ui.homeRequested = true;
            ImGui::PopStyleColor();
            if (rtl) ImGui::Separator();
        };
        void (*const menus[])(UiModel&) = {sceneMenu, simulationMenu, parametersMenu, viewMenu, languageMenu, helpMenu};
        if (eng::rightToLeft()) {
            // Right to left (Arabic): the first menu stands at the right edge and the rest follow it leftwards, as
            // an Arabic reader scans; the width is last frame's (the labels do not change between frames).
            const float pad = ImGui::GetStyle().WindowPadding.x;
            ImGui::SetCursorPosX(std::max(pad, ImGui::GetWindowWidth() - ui.menuBarWidth - pad));
            const float x0 = ImGui::GetCursorPosX();
            home(true);
            for (int k = 5; k >= 0; --k) menus[k](ui);
            ui.menuBarWidth = ImGui::GetCursorPosX() - x0;
        } else {
            for (auto* menu : menus) menu(ui);
            home(false);
        }
        ImGui::EndMainMenuBar();
    }
    if (ui.showParams) drawParamsPanel(ui.paramPanel, params, out, &ui.showParams);
    if (ui.showAbout) aboutWindow(ui);
    if (ui.showHelp) helpWindow(ui);
    statusLine(ui);
}

}  // namespace app
