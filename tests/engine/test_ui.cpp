// The UI's logic without a GL context: parameter grouping, value -> command conversion, clock and speed text, and
// the parameter panel driven headless through Dear ImGui (no backend: the font atlas is built, never uploaded).
#include <doctest/doctest.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes, as the imgui_impl_glfw backend writes them
#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <limits>

#include "headless_imgui.h"
#include "app/ui.h"

namespace {

sim::ParamDef def(std::string name, sim::ParamKind kind, double d, double lo, double hi, std::string desc = "",
                  std::vector<std::string> choices = {}) {
    sim::ParamDef p;
    p.name = std::move(name);
    p.kind = kind;
    p.def = d;
    p.min = lo;
    p.max = hi;
    p.description = std::move(desc);
    p.choices = std::move(choices);
    p.unit = "-";
    return p;
}

std::vector<std::string> prefixes(const std::vector<app::ParamGroup>& g) {
    std::vector<std::string> out;
    for (const auto& x : g) out.push_back(x.prefix);
    return out;
}

}  // namespace

TEST_CASE("ui: parameters group by prefix in the chain's order, members in registry order") {
    using K = sim::ParamKind;
    const std::vector<sim::ParamDef> defs = {
        def("sim.tick_s", K::Integer, 60, 1, 3600),          def("h2.sth_percent", K::Real, 0.76, 0, 10),
        def("mine.trucks", K::Integer, 30, 1, 500, "Haul trucks in service"),
        def("zeta.extra", K::Real, 0, 0, 1),                 def("mine.payload_t", K::Real, 220, 10, 400),
        def("alpha.extra", K::Real, 0, 0, 1),                def("smelter.matte_grade", K::Real, 0.6, 0.3, 0.8),
        def("nodot", K::Boolean, 0, 0, 1, "truck-free"),
    };
    const auto groups = app::groupParams(defs, "");
    CHECK(prefixes(groups) == std::vector<std::string>{"mine", "smelter", "h2", "sim", "zeta", "alpha", "nodot"});
    CHECK(groups[0].members == std::vector<std::size_t>{2, 4});
    CHECK(groups[0].title == "Mine (Kalmakyr pit)");
    CHECK(groups[4].title == "Zeta");

    // The filter matches names, descriptions and titles (app/titles.h: mine.payload_t is "Payload per truck"),
    // ignoring case; empty groups disappear.
    const auto trucks = app::groupParams(defs, "TRUCK");
    CHECK(prefixes(trucks) == std::vector<std::string>{"mine", "nodot"});
    CHECK(trucks[0].members == std::vector<std::size_t>{2, 4});
    const auto byTitle = app::groupParams(defs, "payload PER");
    REQUIRE(prefixes(byTitle) == std::vector<std::string>{"mine"});
    CHECK(byTitle[0].members == std::vector<std::size_t>{4});
    CHECK(app::groupParams(defs, "no such thing").empty());
}

TEST_CASE("ui: widget values become SetParam commands that the registry reads back exactly") {
    using K = sim::ParamKind;
    const auto trucks = def("mine.trucks", K::Integer, 30, 1, 500);
    const auto sth = def("h2.sth_percent", K::Real, 0.76, 0, 10);
    const auto dist = def("mine.service_dist", K::Choice, 0, 0, 2, "", {"exponential", "lognormal", "deterministic"});
    const auto brk = def("mine.breakdowns", K::Boolean, 1, 0, 1);

    auto cmd = app::makeSetParamCommand(trucks, 12.6);
    CHECK(cmd.type == sim::CommandType::SetParam);
    CHECK(cmd.name == "mine.trucks");
    CHECK(cmd.value == "13");
    CHECK(cmd.at == -1);  // next tick boundary
    CHECK(app::makeSetParamCommand(trucks, 1000).value == "500");
    CHECK(app::makeSetParamCommand(trucks, -3).value == "1");
    CHECK(app::makeSetParamCommand(dist, 1).value == "lognormal");
    CHECK(app::makeSetParamCommand(dist, 2.4).value == "deterministic");
    CHECK(app::makeSetParamCommand(brk, 0.7).value == "1");
    CHECK(app::makeSetParamCommand(sth, std::numeric_limits<double>::quiet_NaN()).value == "0.76");
    CHECK(app::makeSetParamCommand(sth, 0.76).value == "0.76");

    // Whatever the slider produced, the simulation parses the text back to the very same double.
    sim::Params p;
    for (const auto& d : {trucks, sth, dist, brk}) p.add(d);
    for (double v : {0.1 + 0.2, 1.0 / 3.0, 9.999999999999998, 5e-324, 0.0}) {
        CAPTURE(v);
        const auto c = app::makeSetParamCommand(sth, v);
        std::string why;
        REQUIRE(p.setFromText(c.name, c.value, &why));
        CHECK(p.get("h2.sth_percent") == v);
        CHECK(app::legalParamValue(sth, v) == v);
    }
    for (const auto& d : {trucks, dist, brk}) {
        const auto c = app::makeSetParamCommand(d, d.max);
        REQUIRE(p.setFromText(c.name, c.value));
        CHECK(p.get(d.name) == d.max);
    }
}

TEST_CASE("ui: speed steps, clock and speed text") {
    CHECK(app::nextSpeedStep(60, +1) == 600);
    CHECK(app::nextSpeedStep(60, -1) == 10);
    CHECK(app::nextSpeedStep(10000, +1) == 10000);
    CHECK(app::nextSpeedStep(1, -1) == 1);
    CHECK(app::nextSpeedStep(100, +1) == 600);  // off-table speeds snap to the neighbouring step
    CHECK(app::nextSpeedStep(100, -1) == 60);

    sim::Time t = 0;
    REQUIRE(sim::parseIso8601("2026-06-21T08:00:00+05:00", t));
    // In the current language's date order (engine/locale_format.h); the tests run in English.
    CHECK(app::formatClock(t) == "21 Jun 2026 08:00 (UTC+5)");
    REQUIRE(sim::parseIso8601("2026-12-31T21:30:00Z", t));
    CHECK(app::formatClock(t) == "1 Jan 2027 02:30 (UTC+5)");

    CHECK(app::formatSpeed(1) == "x1");
    CHECK(app::formatSpeed(3600) == "x3600");
    CHECK(app::formatSpeed(10000) == "x10k");
    CHECK(app::formatSpeed(0.5) == "x0.5");
}

// ---- headless ImGui: the real panel, real widgets, synthetic mouse and keyboard ----
namespace {

sim::Params demoParams() {
    sim::Params p;
    p.add(def("mine.trucks", sim::ParamKind::Integer, 30, 1, 500, "Haul trucks in service"));
    p.add(def("mine.breakdowns", sim::ParamKind::Boolean, 1, 0, 1, "Random truck and shovel breakdowns"));
    p.add(def("h2.sth_percent", sim::ParamKind::Real, 0.76, 0, 10, "Solar-to-hydrogen efficiency"));
    return p;
}

// Clicks (optionally with Ctrl) on a raster of points inside the panel, below its title bar, until `done()`;
// the layout is the panel's own, so the test needs no coordinates of it.
template <class Draw, class Done>
bool clickUntil(HeadlessImGui& gui, Draw&& draw, Done&& done, bool ctrl) {
    gui.frame(draw);
    const ImGuiWindow* w = ImGui::FindWindowByName("Parameters");
    REQUIRE(w != nullptr);
    ImGuiIO& io = ImGui::GetIO();
    for (float y = w->Pos.y + w->TitleBarHeight() + 2; y < w->Pos.y + w->Size.y - 2; y += 6) {
        for (float x = w->Pos.x + 4; x < w->Pos.x + w->Size.x - 4; x += 12) {
            io.MousePos = {x, y};
            io.KeyCtrl = ctrl;
            io.MouseDown[0] = true;
            gui.frame(draw);
            io.MouseDown[0] = false;
            gui.frame(draw);
            io.KeyCtrl = false;
            if (done()) return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("ui: clicking a checkbox in the parameter panel pushes one SetParam command, shown until applied") {
    HeadlessImGui gui;
    sim::Params params = demoParams();
    app::ParamPanelState st;
    st.filter = "breakdowns";  // the only row: any click that emits a command hit its widget
    bool open = true;
    std::vector<sim::Command> out;
    auto draw = [&] { app::drawParamsPanel(st, params, out, &open); };

    REQUIRE(clickUntil(gui, draw, [&] { return !out.empty(); }, false));
    REQUIRE(out.size() == 1);
    CHECK(out[0].type == sim::CommandType::SetParam);
    CHECK(out[0].name == "mine.breakdowns");
    CHECK(out[0].value == "0");
    CHECK(params.get("mine.breakdowns") == 1.0);  // the UI never writes the registry itself
    REQUIRE(st.pending.count("mine.breakdowns") == 1);
    CHECK(st.pending["mine.breakdowns"].value == 0.0);

    // The simulation applies it at the next tick; the panel then forgets its pending note.
    REQUIRE(params.setFromText(out[0].name, out[0].value));
    gui.frame(draw);
    CHECK(st.pending.empty());
    CHECK(open);
}

TEST_CASE("ui: typing a value into a parameter slider sends it once, when the edit ends") {
    HeadlessImGui gui;
    sim::Params params = demoParams();
    app::ParamPanelState st;
    st.filter = "mine.trucks";
    bool open = true;
    std::vector<sim::Command> out;
    auto draw = [&] { app::drawParamsPanel(st, params, out, &open); };

    // Ctrl+click turns a slider into a text field; the search box is a text field too, so find the slider by
    // typing into whatever became active and seeing a command come out.
    ImGuiIO& io = ImGui::GetIO();
    auto typed = [&] {
        if (!io.WantTextInput) return false;
        for (const char* ch = "42"; *ch; ++ch) io.AddInputCharacter(static_cast<unsigned>(*ch));
        gui.frame(draw);
        io.KeysDown[GLFW_KEY_ENTER] = true;
        gui.frame(draw);
        io.KeysDown[GLFW_KEY_ENTER] = false;
        gui.frame(draw);
        st.filter = "mine.trucks";  // undo typing into the search box, if that is where it went
        return !out.empty();
    };
    REQUIRE(clickUntil(gui, draw, typed, true));
    REQUIRE(out.size() == 1);
    CHECK(out[0].name == "mine.trucks");
    CHECK(out[0].value == "42");
    CHECK(params.get("mine.trucks") == 30.0);
    gui.frame(draw);
    CHECK(out.size() == 1);  // no repeat while nothing changes
}

TEST_CASE("ui: the whole UI runs headless, hides on F1, and shortcuts change the model") {
    HeadlessImGui gui;
    sim::Params params = demoParams();
    app::UiModel ui;
    ui.scenes = {"landscape", "pit"};
    ui.showParams = ui.showAbout = ui.showHelp = true;
    ui.simBehind = true;
    ui.frameMs = 16.7;
    std::vector<sim::Command> out;
    auto draw = [&] { app::drawMainUi(ui, params, out); };
    ImGuiIO& io = ImGui::GetIO();
    auto press = [&](int key) {
        io.KeysDown[key] = true;
        gui.frame(draw);
        io.KeysDown[key] = false;
        gui.frame(draw);
    };

    gui.frame(draw);
    CHECK(ImGui::FindWindowByName("Parameters") != nullptr);
    CHECK(ImGui::FindWindowByName("About Almalyk Explorer") != nullptr);
    CHECK(out.empty());

    const double speed = ui.speed;
    press(GLFW_KEY_EQUAL);
    CHECK(ui.speed == app::nextSpeedStep(speed, +1));
    press(GLFW_KEY_SPACE);
    CHECK(ui.paused);
    press(GLFW_KEY_PERIOD);
    CHECK(ui.stepOnce);
    press(GLFW_KEY_F12);
    CHECK(ui.screenshotRequested);
    press(GLFW_KEY_F1);
    CHECK_FALSE(ui.showUi);
    press(GLFW_KEY_F1);
    CHECK(ui.showUi);
    CHECK(out.empty());
}
