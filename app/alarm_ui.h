// app/alarm_ui.h — the plant-wide alarms as an operator sees them, in every scene: a banner at the top of the screen
// (the highest-priority unacknowledged alarm first, coloured by priority, "+N more") and the alarm list window
// (priority, unit, text, raised, cleared, acknowledged; Ack and Ack all). The words for each alarm key live here:
// sim/ gives keys, values and limits (design.md).
// Use (between ImGui::NewFrame() and ImGui::Render(), after the menu bar):
//     app::AlarmUi alarmUi;                                   // lives as long as the window
//     app::drawAlarmUi(alarmUi, world.state().alarms, top, out);   // out: AckAlarm commands to push
//   Pure parts, for tests and other views: bannerModel(), alarmText(), alarmUnitTitle(), ackCommand().
// Banner: the right part of the top line (beside the main menu bar's menus), drawn on ImGui's foreground so no panel
//   covers it; shown while any alarm is active or unacknowledged; with none, a quiet grey "No active alarms" when
//   AlarmUi::showWhenQuiet (the window) and nothing at all otherwise (shots keep their picture). An unacknowledged
//   alarm's banner pulses slowly (about 0.5 Hz, never off: calm enough for a delegation screen); acknowledged ones
//   are steady. A click on the banner opens the list.
// Errors: an alarm key without words here is shown as its key (a test checks every key has words).
// Does NOT: change the simulation (acknowledgements are Commands pushed to `out`), evaluate alarms, touch OpenGL.
#pragma once
#include <string>
#include <vector>

#include "sim/alarms.h"
#include "sim/command.h"

namespace app {

struct AlarmUi {
    bool showList = false;        // the alarm list window
    bool showWhenQuiet = true;    // draw the "No active alarms" strip when nothing is in alarm
    bool pulse = true;            // unacknowledged alarms pulse (the window); shots draw them steady, so a picture
                                  // does not depend on ImGui's clock
};

// What the banner shows: the alarm to word (index into AlarmsState::list, -1: none), how many others are in alarm
// or unacknowledged, and whether the shown one is unacknowledged (it pulses).
struct BannerModel {
    int shown = -1;
    int others = 0;
    bool unacked = false;
};
// Order: unacknowledged before acknowledged, then priority (High first), then active before cleared, then the
// latest raised first. Only alarms active or unacknowledged take part.
BannerModel bannerModel(const sim::AlarmsState& a);
// The alarms in that order (indices into a.list); the list window shows every alarm that ever raised in this order.
std::vector<int> alarmOrder(const sim::AlarmsState& a, bool includeNormal);

// "Crusher blocked: stockpile full (30 000 t)" for the status's value and limit; the key itself when unknown.
// `current`: word the value now (active alarms) rather than at raise.
std::string alarmText(const sim::AlarmStatus& s, bool current = true);
bool hasAlarmWords(const std::string& key);
// "Kalmakyr pit", "Ore transport", ...; the unit name itself when unknown.
const char* alarmUnitTitle(const std::string& unit);
std::string alarmUnitLogical(const std::string& unit);   // the same unshaped (logical), for composed text
const char* alarmPriorityName(sim::AlarmPriority p);   // "High", "Medium", "Low"
// The AckAlarm command for one key, or for all ("*").
sim::Command ackCommand(const std::string& key);

// The banner and, while open, the list. `top`: the banner's top in pixels from the top of the screen (0: on the
// menu bar's line).
void drawAlarmUi(AlarmUi& ui, const sim::AlarmsState& a, float top, std::vector<sim::Command>& out);
// Only the list window (drawAlarmUi calls it while ui.showList); exposed for tests.
void drawAlarmList(AlarmUi& ui, const sim::AlarmsState& a, std::vector<sim::Command>& out);

}  // namespace app
