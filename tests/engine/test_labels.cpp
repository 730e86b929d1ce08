// tests/engine/test_labels.cpp — eng::placeLabelBoxes (engine/labels.h): of many label boxes, the placed ones are
// inside the viewport, never overlap each other, never touch a UI window; one at the screen edge is slid in, not cut.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "engine/labels.h"

namespace {

bool intersects(glm::vec2 p, glm::vec2 s, const eng::LabelBox& o) {
    return p.x < o.pos.x + o.size.x && o.pos.x < p.x + s.x && p.y < o.pos.y + o.size.y && o.pos.y < p.y + s.y;
}

}  // namespace

TEST_CASE("labels: placed boxes stay inside the screen, apart, and off the UI windows") {
    const glm::vec2 vp(1920, 1080);
    const std::vector<eng::LabelBox> windows = {{{10, 40}, {520, 780}}, {{0, 0}, {1920, 26}}, {{0, 1054}, {1920, 26}}};
    std::uint32_t seed = 12345;
    auto rnd = [&](float lo, float hi) {
        seed = seed * 1664525u + 1013904223u;
        return lo + (hi - lo) * static_cast<float>(seed >> 8) / 16777216.0f;
    };
    std::vector<eng::LabelBox> wanted;
    for (int i = 0; i < 400; ++i)  // a crowd, some hanging over every edge
        wanted.push_back({{rnd(-150, 1950), rnd(-60, 1100)}, {rnd(60, 320), rnd(20, 44)}});
    const std::vector<glm::vec2> at = eng::placeLabelBoxes(wanted, vp, windows);
    REQUIRE(at.size() == wanted.size());
    int placed = 0;
    for (std::size_t i = 0; i < at.size(); ++i) {
        if (std::isnan(at[i].x)) continue;
        ++placed;
        const glm::vec2 s = wanted[i].size;
        CHECK(at[i].x >= 0.0f);
        CHECK(at[i].y >= 0.0f);
        CHECK(at[i].x + s.x <= vp.x);
        CHECK(at[i].y + s.y <= vp.y);
        for (const eng::LabelBox& w : windows) CHECK_FALSE(intersects(at[i], s, w));
        for (std::size_t j = 0; j < i; ++j)
            if (!std::isnan(at[j].x)) CHECK_FALSE(intersects(at[i], s, {at[j], wanted[j].size}));
    }
    CHECK(placed > 20);      // the crowd is thinned, not emptied
    CHECK(placed < 400);
}

TEST_CASE("labels: the first box wins, a box at the edge is slid in whole, a lone box stays where it was wanted") {
    const glm::vec2 vp(800, 600);
    const std::vector<eng::LabelBox> wanted = {
        {{300, 300}, {100, 20}},   // free: kept in place
        {{350, 305}, {100, 20}},   // overlaps the first: dropped
        {{760, 100}, {100, 20}},   // past the right edge: slid to x = 700
        {{-30, -10}, {100, 20}},   // past the top-left corner: slid to (0, 0)
        {{100, 500}, {100, 20}},   // under the window: dropped
    };
    const std::vector<glm::vec2> at = eng::placeLabelBoxes(wanted, vp, {{{50, 450}, {300, 140}}});
    CHECK(at[0] == glm::vec2(300, 300));
    CHECK(std::isnan(at[1].x));
    CHECK(at[2] == glm::vec2(700, 100));
    CHECK(at[3] == glm::vec2(0, 0));
    CHECK(std::isnan(at[4].x));
}

TEST_CASE("labels: a box whose point is just right of a window moves out beside it instead of under it") {
    // Point at x = 420, window ends at x = 400: the centred 200 px box would start at 320, under the window.
    const std::vector<glm::vec2> at = eng::placeLabelBoxes({{{320, 100}, {200, 20}}}, {1000, 600}, {{{0, 0}, {400, 600}}});
    REQUIRE_FALSE(std::isnan(at[0].x));
    CHECK(at[0].x >= 400.0f);
    CHECK(at[0].x <= 420.0f);  // the point stays above the box's span: the leader line drops straight
    CHECK(at[0].y == 100.0f);
}
