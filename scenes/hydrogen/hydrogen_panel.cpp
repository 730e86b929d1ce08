// The hydrogen scene's ImGui panel: the route comparison a visitor reads in seconds, live plots of the last sim days,
// STH presets with the absorber's physical ceiling, and the controls (each edit becomes a sim::Command).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "scenes/hydrogen/hydrogen_scene.h"
#include "scenes/scene_kit.h"
#include "sim/world.h"

namespace scenes {

namespace {

// STH presets (hydrogen.md §1 and §9).
struct SthPreset { const char* name; double sth; const char* source; };
const SthPreset kSthPresets[] = {
    {"0.76 % best field", 0.76, "Best 100 m² panel field: Nishiyama ... Domen, Nature 2021 (SrTiO3:Al sheets, max STH\n"
                                "0.76 %, energy negative overall). hydrogen.md §1"},
    {"Slag-derived today", 0.001, "Illustrative only: no overall water-splitting STH is published for fayalite or\n"
                                  "Almalyk slag. Raw copper slag ~7e-4 % equivalent, with a sacrificial reagent\n"
                                  "(Montoya-Bautista 2020). hydrogen.md §3, §9"},
    {"5 % target", 5.0, "Z-scheme target for economic viability (5-10 % needed). hydrogen.md §1, §5"},
    {"10 % target", 10.0, "Type-1 'baggie' target; needs a visible-light absorber (edge >= ~530 nm).\nhydrogen.md §1, §5"},
};
// Theoretical STH ceiling vs absorption edge, AQY = 100 %, AM1.5G (hydrogen.md §1, integrated from ASTM G173).
struct Absorber { const char* name; double ceiling; };
const Absorber kAbsorbers[] = {
    {"SrTiO3:Al, edge ~390 nm (3.18 eV)", 1.37}, {"edge 450 nm (2.76 eV)", 4.27}, {"edge 500 nm (2.48 eV)", 7.93},
    {"edge 550 nm (2.25 eV)", 11.9},             {"edge 600 nm (2.07 eV)", 16.2}, {"edge 700 nm (1.77 eV)", 25.1},
};

void tip(const char* text) { kit::tooltip(text); }

void rangeCell(const sim::Range& r, bool viable, const char* format) {
    if (!viable) { ImGui::TextDisabled("n/a"); return; }
    char b[96];
    char f[64];
    std::snprintf(f, sizeof f, "%s - %s (base %s)", format, format, format);
    std::snprintf(b, sizeof b, f, r.low, r.high, r.base);
    ImGui::TextUnformatted(b);
}

}  // namespace

void HydrogenScene::paramSlider(const char* label, const char* name, float lo, float hi, const char* format,
                                bool logScale, const char* tipText) {
    if (m_state) m_sliders.slider(m_state->params, m_outbox, label, name, lo, hi, format, logScale, tipText);
}

void HydrogenScene::drawComparison() {
    const sim::State& s = (*m_state);
    const sim::RouteEconomics* route[3] = {nullptr, nullptr, nullptr};
    for (const auto& e : s.economics) {
        if (e.name == "photocatalytic") route[0] = &e;
        if (e.name == "smr_grey") route[1] = &e;
        if (e.name == "smr_capture") route[2] = &e;
    }
    // Last 24 sim hours from the samples (each holds its rate for kSampleMinutes).
    double photoDay = 0.0, smrDay = 0.0;
    if (!m_plots.empty()) {
        const double since = m_plots.hoursAt(m_plots.size() - 1) - 24.0, perSample = m_plots.sampleMinutes() / 60.0;
        for (std::size_t k = 0; k < m_plots.size(); ++k)
            if (m_plots.hoursAt(k) > since) {
                photoDay += m_plots.series(kPlotH2)[k] * perSample;
                smrDay += m_plots.series(kPlotSmr)[k] * perSample;
            }
    }
    const bool capture = m_smrCapture > 0.0;
    if (ImGui::BeginTable("routes", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("");
        ImGui::TableSetupColumn("Photocatalytic panels");
        ImGui::TableSetupColumn("SMR (grey)");
        ImGui::TableSetupColumn("SMR + CO2 capture");
        ImGui::TableHeadersRow();
        auto liveRow = [&](const char* what, double photo, double smr, const char* format, const char* why) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(what);
            tip(why);
            ImGui::TableNextColumn();
            ImGui::Text(format, photo);
            ImGui::TableNextColumn();
            if (!capture) ImGui::Text(format, smr); else ImGui::TextDisabled("-");
            ImGui::TableNextColumn();
            if (capture) ImGui::Text(format, smr); else ImGui::TextDisabled("-");
        };
        liveRow("kg H2 per hour, now", m_recoveredKgh, m_smrKgh, "%.3f",
                "Live: panels' H2 recovered after the membrane; the reformer's output (its column follows smr.capture_fraction)");
        liveRow("kg H2, last 24 h", photoDay, smrDay, "%.2f", "Integrated from this session's samples of the sim");
        auto econRow = [&](const char* what, sim::Range sim::RouteEconomics::*field, const char* format, const char* why) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(what);
            tip(why);
            for (const auto* e : route) {
                ImGui::TableNextColumn();
                if (e) rangeCell(e->*field, e->viable || field == &sim::RouteEconomics::co2_kg_per_kg, format);
                else ImGui::TextDisabled("-");
            }
        };
        econRow("CO2, kg per kg H2", &sim::RouteEconomics::co2_kg_per_kg, "%.2f",
                "Direct CO2 per kg H2: SMR ~10 kg (hydrogen.md §4: 9.35-10.2); with capture 71-92 % removed; panels: "
                "grid power for drying and compression only");
        econRow("Land, m² per kg/day", &sim::RouteEconomics::land_m2_per_kg_d, "%.0f",
                "Panels: 365 / (annual yield x ground cover ratio); reformer: plot area (econ.* ranges)");
        econRow("LCOH, USD per kg", &sim::RouteEconomics::lcoh_usd_kg, "%.2f",
                "Levelised cost from the named econ.* assumptions, low-base-high; market refs: grey 1.0-2.5, "
                "blue 1.45-2.4, photocatalytic projections 1.6-3.2 at 5-10 % STH (hydrogen.md §5, §9)");
        ImGui::EndTable();
    }
    if (route[0] && !route[0]->viable) ImGui::TextDisabled("Panels: no hydrogen at this STH - no meaningful LCOH (cf. Domen 2021, energy negative).");
}

void HydrogenScene::drawPlots() {
    if (m_plots.size() < 2) { ImGui::TextDisabled("Plots fill as the simulation runs (one sample per 10 sim minutes)."); return; }
    const std::vector<float>& a = m_plots.series(kPlotPoa);
    const std::vector<float>& b = m_plots.series(kPlotH2);
    const std::vector<float>& c = m_plots.series(kPlotStorage);
    const float aMax = std::max(1.0f, *std::max_element(a.begin(), a.end()));
    const float bMax = std::max(1e-6f, *std::max_element(b.begin(), b.end()));
    const float cMax = std::max(1e-6f, *std::max_element(c.begin(), c.end()));
    const float w = ImGui::GetContentRegionAvail().x;
    char t[96];
    const double span = m_plots.spanHours();
    std::snprintf(t, sizeof t, "Irradiance on panels (POA), W/m² - last %.1f h, max %.0f", span, aMax);
    ImGui::PlotLines("##poa", a.data(), static_cast<int>(a.size()), 0, t, 0.0f, std::max(aMax, 1100.0f), ImVec2(w, 60));
    std::snprintf(t, sizeof t, "H2 recovered, kg/h - max %.3f", bMax);
    ImGui::PlotLines("##h2", b.data(), static_cast<int>(b.size()), 0, t, 0.0f, bMax * 1.1f, ImVec2(w, 60));
    std::snprintf(t, sizeof t, "H2 storage, kg (capacity %.0f)", m_storageCap);
    ImGui::PlotLines("##st", c.data(), static_cast<int>(c.size()), 0, t, 0.0f, std::max(static_cast<float>(m_storageCap), cMax), ImVec2(w, 60));
}

void HydrogenScene::drawControls() {
    const double sth = m_state->params.has("h2.sth_percent") ? m_state->params.get("h2.sth_percent") : 0.0;
    ImGui::TextUnformatted("STH presets:");
    for (const SthPreset& p : kSthPresets) {
        ImGui::SameLine();
        if (ImGui::SmallButton(p.name)) {
            char b[32];
            std::snprintf(b, sizeof b, "%.9g", p.sth);
            m_outbox.setParamText("h2.sth_percent", b);
        }
        tip(p.source);
    }
    paramSlider("STH, %", "h2.sth_percent", 0.0f, 30.0f, "%.3f", true, "Solar-to-hydrogen efficiency (Gibbs basis, hydrogen.md §8.4)");
    ImGui::SetNextItemWidth(260);
    if (ImGui::BeginCombo("Absorber", kAbsorbers[m_absorber].name)) {
        for (int i = 0; i < static_cast<int>(std::size(kAbsorbers)); ++i)
            if (ImGui::Selectable(kAbsorbers[i].name, i == m_absorber)) m_absorber = i;
        ImGui::EndCombo();
    }
    const double ceiling = kAbsorbers[m_absorber].ceiling;
    ImGui::SameLine();
    ImGui::TextColored(sth > ceiling ? ImVec4(1, 0.4f, 0.3f, 1) : ImVec4(0.7f, 0.9f, 0.7f, 1), "ceiling %.2f %%%s", ceiling,
                       sth > ceiling ? " - STH above this absorber's physical limit!" : "");
    tip("Theoretical STH for 100 % quantum yield below the absorption edge, AM1.5G (hydrogen.md §1, ASTM G173). "
        "SrTiO3:Al is capped near 1.1-1.4 %; 10 % needs an edge >= ~530 nm.");
    paramSlider("Panel area, m²", "h2.panel_area_m2", 0.0f, 400000.0f, "%.0f", true,
                "Panel area set by the parameter; the catalyst line adds rows of 100 m² as it builds them");
    paramSlider("Tilt, °", "h2.tilt_deg", 0.0f, 90.0f, "%.0f", false, "Panel tilt from horizontal (30° default, hydrogen.md §9)");
    paramSlider("Azimuth, °", "h2.azimuth_deg", 90.0f, 270.0f, "%.0f", false, "Direction the panels face, from north clockwise (180 = south)");
    bool stochastic = m_state->params.has("weather.cloud_cover") && m_state->params.get("weather.cloud_cover") < 0.0;
    if (ImGui::Checkbox("Seasonal weather", &stochastic)) m_outbox.setParamText("weather.cloud_cover", stochastic ? "-1" : "0");
    tip("Cloud cover drawn day by day so each month's sunshine matches Tashkent's WMO record (sim/weather.h)");
    if (!stochastic) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(180);
        paramSlider("Cloud cover", "weather.cloud_cover", 0.0f, 1.0f, "%.2f", false, "Share of the time the sun is covered");
    }
    paramSlider("Reformer, kg H2/h", "smr.capacity_kg_h", 0.0f, 1000.0f, "%.1f", true, "Steam methane reformer capacity");
    paramSlider("CO2 capture", "smr.capture_fraction", 0.0f, 0.95f, "%.2f", false, "Share of the reformer's CO2 captured (SMR 71-92 %, hydrogen.md §4)");
    ImGui::Separator();
    ImGui::Checkbox("Sun path preview", &m_showSunPath);
    tip("The simulation clock only runs forward, so date and time of day are previewed here: the sun's path over the\n"
        "field for the chosen date (markers every 15 min) and its position at the chosen hour. Use --start to run another date.");
    if (m_showSunPath) {
        const sim::CivilTime c = sim::toLocalCivil(m_now);
        int day = m_previewDay > 0 ? m_previewDay : c.dayOfYear;
        ImGui::SetNextItemWidth(200);
        if (ImGui::SliderInt("Day of year", &day, 1, 365)) m_previewDay = day;
        ImGui::SameLine();
        ImGui::SetNextItemWidth(200);
        ImGui::SliderFloat("Hour", &m_previewHour, 0.0f, 24.0f, "%.2f");
    }
}

void HydrogenScene::drawUi(const FrameInput& in) {
    const CallState scope(m_state, in.state);
    if (!m_state) return;
    ImGui::SetNextWindowPos(ImVec2(10, 60), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(640, 0), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Hydrogen: panels vs reformer", &m_showPanel)) { ImGui::End(); return; }
    ImGui::Text("Sun %.1f° up, azimuth %.0f°   GHI %.0f W/m²   on panels %.0f W/m²   cloud cover %.0f %%",
                m_elevation, m_azimuth, m_ghi, m_poa, 100.0 * m_cloud);
    ImGui::Text("Field %.0f m² (%.0f m² built from slag catalyst)   STH %.3g %%   H2 %.3f kg/h", m_area, m_builtArea, m_sth, m_h2kgh);
    drawComparison();
    if (ImGui::CollapsingHeader("Live plots", ImGuiTreeNodeFlags_DefaultOpen)) drawPlots();
    if (ImGui::CollapsingHeader("Controls", ImGuiTreeNodeFlags_DefaultOpen)) drawControls();
    ImGui::End();
}

}  // namespace scenes
