// scenes/smelter/smelter_anim.h — the smelter scene's plant layout and the pure mapping from the simulation's
// smelter state and events at a tick to what the scene shows: converter tilt and mode (charging, blowing, skimming,
// pouring), where every ladle is along the aisle (on the floor, on the overhead crane, on the slag pot carrier), its
// tilt and glow, the anode furnaces and casting wheel, and one-shot cues (taps, pours, dumps) for particle bursts.
// Use: PlantAnim a = animate(state.smelter, events, aheadS, &rates);  then draw from a (no GL here, so tests can check
//      that the animation at a tick follows the events of that tick).
// Layout (scene frame, metres: x east, -z north, +y up; illustrative, not the site plan): the converter aisle runs
// west -> east inside the hall: smelting furnace at the west end, converters in a row on the north side, anode
// furnaces and the casting wheel at the east end; slag pots leave by the south door on a carrier to the slag yard;
// concentrate store west of the hall, acid plant and stack north of it, tankhouse east of it.
// Does NOT: touch OpenGL or particles, read the wall clock, or smooth motion across frames (the scene eases tilts).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include <glm/glm.hpp>

#include "sim/events.h"
#include "sim/smelter.h"

namespace scenes::smelter {

// [SECTION] Layout
inline constexpr float kHallX0 = -125.0f, kHallX1 = 145.0f, kHallZ0 = -18.0f, kHallZ1 = 18.0f, kHallH = 30.0f;
inline constexpr float kCraneRail = 18.0f;     // runway height: bridge girders
inline constexpr float kAisleZ = 4.0f;         // the crane's travel line along the aisle (trolley position)
inline constexpr float kLiftY = 8.0f;          // ladle base height while carried along the aisle
inline constexpr int kMaxConverters = 6;       // smelter.converters max
inline const glm::vec3 kFurnacePos{-100.0f, 0.0f, -4.0f};  // smelting furnace, long axis along x
inline const glm::vec3 kUptakeTop{-104.0f, 34.0f, -4.0f};  // top of the uptake, where the off-gas line starts
inline const glm::vec3 kAcidPlantPos{-35.0f, 0.0f, -85.0f};
inline const glm::vec3 kStackPos{25.0f, 0.0f, -80.0f};
inline const glm::vec3 kStorePos{-185.0f, 0.0f, -5.0f};     // concentrate store (centre of the shed)
inline const glm::vec3 kCastingWheelPos{116.0f, 0.0f, 9.0f};
inline const glm::vec3 kYardPos{-45.0f, 0.0f, 120.0f};      // slag yard: centre of the dump face
inline const glm::vec3 kTankhousePos{240.0f, 0.0f, 0.0f};   // tankhouse centre
inline constexpr float kTankhouseHalfX = 55.0f, kTankhouseHalfZ = 36.0f;

glm::vec3 converterPos(int i);        // base centre; axis along x, mouth pours toward +z (into the aisle)
glm::vec3 converterLadleSpot(int i);  // where a ladle stands to receive or be poured into
glm::vec3 anodeFurnacePos(int a);
glm::vec3 anodeLadleSpot(int a);
glm::vec3 matteTapSpot(int k);        // matte ladles waiting at the furnace's matte tap (k = 0 under the launder)
glm::vec3 slagTapSpot(int k);         // slag pots under the furnace's slag launder, inside the south door
glm::vec3 yardDumpSpot(int k);        // where a carrier tips its pot over the slag yard's edge
glm::vec3 blisterPark(int k);         // empty blister ladles between the converters and the anode furnaces
// The slag carrier's road from the slag tap (u = 0) out of the south door to a dump spot (u = 1).
glm::vec3 slagRoad(glm::vec3 from, glm::vec3 to, float u, glm::vec3* dir);

// [SECTION] Blackbody-ish glow
// Linear emissive colour of melt at a temperature: dark below ~700 C, dull orange-red at 1150 C, bright yellow-orange
// at 1300 C and hotter (Draper point ~525 C is the first visible red; the ramp is tuned for tone-mapped display).
glm::vec3 meltGlow(double temperatureC);

// [SECTION] Animation state
enum class ConverterMode : std::uint8_t { Idle, Charging, Blowing, Skimming, Pouring, Faulted };
enum class Carrier : std::uint8_t { Floor, Crane, PotCarrier };

struct ConverterAnim {
    ConverterMode mode = ConverterMode::Idle;
    float tiltDeg = 30.0f;        // shell roll about x; + turns the mouth toward +z (the aisle)
    bool receiving = false;       // a matte ladle is pouring into the mouth now
    bool pouringOut = false;      // blister or skimmed slag streams out of the mouth now
    float flame = 0.0f;           // 0..1 flame and fume at the mouth (blowing)
    float glowC = 0.0f;           // melt temperature for the mouth glow (0 = dark)
    bool inService = true;
};

struct LadleAnim {
    sim::LadleContents contents = sim::LadleContents::Matte;
    sim::LadleStage stage = sim::LadleStage::AtFurnace;
    Carrier carrier = Carrier::Floor;
    glm::vec3 pos{0.0f};          // base centre of the ladle (scene frame)
    float tiltDeg = 0.0f;         // about x on the trunnions; + pours toward +z... or toward the converter (-z)
    float fill = 0.0f;            // 0..1 of a full ladle
    float glowC = 0.0f;           // melt temperature (0 = empty)
    float headingDeg = 0.0f;      // carrier's heading (yaw about +y) when on the pot carrier
    bool pouring = false;
};

struct AnodeAnim {
    sim::AnodePhase phase = sim::AnodePhase::Filling;
    float rollDeg = 0.0f;
    bool casting = false;
    float fill = 0.0f;
};

// One-shot cues from this tick's events (for particle bursts and sounds).
struct Cue {
    enum Kind : std::uint8_t { MatteTap, SlagTap, ConverterCharge, ConverterPour, SlagSkim, SlagDump, Harvest } kind;
    int index = -1;
    glm::vec3 pos{0.0f};
};

struct PlantAnim {
    std::vector<ConverterAnim> converters;
    std::vector<LadleAnim> ladles;
    std::vector<AnodeAnim> anodes;
    bool castingActive = false;
    std::vector<Cue> cues;
};

// What the mapping needs from earlier ticks: where each ladle came from (the state clears a ladle's target when it
// leaves), and each ladle's progress rate (per sim second) measured between the last two states, so positions can
// run ahead of the last tick by aheadS seconds (the display clock lies between ticks).
struct History {
    std::vector<int> lastTarget;       // converter (matte, blister) or anode furnace (blister) last served; -1 none
    std::vector<int> lastStage;
    std::vector<double> lastProgress, ladleRate;
    double lastTimeS = -1.0;
    double aheadS = 0.0;
};
// Folds one new state (at sim time timeS, seconds) into the history; call once per tick or per frame.
void remember(History& h, const sim::SmelterState& s, double timeS);

// The pure mapping. `events` are this frame's (units other than the smelter are ignored).
PlantAnim animate(const sim::SmelterState& s, std::span<const sim::Event> events, const History& h = {});

// Tilt the scene shows for a converter phase (degrees; mirrors the simulation's own targets so the picture and
// state agree): idle 30, charging 60, blowing 0 (tuyeres under the bath), skimming 75, pouring 95 (45 while waiting).
float converterTiltFor(const sim::ConverterState& c);

}  // namespace scenes::smelter
