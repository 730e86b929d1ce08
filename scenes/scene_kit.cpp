#include "scenes/scene_kit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string_view>

#include <imgui.h>
#include <imgui_internal.h>  // a window's last content width (fittingWidth)

#include "engine/gui.h"
#include "engine/locale_format.h"
#include "sim/metrics.h"
#include "sim/world.h"

namespace scenes::kit {

std::string formatNumber(const char* format, double v, double groupFrom) {
    // "%.Nf" goes through the language's formatter (engine/locale_format.h: decimal comma in ru, uz, de); any other
    // format is printed as it is.
    const std::string_view f(format);
    int decimals = -1;
    if (f.size() == 4 && f[0] == '%' && f[1] == '.' && f[2] >= '0' && f[2] <= '6' && f[3] == 'f') decimals = f[2] - '0';
    if (decimals < 0) {
        if (!std::isfinite(v)) return "-";
        char b[64];
        std::snprintf(b, sizeof b, format, v);
        return b;
    }
    eng::NumberFormat nf = eng::currentNumberFormat();
    nf.groupFrom = std::max(groupFrom, nf.groupFrom);
    return eng::formatNumber(v, decimals, nf);
}

void tooltip(const char* text) {
    if (text && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

void sameLineIfFits(float nextWidth) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float end = ImGui::GetItemRectMax().x + st.ItemSpacing.x + nextWidth;
    if (end <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

float fittingWidth(const char* window, float minWidth) {
    const ImGuiWindow* w = ImGui::FindWindowByName(window);
    if (!w || w->Collapsed || w->Hidden) return minWidth;
    // The last frame's widest item, its padding, and what lies right of the inner rect (scrollbar, border).
    const float rightDecor = w->Pos.x + w->Size.x - w->InnerRect.Max.x;
    return std::max(minWidth, std::ceil(w->DC.IdealMaxPos.x + w->WindowPadding.x - w->Pos.x + rightDecor));
}

float labelWidth(std::initializer_list<const char*> labels) {
    float w = 0.0f;
    for (const char* l : labels)
        if (l) w = std::max(w, ImGui::CalcTextSize(l, nullptr, true).x);
    return w + ImGui::GetStyle().ItemInnerSpacing.x;
}

float smallButtonWidth(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2.0f * ImGui::GetStyle().FramePadding.x;
}

float comboWidth(float widestItemText) {
    return widestItemText + 2.0f * ImGui::GetStyle().FramePadding.x + ImGui::GetFrameHeight();  // the arrow button is square
}

void CommandOutbox::setParam(const std::string& name, double value) {
    char b[64];
    std::snprintf(b, sizeof b, "%.9g", value);
    setParamText(name, b);
}

std::vector<sim::Command> CommandOutbox::take() {
    std::vector<sim::Command> out;
    out.swap(m_commands);
    return out;
}

bool ParamSliders::slider(const sim::Params& params, CommandOutbox& out, const char* label, const char* name, float lo,
                          float hi, const char* format, bool logScale, const char* tip) {
    if (!params.has(name)) return false;
    auto it = m_edits.find(name);
    float v = it != m_edits.end() ? it->second : static_cast<float>(params.get(name));
    eng::localSliderFloat(label, &v, lo, hi, format, logScale ? ImGuiSliderFlags_Logarithmic : 0);  // "0,70" in ru
    tooltip(tip);
    if (ImGui::IsItemActive()) m_edits[name] = v;
    if (ImGui::IsItemDeactivatedAfterEdit()) out.setParam(name, static_cast<double>(v));
    if (!ImGui::IsItemActive()) m_edits.erase(name);
    return true;
}

MetricHistory::MetricHistory(std::vector<std::string> metrics, double sampleMinutes, double windowHours)
    : m_sampleMinutes(sampleMinutes), m_windowHours(windowHours) {
    for (const std::string& name : metrics) {
        const int i = sim::findMetric(name);
        if (i < 0) m_unknown.push_back(name);
        m_index.push_back(i);
    }
    m_series.resize(metrics.size());
}

bool MetricHistory::sample(const sim::State& s, sim::Time at) {
    if (m_next >= 0 && at < m_next) return false;
    m_hours.push_back(sim::toHours(at));
    for (std::size_t i = 0; i < m_index.size(); ++i)
        m_series[i].push_back(m_index[i] < 0 ? std::numeric_limits<float>::quiet_NaN()
                                             : static_cast<float>(sim::readMetric(s, m_index[i])));
    std::size_t drop = 0;
    while (drop + 2 < m_hours.size() && m_hours[drop] < m_hours.back() - m_windowHours) ++drop;
    if (drop > 0) {
        m_hours.erase(m_hours.begin(), m_hours.begin() + static_cast<std::ptrdiff_t>(drop));
        for (auto& v : m_series) v.erase(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(drop));
    }
    m_next = at + sim::fromSeconds(m_sampleMinutes * 60.0);
    return true;
}

}  // namespace scenes::kit
