// scenes/scene_kit.h — what every scene's panel needs, once: the command outbox the app drains (takeCommands), a
// parameter slider that keeps its dragged value until release and then sends one SetParam command, a tooltip, and a
// sampled history of named metrics for the panels' plots (read through the sim's metrics registry, sim/metrics.h).
// Use (in a scene):
//     kit::CommandOutbox m_outbox;  kit::ParamSliders m_sliders;
//     kit::MetricHistory m_plots{{"smelter.bath_temp_c", "smelter.acid_t_h"}, 5.0, 12.0};  // every 5 min, 12 h
//     update(): m_plots.sample(*in.state, in.now);
//     drawUi(): m_sliders.slider(state.params, m_outbox, "STH %", "h2.sth_percent", 0, 10, "%.2f");
//               ImGui::PlotLines("##t", m_plots.series(0).data(), int(m_plots.size()), ...);
//     takeCommands(): return m_outbox.take();
// Errors: a slider for an unknown parameter draws nothing; a history of an unknown metric name keeps a series of
//   NaN and lists the name in unknownMetrics() (a programming error the scene tests catch).
// Does NOT: apply commands (the World does, at its next tick) or lay out the panel.
#pragma once
#include <cstddef>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

#include "sim/command.h"
#include "sim/params.h"
#include "sim/time.h"

namespace sim { struct State; }

namespace scenes::kit {

// Shows `text` as the tooltip of the last ImGui item while it is hovered (nothing for null).
void tooltip(const char* text);

// Layout that fits every language and text size (ImGui 1.86 has no flow layout):
// sameLineIfFits(w): after an item, stays on its line when the next item, w pixels wide, ends inside the window's
//   content region; otherwise the next item starts a new line (a row of buttons wraps instead of running off).
// labelWidth(labels): the widest of the (translated) labels plus the label gap: PushItemWidth(-labelWidth(...))
//   leaves every slider's label its room whatever the language.
// smallButtonWidth(label): a SmallButton's width; comboWidth(w): a combo's width for items up to w pixels of text.
// fittingWidth(window, minWidth): the outer width the named window needs for its widest item of the last frame
//   (tables of fixed columns, rows of buttons; wrapped text takes what it gets), at least minWidth: a minimum size
//   constraint of it widens a panel whose German or Russian words would be cut, and never narrows one.
void sameLineIfFits(float nextWidth);
float fittingWidth(const char* window, float minWidth);
float labelWidth(std::initializer_list<const char*> labels);
float smallButtonWidth(const char* label);
float comboWidth(float widestItemText);

// The number as the printf `format` writes it ("-" when not finite), with commas between thousands once |v| reaches
// groupFrom: formatNumber("%.0f", 62489, 10000) = "62,489", formatNumber("%.1f", 3740.4, 1000) = "3,740.4".
std::string formatNumber(const char* format, double v, double groupFrom = 1000.0);

class CommandOutbox {
public:
    void push(sim::Command c) { m_commands.push_back(std::move(c)); }
    // A SetParam with the value written exactly enough to read back ("%.9g").
    void setParam(const std::string& name, double value);
    void setParamText(const std::string& name, const std::string& value) {
        push({sim::CommandType::SetParam, name, value});
    }
    std::vector<sim::Command> take();
    bool empty() const { return m_commands.empty(); }

private:
    std::vector<sim::Command> m_commands;
};

class ParamSliders {
public:
    // A float slider over the parameter `name`: the registry's value, or the dragged one while dragging; one
    // SetParam on release. False (and nothing drawn) when `params` has no such parameter.
    bool slider(const sim::Params& params, CommandOutbox& out, const char* label, const char* name, float lo, float hi,
                const char* format, bool logScale = false, const char* tip = nullptr);

private:
    std::map<std::string, float> m_edits;  // values while dragged (sent as a command on release)
};

class MetricHistory {
public:
    MetricHistory(std::vector<std::string> metrics, double sampleMinutes, double windowHours);
    // Adds a sample of every metric when one is due (the first call always does); true when it added one.
    bool sample(const sim::State& s, sim::Time at);
    std::size_t size() const { return m_hours.size(); }
    bool empty() const { return m_hours.empty(); }
    // The samples of metric i (in the constructor's order), oldest first.
    const std::vector<float>& series(std::size_t i) const { return m_series[i]; }
    double hoursAt(std::size_t k) const { return m_hours[k]; }  // sim hours since the epoch of sample k
    double spanHours() const { return empty() ? 0.0 : m_hours.back() - m_hours.front(); }
    double sampleMinutes() const { return m_sampleMinutes; }
    const std::vector<std::string>& unknownMetrics() const { return m_unknown; }

private:
    std::vector<int> m_index;  // into sim::metricDefs(); -1 unknown
    std::vector<std::vector<float>> m_series;
    std::vector<double> m_hours;
    std::vector<std::string> m_unknown;
    double m_sampleMinutes, m_windowHours;
    sim::Time m_next = -1;
};

}  // namespace scenes::kit
