// app/director_training.cpp — training in the window (docs/training.md "In the window"): the trainee's view, the
// instructor station behind Ctrl+Shift+I, and the debrief, over an app::TrainingDesk (app/training_desk.h).
// Trainee's view: the top bar (scene buttons, the run's clock and progress, the alarm banner), and the panel on the
//   left: the briefing, the objectives with their live scores, the scenario's levers (each applied with a button,
//   so a half-dragged slider sends nothing), the hints as they come, and "paused by the instructor" while frozen.
//   Alarms are acknowledged from the banner's list, as in the plant window; scene panels (which would set any
//   parameter) are not shown: a trainee changes the plant only through the scenario's levers.
// Instructor station (a window the trainee does not see until Ctrl+Shift+I): start a scenario for a named
//   trainee, freeze, speed, inject and clear any fault of the list of targets, push a hint, take snapshots, rewind
//   to any moment (a slider over the run; the live run waits) and branch from it, the records' state.
// Debrief (when the run ends): the score and each objective's breakdown, the timeline (click an entry to go there),
//   a scrubber over the whole run showing the plant as it was at that moment, and play from there.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <utility>

#include <imgui.h>

#include "app/alarm_ui.h"
#include "app/directors.h"
#include "app/training_words.h"
#include "app/screenshot.h"
#include "engine/gui.h"
#include "engine/i18n.h"
#include "engine/image.h"
#include "engine/input.h"
#include "engine/locale_format.h"
#include "sim/event_names.h"

namespace app {

namespace {

using Clock = std::chrono::steady_clock;
const ImVec4 kGood{0.45f, 0.80f, 0.45f, 1.0f}, kBad{0.95f, 0.45f, 0.40f, 1.0f}, kDim{0.62f, 0.62f, 0.62f, 1.0f};
const ImVec4 kCopper{0.851f, 0.565f, 0.302f, 1.0f};

// Where a scenario is best watched: the site its first lever acts on.
std::string sceneForScenario(const sim::TrainingScenario& sc) {
    const sim::LeverDef* l = sc.levers.empty() ? nullptr : sim::findLever(sc.levers.front());
    const std::string param = l && l->param.empty() ? std::string("mine.") : l ? l->param : std::string();
    const std::string p = param.substr(0, param.find('.'));
    if (p == "mine" || p == "transport" || p == "concentrator") return "pit";
    if (p == "smelter" || p == "acid") return "smelter";
    if (p == "smr" || p == "h2" || p == "gas") return "hydrogen";
    return scenes::kDefaultScene;
}

const char* timelineWords(sim::TimelineEntry::Kind k) {
    using K = sim::TimelineEntry::Kind;
    switch (k) {
        case K::AlarmRaised: return eng::tr("Alarm");
        case K::AlarmCleared: return eng::tr("Alarm cleared");
        case K::AlarmAcked: return eng::tr("Acknowledged");
        case K::Fault: return eng::tr("Fault");
        case K::FaultCleared: return eng::tr("Fault cleared");
        case K::Action: return eng::tr("Action");
        case K::Refused: return eng::tr("Refused");
        case K::Trigger: return eng::tr("Trigger");
        case K::Hint: return eng::tr("Hint");
        case K::ScoreEvent: return eng::tr("Score");
        case K::End: return eng::tr("End");
    }
    return "?";
}

ImVec4 timelineColour(sim::TimelineEntry::Kind k) {
    using K = sim::TimelineEntry::Kind;
    switch (k) {
        case K::AlarmRaised: case K::Fault: case K::Refused: return kBad;
        case K::Action: return ImVec4(0.55f, 0.75f, 1.0f, 1.0f);
        case K::Hint: return kCopper;
        case K::ScoreEvent: case K::AlarmCleared: case K::FaultCleared: return kGood;
        default: return kDim;
    }
}

// ImGui 1.86 has no SeparatorText: a copper title over a rule.
void sectionTitle(const char* text) {
    ImGui::Spacing();
    ImGui::TextColored(kCopper, "%s", eng::display(text).c_str());
    ImGui::Separator();
}

bool ctrlShift(const eng::Window& w) {
    return (w.keyDown(eng::Key::LeftControl) || w.keyDown(eng::Key::RightControl)) &&
           (w.keyDown(eng::Key::LeftShift) || w.keyDown(eng::Key::RightShift));
}

}  // namespace

TrainingDirector::TrainingDirector(const InteractiveOptions& o, Session& s) : m_o(o) {
    m_scenarios = trainingScenarioNames(o.assetsDir);
    m_instructor = o.instructor || o.train.empty();
    m_desk.setSpeed(o.trainSpeed);
    std::snprintf(m_traineeBuf, sizeof m_traineeBuf, "%s", o.trainee.c_str());
    for (std::size_t i = 0; i < m_scenarios.size(); ++i)
        if (m_scenarios[i] == o.train) m_scenarioIndex = static_cast<int>(i);
    for (const auto& [at, file] : o.screenshotsAt) m_shots.push_back({at, file, false});
    m_alarmUi.showWhenQuiet = true;
    m_last = Clock::now();
    (void)s;
}

bool TrainingDirector::startRun(Session& s, const std::string& scenario, std::string* why) {
    DeskStart d{.scenario = scenario, .trainee = m_traineeBuf, .assetsDir = m_o.assetsDir, .recordsPath = m_o.records,
                .seed = m_o.seedGiven ? std::optional<std::uint64_t>(m_o.seed) : std::nullopt, .actions = {},
                .actionsFile = m_started ? std::string() : m_o.trainActions};
    if (!m_desk.start(d, why)) return false;
    m_started = true;
    m_leverEdits.clear();
    m_scrubbing = false;
    m_requestScene = sceneForScenario(m_desk.scenario());
    m_faults = sim::faultTargets(m_desk.live().world().params());
    m_faultIndex = 0;
    m_briefingOpen = true;
    (void)s;
    return true;
}

bool TrainingDirector::running(const Session& s) const { return !s.window->shouldClose() && !m_quit; }

FramePlan TrainingDirector::plan(Session& s) {
    const auto now = Clock::now();
    const float dt = std::min(std::chrono::duration<float>(now - m_last).count(), 0.25f);
    m_last = now;
    m_wall += dt;
    m_smoothMs += (dt * 1000.0 - m_smoothMs) * 0.05;
    eng::Window& w = *s.window;
    if (ctrlShift(w) && w.keyPressed(eng::Key::I)) m_instructor = !m_instructor;
    if (w.keyPressed(eng::Key::F11)) w.toggleFullscreen();
    if (w.keyPressed(eng::Key::F12)) m_screenshot = true;
    m_camera.update(s, dt);

    if (!m_started && !m_o.train.empty()) {
        std::string why;
        if (!startRun(s, m_o.train, &why)) {
            std::fprintf(stderr, "almalyk training: %s\n", why.c_str());
            m_exit = 2;
            m_quit = true;
        }
    }
    m_desk.advance(dt);

    FramePlan p;
    p.dt = dt;
    p.constrainCamera = true;
    p.sceneUi = false;        // a scene's panel would set any parameter: the trainee has the levers
    p.applyCommands = false;  // everything the trainee does goes through the desk (levers, acknowledgements)
    if (m_desk.active()) {
        p.world = &m_desk.shown().world();
        p.events = m_desk.events();
        p.shown = m_desk.shown().now();
        p.speed = m_desk.frozen() || m_desk.phase() != TrainingDesk::Phase::Running ? 0.0 : m_desk.speed();
    } else {
        p.shown = s.world->now();
    }
    if (m_o.exitAfterS > 0 && m_wall >= m_o.exitAfterS) m_quit = true;
    return p;
}

void TrainingDirector::drawTopBar(Session& s, std::vector<sim::Command>& acks) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu(eng::tr("Scene"))) {
        for (const scenes::SceneInfo& info : scenes::sceneInfos())
            if (ImGui::MenuItem(eng::tr(info.title), nullptr, s.sceneName() == info.name)) m_requestScene = info.name;
        ImGui::Separator();
        if (ImGui::MenuItem(eng::tr("Quit"))) m_quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(eng::tr("Language"))) {
        drawLanguageItems(m_languageRequest);
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
    if (m_desk.active()) drawAlarmUi(m_alarmUi, m_desk.shown().world().state().alarms, 0.0f, acks);
}

void TrainingDirector::say(std::string text, bool bad) {
    m_message = std::move(text);
    m_messageBad = bad;
    m_messageFor = 6.0;
}

void TrainingDirector::drawLevers() {
    const sim::TrainingRun& r = m_desk.live();
    const sim::Params& params = r.world().params();
    const bool canAct = m_desk.phase() == TrainingDesk::Phase::Running && !m_desk.viewing();
    ImGui::BeginDisabled(!canAct);
    for (const std::string& name : r.scenario().levers) {
        const sim::LeverDef* l = sim::findLever(name);
        if (l && l->param.empty()) {
            drawAssignLever(name);
            continue;
        }
        const sim::ParamDef* def = l ? params.find(l->param) : nullptr;
        if (!def) continue;
        ImGui::PushID(name.c_str());
        const double current = params.get(l->param);
        auto it = m_leverEdits.find(name);
        double edit = it != m_leverEdits.end() ? it->second : current;
        ImGui::TextUnformatted(eng::display(leverTitle(name)).c_str());
        if (ImGui::IsItemHovered() && !l->consequence.empty()) ImGui::SetTooltip("%s", l->consequence.c_str());
        // The Apply button as wide as its word in this language (Russian: "Применить"), the control the rest.
        const float applyW = ImGui::CalcTextSize(eng::tr("Apply")).x + 2.0f * ImGui::GetStyle().FramePadding.x;
        ImGui::SetNextItemWidth(-(applyW + ImGui::GetStyle().ItemSpacing.x));
        bool changed = false;
        if (def->kind == sim::ParamKind::Choice) {
            const int cur = static_cast<int>(std::lround(edit));
            const std::string shown = cur >= 0 && cur < static_cast<int>(def->choices.size())
                                          ? eng::display(choiceTitle(def->choices[static_cast<std::size_t>(cur)]))
                                          : std::string("?");
            if (ImGui::BeginCombo("##v", shown.c_str())) {
                for (int i = static_cast<int>(std::lround(l->min)); i <= static_cast<int>(std::lround(l->max)); ++i)
                    if (i >= 0 && i < static_cast<int>(def->choices.size()) &&
                        ImGui::Selectable(eng::display(choiceTitle(def->choices[static_cast<std::size_t>(i)])).c_str(), i == cur)) {
                        edit = i;
                        changed = true;
                    }
                ImGui::EndCombo();
            }
        } else {
            float v = static_cast<float>(edit);
            const bool whole = def->kind == sim::ParamKind::Integer;
            const std::string unit = l->unit == "-" || l->unit == "count" ? std::string() : " " + std::string(eng::unitSymbol(l->unit));
            const std::string fmt = (whole ? std::string("%.0f") : l->max - l->min <= 2 ? std::string("%.2f") : std::string("%.0f")) + unit;
            if (eng::localSliderFloat("##v", &v, static_cast<float>(l->min), static_cast<float>(l->max), fmt.c_str())) {
                edit = whole ? std::round(v) : v;
                changed = true;
            }
        }
        if (changed) m_leverEdits[name] = edit;
        ImGui::SameLine();
        const bool pending = m_leverEdits.count(name) && std::abs(m_leverEdits[name] - current) > 1e-9;
        ImGui::BeginDisabled(!pending);
        if (ImGui::Button(eng::tr("Apply"), ImVec2(applyW, 0))) {
            std::string why;
            const std::string value = paramValueText(*def, legalParamValue(*def, m_leverEdits[name]));
            if (m_desk.lever(name, value, &why)) {
                const std::string shownValue = def->kind == sim::ParamKind::Choice ? std::string(choiceTitle(value)) : value;
                say(std::string(eng::trp("Sent:")) + " " + leverTitle(name) + " = " + shownValue, false);
                m_briefingOpen = false;   // the trainee is at work: room for the objectives and hints
            } else {
                say(why, true);
            }
        }
        ImGui::EndDisabled();
        if (!pending && m_leverEdits.count(name) && std::abs(m_leverEdits[name] - current) <= 1e-9) m_leverEdits.erase(name);
        ImGui::PopID();
    }
    ImGui::EndDisabled();
}

// The dispatcher's assignment: one truck, or every truck bound for a shovel (the usual move when a face goes down),
// to another shovel or back to the dispatch rule. The value goes to the desk as the trainee reads the labels ("4>2").
void TrainingDirector::drawAssignLever(const std::string& name) {
    const sim::State& s = m_desk.live().world().state();
    const int shovels = std::min<int>(s.params.getInt("mine.shovels"), static_cast<int>(s.mine.shovels.size()));
    const auto& trucks = s.mine.trucks;
    ImGui::PushID(name.c_str());
    ImGui::TextUnformatted(eng::display(leverTitle(name)).c_str());
    const sim::LeverDef* l = sim::findLever(name);
    if (ImGui::IsItemHovered() && l) ImGui::SetTooltip("%s", l->consequence.c_str());
    const auto shovelText = [&](int j) {
        std::string t = eng::formatf(eng::trp("Shovel %d"), j + 1);
        if (j >= 0 && j < static_cast<int>(s.mine.shovels.size()) && s.mine.shovels[static_cast<std::size_t>(j)].phase == sim::ShovelPhase::BrokenDown)
            t += std::string(" (") + eng::trp("down") + ")";
        return t;
    };
    const auto boundFor = [&](int j) {
        int n = 0;
        for (const sim::TruckState& t : trucks) n += t.inFleet && t.shovel == j;
        return n;
    };
    const auto fromText = [&](int from) {
        if (from >= 0) {
            const sim::TruckState& t = trucks[static_cast<std::size_t>(from)];
            std::string txt = eng::formatf(eng::trp("Truck %d"), from + 1);
            if (t.shovel >= 0) txt += " → " + eng::formatf(eng::trp("Shovel %d"), t.shovel + 1);
            return txt;
        }
        if (from <= -2) return eng::formatf(eng::trp("Trucks bound for shovel %d (%d)"), -from - 1, boundFor(-from - 2));
        return std::string(eng::trp("Choose trucks"));
    };
    if (m_assignFrom >= static_cast<int>(trucks.size()) || m_assignFrom < -(shovels + 1)) m_assignFrom = -1;
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::SetNextItemWidth(w);
    if (ImGui::BeginCombo("##from", eng::display(fromText(m_assignFrom)).c_str())) {
        for (int j = 0; j < shovels; ++j)
            if (ImGui::Selectable(eng::display(fromText(-(j + 2))).c_str(), m_assignFrom == -(j + 2))) m_assignFrom = -(j + 2);
        ImGui::Separator();
        for (int i = 0; i < static_cast<int>(trucks.size()); ++i)
            if (trucks[static_cast<std::size_t>(i)].inFleet && ImGui::Selectable(eng::display(fromText(i)).c_str(), m_assignFrom == i))
                m_assignFrom = i;
        ImGui::EndCombo();
    }
    const float applyW = ImGui::CalcTextSize(eng::tr("Apply")).x + 2.0f * ImGui::GetStyle().FramePadding.x;
    ImGui::SetNextItemWidth(-(applyW + ImGui::GetStyle().ItemSpacing.x));
    if (m_assignTo >= shovels) m_assignTo = 0;
    const std::string toText = m_assignTo < 0 ? std::string(eng::trp("Dispatch rule decides")) : shovelText(m_assignTo);
    if (ImGui::BeginCombo("##to", eng::display(eng::formatf(eng::trp("to %s"), toText.c_str())).c_str())) {
        for (int j = 0; j < shovels; ++j)
            if (ImGui::Selectable(eng::display(shovelText(j)).c_str(), m_assignTo == j)) m_assignTo = j;
        if (ImGui::Selectable(eng::tr("Dispatch rule decides"), m_assignTo < 0)) m_assignTo = -1;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    // The trucks the choice names now (a group is resolved at Apply: the trucks bound for that shovel then).
    std::string list;
    if (m_assignFrom >= 0) {
        list = std::to_string(m_assignFrom + 1);
    } else if (m_assignFrom <= -2) {
        for (std::size_t i = 0; i < trucks.size(); ++i)
            if (trucks[i].inFleet && trucks[i].shovel == -m_assignFrom - 2)
                list += (list.empty() ? "" : ",") + std::to_string(i + 1);
    }
    const bool canAct = m_desk.phase() == TrainingDesk::Phase::Running && !m_desk.viewing();
    ImGui::BeginDisabled(!canAct || list.empty());
    if (ImGui::Button(eng::tr("Apply"), ImVec2(applyW, 0))) {
        const std::string value = list + ">" + (m_assignTo < 0 ? std::string("auto") : std::to_string(m_assignTo + 1));
        std::string why;
        if (m_desk.lever(name, value, &why)) {
            say(std::string(eng::trp("Sent:")) + " " + fromText(m_assignFrom) + " → " + toText, false);
            m_briefingOpen = false;
            m_assignFrom = -1;
        } else {
            say(why, true);
        }
    }
    ImGui::EndDisabled();
    ImGui::PopID();
}

void TrainingDirector::drawObjectives(const sim::TrainingRun& r) {
    const sim::Score sc = r.score();
    const bool ended = r.finished();
    for (std::size_t i = 0; i < sc.objectives.size(); ++i) {
        const sim::ObjectiveScore& o = sc.objectives[i];
        ImGui::PushID(o.name.c_str());
        eng::textWrapped(eng::trp(o.text.c_str()));
        const ImVec4 col = o.passed ? kGood : ended ? kBad : ImVec4(0.85f, 0.75f, 0.35f, 1.0f);
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, col);
        const std::string pct = eng::formatf("%.0f %%", o.score * 100.0);
        ImGui::ProgressBar(static_cast<float>(o.score), ImVec2(-1, 0), pct.c_str());
        ImGui::PopStyleColor();
        if (i < r.scenario().objectives.size()) {
            ImGui::PushStyleColor(ImGuiCol_Text, kDim);
            eng::textWrapped(objectiveProgress(o, r.scenario().objectives[i]).c_str());
            ImGui::PopStyleColor();
        }
        ImGui::PopID();
    }
    ImGui::Separator();
    ImGui::Text("%s %s", ended ? eng::tr("Score:") : eng::tr("Score so far:"), eng::formatf("%.1f", sc.total).c_str());
}

void TrainingDirector::drawTraineePanel(Session& s) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    const float top = ImGui::GetFrameHeight();
    eng::setNextWindowPos("Training", vp->Pos.x + 0.5f * em, vp->Pos.y + top + 0.5f * em, ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(24.0f * em, 0), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(24.0f * em, 0), ImVec2(24.0f * em, vp->Size.y - top - em));
    ImGui::SetNextWindowBgAlpha(0.88f);
    ImGui::Begin(eng::tr("Training"), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize);
    if (!m_desk.active()) {
        eng::textWrapped(eng::trp("No training run yet. The instructor starts one (Ctrl+Shift+I)."));
        ImGui::End();
        return;
    }
    const sim::TrainingRun& r = m_desk.shown();
    ImGui::PushFont(titleFont());
    ImGui::PushStyleColor(ImGuiCol_Text, kCopper);   // wrapped: "Остановка сернокислотного цеха" is wider than the panel
    eng::textWrapped(eng::trp(r.scenario().base.name.c_str()));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Text("%s   %s", eng::display(m_desk.trainee()).c_str(), formatClock(r.now()).c_str());
    const double done = sim::toSeconds(r.now() - r.start()) / std::max(1.0, sim::toSeconds(r.end() - r.start()));
    const std::string progress = hoursMinutes(r.now() - r.start()) + " / " + hoursMinutes(r.end() - r.start());
    ImGui::ProgressBar(static_cast<float>(std::clamp(done, 0.0, 1.0)), ImVec2(-1, 0), progress.c_str());
    if (m_desk.viewing())
        ImGui::TextColored(kCopper, "%s", eng::tr("The instructor is showing an earlier moment"));
    else if (m_desk.frozen())
        ImGui::TextColored(kCopper, "%s", eng::tr("Paused by the instructor"));
    else if (m_desk.phase() == TrainingDesk::Phase::Running)
        ImGui::TextColored(kDim, "%s %s", eng::tr("Speed"), formatSpeed(m_desk.speed()).c_str());
    ImGui::SetNextItemOpen(m_briefingOpen, ImGuiCond_Always);
    m_briefingOpen = ImGui::CollapsingHeader(eng::tr("Briefing"));
    if (m_briefingOpen) {
        eng::textWrapped(eng::trp(r.scenario().briefing.c_str()));
        if (ImGui::Button(eng::tr("Understood"))) m_briefingOpen = false;
    }
    if (ImGui::CollapsingHeader(eng::tr("Objectives"), ImGuiTreeNodeFlags_DefaultOpen)) drawObjectives(r);
    if (!r.scenario().levers.empty() && ImGui::CollapsingHeader(eng::tr("Your levers"), ImGuiTreeNodeFlags_DefaultOpen))
        drawLevers();
    // The hints given so far, the latest first (at most three).
    int shown = 0;
    for (auto it = r.timeline().rbegin(); it != r.timeline().rend() && shown < 3; ++it) {
        if (it->kind != sim::TimelineEntry::Kind::Hint) continue;
        if (shown++ == 0) sectionTitle(eng::trp("Hints"));
        ImGui::TextColored(kCopper, "%s", hoursMinutes(it->time - r.start()).c_str());
        ImGui::SameLine();
        eng::textWrapped(eng::trp(it->detail.empty() ? it->key.c_str() : it->detail.c_str()));
    }
    if (m_messageFor > 0.0 && !m_message.empty())
        ImGui::TextColored(m_messageBad ? kBad : kGood, "%s", eng::display(m_message).c_str());
    ImGui::End();
    (void)s;
}

void TrainingDirector::drawInstructor(Session& s) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    eng::setNextWindowPos("Instructor", vp->Pos.x + vp->Size.x - 0.5f * em, vp->Pos.y + ImGui::GetFrameHeight() + 2.5f * em,
                         ImGuiCond_Appearing, 1.0f, 0.0f);
    ImGui::SetNextWindowSize(ImVec2(26.0f * em, 0), ImGuiCond_Appearing);
    ImGui::SetNextWindowBgAlpha(0.94f);
    bool open = true;
    ImGui::Begin(eng::tr("Instructor station (Ctrl+Shift+I)"), &open, ImGuiWindowFlags_AlwaysAutoResize);
    if (!open) m_instructor = false;
    std::string why;

    sectionTitle(eng::trp("Start a run"));
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##trainee", eng::tr("Trainee's name"), m_traineeBuf, sizeof m_traineeBuf);
    const char* current = m_scenarios.empty() ? "" : m_scenarios[static_cast<std::size_t>(m_scenarioIndex)].c_str();
    ImGui::SetNextItemWidth(-8.0f * em);
    if (ImGui::BeginCombo("##scenario", current)) {
        for (std::size_t i = 0; i < m_scenarios.size(); ++i)
            if (ImGui::Selectable(m_scenarios[i].c_str(), static_cast<int>(i) == m_scenarioIndex)) m_scenarioIndex = static_cast<int>(i);
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(m_scenarios.empty());
    if (ImGui::Button(eng::tr("Start"), ImVec2(-1, 0))) {
        if (startRun(s, m_scenarios[static_cast<std::size_t>(m_scenarioIndex)], &why)) say(eng::trp("Run started"), false);
        else say(why, true);
    }
    ImGui::EndDisabled();

    if (m_desk.active()) {
        const sim::TrainingRun& live = m_desk.live();
        const bool running = m_desk.phase() == TrainingDesk::Phase::Running;
        sectionTitle(eng::trp("Clock"));
        bool frozen = m_desk.frozen();
        ImGui::BeginDisabled(!running);
        if (ImGui::Checkbox(eng::tr("Freeze"), &frozen)) m_desk.setFrozen(frozen);
        ImGui::SameLine();
        for (double sp : kSpeedSteps) {
            ImGui::SameLine();
            const bool on = m_desk.speed() == sp;
            if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
            if (ImGui::SmallButton(formatSpeed(sp).c_str())) m_desk.setSpeed(sp);
            if (on) ImGui::PopStyleColor();
        }
        if (m_desk.behind()) ImGui::TextColored(kCopper, "%s", eng::tr("The simulation runs slower than asked"));

        sectionTitle(eng::trp("Faults"));
        if (!m_faults.empty()) {
            m_faultIndex = std::clamp(m_faultIndex, 0, static_cast<int>(m_faults.size()) - 1);
            ImGui::SetNextItemWidth(-1);
            if (ImGui::BeginCombo("##fault", m_faults[static_cast<std::size_t>(m_faultIndex)].c_str())) {
                for (std::size_t i = 0; i < m_faults.size(); ++i)
                    if (ImGui::Selectable(m_faults[i].c_str(), static_cast<int>(i) == m_faultIndex)) m_faultIndex = static_cast<int>(i);
                ImGui::EndCombo();
            }
            const std::string& target = m_faults[static_cast<std::size_t>(m_faultIndex)];
            if (ImGui::Button(eng::tr("Inject"))) {
                if (m_desk.injectFault(target, &why)) say(std::string(eng::trp("Fault injected:")) + " " + target, false);
                else say(why, true);
            }
            ImGui::SameLine();
            if (ImGui::Button(eng::tr("Clear"))) {
                if (m_desk.clearFault(target, &why)) say(std::string(eng::trp("Fault cleared:")) + " " + target, false);
                else say(why, true);
            }
        }

        sectionTitle(eng::trp("Hint"));
        const float pushW = ImGui::CalcTextSize(eng::tr("Push")).x + 2.0f * ImGui::GetStyle().FramePadding.x;
        ImGui::SetNextItemWidth(-(pushW + ImGui::GetStyle().ItemSpacing.x));
        const bool enter = ImGui::InputTextWithHint("##hint", eng::tr("A hint for the trainee"), m_hintBuf, sizeof m_hintBuf,
                                                    ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        if (ImGui::Button(eng::tr("Push"), ImVec2(-1, 0)) || enter) {
            if (m_desk.pushHint(m_hintBuf, &why)) {
                say(eng::trp("Hint sent"), false);
                m_hintBuf[0] = '\0';
            } else {
                say(why, true);
            }
        }
        ImGui::EndDisabled();

        sectionTitle(eng::trp("Snapshots, rewind, branch"));
        ImGui::BeginDisabled(!running || m_desk.viewing());
        if (ImGui::Button(eng::tr("Take snapshot"))) {
            m_desk.snapshot();
            say(eng::trp("Snapshot taken"), false);
        }
        ImGui::EndDisabled();
        for (const TrainingDesk::Snapshot& sn : m_desk.snapshots()) {
            ImGui::SameLine();
            const std::string label = hoursMinutes(sn.at - live.start());
            if (ImGui::SmallButton(label.c_str())) m_desk.view(sn.at);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", sn.label.c_str());
        }
        drawScrubber(live, 22.0f * em);
        if (m_desk.viewing()) {
            if (ImGui::Button(eng::tr("Back to live"))) m_desk.backToLive();
            ImGui::SameLine();
            ImGui::BeginDisabled(m_desk.shown().finished());
            if (ImGui::Button(eng::tr("Branch from here"))) {
                if (m_desk.branch(&why)) say(eng::trp("A new run branches from here"), false);
                else say(why, true);
            }
            ImGui::EndDisabled();
        }

        sectionTitle(eng::trp("Record"));
        ImGui::TextColored(kDim, "%s", m_desk.runId().c_str());
        if (!m_desk.parentId().empty()) ImGui::TextColored(kDim, "%s %s", eng::tr("branched from"), m_desk.parentId().c_str());
        ImGui::TextColored(kDim, "%s", m_desk.recordsPath().c_str());
    }
    if (!m_desk.notice().empty()) ImGui::TextColored(kBad, "%s", m_desk.notice().c_str());
    if (m_messageFor > 0.0 && !m_message.empty())
        ImGui::TextColored(m_messageBad ? kBad : kGood, "%s", eng::display(m_message).c_str());
    ImGui::End();
}

// A slider over the run (start .. the live run's now): dragging shows the plant as it was at that minute.
void TrainingDirector::drawScrubber(const sim::TrainingRun& live, float width) {
    const double total = sim::toSeconds(live.now() - live.start()) / 60.0;
    float minute = static_cast<float>(sim::toSeconds(m_desk.viewedAt() - live.start()) / 60.0);
    const std::string label = hoursMinutes(m_desk.viewedAt() - live.start());
    ImGui::SetNextItemWidth(width);
    if (ImGui::SliderFloat("##scrub", &minute, 0.0f, static_cast<float>(std::max(total, 1.0 / 60.0)), label.c_str()))
        m_desk.view(live.start() + sim::fromSeconds(std::round(minute) * 60.0));
}

void TrainingDirector::drawDebrief(Session& s) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    const sim::TrainingRun& live = m_desk.live();
    eng::setNextWindowPos("Debrief", vp->Pos.x + vp->Size.x - 0.5f * em, vp->Pos.y + vp->Size.y - 0.5f * em, ImGuiCond_Always,
                         1.0f, 1.0f);
    ImGui::SetNextWindowSize(ImVec2(std::min(44.0f * em, vp->Size.x - 26.0f * em), 22.0f * em), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::Begin(eng::tr("Debrief"), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
    const sim::Score sc = live.score();
    ImGui::PushFont(titleFont());
    ImGui::TextColored(sc.total >= 70 ? kGood : kBad, "%s %s / 100", eng::tr("Score:"), eng::formatf("%.1f", sc.total).c_str());
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, kDim);
    eng::textWrapped(eng::trp("Drag the slider or click an entry to see the plant at that moment"));
    ImGui::PopStyleColor();
    // The scrubber over the whole run, with play from the shown moment.
    const float playW = std::max(ImGui::CalcTextSize(eng::tr("Pause")).x, ImGui::CalcTextSize(eng::tr("Play")).x) +
                        2.0f * ImGui::GetStyle().FramePadding.x;
    if (ImGui::Button(m_desk.playing() ? eng::tr("Pause") : eng::tr("Play"), ImVec2(playW, 0))) {
        if (!m_desk.viewing()) m_desk.view(live.start());
        m_desk.setPlaying(!m_desk.playing());
    }
    ImGui::SameLine();
    drawScrubber(live, -1.0f);
    if (ImGui::BeginTable("##timeline", 4, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH,
                          ImVec2(0, 0))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(eng::tr("Time"), ImGuiTableColumnFlags_WidthFixed, 4.0f * em);
        ImGui::TableSetupColumn(eng::tr("What"), ImGuiTableColumnFlags_WidthFixed, 8.0f * em);
        ImGui::TableSetupColumn(eng::tr("Where"), ImGuiTableColumnFlags_WidthFixed, 14.0f * em);
        ImGui::TableSetupColumn(eng::tr("Detail"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        int row = 0;
        const sim::State& st = live.world().state();
        const auto objectiveIndex = [&](const std::string& name) {
            for (std::size_t i = 0; i < live.scenario().objectives.size(); ++i)
                if (live.scenario().objectives[i].name == name) return static_cast<int>(i);
            return -1;
        };
        const auto alarmWords = [&](const std::string& key, const std::string& value, bool unitOnly) {
            for (const sim::AlarmStatus& a : st.alarms.list) {
                if (a.key != key) continue;
                if (unitOnly) return alarmUnitLogical(a.unit);
                sim::AlarmStatus at = a;
                at.active = false;
                if (!value.empty()) at.value = std::atof(value.c_str());
                return alarmText(at, false);
            }
            return key;
        };
        for (const sim::TimelineEntry& e : live.timeline()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(row++);
            const bool here = m_desk.viewing() && std::abs(sim::toSeconds(m_desk.viewedAt() - e.time)) < 30.0;
            if (ImGui::Selectable(hoursMinutes(e.time - live.start()).c_str(), here, ImGuiSelectableFlags_SpanAllColumns)) {
                m_desk.setPlaying(false);
                m_desk.view(e.time);
            }
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::TextColored(timelineColour(e.kind), "%s", timelineWords(e.kind));
            // Where and what, in the trainee's words (the timeline keeps keys and English notes for files).
            using K = sim::TimelineEntry::Kind;
            std::string where = e.key, detail = e.detail;
            std::string tip;
            switch (e.kind) {
                case K::AlarmRaised: case K::AlarmCleared: case K::AlarmAcked:
                    where = alarmWords(e.key, {}, true);
                    detail = alarmWords(e.key, e.detail, false);
                    break;
                case K::Fault: case K::FaultCleared: case K::Trigger:
                    where = targetTitle(e.key);
                    if (e.kind != K::Trigger) detail.clear();
                    break;
                case K::Action:
                    if (e.key == "ack") {
                        where = eng::trp("Acknowledge");
                        detail = e.detail == "*" ? std::string(eng::trp("all alarms")) : alarmWords(e.detail, {}, false);
                    } else {
                        where = leverTitle(e.key);
                        detail = e.key == "assign_truck" ? assignWords(e.detail) : std::string(choiceTitle(e.detail));
                    }
                    break;
                case K::Refused: where = leverTitle(e.key); break;
                case K::Hint: where = eng::trp("Hint"); detail = eng::trp(e.detail.c_str()); break;
                case K::ScoreEvent: {
                    const int i = objectiveIndex(e.key);
                    where = i >= 0 ? eng::formatf(eng::trp("Objective %d"), i + 1) : e.key;
                    const sim::ObjectiveScore* fin = i >= 0 && static_cast<std::size_t>(i) < sc.objectives.size()
                                                         ? &sc.objectives[static_cast<std::size_t>(i)] : nullptr;
                    const sim::Objective* def = i >= 0 ? &live.scenario().objectives[static_cast<std::size_t>(i)] : nullptr;
                    detail = scoreEventWords(e.detail, fin, def);
                    if (def) tip = eng::trp(def->text.c_str());
                    break;
                }
                case K::End: where.clear(); detail = eng::formatf(eng::trp("score %s"), eng::formatf("%.1f", sc.total).c_str()); break;
            }
            if (!e.by.empty()) detail += (detail.empty() ? "" : " ") + std::string("(") + byWords(e.by) + ")";
            ImGui::TableNextColumn();
            eng::textWrapped(where.c_str());
            if (!tip.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", eng::display(tip).c_str());
            ImGui::TableNextColumn();
            eng::textWrapped(detail.c_str());
            if (!tip.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", eng::display(tip).c_str());
        }
        ImGui::EndTable();
    }
    ImGui::End();
    (void)s;
}

void TrainingDirector::drawUi(Session& s, const FramePlan& p, const scenes::FrameInput& in, std::vector<sim::Command>&) {
    if (m_messageFor > 0.0) m_messageFor -= p.dt;
    if (m_camera.takeClick()) {
        const eng::Ray ray = s.camera.pickRay(s.window->mousePos(), glm::vec2(s.window->windowSize()));
        m_picked.clear();
        if (s.scene().pick(ray, in, &m_picked)) m_pickedFor = 5.0;
    }
    std::vector<sim::Command> acks;
    drawTopBar(s, acks);
    for (const sim::Command& c : acks) {
        std::string why;
        if (c.type == sim::CommandType::AckAlarm && !m_desk.ack(c.name, &why)) say(why, true);
    }
    drawTraineePanel(s);
    if (m_desk.active() && m_desk.phase() == TrainingDesk::Phase::Debrief) drawDebrief(s);
    if (m_instructor) drawInstructor(s);
    if (m_pickedFor > 0.0 && !m_picked.empty()) {
        m_pickedFor -= p.dt;
        const glm::vec2 mp = s.window->mousePos();
        ImGui::SetNextWindowPos(ImVec2(mp.x + 16, mp.y + 16), ImGuiCond_Appearing);
        ImGui::Begin("##picked", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize);
        ImGui::TextUnformatted(eng::display(m_picked).c_str());
        ImGui::End();
    }
    if (!m_languageRequest.empty()) s.requestLanguage(std::exchange(m_languageRequest, std::string()));
}

void TrainingDirector::afterRender(Session& s, const FramePlan&) {
    // --screenshot-at MIN=FILE: the frame at that run minute ("end": the debrief, a few frames after the end).
    if (m_desk.active()) {
        const double minute = sim::toSeconds(m_desk.live().now() - m_desk.live().start()) / 60.0;
        const bool ended = m_desk.phase() == TrainingDesk::Phase::Debrief;
        if (ended) ++m_framesEnded;
        for (PendingShot& sh : m_shots) {
            if (sh.done) continue;
            const bool due = sh.at == "end" ? ended && m_framesEnded >= 3 : minute >= std::atof(sh.at.c_str());
            if (!due) continue;
            sh.done = true;
            std::string why;
            if (!eng::writePng(s.renderer->readPixels(), sh.file, &why)) {
                std::fprintf(stderr, "almalyk training: --screenshot-at %s: %s\n", sh.file.c_str(), why.c_str());
                m_exit = 1;
            }
        }
        if (m_o.exitWhenDone && ended && m_framesEnded >= 4 &&
            std::all_of(m_shots.begin(), m_shots.end(), [](const PendingShot& x) { return x.done; }))
            m_quit = true;
    }
    if (!m_screenshot) return;
    m_screenshot = false;
    const ScreenshotResult r = saveScreenshot(s.renderer->readPixels(), ".", s.sceneName(), std::time(nullptr));
    std::fprintf(stderr, "%s\n", r.notice.c_str());
    s.setNotice(r.notice, r.ok ? 4.0 : 12.0);
}

void TrainingDirector::endFrame(Session& s, const FramePlan&) {
    if (m_requestScene.empty()) return;
    std::string why;
    const std::string want = std::exchange(m_requestScene, std::string());
    if (want != s.sceneName() && !s.applySceneRequest({want, ""}, &why))
        std::fprintf(stderr, "almalyk training: scene %s: %s\n", want.c_str(), why.c_str());
}

}  // namespace app
