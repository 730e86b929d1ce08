// app/render_modes.cpp — `almalyk` (interactive window, --tour, --kiosk), `almalyk shot` and `almalyk bench`: each
// prepares a Session (validated sim inputs, window, renderer, World, first scene; app/session.h) and runs the one
// frame loop (app/frame_loop.h) with its director (app/directors.h). (`almalyk video`: app/video_mode.cpp.)
#include <cstdio>
#include <filesystem>

#include "app/directors.h"
#include "app/frame_loop.h"
#include "app/session.h"
#include "app/tour_player.h"

namespace app {

namespace {

// The kiosk's tour when none is named: the whole chain.
constexpr const char* kKioskTour = "rock_to_hydrogen";

// The kiosk writes everything it would print to its log file: no dialog, no terminal in a lobby.
void redirectStderrToKioskLog() {
    namespace fs = std::filesystem;
    const std::string log = kioskLogPath();
    std::error_code ec;
    fs::create_directories(fs::path(log).parent_path(), ec);
    std::fprintf(stderr, "almalyk kiosk: logging to %s (exit with Ctrl+Alt+Q)\n", log.c_str());
    if (!std::freopen(log.c_str(), "a", stderr))
        std::fprintf(stdout, "almalyk kiosk: cannot open %s; logging to the terminal\n", log.c_str());
}

}  // namespace

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
    Tour tour;
    int rc = 0;
    if (!o.tour.empty() && (rc = readSessionTour(s, o.tour, o.assetsDir, &tour))) return rc;
    BenchOptions bo = o;
    if (!o.tour.empty()) bo.scene = tour.steps.front().scene;
    if ((rc = s.open(bo, {.visible = false, .fullscreen = false, .vsync = false}))) return rc;
    TourPlayback play;
    std::string why;
    if (!o.tour.empty() && !play.begin(s, std::move(tour), o, &why)) return s.fail(2, why);
    BenchDirector d(o, s, o.tour.empty() ? nullptr : &play);
    rc = runFrameLoop(s, d);
    std::printf("%s\n", d.report(s).c_str());
    return rc;
}

int runInteractive(const InteractiveOptions& o) {
    Session s(o.kiosk ? "kiosk" : o.training ? "training" : "(interactive)");
    if (int rc = s.prepare(o)) return rc;
    const std::string tourName = !o.tour.empty() ? o.tour : o.kiosk ? kKioskTour : "";
    Tour tour;
    int rc = 0;
    if (!tourName.empty() && (rc = readSessionTour(s, tourName, o.assetsDir, &tour))) return rc;
    InteractiveOptions io = o;
    if (!tourName.empty()) io.scene = tour.steps.front().scene;
    if (o.kiosk) {
        redirectStderrToKioskLog();
        io.fullscreen = !o.windowedKiosk;
    }
    if ((rc = s.open(io, {.visible = true, .fullscreen = io.fullscreen, .vsync = true}))) return rc;
    if (o.training) {
        TrainingDirector d(o, s);
        return runFrameLoop(s, d);
    }
    if (tourName.empty()) {
        InteractiveDirector d(o, s);
        return runFrameLoop(s, d);
    }
    TourPlayback play;
    std::string why;
    if (!play.begin(s, std::move(tour), o, &why)) return s.fail(2, why);
    if (o.kiosk) {
        KioskDirector d(o, s, play);
        return runFrameLoop(s, d);
    }
    play.loop = play.tour().loop;
    TourDirector d(o, s, play);
    return runFrameLoop(s, d);
}

}  // namespace app
