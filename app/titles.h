// app/titles.h — the human title of every parameter and metric, for the screen: the Parameters panel's rows
// ("mine.speed_loaded_ramp_kmh" -> "Loaded truck speed up the ramp"), plot and KPI captions, and the `title` column
// of `almalyk params` / `almalyk metrics`. Titles are English for now: the 539 of them are not yet in the translation
// catalogs (not marked for extraction, so the catalog check does not ask for them), and eng::tr where they are shown
// gives them back as they are until they are; the sim's registries keep names, units and engineers' descriptions.
// Use: ImGui::TextUnformatted(eng::tr(app::paramTitle(def.name)));
// Errors: an unknown name comes back as "" (tests/engine/test_titles.cpp fails for any registered name without one).
// Does NOT: translate (eng::tr does) or know units (sim::ParamDef / sim::MetricDef do).
#pragma once
#include <string_view>

namespace app {

const char* paramTitle(std::string_view name);   // "" when the name has no title
const char* metricTitle(std::string_view name);  // "" when the name has no title

}  // namespace app
