// The scenes' panels as a visitor reads them, with real widgets and the app's fonts and style (Dear ImGui without a
// window, tests/engine/headless_imgui.h): every window's content fits inside it at UI scales 100/150/200 % in
// English, German and Russian; the sections below the plots do not move when the plots fill; the hydrogen panel's
// "last 24 h" is the integral of the simulation's per-tick rates; the panels' hydrogen figure is one number.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/ui.h"
#include "engine/i18n.h"
#include "headless_imgui.h"
#include "scenes/hydrogen/hydrogen_scene.h"
#include "scenes/hydrogen/supply_view.h"
#include "scenes/landscape/landscape_panel.h"
#include "scenes/smelter/smelter_scene.h"
#include "sim/metrics.h"
#include "sim/world.h"

namespace {

// A world at 14:30 after a 4 h run, and the scenes having watched it every 5 min (their plots filled).
struct Watched {
    sim::World world{sim::makeParams(), 11, start()};
    scenes::HydrogenScene hydrogen;
    scenes::SmelterScene smelter;
    static sim::Time start() {
        sim::Time t = 0;
        sim::parseIso8601("2026-06-21T10:30:00+05:00", t);
        return t;
    }
    scenes::FrameInput input() const {
        scenes::FrameInput in;
        in.state = &world.state();
        in.now = world.now();
        in.sunDir = glm::normalize(glm::vec3(0.3f, 0.8f, 0.4f));
        return in;
    }
    explicit Watched(double hours = 4.0, bool watch = true) {
        const sim::Time end = world.now() + sim::fromSeconds(hours * 3600.0);
        while (world.now() < end) {
            world.advance(std::min(end, world.now() + 5 * sim::kMinute), 1000);
            if (!watch && world.now() < end) continue;
            hydrogen.update(input());
            smelter.update(input());
        }
    }
};

// Where a window's content runs past what the window shows: to the right of its inner rect (always clipped, there
// is no horizontal scrolling), or below it without a scrollbar to reach it.
std::vector<std::string> overflows() {
    std::vector<std::string> out;
    for (ImGuiWindow* w : GImGui->Windows) {
        if (!w->Active || w->Hidden || w->Collapsed || w->SkipItems) continue;
        if (w->Flags & (ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup)) continue;
        if (std::string(w->Name).rfind("Debug##Default", 0) == 0) continue;
        char b[512];
        const float right = w->DC.IdealMaxPos.x - w->InnerRect.Max.x;
        if (right > 0.5f) out.emplace_back(b, static_cast<std::size_t>(std::snprintf(b, sizeof b, "%s: %.1f px past the right edge", w->Name, right)));
        const float below = w->DC.CursorMaxPos.y - w->InnerRect.Max.y;
        if (below > 0.5f && !w->ScrollbarY)
            out.emplace_back(b, static_cast<std::size_t>(std::snprintf(b, sizeof b, "%s: %.1f px cut at the bottom", w->Name, below)));
    }
    return out;
}

// The content height of the named window (from its first item to its last), this frame.
float contentHeight(const char* name) {
    const ImGuiWindow* w = ImGui::FindWindowByName(name);
    return w ? w->DC.CursorMaxPos.y - w->DC.CursorStartPos.y : -1.0f;
}

// Opens the collapsing header `label` (translated, as the panel shows it) of the window `window` from the next frame
// on, as a visitor's click would: ImGui keeps a header's state under the ID its label hashes to in its window.
void openHeader(const char* window, const char* label) {
    if (ImGuiWindow* w = ImGui::FindWindowByName(window)) w->StateStorage.SetInt(ImHashStr(label, 0, w->ID), 1);
}

// Vertices the window drew this frame (its plots' lines are most of them).
int vertices(const char* name) {
    const ImGuiWindow* w = ImGui::FindWindowByName(name);
    return w && w->DrawList ? w->DrawList->VtxBuffer.Size : 0;
}

}  // namespace

TEST_CASE("panels: every window's content fits inside it at UI scales 100, 150 and 200 % in en, de and ru") {
    Watched w;
    std::string why;
    app::ParamPanelState params;
    std::vector<sim::Command> out;
    for (const std::string lang : {"en", "de", "ru"}) {
        REQUIRE_MESSAGE(eng::setLanguage(lang, &why), why);
        for (float scale : {1.0f, 1.5f, 2.0f}) {
            CAPTURE(lang);
            CAPTURE(scale);
            HeadlessImGui ui;
            ImGui::GetIO().DisplaySize = {1920, 1080};
            app::setupUiStyle(scale);
            bool open = true;
            auto draw = [&] {
                const scenes::FrameInput in = w.input();
                w.hydrogen.drawUi(in);
                w.smelter.drawUi(in);
                scenes::drawLandscapePanel(in);
                app::drawParamsPanel(params, w.world.params(), out, &open);
            };
            // Every section open (the hydrogen panel's controls are closed by default; the parameters open every
            // group while a filter matches, and every name has a dot).
            params.filter = std::string(1, '.');  // (a literal assigned here trips GCC 12's false -Wrestrict)
            ui.frame(draw);
            openHeader(eng::tr("Hydrogen for PRMiTS: panels, store and reformer"), eng::tr("Controls: STH, field, weather, reformer, capture"));
            for (int f = 0; f < 3; ++f) ui.frame(draw);  // auto-sized windows settle in two frames
            // The app's own font at the presenter's size (app/ui.cpp: 17 px at 100 %), not ImGui's default.
            CHECK(ImGui::GetIO().Fonts->Fonts[0]->FontSize == doctest::Approx(std::round(17.0f * scale)));
            int windows = 0;
            for (ImGuiWindow* win : GImGui->Windows) windows += win->Active && !(win->Flags & ImGuiWindowFlags_ChildWindow) ? 1 : 0;
            CHECK(windows == 4);  // the four panels: none was skipped
            for (const std::string& o : overflows()) FAIL_CHECK(o);
        }
    }
    REQUIRE(eng::setLanguage("en", &why));
}

TEST_CASE("panels: the sections below the plots keep their place when the plots fill") {
    Watched filled;                // watched for 4 h: the plots are drawn
    Watched fresh(4.0, false);     // the same world, looked at once at the end: "plots fill as ..."
    for (float scale : {1.0f, 2.0f}) {
        CAPTURE(scale);
        float heightH[2] = {}, heightS[2] = {};
        int drawn[2] = {};
        for (int k = 0; k < 2; ++k) {
            Watched& w = k == 0 ? filled : fresh;
            HeadlessImGui ui;
            ImGui::GetIO().DisplaySize = {1920, 4000};  // tall enough that nothing scrolls
            app::setupUiStyle(scale);
            auto draw = [&] { w.hydrogen.drawUi(w.input()); w.smelter.drawUi(w.input()); };
            ui.frame(draw);
            openHeader("Hydrogen for PRMiTS: panels, store and reformer", "Controls: STH, field, weather, reformer, capture");
            for (int f = 0; f < 3; ++f) ui.frame(draw);
            heightH[k] = contentHeight("Hydrogen for PRMiTS: panels, store and reformer");
            heightS[k] = contentHeight("Copper smelter");
            drawn[k] = vertices("Hydrogen for PRMiTS: panels, store and reformer") + vertices("Copper smelter");
        }
        // The watched scenes drew their plots (thousands of line vertices more), the fresh ones the note.
        CHECK(drawn[0] > drawn[1] + 2000);
        // Both panels' content exactly as tall with and without plots: every section below keeps its place.
        CHECK(heightH[0] > 0.0f);
        CHECK(heightS[0] > 0.0f);
        CHECK(heightH[0] == doctest::Approx(heightH[1]).epsilon(1e-6));
        CHECK(heightS[0] == doctest::Approx(heightS[1]).epsilon(1e-6));
    }
}

TEST_CASE("hydrogen panel: kg over the last 24 h is the sum of the simulation's per-tick rates, from the first hour on") {
    using T = scenes::h2::SupplyTotals;
    const char* rates[] = {"h2.demand_kg_h", "h2.served_photo_kg_h", "h2.served_reformer_kg_h", "h2.unserved_kg_h", "h2.vented_kg_h"};
    const T::Item items[] = {T::kDemand, T::kServedPanels, T::kServedReformer, T::kUnserved, T::kVented};
    sim::World w(sim::makeParams(), 5, Watched::start());
    // Reference: the per-tick rates (what the CSV writes) times the tick, tick by tick, kept per tick for a window.
    std::vector<std::vector<double>> perTick(std::size(rates));
    std::vector<double> tickEnd;
    T watchedAlong;  // sampled as the scene samples (every 10 min from its first frame)
    for (int tick = 0; tick < 30 * 60; ++tick) {
        w.step();
        const sim::State& s = w.state();
        tickEnd.push_back(sim::toHours(s.time));
        for (std::size_t i = 0; i < std::size(rates); ++i)
            perTick[i].push_back(sim::readMetric(s, std::string_view(rates[i])) * sim::toHours(s.tickLength));
        watchedAlong.sample(s, s.time);
        if (tick + 1 == 60) {
            // One hour in: a panel opened now (a shot after a 1 h warm-up) has one sample, yet shows the hour.
            T fresh;
            fresh.sample(s, s.time);
            double span = 0.0;
            for (std::size_t i = 0; i < std::size(rates); ++i) {
                double sum = 0.0;
                for (double kg : perTick[i]) sum += kg;
                CAPTURE(rates[i]);
                CHECK(fresh.lastHours(s, items[i], 24.0, &span) == doctest::Approx(sum).epsilon(1e-9));
            }
            CHECK(span == doctest::Approx(1.0));
            // About an hour of the ~4.7 kg/h midday demand, not one 10-minute sample of it.
            CHECK(fresh.lastHours(s, T::kDemand, 24.0, nullptr) > 3.0);
        }
    }
    // 30 h in: the window is the last 24 h of sim time, from the oldest sample inside it.
    const sim::State& s = w.state();
    double span = 0.0;
    for (std::size_t i = 0; i < std::size(rates); ++i) {
        const double shown = watchedAlong.lastHours(s, items[i], 24.0, &span);
        double sum = 0.0;
        for (std::size_t k = 0; k < tickEnd.size(); ++k)
            if (tickEnd[k] > sim::toHours(s.time) - span + 1e-9) sum += perTick[i][k];
        CAPTURE(rates[i]);
        // The history keeps floats: a cumulative of some hundred kg to ~1e-5 kg.
        CHECK(shown == doctest::Approx(sum).epsilon(1e-5));
    }
    CHECK(span <= 24.0 + 1e-9);
    CHECK(span > 23.8);
}

TEST_CASE("hydrogen panel: the panels' H2 is one number on screen (after the separator), never the gross beside it") {
    Watched w(3.0);
    const sim::State& s = w.world.state();
    REQUIRE(s.h2.h2_kg_h > 1.0);  // midday: the gross and the recovered rate differ by the separator's loss
    const scenes::h2::SupplyNow now = scenes::h2::readSupply(s);
    CHECK(now.panels_kg_h == s.h2.h2_recovered_kg_h);
    const std::string shown = scenes::h2::panelsRateText(now);
    char gross[32], recovered[32];
    std::snprintf(gross, sizeof gross, "%.2f", s.h2.h2_kg_h);
    std::snprintf(recovered, sizeof recovered, "%.2f", s.h2.h2_recovered_kg_h);
    REQUIRE(std::string(gross) != recovered);
    CHECK(shown == recovered);
    // The store rows carry the same text.
    bool inRows = false;
    for (const scenes::h2::Row& r : scenes::h2::storeRows(now, s.h2.storage_capacity_kg))
        if (std::string(r.key) == "panels") inRows = r.value == shown;
    CHECK(inRows);
    // The panel's header line is written from the same text, and the gross figure is not on it.
    const std::string header = scenes::h2::panelsLine(s.h2.sth_effective_percent, now);
    CHECK(header.find(shown + " kg/h") != std::string::npos);
    CHECK(header.find(gross) == std::string::npos);
}

TEST_CASE("landscape legend: its figures are the simulation's metrics; it names the labelled places") {
    for (const std::string& n : scenes::landscapeMetricNames()) {
        CAPTURE(n);
        CHECK(sim::findMetric(n) >= 0);
    }
    Watched w(2.0, false);
    const sim::State& s = w.world.state();
    const scenes::LandscapeFigures f = scenes::readLandscapeFigures(w.input());
    CHECK(f.ore_t_h == s.mine.ore_t_h);
    CHECK(f.cathode_t_d == doctest::Approx(24.0 * s.smelter.cathode_t_h));
    CHECK(f.h2_kg_h == s.h2.h2_recovered_kg_h);
    CHECK(f.cathode_t_d > 100.0);  // the tankhouse runs: hundreds of tonnes a day
    CHECK_FALSE(f.night);
    // At night the key light is the moon and the exposure has risen (eng::skyLighting's adaptation).
    scenes::FrameInput night = w.input();
    night.sunDir = glm::normalize(glm::vec3(0.2f, -0.5f, 0.3f));
    night.moonDir = glm::normalize(glm::vec3(-0.3f, 0.6f, 0.2f));
    night.moonIlluminated = 0.8f;
    const scenes::LandscapeFigures n = scenes::readLandscapeFigures(night);
    CHECK(n.night);
    CHECK(n.exposure > f.exposure);
}
