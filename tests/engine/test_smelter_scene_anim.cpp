// Smelter scene logic without GL: the glow ramp, the slag road, and that the converter and ladle animation the scene
// shows at a tick follows the simulation's events of that tick (scenes::smelter::animate is the pure mapping).
#include <doctest/doctest.h>

#include <map>

#include "scenes/smelter/smelter_anim.h"
#include "sim/world.h"

using namespace scenes::smelter;

namespace {
sim::Time start() {
    sim::Time t = 0;
    REQUIRE(sim::parseIso8601("2026-06-21T08:00:00+05:00", t));
    return t;
}
}  // namespace

TEST_CASE("smelter glow: dark when cold, dull red at 1150 C, brighter and yellower at 1300 C") {
    CHECK(meltGlow(25.0) == glm::vec3(0.0f));
    CHECK(meltGlow(500.0) == glm::vec3(0.0f));
    const glm::vec3 a = meltGlow(1150.0), b = meltGlow(1300.0);
    CHECK(a.r > 1.0f);                       // visibly glowing
    CHECK(b.r > 1.5f * a.r);                 // hotter is brighter
    CHECK(b.g / b.r > a.g / a.r + 0.05f);    // and shifts from orange-red toward yellow
    CHECK(a.g < 0.5f * a.r);                 // 1150 C reads red-orange, not yellow
    for (double t = 700.0; t < 1500.0; t += 50.0) CHECK(meltGlow(t + 50.0).r > meltGlow(t).r);
}

TEST_CASE("smelter layout: the slag road runs from the slag tap to the dump spot, the carrier backs in") {
    const glm::vec3 from = slagTapSpot(1), to = yardDumpSpot(1);
    glm::vec3 dir;
    CHECK(glm::length(slagRoad(from, to, 0.0f, &dir) - from) < 1e-3f);
    CHECK(glm::length(slagRoad(from, to, 1.0f, &dir) - to) < 1e-3f);
    // Monotone along the way (constant speed: equal steps in u give nearly equal distances).
    glm::vec3 prev = from;
    for (int i = 1; i <= 20; ++i) {
        const glm::vec3 p = slagRoad(from, to, static_cast<float>(i) / 20.0f, nullptr);
        CHECK(glm::length(p - prev) > 1.0f);
        prev = p;
    }
    // Converters sit on the north side of the aisle, their ladle spots in the aisle in front of them.
    for (int i = 0; i < kMaxConverters; ++i) {
        CHECK(converterPos(i).z < kAisleZ);
        CHECK(converterLadleSpot(i).z > converterPos(i).z + 3.0f);
        CHECK(converterPos(i).x < anodeFurnacePos(0).x - 10.0f);  // the anode furnaces come after the converters
        CHECK(converterPos(i).x > kFurnacePos.x + 10.0f);         // and the smelting furnace before them
    }
}

TEST_CASE("smelter animation follows the simulation's events tick by tick") {
    sim::Params p = sim::makeParams();
    sim::World w(p, 7, start());
    History hist;
    std::map<sim::SmelterEvent, int> seen;
    int ladleChecks = 0, converterChecks = 0;
    for (int tick = 0; tick < 16 * 60; ++tick) {  // 16 sim hours of 60 s ticks: several full converter cycles
        w.step();
        const sim::State& s = w.state();
        remember(hist, s.smelter, sim::toSeconds(s.time));
        const PlantAnim a = animate(s.smelter, w.events(), hist);
        REQUIRE(a.converters.size() == s.smelter.converters.size());
        REQUIRE(a.ladles.size() == s.smelter.ladles.size());
        // The last phase-starting event of each converter and the last move of each ladle in this tick.
        std::map<int, sim::SmelterEvent> lastConv;
        std::map<int, int> lastMove;
        int cues = 0;
        for (const sim::Event& e : w.events()) {
            if (e.unit != sim::Unit::Smelter) continue;
            const auto k = static_cast<sim::SmelterEvent>(e.kind);
            ++seen[k];
            switch (k) {
            case sim::SmelterEvent::SlagBlowStart:
            case sim::SmelterEvent::CopperBlowStart:
            case sim::SmelterEvent::SlagSkimmed:  // skimming ends with the copper blow starting
            case sim::SmelterEvent::ConverterPour: lastConv[e.index] = k; break;
            case sim::SmelterEvent::LadleMoved: lastMove[e.index] = static_cast<int>(e.value); break;
            default: break;
            }
            if (k == sim::SmelterEvent::LadleTapped || k == sim::SmelterEvent::SlagTapped || k == sim::SmelterEvent::ConverterCharged ||
                k == sim::SmelterEvent::ConverterPour || k == sim::SmelterEvent::SlagSkimmed || k == sim::SmelterEvent::SlagDumped)
                ++cues;
        }
        int cueCount = 0;
        for (const Cue& c : a.cues) cueCount += c.kind != Cue::Harvest ? 1 : 0;
        CHECK(cueCount == cues);
        for (const auto& [c, k] : lastConv) {
            const ConverterAnim& ca = a.converters[static_cast<std::size_t>(c)];
            if (s.smelter.converters[static_cast<std::size_t>(c)].faulted) continue;
            ++converterChecks;
            if (k == sim::SmelterEvent::ConverterPour) {
                // Poured: the converter is free again (rolled out, idle or already charging), nothing blowing.
                CHECK((ca.mode == ConverterMode::Idle || ca.mode == ConverterMode::Charging));
                CHECK(ca.flame == 0.0f);
            } else {
                CHECK(ca.mode == ConverterMode::Blowing);  // a blow started: upright, flame at the mouth
                CHECK(ca.tiltDeg == 0.0f);
                CHECK(ca.flame > 0.0f);
            }
        }
        for (const auto& [i, stage] : lastMove) {
            const LadleAnim& la = a.ladles[static_cast<std::size_t>(i)];
            const sim::LadleState& ls = s.smelter.ladles[static_cast<std::size_t>(i)];
            ++ladleChecks;
            CHECK(static_cast<int>(la.stage) == stage);
            switch (static_cast<sim::LadleStage>(stage)) {
            case sim::LadleStage::CraneToConverter:
            case sim::LadleStage::ToAnodeFurnace: CHECK(la.carrier == Carrier::Crane); break;
            case sim::LadleStage::ToSlagYard: CHECK(la.carrier == Carrier::PotCarrier); break;
            case sim::LadleStage::AtConverter:
                if (ls.contents == sim::LadleContents::Matte) {
                    // Hoisted in front of its converter, pouring into the mouth (north, toward -z).
                    CHECK(std::abs(la.pos.x - converterLadleSpot(ls.target).x) < 0.5f);
                    CHECK(la.carrier == Carrier::Crane);
                }
                break;
            case sim::LadleStage::Dumping:
                if (ls.contents == sim::LadleContents::Slag) CHECK(std::abs(la.pos.z - kYardPos.z) < 0.5f);
                break;
            default: break;
            }
        }
        // Between events too: a matte ladle in the aisle hangs from a crane above the floor, a converter receiving
        // matte is the one the ladle targets, and a converter that blows is upright.
        for (std::size_t i = 0; i < s.smelter.ladles.size(); ++i) {
            const sim::LadleState& ls = s.smelter.ladles[i];
            if (ls.contents == sim::LadleContents::Matte && ls.stage == sim::LadleStage::CraneToConverter && ls.progress > 0.2 && ls.progress < 0.8)
                CHECK(a.ladles[i].pos.y == doctest::Approx(kLiftY));
            if (a.ladles[i].pouring && ls.contents == sim::LadleContents::Matte) CHECK(a.converters[static_cast<std::size_t>(ls.target)].receiving);
        }
        for (std::size_t c = 0; c < s.smelter.converters.size(); ++c)
            if (s.smelter.converters[c].blowing) CHECK(a.converters[c].tiltDeg == 0.0f);
    }
    // The run must have exercised the whole cycle, or the checks above prove nothing.
    CHECK(seen[sim::SmelterEvent::LadleTapped] > 3);
    CHECK(seen[sim::SmelterEvent::SlagTapped] > 3);
    CHECK(seen[sim::SmelterEvent::ConverterCharged] > 3);
    CHECK(seen[sim::SmelterEvent::SlagBlowStart] > 0);
    CHECK(seen[sim::SmelterEvent::CopperBlowStart] > 0);
    CHECK(seen[sim::SmelterEvent::ConverterPour] > 0);
    CHECK(seen[sim::SmelterEvent::SlagDumped] > 0);
    CHECK(converterChecks > 3);
    CHECK(ladleChecks > 20);
}

TEST_CASE("smelter animation ignores other units' events and is pure") {
    sim::Params p = sim::makeParams();
    sim::World w(p, 3, start());
    for (int i = 0; i < 120; ++i) w.step();
    const sim::SmelterState& s = w.state().smelter;
    std::vector<sim::Event> foreign = {{w.now(), sim::Unit::Mine, static_cast<std::uint16_t>(sim::SmelterEvent::SlagDumped), 0, 1.0}};
    const PlantAnim a = animate(s, foreign), b = animate(s, {});
    CHECK(a.cues.empty());
    REQUIRE(a.ladles.size() == b.ladles.size());
    for (std::size_t i = 0; i < a.ladles.size(); ++i) CHECK(glm::length(a.ladles[i].pos - b.ladles[i].pos) == 0.0f);
}
