#include "app/alarm_ui.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/gui.h"
#include "engine/i18n.h"
#include "engine/locale_format.h"
#include "sim/time.h"

namespace app {
namespace {

// The words of every alarm key (sim/alarms.cpp's table): {v} is the value, {l} the limit, each with `decimals`.
struct Words {
    const char* key;
    const char* text;
    int decimals;
};

constexpr Words kWords[] = {
    {"mine.fleet_availability_low", eng::N_("Truck fleet availability low: {v} % (floor {l} %)"), 0},
    {"transport.crusher_fault", eng::N_("Primary crusher stopped (fault): {v} t waiting on the ROM pad"), 0},
    {"transport.crusher_blocked", eng::N_("Crusher blocked: surge stockpile full ({v} t)"), 0},
    {"transport.stockpile_high", eng::N_("Surge stockpile high: {v} t (limit {l} t)"), 0},
    {"transport.stockpile_low", eng::N_("Surge stockpile low: {v} t (limit {l} t)"), 0},
    {"transport.conveyor_fault", eng::N_("Overland conveyor stopped (fault): {v} t on the belt"), 0},
    {"transport.rail_fault", eng::N_("Rail signalling failure: trains stopped with {v} t of ore"), 0},
    {"concentrator.mill_fault", eng::N_("Grinding mills stopped (fault): {v} t in the coarse-ore store"), 0},
    {"concentrator.ore_store_low", eng::N_("Mills short of ore: coarse-ore store {v} t (limit {l} t)"), 0},
    {"smelter.concentrate_store_low", eng::N_("Concentrate store low: {v} t (limit {l} t)"), 0},
    {"smelter.bath_temp_high", eng::N_("Furnace bath temperature high: {v} °C (limit {l} °C)"), 0},
    {"smelter.bath_temp_low", eng::N_("Furnace bath temperature low: {v} °C (limit {l} °C)"), 0},
    {"smelter.bath_level_high", eng::N_("Furnace bath level high: {v} m (limit {l} m)"), 2},
    {"smelter.stack_so2_high", eng::N_("Stack SO2 above its limit: {v} t/h (limit {l} t/h)"), 2},
    {"smelter.furnace_trip", eng::N_("Smelting furnace tripped: bath at {v} °C and cooling"), 0},
    {"smelter.feed_interlock", eng::N_("Furnace feed interlock: bath level {v} m, tap the furnace"), 2},
    {"smelter.acid_plant_trip", eng::N_("Acid plant tripped: all SO2 to the stack ({v} t/h)"), 2},
    {"catalyst.stock_low", eng::N_("Catalyst stock low: {v} kg (limit {l} kg)"), 0},
    {"h2.storage_full", eng::N_("Hydrogen storage full: {v} %"), 0},
    {"h2.venting", eng::N_("Hydrogen venting: {v} kg/h (limit {l} kg/h)"), 1},
    {"h2.separator_fault", eng::N_("Hydrogen separator down: product gas vented ({v} kg/h)"), 1},
    {"h2.demand_unserved", eng::N_("PRMiTS hydrogen demand unserved: {v} kg/h short"), 1},
    {"smr.reformer_trip", eng::N_("Steam reformer tripped: {v} kg/h H2"), 1},
    {"gas.injection_trip", eng::N_("CO2 injection compressor tripped: captured CO2 vented ({v} t/h)"), 2},
    {"gas.pressure_low", eng::N_("Gas field pressure low: {v} bar (limit {l} bar), plan another supply"), 1},
    {"ccs.capacity_low", eng::N_("CO2 store nearly full: {v} % capacity left (limit {l} %)"), 1},
};

const Words* wordsFor(const std::string& key) {
    for (const Words& w : kWords)
        if (key == w.key) return &w;
    return nullptr;
}

std::string number(double v, int decimals) { return eng::formatNumber(std::isfinite(v) ? v : 0.0, decimals); }

void replaceAll(std::string& s, const std::string& what, const std::string& with) {
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
        s.replace(at, what.size(), with);
}

// "06-21 08:00" in Almalyk local time (the journal's ISO text, shortened); "-" for never.
std::string shortTime(sim::Time t) {
    if (t < 0) return "-";
    std::string s = sim::formatIso8601(t);  // 2026-06-21T08:00:00+05:00
    if (s.size() < 16) return s;
    s = s.substr(5, 11);
    s[5] = ' ';
    return s;
}

ImVec4 priorityColour(sim::AlarmPriority p) {
    switch (p) {
        case sim::AlarmPriority::High: return ImVec4(0.78f, 0.16f, 0.14f, 1.0f);    // red
        case sim::AlarmPriority::Medium: return ImVec4(0.90f, 0.56f, 0.10f, 1.0f);  // amber
        case sim::AlarmPriority::Low: return ImVec4(0.85f, 0.78f, 0.22f, 1.0f);     // yellow
    }
    return ImVec4(0.5f, 0.5f, 0.5f, 1.0f);
}

bool inAlarm(const sim::AlarmStatus& s) { return s.active || !s.acked; }

}  // namespace

std::vector<int> alarmOrder(const sim::AlarmsState& a, bool includeNormal) {
    std::vector<int> out;
    for (std::size_t i = 0; i < a.list.size(); ++i) {
        const sim::AlarmStatus& s = a.list[i];
        if (inAlarm(s) || (includeNormal && s.raisedAt >= 0)) out.push_back(static_cast<int>(i));
    }
    std::stable_sort(out.begin(), out.end(), [&](int x, int y) {
        const sim::AlarmStatus& p = a.list[static_cast<std::size_t>(x)];
        const sim::AlarmStatus& q = a.list[static_cast<std::size_t>(y)];
        if (inAlarm(p) != inAlarm(q)) return inAlarm(p);
        if (p.acked != q.acked) return !p.acked;
        if (p.priority != q.priority) return p.priority < q.priority;
        if (p.active != q.active) return p.active;
        return p.raisedAt > q.raisedAt;
    });
    return out;
}

BannerModel bannerModel(const sim::AlarmsState& a) {
    const std::vector<int> order = alarmOrder(a, false);
    BannerModel m;
    if (order.empty()) return m;
    m.shown = order.front();
    m.others = static_cast<int>(order.size()) - 1;
    m.unacked = !a.list[static_cast<std::size_t>(m.shown)].acked;
    return m;
}

std::string alarmText(const sim::AlarmStatus& s, bool current) {
    const Words* w = wordsFor(s.key);
    if (!w) return s.key;
    std::string t = eng::trp(w->text);
    replaceAll(t, "{v}", number(current && s.active ? s.current : s.value, w->decimals));
    replaceAll(t, "{l}", number(s.limit, w->decimals));
    return t;
}

bool hasAlarmWords(const std::string& key) { return wordsFor(key) != nullptr; }

namespace {
// The unit's title as a msgid; the unit's key when it has none.
const char* unitTitleMsgid(const std::string& unit) {
    static constexpr struct { const char* unit; const char* title; } kTitles[] = {
        {"pit", eng::N_("Kalmakyr pit")}, {"transport", eng::N_("Ore transport")}, {"concentrator", eng::N_("Concentrator")},
        {"smelter", eng::N_("Smelter")}, {"catalyst", eng::N_("Catalyst line")}, {"hydrogen", eng::N_("Hydrogen field")},
        {"reformer", eng::N_("Reformer")}, {"gas_field", eng::N_("Gas field")}};
    for (const auto& t : kTitles)
        if (unit == t.unit) return t.title;
    return unit.c_str();
}
}  // namespace

// Unshaped (logical order), for text composed before it is shaped.
std::string alarmUnitLogical(const std::string& unit) { return eng::trp(unitTitleMsgid(unit)); }

const char* alarmUnitTitle(const std::string& unit) { return eng::tr(unitTitleMsgid(unit)); }

const char* alarmPriorityName(sim::AlarmPriority p) {
    switch (p) {
        case sim::AlarmPriority::High: return eng::trc("alarm priority", "High");
        case sim::AlarmPriority::Medium: return eng::trc("alarm priority", "Medium");
        case sim::AlarmPriority::Low: return eng::trc("alarm priority", "Low");
    }
    return "?";
}

sim::Command ackCommand(const std::string& key) {
    sim::Command c;
    c.type = sim::CommandType::AckAlarm;
    c.name = key;
    return c;
}

void drawAlarmList(AlarmUi& ui, const sim::AlarmsState& a, std::vector<sim::Command>& out) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(std::min(980.0f, vp->Size.x * 0.9f), 360.0f), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f), ImGuiCond_FirstUseEver,
                            ImVec2(0.5f, 0.5f));
    if (!ImGui::Begin(eng::tr("Alarms"), &ui.showList)) {
        ImGui::End();
        return;
    }
    ImGui::Text(eng::tr("%d active, %d unacknowledged"), a.active, a.unacked);
    ImGui::SameLine();
    ImGui::BeginDisabled(a.unacked == 0);
    if (ImGui::Button(eng::tr("Ack all"))) out.push_back(ackCommand("*"));
    ImGui::EndDisabled();
    const std::vector<int> order = alarmOrder(a, true);
    if (order.empty()) ImGui::TextDisabled("%s", eng::tr("No alarm has been raised in this run."));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit;
    if (!order.empty() && ImGui::BeginTable("##alarms", 7, flags)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        eng::ReadingTable t(7);  // Arabic reads the row from the right
        t.setupColumn(eng::tr("Priority"));
        t.setupColumn(eng::tr("Unit"));
        t.setupColumn(eng::tr("Alarm"), ImGuiTableColumnFlags_WidthStretch);
        t.setupColumn(eng::tr("Raised"));
        t.setupColumn(eng::tr("Cleared"));
        t.setupColumn(eng::tr("Acked"));
        t.setupColumn("");
        t.commitSetup(true);
        for (int i : order) {
            const sim::AlarmStatus& s = a.list[static_cast<std::size_t>(i)];
            ImGui::PushID(i);
            t.nextRow();
            t.nextColumn();
            const ImVec4 c = priorityColour(s.priority);
            ImGui::PushStyleColor(ImGuiCol_Text, inAlarm(s) ? c : ImVec4(0.6f, 0.6f, 0.6f, 1.0f));
            t.cell(alarmPriorityName(s.priority));
            ImGui::PopStyleColor();
            t.nextColumn();
            t.cell(alarmUnitTitle(s.unit));
            t.nextColumn();
            const std::string text = eng::display(alarmText(s));
            if (!inAlarm(s)) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            t.cell(text.c_str());
            if (!inAlarm(s)) ImGui::PopStyleColor();
            t.nextColumn();
            t.cell(shortTime(s.raisedAt).c_str());
            t.nextColumn();
            t.cell(s.active ? eng::trc("alarm state", "active") : shortTime(s.clearedAt).c_str());
            t.nextColumn();
            t.cell(shortTime(s.ackedAt).c_str());
            t.nextColumn();
            if (!s.acked && ImGui::SmallButton(eng::tr("Ack"))) out.push_back(ackCommand(s.key));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

void drawAlarmUi(AlarmUi& ui, const sim::AlarmsState& a, float top, std::vector<sim::Command>& out) {
    const BannerModel m = bannerModel(a);
    if (m.shown >= 0 || ui.showWhenQuiet) {
        // The banner takes the right part of the top line (the main menu bar's free space when there is one), drawn
        // on the foreground so no window covers it and no window's focus is taken.
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        const float h = ImGui::GetFrameHeight();
        const float left = vp->Pos.x + std::max(vp->Size.x * 0.36f, std::min(vp->Size.x * 0.5f, 30.0f * ImGui::GetFontSize()));
        const ImVec2 p0(left, vp->Pos.y + top), p1(vp->Pos.x + vp->Size.x - 0.5f * ImGui::GetFontSize(), vp->Pos.y + top + h);
        ImU32 bg = ImGui::GetColorU32(ImVec4(0.12f, 0.13f, 0.14f, 0.0f));
        ImU32 fg = ImGui::GetColorU32(ImVec4(0.62f, 0.66f, 0.68f, 1.0f));
        std::string text = eng::tr("No active alarms");
        if (m.shown >= 0) {
            const sim::AlarmStatus& s = a.list[static_cast<std::size_t>(m.shown)];
            ImVec4 c = priorityColour(s.priority);
            // Unacknowledged: a slow pulse of the background between 70 % and 100 % (never off, never fast).
            const float pulse = m.unacked && ui.pulse ? 0.85f + 0.15f * std::sin(static_cast<float>(ImGui::GetTime()) * 3.1416f) : 1.0f;
            c = ImVec4(c.x * pulse, c.y * pulse, c.z * pulse, s.active ? 0.95f : 0.75f);
            bg = ImGui::GetColorU32(c);
            fg = ImGui::GetColorU32(s.priority == sim::AlarmPriority::High ? ImVec4(1, 1, 1, 1)
                                                                           : ImVec4(0.08f, 0.06f, 0.04f, 1.0f));
            // Built in logical order from the unshaped words, then shaped once (right-to-left languages).
            const char* priority = s.priority == sim::AlarmPriority::High     ? eng::trpc("alarm priority", "High")
                                   : s.priority == sim::AlarmPriority::Medium ? eng::trpc("alarm priority", "Medium")
                                                                              : eng::trpc("alarm priority", "Low");
            std::string logical = std::string(priority) + "   " + alarmUnitLogical(s.unit) + ": " + alarmText(s);
            if (!s.active) {
                char cleared[96];
                std::snprintf(cleared, sizeof cleared, eng::trp("(cleared %s)"), shortTime(s.clearedAt).c_str());
                logical += "  ";
                logical += cleared;
            }
            text = eng::display(logical);
        }
        std::string more;   // built piecewise: "+" + std::to_string() trips GCC 12's false -Wrestrict
        if (m.others > 0) {
            char buf[64];
            std::snprintf(buf, sizeof buf, eng::trn("+%d more", "+%d more", m.others), m.others);
            more = buf;
        }
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        dl->AddRectFilled(p0, p1, bg, 3.0f);
        const float pad = 0.5f * ImGui::GetFontSize();
        const float ty = p0.y + 0.5f * (h - ImGui::GetFontSize());
        const float moreW = more.empty() ? 0.0f : ImGui::CalcTextSize(more.c_str()).x + 2 * pad;
        const ImVec4 clip(p0.x, p0.y, p1.x - moreW, p1.y);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p0.x + pad, ty), fg, text.c_str(), nullptr, 0.0f, &clip);
        if (!more.empty()) dl->AddText(ImVec2(p1.x - moreW + pad, ty), fg, more.c_str());
        const ImVec2 mp = ImGui::GetIO().MousePos;
        const bool hovered = mp.x >= p0.x && mp.x < p1.x && mp.y >= p0.y && mp.y < p1.y;
        if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) ui.showList = !ui.showList;
        if (hovered) ImGui::SetTooltip("%s", ui.showList ? eng::tr("Click to close the alarm list") : eng::tr("Click for the alarm list"));
    }
    if (ui.showList) drawAlarmList(ui, a, out);
}

}  // namespace app
