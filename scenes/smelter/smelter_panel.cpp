// The smelter scene's ImGui panel: KPIs a visitor reads in seconds (furnace temperature, matte grade, SO2 captured
// and acid, cathode and slag rates, energy and CO2), live plots of the last sim hours, the alarm list, the controls
// (each edit becomes a sim::Command), view options and the selected unit's details.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "engine/gui.h"
#include "engine/i18n.h"
#include "scenes/scene_kit.h"
#include "scenes/smelter/smelter_scene.h"
#include "engine/locale_format.h"
#include "sim/world.h"  // sim::State

namespace scenes {

namespace {
const ImVec4 kRed(1.0f, 0.42f, 0.36f, 1.0f), kGreen(0.45f, 0.85f, 0.5f, 1.0f);

// The words for the simulation's alarm keys (sim/ names its alarms by their 0/1 metric).
const char* alarmText(const std::string& key) {
    if (key == "smelter.alarm_temp_high") return eng::tr("furnace temperature high");
    if (key == "smelter.alarm_temp_low") return eng::tr("furnace temperature low");
    if (key == "smelter.alarm_level_high") return eng::tr("furnace bath level high");
    if (key == "smelter.alarm_stack_so2_high") return eng::tr("stack SO2 high");
    return key.c_str();
}

}  // namespace

std::vector<sim::Command> SmelterScene::takeCommands() { return m_outbox.take(); }

void SmelterScene::paramSlider(const char* label, const char* name, float lo, float hi, const char* format, const char* tipText) {
    if (m_state)
        m_sliders.slider(m_state->params, m_outbox, eng::tr(label), name, lo, hi, format, false, tipText ? eng::tr(tipText) : nullptr);
}

void SmelterScene::drawUi(const FrameInput& in) {
    const CallState scope(m_state, in.state);
    if (!m_state) return;
    const sim::State& st = (*m_state);
    const sim::SmelterState& s = st.smelter;
    // In ems, not pixels: the UI scales with the screen, and Russian and German labels need the width (30 em holds
    // "Содержание меди в штейне  50,0 % Cu" and the slider labels at 1920x1080).
    const float em = ImGui::GetFontSize();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    eng::setNextWindowPos("Copper smelter", 10, 40, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(30.0f * em, std::min(46.0f * em, display.y - 40.0f - 3.0f * em)), ImGuiCond_FirstUseEver);
    // Never narrower than its rows in the language shown: it widens instead of cutting a label.
    const char* title = eng::tr("Copper smelter");
    ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(display.x, kit::fittingWidth(title, 16.0f * em)), 0), ImVec2(display.x, display.y));
    if (!ImGui::Begin(title, &m_showPanel)) { ImGui::End(); return; }

    // Alarms first: a visitor should see a red line before anything else.
    int active = 0;
    for (const sim::AlarmState& a : s.alarms) active += a.active ? 1 : 0;
    if (active == 0) {
        ImGui::TextColored(kGreen, "%s", eng::tr("No alarms"));
    } else {
        for (const sim::AlarmState& a : s.alarms)
            if (a.active) ImGui::TextColored(kRed, "%s", eng::formatf(eng::tr("ALARM  %s: %.2f (limit %.2f)"), alarmText(a.name), a.value, a.limit).c_str());
    }
    if (!s.furnace.running) ImGui::TextColored(kRed, "%s", eng::tr("Smelting furnace tripped: no smelting, the bath cools"));
    if (!s.acid_plant.running) ImGui::TextColored(kRed, "%s", eng::tr("Acid plant tripped: all SO2 goes up the stack"));
    for (std::size_t i = 0; i < s.converters.size(); ++i)
        if (s.converters[i].faulted) ImGui::TextColored(kRed, eng::tr("Converter %zu faulted: blow stopped"), i + 1);
    ImGui::Separator();

    if (ImGui::BeginTable("kpi", 2, ImGuiTableFlags_SizingStretchProp)) {
        eng::ReadingTable t(2);  // Arabic reads the row from the right
        auto row = [&t](const char* name, const char* fmt, double v, bool alarm = false) {
            t.nextRow();
            t.nextColumn();
            t.cell(eng::tr(name));
            t.nextColumn();
            // "%.1f t/h": the number in the language's format, then the unit as the language writes it.
            const std::string f(fmt);
            std::string rest = f.substr(4);
            for (std::size_t at = rest.find("%%"); at != std::string::npos; at = rest.find("%%", at + 1)) rest.erase(at, 1);
            if (rest.size() > 1 && rest[0] == ' ') {  // "т/ч" in Russian
                const std::string unit = eng::unitSymbol(rest.substr(1));
                rest.resize(1);
                rest += unit;
            }
            const std::string b = kit::formatNumber(f.substr(0, 4).c_str(), v) + rest;
            if (alarm) ImGui::PushStyleColor(ImGuiCol_Text, kRed);
            t.cell(b.c_str());
            if (alarm) ImGui::PopStyleColor();
        };
        const bool tempAlarm = s.furnace.temp_high || s.furnace.temp_low;
        row(eng::N_("Furnace temperature"), "%.0f °C", s.furnace.temperature_c, tempAlarm);
        row(eng::N_("Matte grade"), "%.1f %% Cu", s.furnace.matte_grade_pct);
        row(eng::N_("Concentrate smelted"), "%.1f t/h", s.furnace.feed_t_h);
        row(eng::N_("SO2 captured"), "%.2f t/h", s.acid_plant.so2_captured_t_h);
        row(eng::N_("Sulphuric acid made"), "%.2f t/h", s.acid_plant.acid_t_h);
        row(eng::N_("SO2 to the stack"), "%.2f t/h", s.stack_so2_t_h, s.alarms.size() > 3 && s.alarms[3].active);
        row(eng::N_("Cathode"), "%.2f t/h", s.tankhouse.cathode_t_h);
        row(eng::N_("Slag formed"), "%.2f t/h", s.slag_t_h);
        row(eng::N_("Power"), "%.1f MW", s.power_mw);
        row(eng::N_("Fuel"), "%.1f GJ/h", s.furnace.fuel_gj_h);
        row(eng::N_("CO2"), "%.2f t/h", s.co2_t_h);
        row(eng::N_("Fayalite to catalyst feed"), "%.0f t", s.slag_yard.fayalite_t);
        ImGui::EndTable();
    }

    if (ImGui::CollapsingHeader(eng::tr("Live plots"), ImGuiTreeNodeFlags_DefaultOpen)) {
        // Eight plots of 2.6 em (the title inside each): the block is as tall before they fill as after, so the
        // controls below never jump.
        const float plotH = std::round(2.6f * ImGui::GetFontSize()), spacing = ImGui::GetStyle().ItemSpacing.y;  // whole pixels, as ImGui lays out
        const float blockH = 8.0f * plotH + 7.0f * spacing;
        if (m_plots.size() < 2) {
            const float top = ImGui::GetCursorPosY();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            eng::textWrapped(eng::trp("Plots fill as the simulation runs (one sample per 5 sim minutes)."));
            ImGui::PopStyleColor();
            // To where the last plot's bottom would be (the next item then follows at the same place).
            ImGui::Dummy(ImVec2(1.0f, std::max(0.0f, top + blockH - ImGui::GetCursorPosY())));
        } else {
            const float w = ImGui::GetContentRegionAvail().x;
            const double span = m_plots.spanHours();
            // One plot per metric of m_plots, in its order (smelter_scene.h).
            // Each plot's value with the decimals of its line in the table above (1245 °C there and here).
            auto plot = [&](std::size_t metric, const char* title, float floor, const char* valueFormat) {
                const std::vector<float>& v = m_plots.series(metric);
                float lo = FLT_MAX, hi = -FLT_MAX;
                for (float x : v) {
                    lo = std::min(lo, x);
                    hi = std::max(hi, x);
                }
                char t[128];
                eng::localSnprintf(t, sizeof t, eng::tr("%s: %s (last %.1f h)"), eng::tr(title),
                                   kit::formatNumber(valueFormat, static_cast<double>(v.back())).c_str(), span);
                const float pad = std::max((hi - lo) * 0.1f, floor);
                // The curve keeps to the lower 55 % of the plot: the title on its top line is never crossed by it.
                const float top = hi + pad + 0.8f * (hi - lo + 2.0f * pad);
                char id[16];
                std::snprintf(id, sizeof id, "##plot%zu", metric);
                ImGui::PlotLines(id, v.data(), static_cast<int>(v.size()), 0, t, lo - pad, top, ImVec2(w, plotH));
            };
            plot(0, eng::N_("Furnace °C"), 5.0f, "%.0f");
            // xgettext:no-c-format
            plot(1, eng::N_("Matte % Cu"), 0.5f, "%.1f");
            plot(2, eng::N_("SO2 captured t/h"), 0.5f, "%.2f");
            plot(3, eng::N_("SO2 to stack t/h"), 0.05f, "%.2f");
            plot(4, eng::N_("Cathode t/h"), 0.5f, "%.2f");
            plot(5, eng::N_("Slag t/h"), 0.5f, "%.2f");
            plot(6, eng::N_("Power MW"), 1.0f, "%.1f");
            plot(7, eng::N_("CO2 t/h"), 0.2f, "%.2f");
        }
    }

    if (ImGui::CollapsingHeader(eng::tr("Controls"), ImGuiTreeNodeFlags_DefaultOpen)) {
        // Every label its language's room ("Плотность тока, А/м²", "O2-Anreicherung"); the slider takes the rest.
        ImGui::PushItemWidth(-kit::labelWidth({eng::tr("Feed, t/h"), eng::tr("O2 enrichment"), eng::tr("Flux: slag Fe/SiO2"),
                                               eng::tr("Matte grade target, % Cu"), eng::tr("Current density, A/m2"),
                                               eng::tr("SO2 capture"), eng::tr("Converters in service")}));
        paramSlider(eng::N_("Feed, t/h"), "smelter.feed_t_h", 0.0f, 200.0f, "%.0f",
                    eng::N_("Concentrate fed to the smelting furnace. More feed: more reaction heat, a hotter bath,\n"
                    "more matte and slag (more ladles and slag pots), more SO2."));
        paramSlider(eng::N_("O2 enrichment"), "smelter.o2_enrichment", 0.21f, 1.0f, "%.2f",
                    eng::N_("O2 fraction of the blast. Less nitrogen ballast to heat: the bath runs hotter\n(almalyk.md §6: autogenous with O2 enrichment)."));
        paramSlider(eng::N_("Flux: slag Fe/SiO2"), "smelter.fe_sio2", 0.8f, 2.5f, "%.2f",
                    eng::N_("Silica flux to the slag's Fe/SiO2 target (1.2-1.5 typical; almalyk.md §6). Lower = more flux, more slag."));
        // xgettext:no-c-format
        paramSlider(eng::N_("Matte grade target, % Cu"), "smelter.matte_grade_pct", 35.0f, 75.0f, "%.0f",
                    eng::N_("Higher grade: more Fe and S oxidised in the furnace (more heat, more slag and SO2 here),\nshorter converter blows."));
        paramSlider(eng::N_("Current density, A/m2"), "smelter.current_density_a_m2", 0.0f, 450.0f, "%.0f",
                    eng::N_("Tankhouse current density (250-350 A/m2 typical; almalyk.md §6): cathode rate by Faraday's law."));
        paramSlider(eng::N_("SO2 capture"), "smelter.so2_capture", 0.0f, 1.0f, "%.3f",
                    eng::N_("Share of SO2 the acid plant takes (new smelter design 99.2-99.7 %; almalyk.md §4).\nLess capture: the stack plume grows."));
        paramSlider(eng::N_("Converters in service"), "smelter.converters", 1.0f, 6.0f, "%.0f", eng::N_("Peirce-Smith converters in the aisle."));
        ImGui::PopItemWidth();
    }

    if (ImGui::CollapsingHeader(eng::tr("View"), ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::Checkbox(eng::tr("Cut-away buildings (roof and aisle walls off)"), &m_cutaway);
        ImGui::Checkbox(eng::tr("Labels on the equipment"), &m_showLabels);
    }
    if (!m_selected.empty() && ImGui::CollapsingHeader(eng::tr("Selected"), ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::TextUnformatted(eng::display(describe(m_selected)).c_str());
        if (ImGui::SmallButton(eng::tr("Clear selection"))) m_selected.clear();
    }
    ImGui::End();
}

}  // namespace scenes
