// tests/engine/test_titles.cpp — every registered parameter and metric has a human title (app/titles.h): present,
// not its own name retyped, short enough for a panel row, and no two of a registry share one (rows must differ).
#include <doctest/doctest.h>

#include <cctype>
#include <cstring>
#include <set>
#include <string>

#include "app/titles.h"
#include "sim/metrics.h"
#include "sim/world.h"

namespace {

// A title a person reads: starts with a capital letter or a digit, has no underscore, and is not the
// dotted name (nor its last part with underscores: "speed_loaded_ramp_kmh").
void checkTitle(const std::string& name, const std::string& title) {
    INFO(name << " -> \"" << title << "\"");
    CHECK(!title.empty());
    CHECK(title != name);
    const std::string tail = name.substr(name.rfind('.') + 1);
    CHECK(title != tail);
    CHECK(title.find('_') == std::string::npos);
    CHECK(title.find(name) == std::string::npos);
    CHECK(title.size() <= 48);
    const unsigned char c0 = title.empty() ? 0 : static_cast<unsigned char>(title[0]);
    CHECK((std::isupper(c0) || std::isdigit(c0) || title.rfind("p/z", 0) == 0));  // "2VS-105 dumpcars", "p/z"
}

}  // namespace

TEST_CASE("titles: every parameter has a human title, distinct from its name and from the others") {
    const sim::Params p = sim::makeParams();
    REQUIRE(p.defs().size() > 100);
    std::set<std::string> seen;
    for (const sim::ParamDef& d : p.defs()) {
        const std::string t = app::paramTitle(d.name);
        checkTitle(d.name, t);
        INFO(d.name);
        CHECK(seen.insert(t).second);
    }
}

TEST_CASE("titles: every metric has a human title, distinct from its name and from the others") {
    REQUIRE(sim::metricDefs().size() > 100);
    std::set<std::string> seen;
    for (const sim::MetricDef& m : sim::metricDefs()) {
        const std::string t = app::metricTitle(m.name);
        checkTitle(m.name, t);
        INFO(m.name);
        CHECK(seen.insert(t).second);
    }
}

TEST_CASE("titles: an unknown name has none") {
    CHECK(std::strlen(app::paramTitle("mine.no_such_thing")) == 0);
    CHECK(std::strlen(app::metricTitle("")) == 0);
    CHECK(std::string(app::paramTitle("mine.speed_loaded_ramp_kmh")) == "Loaded truck speed up the ramp");
}
