// The landscape's legend window (scenes/landscape/landscape_panel.h).
#include "scenes/landscape/landscape_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include <glm/glm.hpp>
#include <imgui.h>

#include "engine/gfx/renderer.h"
#include "engine/gui.h"
#include "engine/i18n.h"
#include "engine/locale_format.h"
#include "scenes/scene_kit.h"
#include "scenes/site.h"
#include "sim/metrics.h"
#include "sim/solar.h"
#include "sim/world.h"

namespace scenes {

namespace {

const char* const kOre = "mine.ore_t_h";            // dumped at the crusher over the last hour
const char* const kCathode = "smelter.cathode_t_h"; // deposited over the last tick
const char* const kH2 = "h2.recovered_kg_h";        // into storage after the separator (the hydrogen panel's figure)

// The places the landscape labels, with what a visitor should know of each (site.h's titles).
struct Place { const char* key; const char* what; };
const Place kPlaces[] = {
    {"pit", eng::N_("copper-gold ore, 4 x 2 km and about 500 m deep")},
    {"town", eng::N_("the town, about 530 m above sea level")},
    {"smelter", eng::N_("smelter, acid plant and tankhouse: concentrate to cathode copper")},
};

// The number in the language's format and the unit as the language writes it; a per-day rate from its parts
// ("t/d": "т/сут" in Russian).
std::string figure(const char* format, double v, std::string_view unit) {
    // (Right to left, a composed unit would mix directions inside a left-to-right number: it stays as written.)
    const std::size_t slash = unit.find('/');
    const std::string u = unit == "t/d" && !eng::rightToLeft()
                              ? eng::unitSymbol(unit.substr(0, slash)) + "/" + eng::unitSymbol(unit.substr(slash + 1))
                              : eng::unitSymbol(unit);
    return kit::formatNumber(format, v) + " " + u;
}

}  // namespace

std::vector<std::string> landscapeMetricNames() { return {kOre, kCathode, kH2}; }

LandscapeFigures readLandscapeFigures(const FrameInput& in) {
    LandscapeFigures f;
    const sim::CivilTime c = sim::toLocalCivil(in.now);
    const eng::Lighting L = eng::skyLighting({.sunDir = in.sunDir, .moonDir = in.moonDir, .moonIlluminated = in.moonIlluminated,
                                              .turbidity = static_cast<float>(sim::defaultLinkeTurbidity(c.month))});
    f.exposure = L.exposure;
    f.night = L.keyIsMoon || in.sunDir.y < std::sin(glm::radians(-6.0f));
    if (!in.state) return f;
    f.ore_t_h = sim::readMetric(*in.state, std::string_view(kOre));
    f.cathode_t_d = 24.0 * sim::readMetric(*in.state, std::string_view(kCathode));
    f.h2_kg_h = sim::readMetric(*in.state, std::string_view(kH2));
    return f;
}

void drawLandscapePanel(const FrameInput& in) {
    const LandscapeFigures f = readLandscapeFigures(in);
    const float em = ImGui::GetFontSize();
    // Bottom left, above the status line: over the valley's near fields, clear of the labels it explains (the pit,
    // the smelter and the town stand in the middle of every camera preset).
    const float bottom = ImGui::GetIO().DisplaySize.y - 2.5f * em;
    eng::setNextWindowPos("Almalyk valley", 10, bottom, ImGuiCond_FirstUseEver, 0.0f, 1.0f);
    // Auto-resized: the legend is as wide as its longest line in every language and at every text size.
    if (!ImGui::Begin(eng::tr("Almalyk valley"), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return;
    }
    // The clock and the light the picture is drawn with.
    const sim::CivilTime c = sim::toLocalCivil(in.now);
    const std::string when = eng::formatDateTime({c.year, c.month, c.day, c.hour, c.minute});  // as the status line writes it
    ImGui::TextUnformatted(eng::formatf(eng::tr("%s local time (UTC+5)"), when.c_str()).c_str());
    const double sunElevation = glm::degrees(std::asin(std::clamp(static_cast<double>(in.sunDir.y), -1.0, 1.0)));
    const std::string light = f.night && in.moonDir.y <= 0.0f
                                  ? eng::formatf(eng::tr("Night: the moon is down, exposure ×%.2f"), static_cast<double>(f.exposure))
                              : f.night ? eng::formatf(eng::tr("Night: moon %.0f %% lit, exposure ×%.2f"), 100.0 * in.moonIlluminated,
                                                     static_cast<double>(f.exposure))
                                      : eng::formatf(eng::tr("Sun %.0f° above the horizon, exposure ×%.2f"), sunElevation,
                                                     static_cast<double>(f.exposure));
    ImGui::TextDisabled("%s", light.c_str());
    kit::tooltip(eng::tr("The exposure the picture is tone-mapped with: about 0.8 by day, higher at dusk and at night, as\n"
                         "the eye adapts"));
    ImGui::Separator();

    if (ImGui::BeginTable("##places", 2, ImGuiTableFlags_SizingFixedFit)) {
        eng::ReadingTable t(2);  // Arabic reads the row from the right
        for (const Place& p : kPlaces) {
            const site::Facility* fac = site::findFacility(p.key);
            if (!fac) continue;
            t.nextRow();
            t.nextColumn();
            t.cell(eng::tr(fac->title));
            t.nextColumn();
            // Wrapped at 18 em: the legend stays narrow at 200 % text (right to left: one shaped line each).
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            if (eng::rightToLeft()) {
                t.cell(eng::tr(p.what));
            } else {
                ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 18.0f * em);
                ImGui::TextWrapped("%s", eng::tr(p.what));
                ImGui::PopTextWrapPos();
            }
            ImGui::PopStyleColor();
        }
        ImGui::EndTable();
    }
    ImGui::Separator();

    ImGui::TextUnformatted(eng::tr("The chain now"));
    if (ImGui::BeginTable("##chain", 3, ImGuiTableFlags_SizingFixedFit)) {
        eng::ReadingTable t(3);
        auto row = [&t](const char* what, const std::string& value, const char* window) {
            t.nextRow();
            t.nextColumn();
            t.cell(eng::tr(what));
            t.nextColumn();
            t.cell(value.c_str());
            t.nextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            t.cell(eng::tr(window));
            ImGui::PopStyleColor();
        };
        row(eng::N_("Ore to the crusher"), figure("%.0f", f.ore_t_h, "t/h"), eng::N_("mean of the last hour"));
        row(eng::N_("Cathode copper"), figure("%.0f", f.cathode_t_d, "t/d"), eng::N_("at the current rate"));
        row(eng::N_("Hydrogen from the panels"), figure("%.2f", f.h2_kg_h, "kg/h"), eng::N_("after the separator"));
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace scenes
