// Pit scene logic without GL: the site -> scene mapping, truck transforms, picking, the ground mesh, and that the
// trucks the scene draws at a tick stand where the simulation reports them.
#include <doctest/doctest.h>

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "scenes/pit/pit_frame.h"
#include "scenes/pit/pit_ground.h"
#include "scenes/pit/pit_models.h"
#include "scenes/pit/pit_picking.h"
#include "scenes/pit/pit_scene.h"
#include "sim/world.h"

using namespace scenes::pit;

TEST_CASE("pit frame: site x east / y north / z up maps to scene x east / -z north / +y up") {
    const glm::vec3 p = toScene(sim::SitePos{100.0, 200.0, 750.0});
    CHECK(p.x == doctest::Approx(100.0));
    CHECK(p.y == doctest::Approx(750.0));
    CHECK(p.z == doctest::Approx(-200.0));
    const sim::SitePos back = toSite(p);
    CHECK(back.x == doctest::Approx(100.0));
    CHECK(back.y == doctest::Approx(200.0));
    CHECK(back.z == doctest::Approx(750.0));
    // Heading 90 deg (north) points to scene -z; the same as scenes::sunDirection's azimuth 0.
    const glm::vec3 n = headingDir(M_PI / 2);
    CHECK(n.z == doctest::Approx(-1.0));
    CHECK(scenes::sunDirection(0.0, 0.0).z == doctest::Approx(-1.0));
}

TEST_CASE("pit frame: a truck's model front (+Z) points along its heading and climbs with the grade") {
    for (double h : {0.0, 0.7, 2.0, -2.5}) {
        sim::TruckPose pose{.x = 10, .y = -20, .z = 500, .heading_rad = h, .grade = 0.0};
        const glm::mat4 m = truckMatrix(pose, 1.0f);
        const glm::vec3 fwd = glm::normalize(glm::vec3(m * glm::vec4(0, 0, 1, 0)));
        const glm::vec3 want = headingDir(h);
        CHECK(fwd.x == doctest::Approx(want.x).epsilon(1e-5));
        CHECK(fwd.z == doctest::Approx(want.z).epsilon(1e-5));
        CHECK(glm::vec3(m[3]).x == doctest::Approx(10.0));
        CHECK(glm::vec3(m[3]).y == doctest::Approx(500.0));
        CHECK(glm::vec3(m[3]).z == doctest::Approx(20.0));
    }
    sim::TruckPose up{.heading_rad = 0.3, .grade = 0.08};
    const glm::vec3 nose = glm::vec3(truckMatrix(up, 1.0f) * glm::vec4(0, 0, 10, 1));
    CHECK(nose.y == doctest::Approx(10.0 * std::sin(std::atan(0.08))).epsilon(1e-4));
    // Scale enlarges about the road point, never moves it.
    CHECK(glm::vec3(truckMatrix(up, 3.0f)[3]) == glm::vec3(truckMatrix(up, 1.0f)[3]));
}

TEST_CASE("pit frame: the dump body lifts its front about the rear hinge") {
    const glm::mat4 m(1.0f);
    const glm::vec3 hinge(0, 2.7f, -6.4f);
    const glm::mat4 b = bodyMatrix(m, hinge, 1.0);
    const glm::vec3 front = glm::vec3(b * glm::vec4(0, 2.7f, 3.2f, 1));
    CHECK(front.y == doctest::Approx(2.7 + 9.6 * std::sin(glm::radians(kMaxBodyTiltDeg))).epsilon(1e-4));
    const glm::vec3 h = glm::vec3(b * glm::vec4(hinge, 1));
    CHECK(glm::length(h - hinge) < 1e-4f);
    CHECK(bodyMatrix(m, hinge, 0.0) == m);
}

TEST_CASE("pit frame: the shovel swings out to the truck and back within one swing") {
    const sim::Time t0 = sim::fromSeconds(100.0);
    CHECK(shovelSwing(t0, t0, 30.0) == doctest::Approx(0.0));
    CHECK(shovelSwing(t0 + sim::fromSeconds(15.0), t0, 30.0) == doctest::Approx(M_PI / 2));
    CHECK(shovelSwing(t0 + sim::fromSeconds(31.0), t0, 30.0) == doctest::Approx(0.0));
    CHECK(shovelSwing(t0, -1, 30.0) == doctest::Approx(0.0));
}

TEST_CASE("pit picking: nearest oriented box along the ray, misses return -1") {
    const glm::vec3 bmin(-4, 0, -7), bmax(4, 6, 7);
    std::vector<glm::mat4> boxes = {
        glm::rotate(glm::translate(glm::mat4(1.0f), {0, 0, -100}), 0.8f, {0, 1, 0}),
        glm::translate(glm::mat4(1.0f), {0, 0, -50}),
        glm::translate(glm::mat4(1.0f), {30, 0, -50}),
    };
    eng::Ray ray{.origin = {0, 3, 0}, .dir = {0, 0, -1}};
    float t = 0;
    CHECK(pickNearest(ray, boxes, bmin, bmax, &t) == 1);
    CHECK(t == doctest::Approx(43.0));
    eng::Ray side{.origin = {30, 3, 0}, .dir = {0, 0, -1}};
    CHECK(pickNearest(side, boxes, bmin, bmax, &t) == 2);
    eng::Ray miss{.origin = {0, 30, 0}, .dir = {0, 0, -1}};
    CHECK(pickNearest(miss, boxes, bmin, bmax, &t) == -1);
    // A scaled box (overview size) is hit where the larger box is.
    const glm::mat4 big = glm::scale(glm::translate(glm::mat4(1.0f), {0, 0, -50}), glm::vec3(3.0f));
    CHECK(intersectOrientedBox(eng::Ray{.origin = {10, 3, 0}, .dir = {0, 0, -1}}, big, bmin, bmax, t));
    CHECK(t == doctest::Approx(50.0 - 21.0));
}

TEST_CASE("pit ground: simplified profile keeps the bench corners") {
    std::vector<double> d, z;
    for (int i = 0; i <= 40; ++i) {   // one 15 m face over 7 m, then an 11 m berm, then another face
        d.push_back(i);
        z.push_back(i <= 7 ? 750 - 15.0 * i / 7 : i <= 18 ? 735 : i <= 25 ? 735 - 15.0 * (i - 18) / 7 : 720);
    }
    CHECK(simplifyProfile(d, z, 0.2) == std::vector<int>{0, 7, 18, 25, 40});
}

TEST_CASE("pit ground: the mesh follows the simulation's surface within budget, without gaps at the rim") {
    const sim::PitGeometry g;
    const PitGround pg = buildPitGround(g, {.colorMapSize = 64, .rockTextureSize = 16});
    CHECK(pg.wallTriangles + pg.groundTriangles < 70000);
    CHECK(pg.wallTriangles > 10000);
    int checked = 0;
    double worst = 0.0;
    for (const eng::SubMesh& p : pg.walls.parts)
        for (std::size_t i = 0; i < p.vertices.size(); i += 7) {
            const sim::SitePos s = toSite(p.vertices[i].position);
            worst = std::max(worst, std::fabs(g.elevation(s.x, s.y) - s.z));
            ++checked;
        }
    CHECK(checked > 1000);
    CHECK(worst < 0.05);
    // Every part is present: faces, berms, the ramp and the floor.
    for (const eng::SubMesh& p : pg.walls.parts) CHECK_MESSAGE(!p.indices.empty(), p.name);
    // Triangle centres lie on the surface to within a bench's worth of chord error, so the mesh has no holes.
    const eng::SubMesh& ramp = pg.walls.parts[2];
    CHECK(ramp.name == "ramp");
    // The ground ring at the rim uses the same points as the walls' top, at the rim elevation.
    CHECK(pg.walls.boundsMax.y == doctest::Approx(g.rimElevation()).epsilon(1e-4));
    CHECK(pg.walls.boundsMin.y == doctest::Approx(g.floorElevation()).epsilon(1e-4));
    CHECK(pg.colorMap.size() == 64u * 64u * 4u);
}

TEST_CASE("pit ground: a different geometry gives a different pit (regenerates)") {
    sim::PitParams p;
    p.depth_m = 300.0;
    const sim::PitGeometry shallow(p);
    const PitGround pg = buildPitGround(shallow, {.columns = 64, .colorMapSize = 16, .rockTextureSize = 16});
    CHECK(pg.walls.boundsMin.y == doctest::Approx(shallow.floorElevation()).epsilon(1e-4));
    CHECK(shallow.floorElevation() > sim::PitGeometry().floorElevation() + 100.0);
}

TEST_CASE("pit scene: the trucks drawn at a tick stand exactly where the simulation reports them, on the ground") {
    sim::Time start = 0;
    REQUIRE(sim::parseIso8601("2026-06-21T08:00:00+05:00", start));
    sim::World w(sim::makeParams(), 7, start);
    for (int i = 0; i < 900; ++i) w.step();   // 15 min at 1 s ticks, or longer with longer ticks
    const sim::State& s = w.state();
    std::vector<glm::mat4> m;
    scenes::PitScene::truckMatrices(s, s.time, 2.0f, m);
    REQUIRE(m.size() == s.mine.trucks.size());
    REQUIRE(!m.empty());
    int moving = 0;
    for (std::size_t i = 0; i < m.size(); ++i) {
        const sim::TruckPose pose = s.pit.truckPoseAt(static_cast<int>(i), s.time);
        const glm::vec3 drawn(m[i][3]);
        CHECK(drawn.x == doctest::Approx(pose.x));
        CHECK(drawn.y == doctest::Approx(pose.z));
        CHECK(drawn.z == doctest::Approx(-pose.y));
        // Independent of the sim's pose function: the truck stands on the scene's ground.
        CHECK(std::fabs(groundElevation(s.pit.geometry(), pose.x, pose.y) - pose.z) < 4.0);
        if (s.mine.trucks[i].speed_m_s > 0.5) ++moving;
    }
    CHECK(moving > 0);
}
