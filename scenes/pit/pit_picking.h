// scenes/pit/pit_picking.h — hit tests for clicking equipment: a ray against oriented boxes (each a model matrix
// and the model's local bounds), nearest hit wins. Pure maths, tested without GL.
// Use: int i = pickNearest(ray, matrices, bmin, bmax, &t);  // -1 when nothing is hit
// Does NOT: test triangles (a truck's box is what a user aims at) or ground occlusion (the caller compares t with
// the ground hit).
#pragma once
#include <span>

#include <glm/glm.hpp>

#include "engine/camera.h"

namespace scenes::pit {

// Distance along the ray to the box (local bounds under `model`, which may scale uniformly), false if missed.
bool intersectOrientedBox(const eng::Ray& ray, const glm::mat4& model, glm::vec3 bmin, glm::vec3 bmax, float& tHit);
// Index of the nearest box hit, or -1; tHit gets its distance.
int pickNearest(const eng::Ray& ray, std::span<const glm::mat4> models, glm::vec3 bmin, glm::vec3 bmax, float* tHit);

}  // namespace scenes::pit
