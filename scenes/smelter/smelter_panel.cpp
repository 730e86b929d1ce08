// The smelter scene's ImGui panel: KPIs a visitor reads in seconds (furnace temperature, matte grade, SO2 captured
// and acid, cathode and slag rates, energy and CO2), live plots of the last sim hours, the alarm list, the controls
// (each edit becomes a sim::Command), view options and the selected unit's details.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "scenes/smelter/smelter_scene.h"
#include "sim/world.h"  // sim::State

namespace scenes {

namespace {
constexpr double kSampleMinutes = 5.0, kHistoryHours = 12.0;
const ImVec4 kRed(1.0f, 0.42f, 0.36f, 1.0f), kGreen(0.45f, 0.85f, 0.5f, 1.0f);

void tip(const char* text) {
    if (text && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}
}  // namespace

void SmelterScene::sample(const sim::State& s, sim::Time now) {
    if (m_nextSample >= 0 && now < m_nextSample) return;
    const sim::SmelterState& sm = s.smelter;
    m_history.push_back({sim::toHours(now), sm.furnace.temperature_c, sm.furnace.matte_grade_pct,
                         sm.acid_plant.so2_captured_t_h, sm.acid_plant.acid_t_h, sm.tankhouse.cathode_t_h, sm.slag_t_h,
                         sm.power_mw, sm.co2_t_h, sm.stack_so2_t_h});
    while (m_history.size() > 2 && m_history.front().hours < m_history.back().hours - kHistoryHours) m_history.pop_front();
    m_nextSample = now + sim::fromSeconds(kSampleMinutes * 60.0);
}

void SmelterScene::setParam(const std::string& name, double value) {
    char b[64];
    std::snprintf(b, sizeof b, "%.9g", value);
    m_outbox.push_back({sim::CommandType::SetParam, name, b});
}

std::vector<sim::Command> SmelterScene::takeCommands() {
    std::vector<sim::Command> out;
    out.swap(m_outbox);
    return out;
}

void SmelterScene::paramSlider(const char* label, const char* name, float lo, float hi, const char* format, const char* tipText) {
    if (!m_state || !m_state->params.has(name)) return;
    auto it = m_edits.find(name);
    float v = it != m_edits.end() ? it->second : static_cast<float>(m_state->params.get(name));
    ImGui::SliderFloat(label, &v, lo, hi, format);
    tip(tipText);
    if (ImGui::IsItemActive()) m_edits[name] = v;
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        setParam(name, v);
        m_edits.erase(name);
    } else if (!ImGui::IsItemActive()) {
        m_edits.erase(name);
    }
}

void SmelterScene::drawUi(const FrameInput& in) {
    const CallState scope(m_state, in.state);
    if (!m_state) return;
    const sim::State& st = (*m_state);
    const sim::SmelterState& s = st.smelter;
    ImGui::SetNextWindowPos(ImVec2(10, 40), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(380, 640), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Copper smelter", &m_showPanel)) { ImGui::End(); return; }

    // Alarms first: a visitor should see a red line before anything else.
    int active = 0;
    for (const sim::AlarmState& a : s.alarms) active += a.active ? 1 : 0;
    if (active == 0) {
        ImGui::TextColored(kGreen, "No alarms");
    } else {
        for (const sim::AlarmState& a : s.alarms)
            if (a.active) ImGui::TextColored(kRed, "ALARM  %s: %.2f (limit %.2f)", a.name.c_str(), a.value, a.limit);
    }
    if (!s.furnace.running) ImGui::TextColored(kRed, "Smelting furnace tripped: no smelting, the bath cools");
    if (!s.acid_plant.running) ImGui::TextColored(kRed, "Acid plant tripped: all SO2 goes up the stack");
    for (std::size_t i = 0; i < s.converters.size(); ++i)
        if (s.converters[i].faulted) ImGui::TextColored(kRed, "Converter %zu faulted: blow stopped", i + 1);
    ImGui::Separator();

    if (ImGui::BeginTable("kpi", 2, ImGuiTableFlags_SizingStretchProp)) {
        auto row = [](const char* name, const char* fmt, double v, bool alarm = false) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(name);
            ImGui::TableNextColumn();
            char b[64];
            std::snprintf(b, sizeof b, fmt, v);
            if (alarm) ImGui::TextColored(kRed, "%s", b); else ImGui::TextUnformatted(b);
        };
        const bool tempAlarm = s.furnace.temp_high || s.furnace.temp_low;
        row("Furnace temperature", "%.0f C", s.furnace.temperature_c, tempAlarm);
        row("Matte grade", "%.1f %% Cu", s.furnace.matte_grade_pct);
        row("Concentrate smelted", "%.1f t/h", s.furnace.feed_t_h);
        row("SO2 captured", "%.2f t/h", s.acid_plant.so2_captured_t_h);
        row("Sulphuric acid made", "%.2f t/h", s.acid_plant.acid_t_h);
        row("SO2 to the stack", "%.2f t/h", s.stack_so2_t_h, s.alarms.size() > 3 && s.alarms[3].active);
        row("Cathode", "%.2f t/h", s.tankhouse.cathode_t_h);
        row("Slag formed", "%.2f t/h", s.slag_t_h);
        row("Power", "%.1f MW", s.power_mw);
        row("Fuel", "%.1f GJ/h", s.furnace.fuel_gj_h);
        row("CO2", "%.2f t/h", s.co2_t_h);
        row("Fayalite to catalyst feed", "%.0f t", s.slag_yard.fayalite_t);
        ImGui::EndTable();
    }

    if (ImGui::CollapsingHeader("Live plots", ImGuiTreeNodeFlags_DefaultOpen)) {
        if (m_history.size() < 2) {
            ImGui::TextDisabled("Plots fill as the simulation runs (one sample per 5 sim minutes).");
        } else {
            const float w = ImGui::GetContentRegionAvail().x;
            const double span = m_history.back().hours - m_history.front().hours;
            auto plot = [&](const char* id, const char* title, double Sample::*field, float floor) {
                std::vector<float> v;
                float lo = FLT_MAX, hi = -FLT_MAX;
                for (const Sample& x : m_history) {
                    v.push_back(static_cast<float>(x.*field));
                    lo = std::min(lo, v.back());
                    hi = std::max(hi, v.back());
                }
                char t[128];
                std::snprintf(t, sizeof t, "%s: %.2f (last %.1f h)", title, static_cast<double>(v.back()), span);
                const float pad = std::max((hi - lo) * 0.1f, floor);
                ImGui::PlotLines(id, v.data(), static_cast<int>(v.size()), 0, t, lo - pad, hi + pad, ImVec2(w, 46));
            };
            plot("##t", "Furnace C", &Sample::tempC, 5.0f);
            plot("##g", "Matte % Cu", &Sample::grade, 0.5f);
            plot("##so2", "SO2 captured t/h", &Sample::so2Captured, 0.5f);
            plot("##stk", "SO2 to stack t/h", &Sample::stackSo2, 0.05f);
            plot("##cath", "Cathode t/h", &Sample::cathode, 0.5f);
            plot("##slag", "Slag t/h", &Sample::slag, 0.5f);
            plot("##pw", "Power MW", &Sample::powerMw, 1.0f);
            plot("##co2", "CO2 t/h", &Sample::co2, 0.2f);
        }
    }

    if (ImGui::CollapsingHeader("Controls", ImGuiTreeNodeFlags_DefaultOpen)) {
        paramSlider("Feed, t/h", "smelter.feed_t_h", 0.0f, 200.0f, "%.0f",
                    "Concentrate fed to the smelting furnace. More feed: more reaction heat, a hotter bath,\n"
                    "more matte and slag (more ladles and slag pots), more SO2.");
        paramSlider("O2 enrichment", "smelter.o2_enrichment", 0.21f, 1.0f, "%.2f",
                    "O2 fraction of the blast. Less nitrogen ballast to heat: the bath runs hotter\n(almalyk.md §6: autogenous with O2 enrichment).");
        paramSlider("Flux: slag Fe/SiO2", "smelter.fe_sio2", 0.8f, 2.5f, "%.2f",
                    "Silica flux to the slag's Fe/SiO2 target (1.2-1.5 typical; almalyk.md §6). Lower = more flux, more slag.");
        paramSlider("Matte grade target, % Cu", "smelter.matte_grade_pct", 35.0f, 75.0f, "%.0f",
                    "Higher grade: more Fe and S oxidised in the furnace (more heat, more slag and SO2 here),\nshorter converter blows.");
        paramSlider("Current density, A/m2", "smelter.current_density_a_m2", 0.0f, 450.0f, "%.0f",
                    "Tankhouse current density (250-350 A/m2 typical; almalyk.md §6): cathode rate by Faraday's law.");
        paramSlider("SO2 capture", "smelter.so2_capture", 0.0f, 1.0f, "%.3f",
                    "Share of SO2 the acid plant takes (new smelter design 99.2-99.7 %; almalyk.md §4).\nLess capture: the stack plume grows.");
        paramSlider("Converters in service", "smelter.converters", 1.0f, 6.0f, "%.0f", "Peirce-Smith converters in the aisle.");
    }

    if (ImGui::CollapsingHeader("View", ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::Checkbox("Cut-away buildings (roof and aisle walls off)", &m_cutaway);
        ImGui::Checkbox("Labels on the equipment", &m_showLabels);
    }
    if (!m_selected.empty() && ImGui::CollapsingHeader("Selected", ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::TextUnformatted(describe(m_selected).c_str());
        if (ImGui::SmallButton("Clear selection")) m_selected.clear();
    }
    ImGui::End();
}

}  // namespace scenes
