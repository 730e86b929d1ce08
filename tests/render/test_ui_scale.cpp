// The presenter's text size in a real Session under xvfb-run: --ui-scale sizes the fonts from the start, and a
// request between frames (View > Text size) restyles and rebuilds them at the new size; the frame loop still renders.
#include <doctest/doctest.h>

#include <cmath>

#include <imgui.h>

#include "app/frame_loop.h"
#include "app/session.h"

namespace {

class OneFrame : public app::Director {
public:
    bool running(const app::Session&) const override { return m_n < 1; }
    app::FramePlan plan(app::Session& s) override {
        app::FramePlan p;
        p.dt = 1.0f / 60.0f;
        p.shown = s.world->now();
        return p;
    }
    void afterRender(app::Session&, const app::FramePlan&) override {
        fontPx = ImGui::GetFontSize();
        padding = ImGui::GetStyle().FramePadding.x;
        ++m_n;
    }
    float fontPx = 0, padding = 0;

private:
    int m_n = 0;
};

}  // namespace

TEST_CASE("ui scale: --ui-scale and a live change size the UI font and style in proportion") {
    app::Session s("test");
    app::RenderOptions o;
    o.scene = "landscape";
    o.width = 320;
    o.height = 180;
    o.quality = app::Quality::Low;
    o.uiScale = 1.5f;
    REQUIRE(s.prepare(o) == 0);
    REQUIRE(s.open(o, {.visible = false, .vsync = false}) == 0);
    CHECK(s.gui->userScale() == doctest::Approx(1.5f));
    OneFrame at150;
    app::runFrameLoop(s, at150);
    // 17 px at 96 dpi (app/ui.cpp) x the window's scale (1 at 180 px high) x 1.5, rounded to whole pixels.
    CHECK(at150.fontPx == doctest::Approx(std::round(17.0f * s.gui->baseScale() * 1.5f)));

    s.requestUiScale(1.0f);
    OneFrame at100;
    app::runFrameLoop(s, at100);  // the loop applies the request before its frame
    CHECK(s.gui->userScale() == doctest::Approx(1.0f));
    CHECK(at100.fontPx == doctest::Approx(std::round(17.0f * s.gui->baseScale())));
    CHECK(at150.padding == doctest::Approx(at100.padding * 1.5f));
    // Out of the UI's range: clamped, never a zero or huge font.
    s.requestUiScale(40.0f);
    OneFrame clamped;
    app::runFrameLoop(s, clamped);
    CHECK(s.gui->userScale() == doctest::Approx(3.0f));
}
