// scenes/pit/pit_frame.h — the one mapping from the simulation's site frame to the scenes' world frame, and the pure
// pose -> instance transforms of the pit scene (trucks, dump bodies, shovel houses), so tests can check without GL
// that what the scene draws at a tick is exactly where the simulation put it.
// Frames: site (sim/pit_geometry.h) x east, y north, z elevation a.s.l., headings counter-clockwise from east;
//         scene (scenes/scene.h) x east, -z north, +y up (y = elevation a.s.l., as in the landscape scene).
//         Models (engine/model) face +Z with their origin on the ground at the footprint centre.
// Use: glm::vec3 p = toScene(sitePos); glm::mat4 m = truckMatrix(pose, 1.0f); glm::mat4 b = bodyMatrix(m, hinge, tilt).
// Does NOT: touch OpenGL, read the simulation clock, or interpolate (sim::Mine::truckPoseAt is already exact).
#pragma once
#include <glm/glm.hpp>

#include "sim/mine.h"
#include "sim/pit_geometry.h"

namespace scenes::pit {

inline constexpr float kMaxBodyTiltDeg = 48.0f;  // BelAZ 75306 body raise angle (manufacturer sheet ~48-50 deg)

inline glm::vec3 toScene(double x, double y, double z) {
    return {static_cast<float>(x), static_cast<float>(z), static_cast<float>(-y)};
}
inline glm::vec3 toScene(const sim::SitePos& p) { return toScene(p.x, p.y, p.z); }
// Inverse of toScene: scene point -> site (x east, y north, z up).
inline sim::SitePos toSite(glm::vec3 p) { return {p.x, -static_cast<double>(p.z), p.y}; }
// Scene yaw (radians, rotation about +Y) that turns a model's +Z front toward a site heading (CCW from east).
float yawFromHeading(double headingRad);
// Unit direction in the scene frame for a site heading.
glm::vec3 headingDir(double headingRad);

// Model matrix of a truck at a simulation pose: on the road point, nose along the heading, pitched by the grade,
// scaled uniformly by `scale` (1 = true size; the overview uses a little more so the fleet reads).
glm::mat4 truckMatrix(const sim::TruckPose& pose, float scale);
// A part turned about a hinge (model frame): the dump body at bodyTilt 0..1 about its rear hinge (axis +X; the
// front rises), the shovel house about its vertical axis.
glm::mat4 hingedPart(const glm::mat4& parent, glm::vec3 pivot, glm::vec3 axis, float angleRad);
glm::mat4 bodyMatrix(const glm::mat4& truck, glm::vec3 hinge, double bodyTilt);
// Shovel house swing angle (radians, + toward the truck side) at time t for a swing that started at swingStart
// and lasts swing_s: out to the truck and back in one smooth cycle; 0 when idle.
float shovelSwing(sim::Time t, sim::Time swingStart, double swing_s);

}  // namespace scenes::pit
