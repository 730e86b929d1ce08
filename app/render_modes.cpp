// app/render_modes.cpp — `almalyk` (interactive window), `almalyk shot` and `almalyk bench`: each prepares a Session
// (validated sim inputs, window, renderer, World, first scene; app/session.h) and runs the one frame loop
// (app/frame_loop.h) with its director (app/directors.h).
#include <cstdio>

#include "app/directors.h"
#include "app/frame_loop.h"
#include "app/session.h"

namespace app {

int runShot(const ShotOptions& o) {
    Session s("shot");
    if (o.out.empty()) return s.fail(2, "--out FILE.png is required");
    if (int rc = s.prepare(o)) return rc;
    if (int rc = s.open(o, {.visible = false, .fullscreen = false, .vsync = false})) return rc;
    ShotDirector d(o, s);
    return runFrameLoop(s, d);
}

int runBench(const BenchOptions& o) {
    Session s("bench");
    if (o.frames < 1) return s.fail(2, "--frames must be at least 1, got " + std::to_string(o.frames));
    if (int rc = s.prepare(o)) return rc;
    if (int rc = s.open(o, {.visible = false, .fullscreen = false, .vsync = false})) return rc;
    BenchDirector d(o, s);
    const int rc = runFrameLoop(s, d);
    std::printf("%s\n", d.report(s).c_str());
    return rc;
}

int runInteractive(const InteractiveOptions& o) {
    Session s("(interactive)");
    if (int rc = s.prepare(o)) return rc;
    if (int rc = s.open(o, {.visible = true, .fullscreen = o.fullscreen, .vsync = true})) return rc;
    InteractiveDirector d(o, s);
    return runFrameLoop(s, d);
}

}  // namespace app
