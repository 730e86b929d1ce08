#include "engine/camera.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace eng {

namespace {
float wrapDeg(float a) {
    a = std::fmod(a, 360.0f);
    return a < 0 ? a + 360.0f : a;
}
float smooth(float t) { return t * t * (3.0f - 2.0f * t); }
}  // namespace

void OrbitCamera::clampPose(CameraPose& p) const {
    p.pitchDeg = std::clamp(p.pitchDeg, -10.0f, 89.0f);
    p.distance = std::clamp(p.distance, m_minDist, m_maxDist);
    p.yawDeg = wrapDeg(p.yawDeg);
    p.fovDeg = std::clamp(p.fovDeg, 10.0f, 100.0f);
}

void OrbitCamera::setPose(const CameraPose& p) {
    m_pose = p;
    clampPose(m_pose);
    m_flyT = 1.0f;
}

void OrbitCamera::orbit(float dx, float dy) {
    m_flyT = 1.0f;
    m_pose.yawDeg += dx * 0.25f;
    m_pose.pitchDeg += dy * 0.25f;
    clampPose(m_pose);
}

void OrbitCamera::pan(float dx, float dy, float viewportHeightPx) {
    m_flyT = 1.0f;
    // Metres per pixel at the target's distance, so the ground point under the cursor follows it.
    const float mpp = 2.0f * m_pose.distance * std::tan(glm::radians(m_pose.fovDeg) * 0.5f) /
                      std::max(viewportHeightPx, 1.0f);
    const float yaw = glm::radians(m_pose.yawDeg);
    const glm::vec3 right(std::cos(yaw), 0.0f, std::sin(yaw));
    const glm::vec3 fwd(std::sin(yaw), 0.0f, -std::cos(yaw));
    m_pose.target += (-dx * right + dy * fwd) * mpp;
}

void OrbitCamera::zoom(float steps) {
    m_flyT = 1.0f;
    m_pose.distance *= std::pow(0.85f, steps);
    clampPose(m_pose);
}

void OrbitCamera::flyTo(const CameraPose& p, float seconds) {
    m_from = m_pose;
    m_to = p;
    clampPose(m_to);
    m_flyDuration = std::max(seconds, 1e-3f);
    m_flyT = 0.0f;
}

void OrbitCamera::update(float dt) {
    if (m_flyT >= 1.0f) return;
    m_flyT = std::min(1.0f, m_flyT + dt / m_flyDuration);
    m_pose = lerp(m_from, m_to, smooth(m_flyT));
}

void OrbitCamera::follow(glm::vec3 point, float dt, float halfLife) {
    // The target rides along with the point's motion exactly (no lag behind a fast truck, even at x10000), and the
    // gap that was there when following began, or that a pan made, closes with the exponential glide.
    const glm::vec3 moved = m_following ? point - m_followPoint : glm::vec3(0.0f);
    m_following = true;
    m_followPoint = point;
    if (m_flyT < 1.0f) {
        // A fly-to in progress travels relative to the point and lands on it.
        m_from.target += moved;
        m_to.target = point;
        m_pose.target += moved;
        return;
    }
    const float keep = halfLife > 0.0f ? std::exp2(-std::max(dt, 0.0f) / halfLife) : 0.0f;
    m_pose.target = point + (m_pose.target + moved - point) * keep;
}

void OrbitCamera::keepAboveGround(const std::function<float(float, float)>& groundAt, float clearance) {
    // The eye moves sideways as the pitch changes, so the ground under it is re-read; a few rounds settle it.
    for (int round = 0; round < 4; ++round) {
        const glm::vec3 eye = position();
        const float need = groundAt(eye.x, eye.z) + clearance;
        if (!(eye.y < need)) return;  // also leaves a NaN ground alone
        const float s = (need - m_pose.target.y) / std::max(m_pose.distance, 1e-3f);
        if (s < 0.999f) {
            m_pose.pitchDeg = std::clamp(glm::degrees(std::asin(std::max(s, -1.0f))) + 0.01f, m_pose.pitchDeg, 89.0f);
        } else {
            m_pose.pitchDeg = 89.0f;
            m_pose.target.y += need - position().y;
        }
    }
}

float OrbitCamera::nearPlaneFor(float distance) { return std::clamp(0.1f * distance, 0.1f, 5.0f); }

CameraPose OrbitCamera::lerp(const CameraPose& a, const CameraPose& b, float t) {
    CameraPose p;
    p.target = glm::mix(a.target, b.target, t);
    float dy = wrapDeg(b.yawDeg - a.yawDeg);
    if (dy > 180.0f) dy -= 360.0f;
    p.yawDeg = wrapDeg(a.yawDeg + dy * t);
    p.pitchDeg = a.pitchDeg + (b.pitchDeg - a.pitchDeg) * t;
    // Distance interpolates geometrically so zooming far out and back in feels even.
    p.distance = a.distance * std::pow(b.distance / std::max(a.distance, 1e-3f), t);
    p.fovDeg = a.fovDeg + (b.fovDeg - a.fovDeg) * t;
    return p;
}

glm::vec3 OrbitCamera::forward() const {
    const float yaw = glm::radians(m_pose.yawDeg), pitch = glm::radians(m_pose.pitchDeg);
    return glm::vec3(std::sin(yaw) * std::cos(pitch), -std::sin(pitch), -std::cos(yaw) * std::cos(pitch));
}

glm::vec3 OrbitCamera::position() const { return m_pose.target - forward() * m_pose.distance; }

glm::mat4 OrbitCamera::view() const {
    return glm::lookAt(position(), m_pose.target, glm::vec3(0.0f, 1.0f, 0.0f));
}

glm::mat4 OrbitCamera::projection(float aspect) const {
    return glm::perspective(glm::radians(m_pose.fovDeg), std::max(aspect, 1e-3f), m_near, m_far);
}

Ray OrbitCamera::pickRay(glm::vec2 pixel, glm::vec2 viewport) const {
    const glm::vec2 ndc(2.0f * pixel.x / viewport.x - 1.0f, 1.0f - 2.0f * pixel.y / viewport.y);
    const glm::mat4 inv = glm::inverse(projection(viewport.x / viewport.y) * view());
    glm::vec4 nearP = inv * glm::vec4(ndc, -1.0f, 1.0f), farP = inv * glm::vec4(ndc, 1.0f, 1.0f);
    nearP /= nearP.w;
    farP /= farP.w;
    return Ray{position(), glm::normalize(glm::vec3(farP) - glm::vec3(nearP))};
}

bool intersectGround(const Ray& r, float height, glm::vec3& hit) {
    if (std::abs(r.dir.y) < 1e-6f) return false;
    const float t = (height - r.origin.y) / r.dir.y;
    if (t < 0) return false;
    hit = r.origin + r.dir * t;
    return true;
}

bool intersectBox(const Ray& r, glm::vec3 bmin, glm::vec3 bmax, float& tHit) {
    float t0 = 0.0f, t1 = 1e30f;
    for (int a = 0; a < 3; ++a) {
        if (std::abs(r.dir[a]) < 1e-12f) {
            if (r.origin[a] < bmin[a] || r.origin[a] > bmax[a]) return false;
            continue;
        }
        float ta = (bmin[a] - r.origin[a]) / r.dir[a], tb = (bmax[a] - r.origin[a]) / r.dir[a];
        if (ta > tb) std::swap(ta, tb);
        t0 = std::max(t0, ta);
        t1 = std::min(t1, tb);
        if (t0 > t1) return false;
    }
    tHit = t0;
    return true;
}

}  // namespace eng
