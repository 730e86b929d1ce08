// Concentrator: grade-dependent recovery (two-product formula), mass balance, throughput limit and mill fault.
#include <doctest/doctest.h>

#include <algorithm>

#include "sim/concentrator.h"

using namespace sim;

namespace {

const Time kStart = 1'782'000'000LL * kSecond;

// Bang-bang feed (no level control, empty store at the start) unless a test asks for the controller.
Params concParams() {
    Params p;
    registerConcentratorParams(p);
    p.set("concentrator.store_setpoint_t", 0.0);
    return p;
}

}  // namespace

TEST_CASE("recovery is the configured 87 % at the mean grade and rises with head grade") {
    Params p = concParams();
    Concentrator c(p, 1, kStart);
    CHECK(c.recoveryAt(0.38) == doctest::Approx(0.87).epsilon(1e-12));
    // Independent check of the two-product formula: tails grade t = c f (1-R) / (c - R f).
    const double t = 21.0 * 0.38 * 0.13 / (21.0 - 0.87 * 0.38);
    CHECK(c.state().tailsGrade_pct == doctest::Approx(t));
    CHECK(c.recoveryAt(0.6) == doctest::Approx(21.0 * (0.6 - t) / (0.6 * (21.0 - t))));
    CHECK(c.recoveryAt(0.6) > 0.87);
    CHECK(c.recoveryAt(0.2) < 0.87);
    CHECK(c.recoveryAt(t) == doctest::Approx(0.0));
    CHECK(c.recoveryAt(0.01) == 0.0);
}

TEST_CASE("milled ore splits exactly into concentrate at 21 % Cu and tailings") {
    Params p = concParams();
    p.set("concentrator.grade_cv", 0.0);
    Concentrator c(p, 1, kStart);
    EventSink ev;
    Time t = kStart;
    double concSum = 0.0;
    for (int i = 0; i < 60; ++i, t += kMinute) {
        const MaterialBatch b = c.step(t, kMinute, 60.0, ev);  // 3,600 t/h
        CHECK(b.cu == doctest::Approx(0.21));
        CHECK(b.other() >= 0.0);
        concSum += b.mass_t;
    }
    const ConcentratorState& s = c.state();
    CHECK(s.oreMilled_t == doctest::Approx(3600.0));
    CHECK(s.concentrate_t == doctest::Approx(concSum));
    CHECK(s.concentrate_t == doctest::Approx(3600.0 * 0.0038 * 0.87 / 0.21));  // ~56.7 t
    CHECK(s.concentrate_t + s.tailings_t == doctest::Approx(s.oreMilled_t));
    CHECK(s.cuInConcentrate_t + s.cuInTailings_t == doctest::Approx(s.cuInOre_t));
    CHECK(s.throughput_t_h == doctest::Approx(3600.0));
}

TEST_CASE("throughput is capped; the store absorbs the rest; a mill fault stops milling") {
    Params p = concParams();
    Concentrator c(p, 1, kStart);
    EventSink ev;
    Time t = kStart;
    for (int i = 0; i < 60; ++i, t += kMinute) c.step(t, kMinute, 10000.0 / 60.0, ev);
    CHECK(c.state().throughput_t_h == doctest::Approx(4600.0));
    CHECK(c.state().oreStore_t == doctest::Approx(10000.0 - 4600.0));
    CHECK(c.setFault("concentrator.mill", true, nullptr));
    const double milled = c.state().oreMilled_t;
    for (int i = 0; i < 60; ++i, t += kMinute) c.step(t, kMinute, 0.0, ev);
    CHECK(c.state().oreMilled_t == milled);
    CHECK(c.state().oreStore_t == doctest::Approx(5400.0));
    CHECK_FALSE(c.setFault("transport.crusher", true, nullptr));
}

TEST_CASE("an empty store starves the mill, with events, and never goes negative") {
    Params p = concParams();
    Concentrator c(p, 1, kStart);
    EventSink ev;
    c.step(kStart, kMinute, 0.0, ev);
    CHECK(c.state().starved);
    c.step(kStart + kMinute, kMinute, 500.0, ev);
    CHECK_FALSE(c.state().starved);
    int starved = 0, resumed = 0;
    for (const Event& e : ev.events()) {
        starved += e.kind == static_cast<std::uint16_t>(ConcentratorEvent::MillStarved);
        resumed += e.kind == static_cast<std::uint16_t>(ConcentratorEvent::MillResumed);
    }
    CHECK(starved == 1);
    CHECK(resumed == 1);
    CHECK(c.state().oreStore_t >= 0.0);
}

TEST_CASE("head grade varies by blend around its mean, deterministically per seed") {
    Params p = concParams();
    Concentrator a(p, 7, kStart), b(p, 7, kStart), d(p, 8, kStart);
    EventSink ev;
    double sum = 0.0;
    int n = 0;
    bool differs = false;
    for (Time t = kStart; t < kStart + 100 * kDay; t += kHour) {
        a.step(t, kHour, 4000.0, ev);
        b.step(t, kHour, 4000.0, ev);
        d.step(t, kHour, 4000.0, ev);
        CHECK(a.state().headGrade_pct == b.state().headGrade_pct);
        differs = differs || a.state().headGrade_pct != d.state().headGrade_pct;
        sum += a.state().headGrade_pct;
        ++n;
    }
    CHECK(differs);
    CHECK(sum / n == doctest::Approx(0.38).epsilon(0.03));
}

TEST_CASE("the level controller turns 1,050 t rail lots into a steady mill feed") {
    Params p = concParams();
    p.set("concentrator.store_setpoint_t", 10000.0);
    p.set("concentrator.grade_cv", 0.0);
    Concentrator c(p, 1, kStart);
    CHECK(c.state().oreStore_t == 10000.0);
    CHECK(c.state().oreStoreInitial_t == 10000.0);
    EventSink ev;
    Time t = kStart;
    double minRate = 1e9, maxRate = 0.0;
    for (int i = 0; i < 3 * 24 * 60; ++i, t += kMinute) {
        c.step(t, kMinute, i % 15 == 0 ? 1050.0 : 0.0, ev);  // 4,200 t/h in lots
        if (i > 24 * 60) {
            minRate = std::min(minRate, c.state().throughput_t_h);
            maxRate = std::max(maxRate, c.state().throughput_t_h);
        }
    }
    // Steady state: feed = supply, store near 4,200/4,600 of the setpoint; the rate ripples by well under 10 %.
    CHECK(c.state().oreStore_t == doctest::Approx(10000.0 * 4200.0 / 4600.0).epsilon(0.08));
    CHECK(minRate > 0.93 * 4200.0);
    CHECK(maxRate < 1.07 * 4200.0);
    CHECK_FALSE(c.state().starved);
    CHECK(c.state().oreStoreInitial_t + c.state().oreIn_t == doctest::Approx(c.state().oreStore_t + c.state().oreMilled_t));
}
