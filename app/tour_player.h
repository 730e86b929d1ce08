// app/tour_player.h — playing a tour (app/tour.h) in a Session: the tour clock, entering steps (scene, actions, sim
// changes), the camera on the tour's path, and the overlay a delegation sees (caption band, step title, cross-fade
// between scenes, black screen). Every tour mode shares it: the presenter's window (app/director_tour.cpp), the
// kiosk's attract loop (app/director_kiosk.cpp), `almalyk video` (app/video_mode.cpp) and `almalyk bench --tour`.
// Use:
//   TourPlayback play;
//   if (!play.begin(s, std::move(tour), o, &why)) return s.fail(2, why);   // loads every scene the tour names
//   per frame:  plan():        play.frame(s, dtTour, p);     // moves the tour clock (when playing) and the camera
//               drawUi():      play.drawOverlay(s);          // fade, caption band, black screen
//               afterRender(): play.afterRender(s);          // snapshots the frame before a scene change
//               endFrame():    play.endFrame(s);             // makes that scene change
//   play.seek(s, t) / nextStep(s) / previousStep(s) / restart(s) jump; a jump back rebuilds the World from the
//   tour's start (a World is a function of its start, parameters, seed and command log).
// World: the tour's own parameters ("set", then the command line's --set), seed (--seed wins), start (--start
//   wins) and every step's commands, timed (tourCommands) — so the sim at tour time t is the same on every run and
//   after every seek, and a video is deterministic.
// Scene changes: the last frame of the old scene is kept as a texture (Renderer::snapshotFrame) and faded out over
//   the new one in kCrossFadeS; the change waits one frame for that snapshot. Scenes stay loaded (no stall).
// Errors: begin() is false with *why (a scene that does not load, a camera preset or object key the scene does not
//   have: resolveTour's message). Later failures (an action refused at run time) go to the session's notice.
// Does NOT: read input or decide when to play (directors do), or draw the player's controls (the window's
//   director does).
#pragma once
#include <string>

#include "app/caption.h"
#include "app/frame_loop.h"
#include "app/options.h"
#include "app/tour.h"

namespace app {

// --tour NAME|FILE for a prepared session: resolved (resolveTourPath) and read against its parameters (phase 1; the
// scenes check the rest when it begins). 0, or the exit code with the message printed ("--tour x: ...": exit 2).
int readSessionTour(Session& s, const std::string& name, const std::string& assetsDir, Tour* out);

class TourPlayback {
public:
    static constexpr double kCrossFadeS = 0.8;
    static constexpr double kFadeInS = 1.2;  // the tour's start fades in from black

    bool begin(Session& s, Tour tour, const RenderOptions& o, std::string* why);

    // One frame of `dt` tour seconds (0 while paused): moves the clock when playing, enters the steps it reaches,
    // poses the camera and fills p's sim clock (advanceTo, shown, speed). Loops at the end when `loop`.
    void frame(Session& s, double dt, FramePlan& p);
    void afterRender(Session& s);
    void endFrame(Session& s);
    // The fade, the step title and caption band, and the black screen, into ImGui's background/foreground lists.
    // `bottomMarginPx` keeps the band above the player's controls.
    void drawOverlay(Session& s, float bottomMarginPx = 0.0f) const;

    // Moves the clock to t at once (no fade): the world rebuilt when t is earlier, the step entered.
    void seek(Session& s, double t);
    // Like seek, but a move to another scene waits one frame and cross-fades (the player's buttons and keys).
    void jump(Session& s, double t);
    void nextStep(Session& s);
    void previousStep(Session& s);  // to the current step's start if more than 2 s in, else the step before
    void restart(Session& s) { jump(s, 0.0); }
    // The World as the tour has it at the current time (after the presenter changed things interactively).
    void rebuildWorld(Session& s);

    bool playing = true;
    bool black = false;     // B: a black screen (the clock holds)
    bool loop = false;      // wrap to the start at the end (kiosk); else hold the last frame, finished() true
    NumberFormat numbers;   // the captions' number format (--lang)

    double time() const { return m_t; }
    const TourCursor& cursor() const { return m_cursor; }
    const Tour& tour() const { return m_tour; }
    Tour& editableTour() { return m_tour; }  // the editor; call retime() after changing it
    const TourTimeline& timeline() const { return m_tl; }
    bool finished() const { return m_cursor.finished; }
    int loops() const { return m_loops; }
    // After an edit: new timeline and commands, the World rebuilt, the clock kept (clamped).
    void retime(Session& s);
    // The caption of the current step as shown now (translated and filled), "" when none.
    std::string captionText(const Session& s) const;

private:
    void enterStep(Session& s, int step);
    void poseCamera(Session& s);
    sim::Params tourParams() const;

    Tour m_tour;
    TourTimeline m_tl;
    sim::Params m_baseParams;      // the session's parameters before the tour's (command line --set re-applied)
    std::vector<std::pair<std::string, std::string>> m_cliSets;
    std::vector<sim::Command> m_baseCommands;  // a --scenario's
    double m_t = 0.0;
    TourCursor m_cursor;
    int m_step = -1;               // the step whose scene and actions are in effect
    bool m_pending = false;        // a move to another scene: seek(m_pendingT) at endFrame, after the snapshot
    double m_pendingT = 0.0;
    double m_fade = 0.0;           // 1 -> 0 over kCrossFadeS after a scene change
    bool m_snapshotReady = false;
    int m_loops = 0;
};

}  // namespace app
