#include "app/frame_loop.h"

#include <imgui.h>

#include "app/scene_driver.h"
#include "sim/solar.h"

namespace app {

namespace {

// Lighting from the sun, the scene's update and draw, particles, render into the window. With `constrain` (the
// interactive window) the camera then follows the scene's target and keeps above its ground; shot and bench keep
// their scripted poses exactly and only fit the near plane.
void renderScene(Session& s, const scenes::FrameInput& in, bool constrain) {
    eng::Renderer& r = *s.renderer;
    const sim::CivilTime c = sim::toLocalCivil(in.now);
    r.setLighting(eng::skyLighting({.sunDir = in.sunDir, .moonDir = in.moonDir, .moonIlluminated = in.moonIlluminated,
                                    .turbidity = static_cast<float>(sim::defaultLinkeTurbidity(c.month)), .starFrame = in.starFrame}));
    s.scene().update(in);
    if (constrain)
        constrainCamera(s.camera, s.scene(), in.dtReal);
    else
        s.camera.fitNearPlane();
    r.particles().update(in.dtReal);
    r.beginFrame(s.camera, s.window->framebufferSize());
    s.scene().draw(r, s.camera, in);
    r.endFrame();
}

void drawNotice(const Session& s) {
    if (s.notice().empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y - 40.0f), ImGuiCond_Always,
                            ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::Begin("##notice", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                          ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.4f, 1.0f), "%s", s.notice().c_str());
    ImGui::End();
}

}  // namespace

void advanceWorldTo(sim::World& w, sim::Time until) {
    while (w.now() < until) {
        if (w.advance(until, 100000) == 0) break;
    }
}

int runFrameLoop(Session& s, Director& d) {
    // The first frame sees what ran before the loop (a shot's warm-up); later frames only their own ticks' events.
    std::span<const sim::Event> events = s.world->advanceEvents();
    bool first = true;
    while (d.running(s)) {
        s.applyPendingLanguage();  // between frames: the font atlas may be rebuilt
        s.applyPendingUiScale();
        s.window->pollEvents();
        FramePlan p = d.plan(s);
        if (p.world) {
            events = p.events;
            p.applyCommands = false;
        } else if (p.stepOnce) {
            s.world->step();
            events = s.world->events();
        } else if (p.advanceTo >= 0) {
            s.world->advance(p.advanceTo, p.maxTicks);
            events = s.world->advanceEvents();
        } else if (!first) {
            events = {};
        }
        first = false;
        d.afterAdvance(s, p);

        const scenes::FrameInput in = s.frameInput(p.shown, p.dt, p.speed, events, p.world ? &p.world->state() : nullptr);
        renderScene(s, in, p.constrainCamera);

        s.gui->beginFrame();
        if (p.labels) {
            const glm::ivec2 ws = s.window->windowSize();
            s.renderer->labels().draw(s.renderer->viewProj(), s.camera.position(), glm::vec2(ws));
        }
        std::vector<sim::Command> cmds;
        d.drawUi(s, p, in, cmds);
        if (p.applyCommands)
            for (sim::Command& c : cmds) s.world->push(std::move(c));
        if (p.sceneUi) s.scene().drawUi(in);
        // After the UI's, so one frame's edits apply in the order made.
        if (p.applyCommands) drainSceneCommands(s.scene(), *s.world);
        else (void)s.scene().takeCommands();
        if (p.notices) drawNotice(s);
        s.ageNotice(p.dt);
        s.gui->endFrame();

        d.afterRender(s, p);
        if (p.swap) s.window->swapBuffers();
        d.endFrame(s, p);
    }
    return d.exitCode();
}

}  // namespace app
