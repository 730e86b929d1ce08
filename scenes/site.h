// scenes/site.h — one table of where AMMC's facilities are, and the terrain they stand on, for every scene: the
// landscape draws it whole, the plant scenes draw their valley backdrop from it, the pit lays its rail line on it.
// Frame: metres, origin at the centre of the Kalmakyr pit; "en" = (east, north); scenes' world frame is x east,
// y up (m above sea level), z = -north. Positions are approximate (for a convincing picture, not a survey) and
// sourced where a source exists: town ~530 m a.s.l. (hydrogen.md §7), Kalmakyr ore field ground 700-780 m and the
// pit a 4 x 2 km NW-elongated ellipse ~500 m deep (almalyk.md §1, S4, S5). (E) marks an estimate.
// Use: scenes::site::kWorks, site::facilities() (key, title, position, extent), site::elevation(x, z),
//      site::toWorld(site::kTown) -> the world point on the ground.
// The pit in this terrain is the simulation's pit at its default parameters (site::pit()): a scene that shows the
// live pit (the pit scene) builds its own sim::PitGeometry from the live parameters.
// Does NOT: hold the pit's own geometry (benches, ramp, crusher, dump: sim::PitGeometry does, from parameters).
#pragma once
#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace sim {
class PitGeometry;
}

namespace scenes::site {

// ---- elevations (m a.s.l.) ----
inline constexpr float kValleyFloor = 430.0f;  // Akhangaran river near Almalyk (town ~530 m, hydrogen.md §7)
inline constexpr float kPitRim = 750.0f;       // almalyk.md §1: ore field ground 700-780 m (S5); = sim::PitParams::rim_m
inline constexpr float kPitFloor = 250.0f;     // almalyk.md §1: floor ~250 m (derived); the rim less the pit's 500 m

// ---- positions, en = (east, north) metres from the pit centre ----
inline constexpr glm::vec2 kPit{0.0f, 0.0f};              // Kalmakyr open pit (4 x 2 km ellipse, long axis NW-SE)
inline constexpr glm::vec2 kTown{-6500.0f, 4200.0f};       // Almalyk town centre, NW of the pit
inline constexpr glm::vec2 kWorks{-3000.0f, 4800.0f};      // the metallurgical works east of the town (E)
inline constexpr glm::vec2 kSmelter = kWorks;              // the copper smelter: the smelter scene's site origin
// MOF-1/2 concentrators: on the smelter's site (almalyk.md §3, S27b), here ~700 m north-east of the smelter where the
// ore rail from the pit arrives (E).
inline constexpr glm::vec2 kConcentrator{-2300.0f, 5250.0f};
inline constexpr glm::vec2 kSlagYard{-3035.0f, 4688.0f};   // the smelter's slag yard (smelter scene: 112 m south) (E)
inline constexpr glm::vec2 kHydrogenField{-2200.0f, 3700.0f};  // the photocatalyst field and reformer (E)
// The steam reformer beside the panels (the hydrogen scene's kReformer, 150 m east and 40 m south of the field).
inline constexpr glm::vec2 kReformer{-2050.0f, 3660.0f};
// The catalyst line, between the slag yard and the field (E), and the concentrators' tailings storage (E).
inline constexpr glm::vec2 kCatalystLine{-2750.0f, 4250.0f};
inline constexpr glm::vec2 kTailings{-3500.0f, 7600.0f};
// PRMiTS (NPO PRMiTS, ex-UzKTZhM) is in Chirchik (almalyk.md §5, S39): 41.47 N 69.58 E against Almalyk's 40.85 N
// 69.60 E, i.e. ~69 km almost due north (bearing ~358 deg). The maps end at 20 km: kPrmits is where the hydrogen
// pipeline to it leaves the drawn map, with kPrmitsKm the distance still to go.
inline constexpr glm::vec2 kPrmits{-1600.0f, 13500.0f};
inline constexpr float kPrmitsKm = 69.0f - 13.5f;
// The depleted gas field that feeds the reformer and takes its CO2 back (sim gas.*, ccs.*): off the map to the
// south-west (E); kGasField is where its pipelines leave the drawn map.
inline constexpr glm::vec2 kGasField{-9500.0f, 1200.0f};
inline constexpr glm::vec2 kRiverPoint{-5000.0f, 9000.0f}; // a point on the Akhangaran; it runs NE-SW north of the town
inline const glm::vec2 kRiverDir = glm::normalize(glm::vec2(1.0f, 0.8f));
struct WasteDump {
    glm::vec2 en;
    float height;  // m above the rim level (flat top)
    float radius;  // m
};
inline constexpr WasteDump kWasteDumps[] = {{{3600.0f, -900.0f}, 90.0f, 1100.0f}, {{1200.0f, -3000.0f}, 70.0f, 1100.0f}};

// The smelter's units (site-frame positions, the overview's flows and labels start at them).
inline constexpr glm::vec2 kAcidPlant = kSmelter + glm::vec2(260.0f, 140.0f);
inline constexpr glm::vec2 kTankhouse = kSmelter + glm::vec2(420.0f, -30.0f);
inline constexpr glm::vec2 kStackMain = kSmelter + glm::vec2(140.0f, 170.0f);
inline constexpr glm::vec2 kStackTwo = kSmelter + glm::vec2(40.0f, 200.0f);
inline constexpr float kMainStackH = 150.0f, kStackTwoH = 110.0f;  // illustrative stack heights (m)

// The works' buildings as the map views (overview, landscape) draw them: halls (boxes, base on the ground, sides
// along east and north) and cylinders (tanks, stacks). Illustrative massing at the plant's scale, not a survey:
// the flash-smelting hall ~300 m, converter aisle, concentrate store, acid plant, tankhouse, two stacks, and the
// rest of the metallurgical works west and south.
struct WorksUnit {
    glm::vec2 en;
    glm::vec3 size;      // box: east, height, north (m); cylinder: radius, height, radius
    bool cylinder;
    glm::vec3 colour;    // linear albedo
};
const std::vector<WorksUnit>& worksUnits();

// Every facility a scene names or labels, in the chain's order.
struct Facility {
    const char* key;    // "pit", "town", "works", ... (stable: data files and labels name them)
    const char* title;  // shown on screen
    glm::vec2 en;       // centre
    float radius;       // m: rough extent (label height, overview framing)
};
const std::vector<Facility>& facilities();
const Facility* findFacility(const std::string& key);

// ---- the terrain ----
// Ground elevation (m a.s.l.) at world x / z: the valley and foothills, the flattened ore field, the pit (the
// simulation's default sim::PitGeometry: benches, berms, ramp, floor), the waste dumps.
float elevation(float x, float z);
// The world point on the ground at en.
glm::vec3 toWorld(glm::vec2 en);

// The simulation's pit at its default parameters, as this terrain cuts it (built once).
const sim::PitGeometry& pit();
// Pit ellipse coordinate: < 1 inside the 4 x 2 km outline, long axis NW-SE (almalyk.md, "Pit outline"), the rim of
// the simulation's default pit.
float pitEllipse(glm::vec2 en);
// Where a point lies relative to the river (the valley's axis).
struct Site {
    float along, across;  // metres along the river (NE +) and across it (SE +)
};
Site siteOf(glm::vec2 en);
// Rotated fractal value noise (the terrain's and the landscape's colour map's), in [0, 1].
float fbm(glm::vec2 p, int octaves, int seed);

}  // namespace scenes::site
