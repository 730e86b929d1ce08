// app/frame_loop.h — the one frame loop every rendering mode runs, and the Director interface that makes a mode.
// One frame (design.md "Frame loop"):
//   poll input -> director.plan() (the clock, the camera, what input does) -> sim advance (whole ticks, clamped) ->
//   director.afterAdvance() -> scene update -> render (shadow, main pass, particles) -> ImGui frame: labels,
//   director.drawUi() (which UI shows; its commands join the World's logged path), the scene's panel, the scene's
//   commands, the on-screen notice -> director.afterRender() (read the picture) -> swap -> director.endFrame()
//   (scene or quality switches, anything that must wait until the frame is out).
// A director owns what differs between modes: `shot` (fixed virtual clock, warm-up frames, no swap of the last),
// `bench` (scripted camera path, timing), the interactive window (wall clock, mouse and keys, menus), and the
// coming tour, kiosk, training and replay modes. Adding a mode = one Director subclass + one entry in app/cli.
// Use:   Session s("mode"); s.prepare(o); s.open(o, desc); MyDirector d(...); return runFrameLoop(s, d);
// Errors: the loop itself has none to report; directors return their exit code from exitCode().
// Does NOT: parse options, or call GL/GLFW (engine/ does).
#pragma once
#include <span>
#include <vector>

#include "app/session.h"
#include "sim/command.h"
#include "sim/events.h"
#include "sim/time.h"

namespace app {

// What a director decides for one frame.
struct FramePlan {
    float dt = 0.0f;              // wall seconds this frame stands for (animation, particles)
    sim::Time shown = 0;          // the clock the scene shows (may run ahead of the last tick, within one tick)
    double speed = 0.0;           // sim seconds per wall second (animation rates); 0 = paused
    bool stepOnce = false;        // run exactly one tick (paused single step)
    sim::Time advanceTo = -1;     // run whole ticks up to this sim time; < 0 = none
    int maxTicks = 200;           // clamp per frame (a slow frame never runs away)
    bool constrainCamera = false; // follow target and ground clearance (interactive); else the pose stays exact
    bool labels = true;           // draw the world-space labels
    bool sceneUi = false;         // draw the scene's own panel
    bool applyCommands = true;    // push the UI's and the scene's commands into the World
    bool swap = true;             // present the frame (shot keeps its last frame in the back buffer to read it)
    bool notices = true;          // draw the session's notice line (the kiosk logs it instead: no dialogs there)
    // A director that runs its own simulation (training: a TrainingRun owns its World) shows it here; the loop then
    // advances nothing (stepOnce and advanceTo are ignored), the scenes read this world and `events`, and commands
    // are the director's to route (applyCommands is then false).
    const sim::World* world = nullptr;
    std::span<const sim::Event> events;
};

class Director {
public:
    virtual ~Director() = default;
    // False ends the loop (before the frame is planned).
    virtual bool running(const Session& s) const = 0;
    // After input was polled: decide the frame (and move the camera, read keys and clicks).
    virtual FramePlan plan(Session& s) = 0;
    // After the sim advanced: e.g. see whether it fell behind (and move p.shown back to what really ran).
    virtual void afterAdvance(Session& s, FramePlan& p) { (void)s; (void)p; }
    // Inside the ImGui frame, before the scene's panel: the mode's own UI; edits go to `out` as commands.
    virtual void drawUi(Session& s, const FramePlan& p, const scenes::FrameInput& in, std::vector<sim::Command>& out) {
        (void)s; (void)p; (void)in; (void)out;
    }
    // After the UI, before the swap: the picture is complete in the back buffer.
    virtual void afterRender(Session& s, const FramePlan& p) { (void)s; (void)p; }
    // After the swap: switch scenes or quality, hot reload, anything that must not happen mid-frame.
    virtual void endFrame(Session& s, const FramePlan& p) { (void)s; (void)p; }
    // The mode's exit code once the loop ended.
    virtual int exitCode() const { return 0; }
};

// Runs frames until the director stops; returns director.exitCode().
int runFrameLoop(Session& s, Director& d);

// Advances the world in whole ticks to `until` (never enlarging a tick), in batches; used before a loop starts.
void advanceWorldTo(sim::World& w, sim::Time until);

}  // namespace app
