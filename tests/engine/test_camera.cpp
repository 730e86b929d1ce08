// The orbit camera's frame constraints (engine/camera.h): following a moving point, staying above the ground, and the
// near plane fitted to close-ups — checked against the pose geometry computed by hand.
#include <doctest/doctest.h>

#include <cmath>

#include <glm/gtc/constants.hpp>

#include "engine/camera.h"

TEST_CASE("camera follow: frame-rate independent glide onto a point, a fly-to lands on it") {
    eng::OrbitCamera a, b;
    const eng::CameraPose start{.target = {0, 0, 0}, .yawDeg = 0, .pitchDeg = 30, .distance = 100};
    a.setPose(start);
    b.setPose(start);
    const glm::vec3 truck(40, 10, -20);
    // One half-life halves the gap, whether in one frame or in four.
    a.follow(truck, 0.2f, 0.2f);
    for (int i = 0; i < 4; ++i) b.follow(truck, 0.05f, 0.2f);
    CHECK(a.pose().target.x == doctest::Approx(20.0f).epsilon(1e-4));
    CHECK(a.pose().target.y == doctest::Approx(5.0f).epsilon(1e-4));
    CHECK(b.pose().target.z == doctest::Approx(a.pose().target.z).epsilon(1e-4));
    // The view angles and distance are the user's: following moves only the target.
    CHECK(a.pose().yawDeg == doctest::Approx(0.0f));
    CHECK(a.pose().distance == doctest::Approx(100.0f));
    for (int i = 0; i < 600; ++i) a.follow(truck, 1.0f / 60.0f);
    CHECK(glm::length(a.pose().target - truck) < 1e-3f);
    // Once on it, the target moves with the point exactly, however fast (a truck at x10000 jumps 100 m a frame).
    a.follow(truck + glm::vec3(100, 0, 0), 1.0f / 60.0f);
    CHECK(glm::length(a.pose().target - (truck + glm::vec3(100, 0, 0))) < 1e-3f);
    // A pan while following glides back onto the point; unfollow() forgets it.
    a.pan(200, 0, 720);
    const float panned = glm::length(a.pose().target - (truck + glm::vec3(100, 0, 0)));
    CHECK(panned > 1.0f);
    a.follow(truck + glm::vec3(100, 0, 0), 0.4f, 0.4f);
    CHECK(glm::length(a.pose().target - (truck + glm::vec3(100, 0, 0))) == doctest::Approx(panned / 2).epsilon(1e-3));
    a.unfollow();
    CHECK_FALSE(a.following());

    // A fly-to started while following ends on the (moving) point, not where the point was.
    eng::OrbitCamera c;
    c.setPose(start);
    c.flyTo({.target = {500, 0, 0}, .yawDeg = 90, .pitchDeg = 20, .distance = 50}, 1.0f);
    glm::vec3 p(0, 0, 0);
    for (int i = 0; i < 70; ++i) {
        p.x += 1.0f;
        c.update(1.0f / 60.0f);
        c.follow(p, 1.0f / 60.0f);
    }
    CHECK_FALSE(c.flying());
    CHECK(glm::length(c.pose().target - p) < 1e-3f);
    CHECK(c.pose().distance == doctest::Approx(50.0f));
}

TEST_CASE("camera keepAboveGround: the eye ends at least the clearance over the ground, the target stays") {
    eng::OrbitCamera cam;
    cam.setLimits(2.0f, 40000.0f);
    // Flat ground at 100 m; the target on it; pitch 5 degrees at 200 m puts the eye 17.4 m up.
    cam.setPose({.target = {0, 100, 0}, .yawDeg = 0, .pitchDeg = 5, .distance = 200});
    const auto flat = [](float, float) { return 100.0f; };
    cam.keepAboveGround(flat, 20.0f);
    CHECK(cam.position().y >= doctest::Approx(120.0f).epsilon(1e-4));
    // The least lift: asin(20/200) = 5.74 degrees.
    CHECK(cam.pose().pitchDeg >= glm::degrees(std::asin(0.1f)));
    CHECK(cam.pose().pitchDeg < glm::degrees(std::asin(0.1f)) + 0.05f);
    CHECK(cam.pose().target.y == doctest::Approx(100.0f));
    // Already high enough: nothing moves.
    const eng::CameraPose before = cam.pose();
    cam.keepAboveGround(flat, 5.0f);
    CHECK(cam.pose().pitchDeg == doctest::Approx(before.pitchDeg));

    // A slope rising behind the eye (south, +z): the eye's own ground is re-read after each lift.
    cam.setPose({.target = {0, 0, 0}, .yawDeg = 0, .pitchDeg = 2, .distance = 300});
    const auto slope = [](float, float z) { return 0.3f * z; };
    cam.keepAboveGround(slope, 10.0f);
    const glm::vec3 eye = cam.position();
    CHECK(eye.y >= slope(eye.x, eye.z) + 10.0f - 0.05f);

    // A 2 m close-up below a ridge: even straight down is not enough, so the target rises.
    cam.setPose({.target = {0, 0, 0}, .yawDeg = 0, .pitchDeg = 40, .distance = 2});
    cam.keepAboveGround([](float, float) { return 5.0f; }, 0.5f);
    CHECK(cam.pose().pitchDeg == doctest::Approx(89.0f));
    CHECK(cam.position().y >= doctest::Approx(5.5f).epsilon(1e-4));
}

TEST_CASE("camera near plane: 5 m for views beyond 50 m, a tenth of the distance for close-ups") {
    CHECK(eng::OrbitCamera::nearPlaneFor(3600.0f) == doctest::Approx(5.0f));
    CHECK(eng::OrbitCamera::nearPlaneFor(50.0f) == doctest::Approx(5.0f));
    CHECK(eng::OrbitCamera::nearPlaneFor(2.0f) == doctest::Approx(0.2f));
    CHECK(eng::OrbitCamera::nearPlaneFor(0.1f) == doctest::Approx(0.1f));
    eng::OrbitCamera cam;
    cam.setLimits(2.0f, 40000.0f);
    cam.setPose({.target = {0, 0, 0}, .distance = 0.5f});
    CHECK(cam.pose().distance == doctest::Approx(2.0f));  // the minimum distance holds
    cam.fitNearPlane();
    CHECK(cam.nearPlane() == doctest::Approx(0.2f));
    // The target (2 m away) is in front of the near plane: a close-up is not cut open.
    CHECK(cam.nearPlane() < cam.pose().distance);
}
