// app/training_words.h — what the training view (app/director_training.cpp) shows for the scenario's keys and the
// scorer's results, in the current language: lever and choice titles, fault targets ("mine.shovel:1" -> "Shovel 2"),
// who acted, the dispatcher's assignments, an objective's progress from the score's numbers, and the debrief's score
// events from the scorer's English notes (sim/training.cpp writes them; each is parsed back into its numbers).
// Use: ImGui::TextUnformatted(eng::display(app::objectiveProgress(score.objectives[i], sc.objectives[i])).c_str());
// Errors: an unknown key or note comes back as it is (never empty, never a crash).
#pragma once
#include <string>

#include "sim/time.h"
#include "sim/training.h"

namespace app {

const char* leverTitle(const std::string& name);     // "dispatch_rule" -> "Dispatch rule"
const char* choiceTitle(const std::string& key);     // "least_wait" -> "least wait"
std::string hoursMinutes(sim::Time d);                // "1:05" of a duration
std::string targetTitle(const std::string& key);     // "mine.shovel:1" -> "Shovel 2"
const char* byWords(const std::string& by);           // "trainee", "instructor", "scenario", "trigger"
std::string assignWords(const std::string& value);   // "2,8>1" -> "Trucks 2, 8 → Shovel 1"
std::string objectiveProgress(const sim::ObjectiveScore& o, const sim::Objective& def);
// A ScoreEvent's detail; `final` and `def` (may be null) add the final progress to "passed:" / "failed:" notes.
std::string scoreEventWords(const std::string& detail, const sim::ObjectiveScore* final, const sim::Objective* def);

}  // namespace app
