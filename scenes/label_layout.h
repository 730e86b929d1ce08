// scenes/label_layout.h — label layout shared by the scenes: of the labels a scene would like to show, keep those
// that are near enough and do not overlap a more important one on screen (the pit: "Shovel 2" and "Shovel 6" never
// print over each other at the overview, truck names appear only at close range). A wish marked `stack` is not
// dropped: it is lifted above the boxes it would cover, on a leader line (the smelter's readouts along the aisle).
// Use: std::vector<LabelWish> w = {...}; for (int i : declutterLabels(w, viewProj, viewportPx, eye)) labels.add(w[i].label);
// Boxes are estimated from the text (lines x longest line) the way eng::LabelList draws them (box above the point).
// Errors: none. Does NOT: draw, fade (eng::LabelList does), or read the simulation.
#pragma once
#include <vector>

#include <glm/glm.hpp>

#include "engine/labels.h"

namespace scenes {

struct LabelWish {
    eng::Label label;
    int priority = 0;            // higher wins an overlap (warnings > selection > sites > shovels > trucks)
    float maxDistance = 1e9f;    // metres from the eye beyond which the label is not wanted at all
    bool stack = false;          // overlapping: lift it (label.liftPx) clear of the kept boxes instead of dropping it
};

// Pixel box of a label's text (width, height) for a font of `fontPx` pixels, padding included.
glm::vec2 labelBoxSize(const std::string& text, float fontPx = 13.0f);

// Indices into `wishes` of the labels to show: in front of the camera, on screen, within maxDistance, and not
// overlapping (with a small margin) any label of higher priority (ties: the nearer one) already kept. A `stack` wish
// that overlaps is lifted (its label.liftPx set) just above the kept boxes in its way, at most 6 boxes' height.
std::vector<int> declutterLabels(std::vector<LabelWish>& wishes, const glm::mat4& viewProj, glm::vec2 viewportPx,
                                 glm::vec3 eye, float fontPx = 13.0f);

}  // namespace scenes
