// scenes/overview/overview_model.h — what the overview shows, as plain data and functions (no GL, unit-tested in
// tests/engine/test_overview_model.cpp): the flows (which metric drives each, its nominal rate, how a rate becomes a
// ribbon's width and speed), the buffer gauges (fill, level and hours of cover metrics, the label text), the ripple
// tracker (each unit's key rate against its own trailing mean over sim hours: a unit whose rate departs from it
// "lights up", and the order units light in after a fault is the order the fault travelled down the chain), which
// units an alarm highlights, and which scene a click on a site asks for.
// Metrics are read by name through the registry (sim/metrics.h), resolved once per name: a name that is not (yet) in
// the registry reads as NaN, which draws as "no data" (grey gauge, no flow) instead of failing; the test
// "every metric the overview reads exists" lists them all (overviewMetricNames()).
// Rates: width grows with the square root of rate / nominal (a quarter of the nominal rate is still half the full
// width, so a trickle stays visible), capped at twice nominal; speed is proportional to rate / nominal; zero draws
// nothing. Nominal rates are the default complex's design rates, cited where they are defined (overview_model.cpp).
// Errors: none; unknown metrics are NaN. Does NOT: draw (overview_scene.cpp does), keep the sim::State.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "sim/alarms.h"
#include "sim/time.h"

namespace sim { struct State; }

namespace scenes::overview {

// ---- metrics by name ----
// NaN when the name is not in the registry (or s is null).
double readMetric(const sim::State* s, std::string_view name);

// ---- flows ----
enum class FlowKind : unsigned char { Ground, ToAir };  // a ribbon along the ground, or a column rising from a stack
struct FlowDef {
    const char* key;       // "ore_rail"
    const char* title;     // "Ore by rail"
    const char* metric;    // the rate it shows: "transport.delivered_t_h"
    double nominal;        // the rate drawn at full width (metric's unit)
    const char* unit;      // for labels: "t/h"
    glm::vec3 color;       // linear; also the emissive tint at night
    FlowKind kind = FlowKind::Ground;
};
const std::vector<FlowDef>& flowDefs();
const FlowDef* findFlow(std::string_view key);

struct FlowLook {
    float width = 0.0f;   // metres across (0: nothing moves, draw nothing)
    float speed = 0.0f;   // metres per wall second the dashes move
};
inline constexpr float kFlowMinWidth = 24.0f, kFlowMaxWidth = 110.0f, kFlowFullSpeed = 220.0f;
// rate (the metric's unit) -> look. NaN or <= 0 -> nothing.
FlowLook flowLook(double rate, double nominal);

// ---- buffers ----
struct GaugeDef {
    const char* key;          // "stockpile"
    const char* title;        // "Stockpile"
    const char* site;         // the facility it stands beside (scenes/site.h key)
    const char* fillMetric;   // 0..1 (or %, see fillIsPercent)
    bool fillIsPercent;
    const char* levelMetric;  // the stock itself, for the label
    const char* levelUnit;    // "t", "kg"
    double levelScale;        // label value = level * scale (t -> kt: 0.001)
    const char* labelUnit;    // unit shown after the scaled level
    const char* coverMetric;  // hours of cover, capped at 999
};
const std::vector<GaugeDef>& gaugeDefs();

struct GaugeReading {
    float fill = 0.0f;       // 0..1 clamped; valid only when hasFill
    bool hasFill = false;
    double level = 0.0;      // NaN when unknown
    double coverH = 0.0;     // NaN when unknown
};
GaugeReading readGauge(const sim::State* s, const GaugeDef& g);
// "Stockpile  52 kt\n62 %  ·  14 h cover" (parts with no data left out).
std::string gaugeLabel(const GaugeDef& g, const GaugeReading& r);
// A rate as a visitor reads it: "3,740" (whole numbers with thousands separators from 100 up), "63.1", "4.72",
// "0"; "-" when not finite.
std::string formatRate(double v);
// Fill colour: red below 15 %, amber below 30 % or above 90 %, green between (linear rgb).
glm::vec3 gaugeColor(float fill);

// ---- ripple: units lighting up in causal order ----
struct RippleUnitDef {
    const char* key;      // "crusher" (the site key it highlights, or a sub-unit drawn at a site)
    const char* title;    // "Crusher"
    const char* metric;   // its key rate
    double floor;         // the smallest mean a deviation is measured against (keeps a near-zero rate from flickering)
    double smoothH;       // sim hours the rate is smoothed over before it is compared (lumpy rates need longer)
    double light;         // relative deviation that lights it (above the unit's own normal ripple)
};
// In the chain's order: pit, crusher, rail, concentrator, smelter feed, tankhouse, slag, catalyst.
const std::vector<RippleUnitDef>& rippleUnits();

class RippleTracker {
public:
    // Time constants (sim hours): the rate is smoothed over the unit's smoothH (trains, trucks, slag taps and
    // catalyst batches arrive in lumps), the trailing mean follows over kSlowH; a unit lights when |smoothed - mean| > light * max(mean, floor) and goes dark
    // again below half of that (hysteresis: no flicker at the threshold).
    static constexpr double kSlowH = 8.0;

    explicit RippleTracker(std::vector<RippleUnitDef> units = rippleUnits());
    // Samples every unit's metric at the state's time (observations closer than 1 sim minute apart are merged; a time
    // before the last one restarts the tracker: a World rebuilt or rewound).
    void observe(const sim::State& s);
    // The same with rates given directly (tests), in units() order.
    void observe(sim::Time t, const std::vector<double>& rates);
    void reset();

    const std::vector<RippleUnitDef>& units() const { return m_units; }
    bool lit(std::size_t i) const { return m_u[i].lit; }
    // When unit i last lit (sim time), -1 when it is dark.
    sim::Time litAt(std::size_t i) const { return m_u[i].lit ? m_u[i].litAt : -1; }
    // Signed deviation of unit i (smoothed / mean - 1); 0 before the first sample.
    double deviation(std::size_t i) const;
    // The lit units, earliest first (ties in chain order): the ripple's causal order.
    std::vector<std::size_t> litOrder() const;
    // The first time each unit ever lit since the last reset (-1: never); what the tests read.
    sim::Time firstLit(std::size_t i) const { return m_u[i].firstLit; }

private:
    struct U {
        double fast = 0.0, slow = 0.0;
        bool init = false, lit = false;
        sim::Time litAt = -1, firstLit = -1, since = -1;
    };
    std::vector<RippleUnitDef> m_units;
    std::vector<int> m_index;
    std::vector<U> m_u;
    sim::Time m_last = -1;
};

// ---- alarms ----
// The overview site key an alarm's unit (AlarmStatus::unit, sim/alarms.h) highlights: "transport" -> "crusher",
// "hydrogen" -> "hydrogen", "reformer" -> "hydrogen", "gas_field" -> "gas_field", "pit" -> "pit", ...; the unit itself
// when it is a site key; "" when nothing matches.
std::string alarmSite(std::string_view unit);
// The same for one alarm: its key first where it names a finer site than its unit ("transport.rail_fault" -> "rail",
// "transport.crusher_*" and the stockpile -> "crusher"), else alarmSite(unit).
std::string alarmSite(const sim::AlarmStatus& a);
struct SiteAlarm {
    std::string site;  // overview site key
    int priority;      // the most urgent active alarm there (1 high .. 3 low)
    int count;         // active alarms there
};
// One entry per site with an active alarm, in the order of the sites' first alarm in the list; alarms whose unit
// maps to no site are left out.
std::vector<SiteAlarm> siteAlarms(const sim::AlarmsState& alarms);
// Highlight colour of an alarm priority (1 high: red, 2 medium: amber, 3 low: yellow).
glm::vec3 alarmColor(int priority);

// ---- picking -> scene requests ----
struct SiteTarget {
    std::string scene;   // "pit"
    std::string action;  // a scene action such as "camera(crusher)"; may be empty
};
// The scene a click on the overview's site `key` flies into; nullopt for a site that has no scene of its own.
std::optional<SiteTarget> sceneForSite(std::string_view key);

// Every metric name the overview reads (flows, gauges, ripple units, status lines), each once.
std::vector<std::string> overviewMetricNames();

}  // namespace scenes::overview
