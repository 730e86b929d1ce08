// engine/camera.h — the orbit camera every scene uses: orbit, pan, zoom, smooth fly-to, matrices and picking rays.
// Use: OrbitCamera cam; cam.setPose({.target={0,0,0}, .yawDeg=30, .pitchDeg=25, .distance=800});
//      per frame: cam.orbit(dxPx, dyPx); cam.pan(dxPx, dyPx, viewportH); cam.zoom(wheel); cam.update(dtSeconds);
//      cam.flyTo(preset.pose, 2.0) glides there (smoothstep on every pose component, yaw along the short way).
//      view(), projection(aspect) for rendering; pickRay(pixel, viewport) for hit tests.
//      Constraints the render loop applies after update(): follow(point, dt) keeps the target gliding onto a moving
//      point (a truck); keepAboveGround(groundAt, clearance) lifts the eye over the terrain; fitNearPlane() pulls the
//      near plane in for close-ups (2 m from a panel) and keeps it at 5 m for everything farther than 50 m.
// World frame: metres, right-handed, +Y up. Yaw 0 looks toward -Z (north in the scenes' convention), growing clockwise
// seen from above (toward +X, east); pitch > 0 looks down.
// Does NOT: read input devices (the render loop feeds it), or know the terrain (the caller passes a height function).
#pragma once
#include <functional>
#include <string>

#include <glm/glm.hpp>

namespace eng {

struct CameraPose {
    glm::vec3 target{0.0f};
    float yawDeg = 0.0f;
    float pitchDeg = 30.0f;  // looking down, clamped to [-10, 89]
    float distance = 100.0f;
    float fovDeg = 45.0f;
};

struct CameraPreset {
    std::string name;  // shown in the UI ("Pit overview")
    CameraPose pose;
};

struct Ray {
    glm::vec3 origin{0.0f};
    glm::vec3 dir{0.0f, 0.0f, -1.0f};  // unit length
};

class OrbitCamera {
public:
    void setPose(const CameraPose& p);  // jumps (cancels a fly-to)
    const CameraPose& pose() const { return m_pose; }
    void setLimits(float minDistance, float maxDistance) { m_minDist = minDistance; m_maxDist = maxDistance; }
    void setNearFar(float nearM, float farM) { m_near = nearM; m_far = farM; }
    float nearPlane() const { return m_near; }
    float farPlane() const { return m_far; }

    void orbit(float dxPixels, float dyPixels);                  // 0.25 degree per pixel
    void pan(float dxPixels, float dyPixels, float viewportHeightPx);  // moves the target in the ground plane
    void zoom(float wheelSteps);                                 // each step scales distance by 0.85
    void flyTo(const CameraPose& p, float seconds);
    bool flying() const { return m_flyT < 1.0f; }
    void update(float dtSeconds);

    // Call every frame while following: the target moves with `point` and the gap between them closes with a
    // frame-rate independent exponential glide (half of it per halfLifeSeconds); a fly-to in progress lands on the
    // point. Orbit, zoom and pan keep working (a pan's offset glides back). unfollow() when the point goes away.
    void follow(glm::vec3 point, float dtSeconds, float halfLifeSeconds = 0.4f);
    void unfollow() { m_following = false; }
    bool following() const { return m_following; }
    // Raises the pitch (and, when even looking straight down is not enough, the target) so that the eye is at
    // least clearanceM above groundAt(x, z). Does not cancel a fly-to (it is re-applied every frame).
    void keepAboveGround(const std::function<float(float, float)>& groundAt, float clearanceM);
    // Near plane for the current distance: 10 % of it, within [0.1, 5] m (depth precision stays as before for
    // every view farther than 50 m, and a 2 m close-up is not cut open).
    void fitNearPlane() { m_near = nearPlaneFor(m_pose.distance); }
    static float nearPlaneFor(float distance);
    float minDistance() const { return m_minDist; }

    glm::vec3 position() const;
    glm::vec3 forward() const;  // unit vector from the eye toward the target
    glm::mat4 view() const;
    glm::mat4 projection(float aspect) const;
    // Ray from the eye through a pixel (origin top-left, y down) of a viewport of the given size in pixels.
    Ray pickRay(glm::vec2 pixel, glm::vec2 viewport) const;

    static CameraPose lerp(const CameraPose& a, const CameraPose& b, float t);  // t in [0,1], yaw the short way

private:
    void clampPose(CameraPose& p) const;
    CameraPose m_pose, m_from, m_to;
    float m_flyT = 1.0f, m_flyDuration = 1.0f;
    float m_minDist = 2.0f, m_maxDist = 60000.0f;
    float m_near = 1.0f, m_far = 60000.0f;
    bool m_following = false;
    glm::vec3 m_followPoint{0.0f};  // the point at the last follow() call
};

// Intersection of a ray with the plane y = height; false when parallel or behind the origin.
bool intersectGround(const Ray& r, float height, glm::vec3& hit);
// Slab test against an axis-aligned box; distance along the ray in tHit.
bool intersectBox(const Ray& r, glm::vec3 bmin, glm::vec3 bmax, float& tHit);

}  // namespace eng
