// The alarm banner and list (app/alarm_ui.h) without a GL context: which alarm the banner shows and how many others
// it counts, the words of every alarm key, and that the list's buttons and a click on the banner act through
// AckAlarm commands that a World applies (headless Dear ImGui: the font atlas is built, never uploaded).
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

#include "headless_imgui.h"
#include "app/alarm_ui.h"
#include "sim/scenario.h"
#include "sim/world.h"

namespace {

sim::AlarmStatus status(const char* key, sim::AlarmPriority p, bool active, bool acked, sim::Time raised) {
    sim::AlarmStatus s;
    s.key = key;
    s.unit = "smelter";
    s.priority = p;
    s.active = active;
    s.acked = acked;
    s.raisedAt = raised;
    s.clearedAt = active || raised < 0 ? -1 : raised + 1;
    return s;
}

}  // namespace

TEST_CASE("alarm banner: unacknowledged first, then priority, then active, then the latest; others counted") {
    using P = sim::AlarmPriority;
    sim::AlarmsState a;
    a.list = {status("smelter.bath_temp_high", P::High, true, true, 100),       // 0: active, acknowledged
              status("transport.stockpile_low", P::Medium, false, false, 200),  // 1: cleared, not acknowledged
              status("h2.storage_full", P::Low, true, false, 300),              // 2: active, not acknowledged
              status("smr.reformer_trip", P::High, false, true, -1)};           // 3: never raised
    app::BannerModel m = app::bannerModel(a);
    CHECK(m.shown == 1);   // the unacknowledged Medium beats the unacknowledged Low; the acked High waits
    CHECK(m.others == 2);  // 0 and 2; the one never raised is not in alarm
    CHECK(m.unacked);
    CHECK(app::alarmOrder(a, false) == std::vector<int>{1, 2, 0});
    a.list[1].acked = a.list[2].acked = true;
    m = app::bannerModel(a);
    CHECK(m.shown == 0);   // all acknowledged: the highest priority active one, steady
    CHECK(m.others == 1);  // 2 (active); 1 is cleared and acknowledged: back to normal
    CHECK_FALSE(m.unacked);
    a.list[0].active = a.list[2].active = false;
    CHECK(app::bannerModel(a).shown == -1);
    CHECK(app::alarmOrder(a, true).size() == 3);  // the list still shows what was raised in the run
}

TEST_CASE("alarm words: every alarm key of the table has words, with its value and limit in them") {
    for (const sim::AlarmDef& d : sim::alarmDefs()) {
        CAPTURE(d.key);
        CHECK(app::hasAlarmWords(d.key));
        CHECK(std::string(app::alarmUnitTitle(d.unit)) != d.unit);
    }
    sim::AlarmStatus s = status("smelter.concentrate_store_low", sim::AlarmPriority::Medium, true, false, 0);
    s.current = 812.4;
    s.value = 990.0;
    s.limit = 1000.0;
    // Numbers in the language's format, as captions write them (English: "1,000").
    CHECK(app::alarmText(s) == "Concentrate store low: 812 t (limit 1,000 t)");
    CHECK(app::alarmText(s, false) == "Concentrate store low: 990 t (limit 1,000 t)");
    s.key = "not.an_alarm";
    CHECK(app::alarmText(s) == "not.an_alarm");
    const sim::Command c = app::ackCommand("*");
    CHECK(c.type == sim::CommandType::AckAlarm);
    CHECK(c.name == "*");
}

TEST_CASE("alarm list: a click on the banner opens it; Ack all pushes one AckAlarm that the World applies") {
    const sim::Time t0 = sim::defaultStartTime();
    sim::World w(sim::makeParams(), 3, t0);
    w.push({sim::CommandType::InjectFault, "smelter.acid_plant", "", t0});
    w.advance(t0 + sim::kHour, 1000);
    REQUIRE(w.state().alarms.unacked >= 2);   // the trip and the stack SO2 it causes

    HeadlessImGui gui;
    app::AlarmUi ui;
    std::vector<sim::Command> out;
    auto draw = [&] { app::drawAlarmUi(ui, w.state().alarms, 0.0f, out); };
    gui.frame(draw);
    CHECK_FALSE(ui.showList);
    gui.click(draw, {1280 * 0.75f, 6});   // the banner: the right part of the top line
    REQUIRE(ui.showList);
    REQUIRE(out.empty());
    // Click over the list window until a button answers; the first row of buttons is "Ack all".
    const ImGuiWindow* win = ImGui::FindWindowByName("Alarms");
    REQUIRE(win != nullptr);
    for (float y = win->Pos.y + win->TitleBarHeight() + 2; y < win->Pos.y + 80 && out.empty(); y += 4)
        for (float x = win->Pos.x + 4; x < win->Pos.x + win->Size.x - 4 && out.empty(); x += 8) gui.click(draw, {x, y});
    REQUIRE(out.size() == 1);
    CHECK(out[0].type == sim::CommandType::AckAlarm);
    CHECK(out[0].name == "*");
    const sim::Time tAck = w.now();
    for (const sim::Command& c : out) w.push(c);
    w.step();
    for (const sim::AlarmStatus& s : w.state().alarms.list) {
        CAPTURE(s.key);
        if (s.raisedAt >= 0 && s.raisedAt <= tAck) CHECK(s.ackedAt == tAck);   // (a new one may raise in that tick)
    }
    CHECK(w.state().alarms.journal.back().time >= tAck);
    CHECK(w.commandLog().back().command.type == sim::CommandType::AckAlarm);
    CHECK(w.commandLog().back().accepted);
}
