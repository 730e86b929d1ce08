// The kiosk's attract/visitor state machine (app/kiosk.h) with a fake clock, as a visitor meets it: the loop plays
// until someone touches the screen, every touch keeps the panel, idleS of silence brings the loop back (once), and
// the countdown shows only in the last ten seconds.
#include <doctest/doctest.h>

#include <limits>

#include "app/kiosk.h"

using app::KioskAction;
using app::KioskMachine;
using app::KioskState;

TEST_CASE("kiosk: attract until a touch, visitor while touched, back to attract after the idle time") {
    KioskMachine k(60.0);
    CHECK(k.state() == KioskState::Attract);
    // Hours of attract loop: ticking alone never leaves it.
    for (double t = 0.0; t < 7200.0; t += 0.5) REQUIRE(k.tick(t) == KioskAction::None);
    CHECK(k.state() == KioskState::Attract);

    CHECK(k.input(7200.0) == KioskAction::EnterVisitor);
    CHECK(k.state() == KioskState::Visitor);
    CHECK(k.visits() == 1);
    // A second touch while the panel shows is no new visit.
    CHECK(k.input(7210.0) == KioskAction::None);
    CHECK(k.visits() == 1);
    // Idle counts from the last touch (7210): at 7269.9 still the visitor's, at 7270 the loop's.
    CHECK(k.tick(7269.9) == KioskAction::None);
    CHECK(k.secondsLeft(7260.0) == doctest::Approx(10.0));
    CHECK(k.tick(7270.0) == KioskAction::ReturnToAttract);
    CHECK(k.state() == KioskState::Attract);
    // The return happens once, not every frame after.
    CHECK(k.tick(7271.0) == KioskAction::None);
    CHECK(k.tick(9000.0) == KioskAction::None);
    // The next visitor is a new visit.
    CHECK(k.input(9001.0) == KioskAction::EnterVisitor);
    CHECK(k.visits() == 2);
}

TEST_CASE("kiosk: the countdown shows only in the last ten seconds, and a touch cancels it") {
    KioskMachine k(30.0);
    k.input(100.0);
    CHECK_FALSE(k.countingDown(100.0));
    CHECK_FALSE(k.countingDown(119.9));
    CHECK(k.countingDown(120.0));
    CHECK(k.secondsLeft(125.0) == doctest::Approx(5.0));
    k.input(125.0);  // the visitor is still there
    CHECK_FALSE(k.countingDown(125.0));
    CHECK(k.secondsLeft(125.0) == doctest::Approx(30.0));
    CHECK(k.tick(154.9) == KioskAction::None);
    CHECK(k.tick(155.0) == KioskAction::ReturnToAttract);
    CHECK_FALSE(k.countingDown(156.0));  // attract: nothing to count down
    CHECK(k.secondsLeft(156.0) == 0.0);
}

TEST_CASE("kiosk: an idle time too short for a visitor, or not a number, is raised to the minimum") {
    CHECK(KioskMachine(0.5).idleS() == KioskMachine::kMinIdleS);
    CHECK(KioskMachine(-3.0).idleS() == KioskMachine::kMinIdleS);
    CHECK(KioskMachine(std::numeric_limits<double>::quiet_NaN()).idleS() == KioskMachine::kMinIdleS);
    CHECK(KioskMachine(std::numeric_limits<double>::infinity()).idleS() == KioskMachine::kMinIdleS);
    CHECK(KioskMachine(600.0).idleS() == 600.0);
}
