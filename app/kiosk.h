// app/kiosk.h — the kiosk's attract/visitor state machine (`almalyk --kiosk [--tour NAME] [--idle-s N]`), apart from
// the window so that tests drive it with a fake clock.
//   Attract  the tour plays on repeat, no menus. Any touch, click or key -> Visitor (the tour pauses where it is).
//   Visitor  a simple panel of large buttons (the scenes, "what if" sliders); every input restarts the idle timer.
//            After idleS seconds without input -> Attract, and the simulation is reset to the tour's start.
// The last kCountdownS seconds of a visitor's idle time show a countdown ("Tour resumes in 9 s"), so a visitor who
// is still reading can touch the screen to stay.
// Use: KioskMachine k(90.0); each frame: if (anyInput) act(k.input(now)); act(k.tick(now));
//      where act() on EnterVisitor pauses the tour and shows the panel, on ReturnToAttract resets and replays.
// Errors: none (an idle time under kMinIdleS is raised to it: a kiosk that leaves a visitor after 1 s is unusable).
// Does NOT: read input, draw, or know about tours (app/director_kiosk.cpp does).
#pragma once

namespace app {

enum class KioskState { Attract, Visitor };
enum class KioskAction { None, EnterVisitor, ReturnToAttract };

class KioskMachine {
public:
    static constexpr double kMinIdleS = 5.0;
    static constexpr double kCountdownS = 10.0;

    explicit KioskMachine(double idleS);
    // A touch, click or key at wall time `now` (seconds, any origin, non-decreasing).
    KioskAction input(double now);
    // Called every frame: returns ReturnToAttract once the visitor has been idle for idleS.
    KioskAction tick(double now);

    KioskState state() const { return m_state; }
    double idleS() const { return m_idleS; }
    // Seconds until the attract loop resumes (Visitor only; idleS while input keeps coming), never negative.
    double secondsLeft(double now) const;
    // True in the last kCountdownS seconds of a visitor's idle time.
    bool countingDown(double now) const;
    int visits() const { return m_visits; }  // how many times a visitor took over (for the log)

private:
    KioskState m_state = KioskState::Attract;
    double m_idleS;
    double m_lastInput = 0.0;
    int m_visits = 0;
};

}  // namespace app
