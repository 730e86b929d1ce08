#include "scenes/pit/pit_frame.h"

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace scenes::pit {

float yawFromHeading(double headingRad) { return static_cast<float>(headingRad + M_PI * 0.5); }

glm::vec3 headingDir(double headingRad) {
    return {static_cast<float>(std::cos(headingRad)), 0.0f, static_cast<float>(-std::sin(headingRad))};
}

glm::mat4 truckMatrix(const sim::TruckPose& pose, float scale) {
    glm::mat4 m = glm::translate(glm::mat4(1.0f), toScene(pose.x, pose.y, pose.z));
    m = glm::rotate(m, yawFromHeading(pose.heading_rad), {0.0f, 1.0f, 0.0f});
    // Rotating about +X by -atan(grade) lifts the +Z nose on an uphill grade.
    m = glm::rotate(m, -static_cast<float>(std::atan(pose.grade)), {1.0f, 0.0f, 0.0f});
    return glm::scale(m, glm::vec3(scale));
}

glm::mat4 hingedPart(const glm::mat4& parent, glm::vec3 pivot, glm::vec3 axis, float angleRad) {
    if (angleRad == 0.0f) return parent;
    glm::mat4 m = glm::translate(parent, pivot);
    m = glm::rotate(m, angleRad, axis);
    return glm::translate(m, -pivot);
}

glm::mat4 bodyMatrix(const glm::mat4& truck, glm::vec3 hinge, double bodyTilt) {
    // +Z is the front; a negative turn about +X raises the front of the body around the rear hinge.
    const float a = -glm::radians(kMaxBodyTiltDeg) * static_cast<float>(glm::clamp(bodyTilt, 0.0, 1.0));
    return hingedPart(truck, hinge, {1.0f, 0.0f, 0.0f}, a);
}

float shovelSwing(sim::Time t, sim::Time swingStart, double swing_s) {
    if (swingStart < 0 || swing_s <= 0.0 || t < swingStart) return 0.0f;
    const double f = sim::toSeconds(t - swingStart) / swing_s;
    if (f >= 1.0) return 0.0f;
    return static_cast<float>(M_PI * 0.5 * 0.5 * (1.0 - std::cos(2.0 * M_PI * f)));
}

}  // namespace scenes::pit
