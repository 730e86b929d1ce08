// engine/labels.h — world-space text labels (unit names, temperatures) drawn on top of the 3D view with ImGui.
// Use: during Scene::draw: renderer.labels().add({.position=p, .text="Shovel 3", .color={1,1,1,1}});
//      the render loop calls labels.draw(viewProj, viewportPx) inside the ImGui frame, then clear() next frame.
// Labels behind the camera or outside the screen are skipped; one near the edge is slid inside it; one that would
// overlap an earlier label or a UI window (last frame's ImGui windows) is left out; beyond the midpoint of its fade
// range a label is not drawn (no half-transparent ghosts); each sits on a dark rounded box.
// Does NOT: occlude against geometry (labels are always readable), or translate text (app/i18n does).
#pragma once
#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace eng {

struct Label {
    glm::vec3 position{0.0f};
    std::string text;
    glm::vec4 color{1.0f};
    float fadeStart = 4000.0f, fadeEnd = 9000.0f;  // metres from the eye
    float liftPx = 0.0f;  // the box drawn this many pixels higher, on a leader line down to the point
};

// Screen placement of label boxes, shared by LabelList::draw and its tests. `wanted[i]` is box i's top-left and
// size as it would sit over its point; a box is slid inside the viewport (its leader line still ends at the point),
// moved out beside a UI window when its point is beside it but its text would run under it, then dropped if it
// overlaps a box already placed (earlier ones win: callers add the important labels first) or any
// of the `blockers` (the UI windows, so a label never peeks out from under a panel). Result: the top-left of each
// placed box, or a NaN x for a dropped one.
struct LabelBox { glm::vec2 pos{0.0f}, size{0.0f}; };
std::vector<glm::vec2> placeLabelBoxes(const std::vector<LabelBox>& wanted, glm::vec2 viewport,
                                       const std::vector<LabelBox>& blockers, float gapPx = 2.0f);

class LabelList {
public:
    void add(Label l) { m_labels.push_back(std::move(l)); }
    void clear() { m_labels.clear(); }
    const std::vector<Label>& items() const { return m_labels; }
    // Projects and draws into ImGui's background draw list (over the 3D view, under every window); eye position for the distance fade.
    void draw(const glm::mat4& viewProj, glm::vec3 eye, glm::vec2 viewportPx) const;
    // Screen position in pixels (top-left origin); false when behind the camera.
    static bool project(const glm::mat4& viewProj, glm::vec3 p, glm::vec2 viewportPx, glm::vec2& out);

private:
    std::vector<Label> m_labels;
};

}  // namespace eng
