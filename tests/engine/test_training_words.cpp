// The training view's words (app/training_words.h) against the scorer's real output: every score note that the seven
// scenarios' scripted operators produce is worded in Russian (so a change of the scorer's English notes cannot
// silently put English back on a trainee's screen), objectives' progress uses the language's numbers, and keys become
// the names on the labels.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "app/training_words.h"
#include "engine/i18n.h"
#include "sim/training.h"

namespace {

namespace fs = std::filesystem;
const std::string kTraining = std::string(ALMALYK_SOURCE_DIR) + "/assets/scenarios/training/";
const std::string kScripts = std::string(ALMALYK_SOURCE_DIR) + "/tests/data/training/";

// Any Latin letter: Russian words have none (numbers, units like "SO2" and "t/h" aside, which the checks skip).
bool hasLatinWord(const std::string& s) {
    int run = 0;
    for (char c : s) {
        const bool latin = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        run = latin ? run + 1 : 0;
        if (run >= 4) return true;   // "SO2", "t/h", "min" are shorter
    }
    return false;
}

struct Russian {
    Russian() {
        std::string why;
        REQUIRE_MESSAGE(eng::setLanguage("ru", &why), why);
    }
    ~Russian() { eng::setLanguage("en", nullptr); }
};

}  // namespace

TEST_CASE("training words: every score note of the seven scenarios' runs is worded in Russian") {
    Russian ru;
    int notes = 0, scenarios = 0;
    for (const auto& f : fs::directory_iterator(kTraining)) {
        if (f.path().extension() != ".json") continue;
        sim::TrainingScenario sc;
        std::string why;
        REQUIRE_MESSAGE(sim::loadTrainingScenario(f.path().string(), sc, &why), why);
        ++scenarios;
        for (const char* who : {"good", "poor"}) {
            std::vector<sim::TrainingAction> acts;
            REQUIRE_MESSAGE(sim::loadTrainingActions(kScripts + sc.id + "." + who + ".json", sc, sim::trainingStart(sc),
                                                     acts, &why),
                            why);
            sim::TrainingRun run = sim::startTraining(sc, acts);
            run.runToEnd();
            const sim::Score score = run.score();
            for (const sim::TimelineEntry& e : run.timeline()) {
                if (e.kind != sim::TimelineEntry::Kind::ScoreEvent) continue;
                std::size_t i = 0;
                while (i < sc.objectives.size() && sc.objectives[i].name != e.key) ++i;
                REQUIRE(i < sc.objectives.size());
                const std::string words = app::scoreEventWords(e.detail, &score.objectives[i], &sc.objectives[i]);
                CAPTURE(e.detail);
                CAPTURE(words);
                CHECK_FALSE(hasLatinWord(words));
                ++notes;
            }
            for (std::size_t i = 0; i < sc.objectives.size(); ++i) {
                const std::string p = app::objectiveProgress(score.objectives[i], sc.objectives[i]);
                CAPTURE(p);
                CHECK_FALSE(hasLatinWord(p));
            }
        }
    }
    CHECK(scenarios >= 7);
    CHECK(notes >= 40);
}

TEST_CASE("training words: progress in the language's numbers; keys as the labels name them") {
    Russian ru;
    sim::ObjectiveScore o;
    o.kind = "reach_total";
    o.value = 16940;
    o.target = 15000;
    o.unit = "t";
    sim::Objective def;
    // Russian groups thousands with a space and writes a decimal comma (engine/locale_format.h).
    CHECK(app::objectiveProgress(o, def) == "Пока 16\u00a0940 т (не менее 15\u00a0000 т)");
    o.kind = "keep_within";
    o.windowMin = 0;
    def.from = 45 * sim::kMinute;
    CHECK(app::objectiveProgress(o, def) == "Учитывается с 0:45");
    o.windowMin = 195;
    o.value = 0.9;
    o.target = 0.9;
    CHECK(app::objectiveProgress(o, def) == "В пределах 90,0 % из 195 мин (нужно 90 %)");
    o.kind = "ack_within";
    o.raises = 2;
    o.lastMin = 3;
    o.target = 5;
    CHECK(app::objectiveProgress(o, def) == "2 тревоги; последняя отработана за 3 мин (допустимо 5)");
    CHECK(app::targetTitle("mine.shovel:1") == "Экскаватор 2");
    CHECK(app::targetTitle("smelter.converter:0") == "Конвертер 1");
    CHECK(app::targetTitle("smelter.acid_plant") == "Сернокислотный цех");
    CHECK(app::targetTitle("not.a.target") == "not.a.target");
    CHECK(app::assignWords("2,8>1") == "Самосвалы 2, 8 → Экскаватор 1");
    CHECK(std::string(app::choiceTitle("least_wait")) == "наименьшее ожидание");
    CHECK(std::string(app::leverTitle("converter_timing")) == "Конвертеров на продувке одновременно");
    // Every lever of the simulation has a title in the catalog (a new lever without one would show its key).
    for (const sim::LeverDef& l : sim::leverDefs()) {
        CAPTURE(l.name);
        CHECK(std::string(app::leverTitle(l.name)) != l.name);
    }
}
