// The parameter registry's safety net: a lookup by a name nobody registered is defined in every build type (this file
// never relies on assert, so it tests the Release behaviour too), records one message with the closest names, and a
// whole run of every unit asks for no unknown name.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "sim/world.h"

using namespace sim;

TEST_CASE("params: an unknown name read by code gives a defined value and a message with the closest names") {
    const Params p = makeParams();
    REQUIRE(p.lookupErrors().empty());
    CHECK(std::isnan(p.get("mine.truckz")));
    CHECK(p.getInt("mine.truckz") == 0);
    CHECK_FALSE(p.getBool("mine.truckz"));
    CHECK(p.getChoice("transport.mdoe").empty());
    CHECK(p.valueText("h2.sth_pct").empty());
    REQUIRE(p.lookupErrors().size() == 3);
    const std::string& first = p.lookupErrors()[0];
    CHECK(first.rfind("unknown parameter 'mine.truckz' (closest: mine.trucks", 0) == 0);
    CHECK(p.lookupErrors()[1].find("'transport.mdoe' (closest: transport.mode") != std::string::npos);
    CHECK(p.lookupErrors()[2].find("h2.sth_percent") != std::string::npos);
    // The closest names are the ones Params::closest offers, in its order.
    const auto near = p.closest("mine.truckz");
    REQUIRE(near.size() == 3);
    CHECK(first == "unknown parameter 'mine.truckz' (closest: " + near[0] + ", " + near[1] + ", " + near[2] + ")");
    // Asking again (a frame loop would) adds nothing; known names add nothing either.
    for (int i = 0; i < 100; ++i) CHECK(std::isnan(p.get("mine.truckz")));
    CHECK(p.get("mine.trucks") == p.find("mine.trucks")->def);
    CHECK(p.getInt("mine.trucks") == static_cast<int>(p.find("mine.trucks")->def));
    CHECK(p.lookupErrors().size() == 3);
}

TEST_CASE("params: getInt rounds to the nearest whole number and getBool reads 0 as false") {
    Params p;
    p.add({.name = "x.count", .unit = "count", .def = 0, .min = -10, .max = 10, .description = "test",
           .kind = ParamKind::Integer});
    p.add({.name = "x.real", .unit = "-", .def = 0, .min = -10, .max = 10, .description = "test"});
    REQUIRE(p.set("x.real", 2.6));
    CHECK(p.getInt("x.real") == 3);
    REQUIRE(p.set("x.real", -2.6));
    CHECK(p.getInt("x.real") == -3);
    CHECK(p.getBool("x.real"));
    REQUIRE(p.set("x.count", 0));
    CHECK_FALSE(p.getBool("x.count"));
    CHECK(p.lookupErrors().empty());
}

TEST_CASE("params: no unit asks for an unregistered name over a run with every kind of change") {
    Params p = makeParams();
    REQUIRE(p.setFromText("transport.mode", "both"));
    REQUIRE(p.setFromText("mine.service_dist", "lognormal"));
    World w(p, 11, 0);
    w.push({CommandType::SetParam, "mine.trucks", "20", kDay / 2});
    w.push({CommandType::SetParam, "h2.sth_percent", "5", kDay / 2});
    w.push({CommandType::SetParam, "smelter.converters", "4", kDay / 2});
    w.push({CommandType::SetParam, "weather.cloud_cover", "0.3", kDay / 2});
    w.push({CommandType::SetParam, "sim.tick_s", "30", kDay / 2});
    for (int i = 0; i < 2 * 24 * 60; ++i) w.step();
    const State& s = w.state();
    CHECK(&s.params == &w.params());
    CHECK(s.params.getInt("mine.trucks") == 20);
    CAPTURE(s.params.lookupErrors().empty() ? std::string() : s.params.lookupErrors().front());
    CHECK(s.params.lookupErrors().empty());
}
