// scenes/landscape/landscape_panel.h — the landscape's small legend: what the labelled places are, the chain's live
// figures from the simulation's metrics (ore to the crusher, cathode copper, hydrogen from the panels) and a clock
// with the sun and the exposure the picture is drawn with.
// Use (the landscape scene): void drawUi(const FrameInput& in) override { drawLandscapePanel(in); }
// Model: every figure is read through the metrics registry by name (sim/metrics.h), with the window its metric
//   states (ore: the last hour's dumps; cathode and hydrogen: the last tick's rate); the exposure is
//   eng::skyLighting()'s for the frame's sun and moon (what app/frame_loop.cpp lights the scene with).
// Errors: an unknown metric reads NaN and shows "-" (tests/engine/test_panel_fit.cpp checks each name exists).
// Does NOT: keep any state between frames or change the simulation (no commands).
#pragma once
#include <string>
#include <vector>

#include "scenes/scene.h"

namespace scenes {

struct LandscapeFigures {
    double ore_t_h = 0, cathode_t_d = 0, h2_kg_h = 0;  // ore: mean of the last hour; the others now
    float exposure = 1.0f;                             // the tone mapper's exposure this frame (~0.8 by day)
    bool night = false;                                // the key light is the moon (or only the sky glow)
};
LandscapeFigures readLandscapeFigures(const FrameInput& in);
// The metric names readLandscapeFigures() reads.
std::vector<std::string> landscapeMetricNames();

// The legend window (fits its content: auto-resized at every UI scale and language).
void drawLandscapePanel(const FrameInput& in);

}  // namespace scenes
