#include "engine/labels.h"

#include <algorithm>

#include <string>

#include <imgui.h>

#include "engine/i18n.h"

namespace eng {

bool LabelList::project(const glm::mat4& vp, glm::vec3 p, glm::vec2 viewport, glm::vec2& out) {
    const glm::vec4 c = vp * glm::vec4(p, 1.0f);
    if (c.w <= 1e-4f) return false;
    const glm::vec3 ndc = glm::vec3(c) / c.w;
    out = glm::vec2((ndc.x * 0.5f + 0.5f) * viewport.x, (0.5f - ndc.y * 0.5f) * viewport.y);
    return ndc.z <= 1.0f;
}

void LabelList::draw(const glm::mat4& vp, glm::vec3 eye, glm::vec2 viewport) const {
    if (m_labels.empty() || !ImGui::GetCurrentContext()) return;
    ImDrawList* dl = ImGui::GetBackgroundDrawList();  // over the 3D view, under the windows (never over a panel)
    const float pad = 4.0f * ImGui::GetIO().FontGlobalScale * ImGui::GetFontSize() / 16.0f;
    for (const Label& l : m_labels) {
        glm::vec2 s;
        if (!project(vp, l.position, viewport, s)) continue;
        if (s.x < -200 || s.y < -50 || s.x > viewport.x + 200 || s.y > viewport.y + 50) continue;
        const float d = glm::length(l.position - eye);
        const float fade = 1.0f - std::clamp((d - l.fadeStart) / std::max(l.fadeEnd - l.fadeStart, 1.0f), 0.0f, 1.0f);
        if (fade <= 0.01f) continue;
        // Right-to-left text is shaped here, at the last moment: scenes compose labels in logical order (eng::trp).
        const std::string shaped = rightToLeft() ? display(l.text) : std::string();
        const char* text = rightToLeft() ? shaped.c_str() : l.text.c_str();
        const ImVec2 ts = ImGui::CalcTextSize(text);
        const float lift = std::max(l.liftPx, 0.0f);
        const ImVec2 a(s.x - ts.x * 0.5f - pad, s.y - lift - ts.y - 3 * pad), b(s.x + ts.x * 0.5f + pad, s.y - lift - pad);
        dl->AddRectFilled(a, b, ImGui::GetColorU32(ImVec4(0.05f, 0.06f, 0.08f, 0.72f * fade)), pad);
        dl->AddLine(ImVec2(s.x, s.y - lift - pad), ImVec2(s.x, s.y), ImGui::GetColorU32(ImVec4(1, 1, 1, 0.6f * fade)));
        dl->AddText(ImVec2(a.x + pad, a.y + pad),
                    ImGui::GetColorU32(ImVec4(l.color.r, l.color.g, l.color.b, l.color.a * fade)), text);
    }
}

}  // namespace eng
