#include "scenes/label_layout.h"

#include <algorithm>
#include <numeric>

namespace scenes {

glm::vec2 labelBoxSize(const std::string& text, float fontPx) {
    std::size_t lines = 1, longest = 0, run = 0;
    for (char c : text) {
        if (c == '\n') { ++lines; longest = std::max(longest, run); run = 0; }
        else ++run;
    }
    longest = std::max(longest, run);
    // ImGui's default proportional font averages a little over half its height per character.
    const float pad = 4.0f * fontPx / 16.0f;
    return {0.55f * fontPx * static_cast<float>(longest) + 2.0f * pad, (fontPx + 2.0f) * static_cast<float>(lines) + 2.0f * pad};
}

std::vector<int> declutterLabels(std::vector<LabelWish>& wishes, const glm::mat4& viewProj, glm::vec2 viewportPx,
                                 glm::vec3 eye, float fontPx) {
    struct Box { glm::vec2 lo, hi; };
    std::vector<int> order(wishes.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<float> dist(wishes.size());
    for (std::size_t i = 0; i < wishes.size(); ++i) dist[i] = glm::length(wishes[i].label.position - eye);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        if (wishes[a].priority != wishes[b].priority) return wishes[a].priority > wishes[b].priority;
        return dist[a] < dist[b];
    });
    const float pad = 4.0f * fontPx / 16.0f, margin = 3.0f;
    std::vector<Box> kept;
    std::vector<int> out;
    for (int i : order) {
        LabelWish& w = wishes[static_cast<std::size_t>(i)];
        w.label.liftPx = 0.0f;
        if (dist[static_cast<std::size_t>(i)] > std::min(w.maxDistance, w.label.fadeEnd)) continue;
        glm::vec2 s;
        if (!eng::LabelList::project(viewProj, w.label.position, viewportPx, s)) continue;
        if (s.x < 0.0f || s.y < 0.0f || s.x > viewportPx.x || s.y > viewportPx.y) continue;
        const glm::vec2 size = labelBoxSize(w.label.text, fontPx);
        // The same box eng::LabelList draws: centred over the point, ending a pad above it.
        Box b{{s.x - 0.5f * size.x - margin, s.y - size.y - pad - margin}, {s.x + 0.5f * size.x + margin, s.y - pad + margin}};
        auto blocker = [&](const Box& x) {
            for (const Box& k : kept)
                if (x.lo.x < k.hi.x && k.lo.x < x.hi.x && x.lo.y < k.hi.y && k.lo.y < x.hi.y) return &k;
            return static_cast<const Box*>(nullptr);
        };
        const Box* hit = blocker(b);
        if (hit && !w.stack) continue;
        const float maxLift = 6.0f * size.y;
        while (hit && w.label.liftPx <= maxLift) {
            const float up = b.hi.y - hit->lo.y;  // move the box's bottom to the blocker's top
            w.label.liftPx += up;
            b.lo.y -= up;
            b.hi.y -= up;
            hit = blocker(b);
        }
        if (hit || b.lo.y < 0.0f) continue;  // no room above: the panel still shows it
        kept.push_back(b);
        out.push_back(i);
    }
    return out;
}

}  // namespace scenes
