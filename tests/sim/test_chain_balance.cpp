// The chain ore -> concentrate -> smelter -> cathode as a whole (issue 11): a balanced steady start (daily rates do
// not depend on run length), faults that ripple downstream through the buffers' operating rules (docs/operations.md),
// and every built-in scenario changing at least one unit downstream of its fault (docs/scenarios.md has the numbers).
// References: run-length independence (early days against late days of the same run), the same run without the fault
// (same seed), and the rules' own marks from docs/operations.md (1,000 t low mark, 50 % of 82 t/h minimum feed).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "sim/batch.h"
#include "sim/metrics.h"
#include "sim/world.h"

using namespace sim;

namespace {

double metric(const State& s, const char* name) {
    double v = 0.0;
    std::string why;
    REQUIRE_MESSAGE(metricValue(s, name, &v, &why), why);
    return v;
}

// Cumulative totals read at the end of each day of a default run.
struct Daily {
    std::vector<double> ore, concentrate, smelted, cathode, slag;
};

Daily runDays(std::uint64_t seed, int days) {
    World w(makeParams(), seed, defaultStartTime());
    Daily d;
    double prev[5] = {0, 0, 0, 0, 0};
    for (int i = 0; i < days; ++i) {
        w.advance(w.now() + kDay, 1 << 30);
        const State& s = w.state();
        const double now[5] = {s.mine.ore_t, s.concentrator.concentrate_t, s.smelter.smelted_t, s.smelter.cathode_t,
                               s.smelter.slag_t};
        std::vector<double>* out[5] = {&d.ore, &d.concentrate, &d.smelted, &d.cathode, &d.slag};
        for (int k = 0; k < 5; ++k) {
            out[k]->push_back(now[k] - prev[k]);
            prev[k] = now[k];
        }
    }
    return d;
}

// Mean of days [first, last], 1-based and inclusive.
double meanOf(const std::vector<double>& v, int first, int last) {
    double sum = 0.0;
    for (int d = first; d <= last; ++d) sum += v[static_cast<std::size_t>(d - 1)];
    return sum / (last - first + 1);
}

}  // namespace

TEST_CASE("chain: the default complex starts balanced; days 1-3 agree with days 20-30 within 5 %") {
    // Before issue 11 the smelter started with 5,000 t of concentrate and fed 82 t/h against ~59 t/h arriving, so
    // smelted concentrate fell from 1,968 t/d to ~1,400 t/d once the store was empty (day ~9): a 40 % transient; and
    // every truck left the park-up at the start, so the first hours brought the crusher no ore.
    // Ore and concentrate vary from day to day with breakdowns and grade blends (3-day means: CV ~3 % over seeds),
    // so one seed's 3-day mean can miss by 5-6 % with no transient at all (seed 2: concentrate -5.8 %). A start
    // transient shifts every seed alike, so the ensemble mean over eight seeds must agree within 2.5 % (noise there:
    // ~1 %), each seed alone within 8 %; the buffered smelter side (smelted, cathode, slag) within 5 % in every seed, and
    // seeds 1 and 2 (issue 11's test) within 5 % for all five from the 10:00 default start.
    constexpr int kSeeds = 8;
    double early[5] = {}, late[5] = {};
    for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
        CAPTURE(seed);
        const Daily d = runDays(seed, 30);
        const std::vector<double>* series[5] = {&d.ore, &d.concentrate, &d.smelted, &d.cathode, &d.slag};
        const std::string names[5] = {"ore", "concentrate", "smelted", "cathode", "slag"};
        for (int k = 0; k < 5; ++k) {
            CAPTURE(names[k]);
            const double a = meanOf(*series[k], 1, 3), b = meanOf(*series[k], 20, 30);
            MESSAGE("seed " << seed << " " << names[k] << ": days 1-3 " << a << " t/d, days 20-30 " << b << " t/d");
            REQUIRE(b > 0.0);
            CHECK(std::fabs(a / b - 1.0) < (k < 2 ? 0.08 : 0.05));
            if (seed <= 2) CHECK(std::fabs(a / b - 1.0) < 0.05);   // the test: the default complex, two seeds
            early[k] += a / kSeeds;
            late[k] += b / kSeeds;
        }
        // The rates are the plant's: ~148 kt/y cathode (almalyk.md §4) and the nominal 82 t/h feed.
        CHECK(meanOf(d.cathode, 1, 30) * 365.0 == doctest::Approx(148000.0).epsilon(0.05));
        CHECK(meanOf(d.smelted, 1, 30) / 24.0 == doctest::Approx(82.0).epsilon(0.05));
    }
    for (int k = 0; k < 5; ++k) {
        MESSAGE("mean of " << kSeeds << " seeds, quantity " << k << ": days 1-3 / days 20-30 = " << early[k] / late[k]);
        CHECK(std::fabs(early[k] / late[k] - 1.0) < 0.025);
    }
}

TEST_CASE("chain: a 12 h crusher outage reaches the concentrator within two hours and the smelter feed within the run") {
    const Time start = defaultStartTime(), fault = start + 2 * kHour;
    World with(makeParams(), 1, start), without(makeParams(), 1, start);
    with.push({CommandType::InjectFault, "transport.crusher", "", fault});
    with.push({CommandType::ClearFault, "transport.crusher", "", fault + 12 * kHour});
    const auto both = [&](Time until) {
        with.advance(until, 1 << 30);
        without.advance(until, 1 << 30);
    };
    both(fault);
    const double delivered0 = metric(with.state(), "transport.delivered_t");
    REQUIRE(delivered0 == metric(without.state(), "transport.delivered_t"));
    both(fault + 2 * kHour);
    // Rail: what is on the pile leaves with at most one more train, and trains already under way arrive in both
    // runs, so within two hours (a load's wait at the bay, ~15 min, and the trip) the concentrator has had at least
    // a train load (1,050 t) less; its mill feed follows the coarse-ore store down. (Within one hour held only when
    // the outage fell just as a train waited at an emptied pile: the mine's shift pattern moves that.)
    const double lessOre = (metric(without.state(), "transport.delivered_t") - delivered0) -
                           (metric(with.state(), "transport.delivered_t") - delivered0);
    const double millWith = metric(with.state(), "concentrator.mill_t_h"),
                 millWithout = metric(without.state(), "concentrator.mill_t_h");
    MESSAGE("two hours after the fault: " << lessOre << " t less ore delivered; mill " << millWith << " vs " << millWithout);
    CHECK(lessOre >= 1050.0 - 1e-6);
    CHECK(millWith < 0.9 * millWithout);
    // The smelter's store loses the missing concentrate (~59 t/h for 12 h); its feed follows the store level, so it
    // falls by more than 10 % of the nominal 82 t/h within two days, and less cathode follows through the anodes.
    double lowest = 1e9, baselineThen = 0.0;
    for (Time t = fault + 2 * kHour; t < fault + 2 * kDay; t += 10 * kMinute) {
        both(t);
        const double f = metric(with.state(), "smelter.feed_t_h");
        if (f < lowest) { lowest = f; baselineThen = metric(without.state(), "smelter.feed_t_h"); }
    }
    MESSAGE("lowest smelter feed " << lowest << " t/h against " << baselineThen << " t/h without the outage");
    CHECK(lowest < baselineThen - 8.2);
    both(start + 10 * kDay);
    const double cathodeWith = with.state().smelter.cathode_t, cathodeWithout = without.state().smelter.cathode_t;
    MESSAGE("10 days: cathode " << cathodeWith << " t vs " << cathodeWithout << " t");
    CHECK(cathodeWith < cathodeWithout - 10.0);
}

TEST_CASE("chain: a 72 h crusher outage takes the concentrate store to its low mark and the feed to its minimum") {
    // docs/operations.md: low mark 1,000 t, minimum feed 50 % of 82 t/h = 41 t/h. With Kalmakyr's concentrate gone only
    // the other feed (23 t/h) arrives, below the minimum, so the store must pass its low mark (~2.5 days in).
    const Time start = defaultStartTime(), fault = start + 2 * kHour;
    World w(makeParams(), 1, start);
    w.push({CommandType::InjectFault, "transport.crusher", "", fault});
    w.push({CommandType::ClearFault, "transport.crusher", "", fault + 72 * kHour});
    Time reached = -1;
    double feedThere = 0.0;
    while (w.now() < fault + 72 * kHour) {
        w.step();
        if (reached < 0 && w.state().smelter.concentrate_store_t <= 1000.0) {
            reached = w.now();
            feedThere = metric(w.state(), "smelter.feed_t_h");
        }
    }
    REQUIRE(reached > 0);
    MESSAGE("store at its low mark " << toHours(reached - fault) << " h after the fault; feed " << feedThere << " t/h");
    CHECK(toHours(reached - fault) > 24.0);  // the store really buffered the first day
    CHECK(feedThere == doctest::Approx(41.0).epsilon(0.02));
    CHECK(w.state().smelter.concentrate_store_t >= 0.0);
}

namespace {

struct ScenarioCase {
    const char* file;
    double hours;
    const char* downstream;  // a metric of a unit downstream of the fault
    double minPeak;          // the least peak |with - without| over the run that counts as meaningful (its unit)
};

}  // namespace

TEST_CASE("chain: every built-in scenario changes a unit downstream of its fault") {
    // Each scenario against the same scenario with its commands removed (same seed, start and length). The peak
    // difference is taken over 10-min samples; run totals are printed for docs/scenarios.md.
    const ScenarioCase cases[] = {
        {"fleet_breakdown", 48, "concentrator.mill_t_h", 200.0},
        {"rail_outage", 72, "smelter.feed_t_h", 4.0},
        {"conveyor_cft", 48, "concentrator.mill_t_h", 1000.0},
        {"acid_plant_trip", 24, "smelter.stack_so2_t_h", 10.0},
        {"cloudy_week", 168, "h2.unserved_kg_h", 1.0},
        {"depleted_field_ccs", 48, "ccs.co2_vented_t_h", 0.01},
    };
    // Every built-in scenario that schedules commands has a case here (a new one must say where its fault shows).
    for (const auto& entry : std::filesystem::directory_iterator(std::string(ALMALYK_SOURCE_DIR) + "/assets/scenarios")) {
        if (entry.path().extension() != ".json") continue;
        const std::string name = entry.path().stem().string();
        BatchSpec spec;
        spec.hours = 1;
        spec.scenarioPath = entry.path().string();
        PreparedBatch run;
        std::string why;
        REQUIRE_MESSAGE(prepareBatch(spec, run, &why), why);
        if (run.commands.empty()) continue;   // only settings (e.g. h2_supply_sized): nothing to remove
        bool listed = false;
        for (const ScenarioCase& c : cases) listed = listed || name == c.file;
        CHECK_MESSAGE(listed, "built-in scenario without a downstream case: " << name);
    }
    const char* totals[] = {"mine.ore_t", "concentrator.concentrate_t", "smelter.smelted_t", "smelter.cathode_t",
                            "smelter.slag_t", "smelter.so2_emitted_t", "h2.unserved_kg"};
    for (const ScenarioCase& c : cases) {
        CAPTURE(c.file);
        BatchSpec spec;
        spec.hours = c.hours;
        spec.scenarioPath = std::string(ALMALYK_SOURCE_DIR) + "/assets/scenarios/" + c.file + ".json";
        PreparedBatch run;
        std::string why;
        REQUIRE_MESSAGE(prepareBatch(spec, run, &why), why);
        REQUIRE_FALSE(run.commands.empty());
        World with(run.params, run.seed, run.start), without(run.params, run.seed, run.start);
        for (const Command& cmd : run.commands) with.push(cmd);
        const char* rates[] = {c.downstream, "concentrator.mill_t_h", "smelter.feed_t_h", "smelter.cathode_t_h"};
        double peaks[4] = {0, 0, 0, 0};
        for (Time t = run.start + 10 * kMinute; t <= run.end; t += 10 * kMinute) {
            with.advance(t, 1 << 30);
            without.advance(t, 1 << 30);
            for (int k = 0; k < 4; ++k)
                peaks[k] = std::max(peaks[k], std::fabs(metric(with.state(), rates[k]) - metric(without.state(), rates[k])));
        }
        const double peak = peaks[0];
        std::ostringstream line;
        line << c.file << " " << c.hours << " h:";
        for (const char* m : totals) line << " " << m << " " << metric(with.state(), m) << "/" << metric(without.state(), m);
        for (int k = 0; k < 4; ++k) line << "; peak |delta " << rates[k] << "| " << peaks[k];
        MESSAGE(line.str());
        CHECK(peak >= c.minPeak);
    }
}
