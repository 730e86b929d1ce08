// app/training_words.cpp — the training view's words: keys, the scorer's numbers and its English notes worded in
// the trainee's language (app/training_words.h).
#include "app/training_words.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "engine/i18n.h"
#include "engine/locale_format.h"

namespace app {

// The lever's words for the trainee (the scenario files name levers by key).
const char* leverTitle(const std::string& name) {
    static const std::pair<const char*, const char*> kTitles[] = {
        {"dispatch_rule", eng::N_("Dispatch rule")},
        {"assign_truck", eng::N_("Assign trucks to a shovel")},
        {"fleet_trucks", eng::N_("Haul trucks in the cycle")},
        {"active_shovels", eng::N_("Shovels at working faces")},
        {"crusher_feed_t_h", eng::N_("Crusher feed")},
        {"ore_route", eng::N_("Ore route to the concentrator")},
        {"mill_feed_t_h", eng::N_("Concentrator feed")},
        {"smelter_feed_t_h", eng::N_("Furnace concentrate feed")},
        {"oxygen_enrichment", eng::N_("Oxygen enrichment of the blast")},
        {"converter_timing", eng::N_("Converters blowing at once")},
        {"reformer_mode", eng::N_("Reformer mode")},
        {"reformer_load", eng::N_("Reformer maximum load")},
        {"reformer_start_cover_h", eng::N_("Reformer start: store cover below")},
        {"h2_to_storage", eng::N_("Panels' hydrogen to the store")},
    };
    for (const auto& [key, title] : kTitles)
        if (name == key) return eng::trp(title);
    return name.c_str();
}

// A lever choice in the trainee's words (parameters name choices by key: "least_wait").
const char* choiceTitle(const std::string& key) {
    static const std::pair<const char*, const char*> kChoices[] = {
        {"fixed", eng::N_("fixed assignment")},
        {"least_wait", eng::N_("least wait")},
        {"rail", eng::N_("rail")},
        {"conveyor", eng::N_("conveyor")},
        {"both", eng::N_("rail and conveyor")},
        {"follow", eng::N_("follow demand")},
        {"base", eng::N_("base load")},
    };
    for (const auto& [k, title] : kChoices)
        if (key == k) return eng::trp(title);
    return key.c_str();
}

// "1:05" (hours:minutes) of a duration.
std::string hoursMinutes(sim::Time d) {
    const long m = std::lround(sim::toSeconds(std::max<sim::Time>(d, 0)) / 60.0);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%ld:%02ld", m / 60, m % 60);
    return buf;
}

// A fault target in the trainee's words: "mine.shovel:1" -> "Shovel 2" (numbers as the labels show them).
std::string targetTitle(const std::string& key) {
    static const std::pair<const char*, const char*> kTargets[] = {
        {"mine.truck", eng::N_("Truck %d")},
        {"mine.shovel", eng::N_("Shovel %d")},
        {"smelter.converter", eng::N_("Converter %d")},
        {"smelter.furnace", eng::N_("Smelting furnace")},
        {"smelter.acid_plant", eng::N_("Acid plant")},
        {"transport.crusher", eng::N_("Primary crusher")},
        {"transport.conveyor", eng::N_("Overland conveyor")},
        {"transport.rail", eng::N_("Rail line")},
        {"concentrator.mill", eng::N_("Grinding mills")},
        {"h2.separator", eng::N_("Hydrogen separator")},
        {"smr.reformer", eng::N_("Steam reformer")},
        {"gas.injection", eng::N_("CO2 injection compressor")},
    };
    const std::size_t colon = key.find(':');
    const std::string base = key.substr(0, colon);
    for (const auto& [k, title] : kTargets) {
        if (base != k) continue;
        if (colon == std::string::npos) return eng::trp(title);
        return eng::formatf(eng::trp(title), std::atoi(key.c_str() + colon + 1) + 1);
    }
    return key;
}

// Who did it, in the trainee's words.
const char* byWords(const std::string& by) {
    if (by == "trainee") return eng::trp("trainee");
    if (by == "instructor") return eng::trp("instructor");
    if (by == "scenario") return eng::trp("scenario");
    if (by == "trigger") return eng::trp("trigger");
    return by.c_str();
}

// "2,8,3>1" -> "Trucks 2, 8, 3 -> Shovel 1" (auto: the dispatch rule).
std::string assignWords(const std::string& value) {
    const std::size_t gt = value.find('>');
    if (gt == std::string::npos) return value;
    std::string trucks = value.substr(0, gt), to = value.substr(gt + 1);
    std::string list;
    for (char c : trucks) list += c == ',' ? std::string(", ") : std::string(1, c);
    const std::string dest = to == "auto" ? std::string(eng::trp("Dispatch rule decides"))
                                          : eng::formatf(eng::trp("Shovel %d"), std::atoi(to.c_str()));
    return eng::formatf(eng::trp("Trucks %s → %s"), list.c_str(), dest.c_str());
}

// An objective's progress in the trainee's language, from the score's numbers (the score's own `detail` is English,
// for files and reports).
std::string objectiveProgress(const sim::ObjectiveScore& o, const sim::Objective& def) {
    if (o.kind == "keep_within") {
        if (o.windowMin <= 0.0)
            return eng::formatf(eng::trp("Counted from %s"), hoursMinutes(def.from).c_str());
        return eng::formatf(eng::trp("Within the limits %.1f %% of %.0f min (needed %.0f %%)"), 100.0 * o.value,
                            o.windowMin, 100.0 * o.target);
    }
    if (o.kind == "reach_total") {
        const std::string unit = o.unit == "-" || o.unit == "count" ? std::string() : " " + std::string(eng::unitSymbol(o.unit));
        const int dec = std::abs(o.target) < 10.0 ? 1 : 0;
        const std::string got = eng::formatNumber(o.value, dec) + unit, target = eng::formatNumber(o.target, dec) + unit;
        return eng::formatf(o.atMost ? eng::trp("%s so far (at most %s)") : eng::trp("%s so far (at least %s)"), got.c_str(),
                            target.c_str());
    }
    if (o.raises == 0) return o.open ? eng::trp("Alarm raised: the time is running") : eng::trp("No alarm so far");
    return eng::formatf(eng::trpn("%d alarm; the last answered in %.0f min (allowed %.0f)",
                                 "%d alarms; the last answered in %.0f min (allowed %.0f)", o.raises),
                        o.raises, o.lastMin, o.target);
}

// A debrief score event's words: the scorer's English notes parsed back into numbers and worded again.
std::string scoreEventWords(const std::string& detail, const sim::ObjectiveScore* final, const sim::Objective* def) {
    double a = 0, b = 0;
    if (std::sscanf(detail.c_str(), "acknowledged %lf min after the raise (allowed %lf)", &a, &b) == 2)
        return eng::formatf(eng::trp("acknowledged %.0f min after the raise (allowed %.0f)"), a, b);
    if (std::sscanf(detail.c_str(), "restored %lf min after the raise (allowed %lf)", &a, &b) == 2)
        return eng::formatf(eng::trp("restored %.0f min after the raise (allowed %.0f)"), a, b);
    if (detail.rfind("not acknowledged", 0) == 0) return eng::trp("not acknowledged by the end");
    if (detail.rfind("not restored", 0) == 0) return eng::trp("not restored by the end");
    if (detail.rfind("back within", 0) == 0) return eng::trp("back within the limits");
    if (detail.rfind("outside", 0) == 0) return eng::trp("outside the limits");
    const bool passed = detail.rfind("passed:", 0) == 0;
    if (passed || detail.rfind("failed:", 0) == 0) {
        std::string t = passed ? eng::trp("passed") : eng::trp("not passed");
        if (final && def) t += ": " + objectiveProgress(*final, *def);
        return t;
    }
    return detail;
}

}  // namespace app
