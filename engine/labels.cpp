#include "engine/labels.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>

#include <imgui.h>
#include <imgui_internal.h>

#include "engine/i18n.h"

namespace eng {

bool LabelList::project(const glm::mat4& vp, glm::vec3 p, glm::vec2 viewport, glm::vec2& out) {
    const glm::vec4 c = vp * glm::vec4(p, 1.0f);
    if (c.w <= 1e-4f) return false;
    const glm::vec3 ndc = glm::vec3(c) / c.w;
    out = glm::vec2((ndc.x * 0.5f + 0.5f) * viewport.x, (0.5f - ndc.y * 0.5f) * viewport.y);
    return ndc.z <= 1.0f;
}

std::vector<glm::vec2> placeLabelBoxes(const std::vector<LabelBox>& wanted, glm::vec2 viewport,
                                       const std::vector<LabelBox>& blockers, float gapPx) {
    auto overlaps = [gapPx](glm::vec2 p, glm::vec2 s, const LabelBox& o) {
        return p.x < o.pos.x + o.size.x + gapPx && o.pos.x < p.x + s.x + gapPx && p.y < o.pos.y + o.size.y + gapPx &&
               o.pos.y < p.y + s.y + gapPx;
    };
    std::vector<glm::vec2> out(wanted.size(), glm::vec2(std::numeric_limits<float>::quiet_NaN(), 0.0f));
    std::vector<LabelBox> placed;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        const glm::vec2 s = wanted[i].size;
        if (s.x > viewport.x || s.y > viewport.y) continue;
        glm::vec2 p = glm::clamp(wanted[i].pos, glm::vec2(0.0f), viewport - s);
        // A box whose point is beside a window but whose text would run under it moves out to the window's edge.
        const float anchorX = wanted[i].pos.x + 0.5f * s.x;
        for (const LabelBox& b : blockers) {
            if (!overlaps(p, s, b)) continue;
            if (anchorX >= b.pos.x + b.size.x) p.x = b.pos.x + b.size.x + 2.0f * gapPx;
            else if (anchorX <= b.pos.x) p.x = b.pos.x - s.x - 2.0f * gapPx;
            p = glm::clamp(p, glm::vec2(0.0f), viewport - s);
        }
        bool free = true;
        for (const LabelBox& b : blockers) free = free && !overlaps(p, s, LabelBox{b.pos - glm::vec2(gapPx), b.size + 2.0f * gapPx});
        for (const LabelBox& b : placed) free = free && !overlaps(p, s, b);
        if (!free) continue;
        placed.push_back({p, s});
        out[i] = p;
    }
    return out;
}

void LabelList::draw(const glm::mat4& vp, glm::vec3 eye, glm::vec2 viewport) const {
    if (m_labels.empty() || !ImGui::GetCurrentContext()) return;
    ImDrawList* dl = ImGui::GetBackgroundDrawList();  // over the 3D view, under the windows (never over a panel)
    const float pad = 4.0f * ImGui::GetIO().FontGlobalScale * ImGui::GetFontSize() / 16.0f;
    // The UI windows of the last frame (this frame's are not laid out yet): no label box may sit under one.
    std::vector<LabelBox> blockers;
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (w->WasActive && !w->Hidden && !(w->Flags & ImGuiWindowFlags_NoBackground) && w->Size.x > 0 &&
            !(w->Flags & ImGuiWindowFlags_ChildWindow) && std::string_view(w->Name) != "Debug##Default")
            blockers.push_back({glm::vec2(w->Pos.x, w->Pos.y), glm::vec2(w->Size.x, w->Size.y)});
    struct Shown { const Label* l; glm::vec2 s; std::string text; };
    std::vector<Shown> shown;
    std::vector<LabelBox> wanted;
    for (const Label& l : m_labels) {
        glm::vec2 s;
        if (!project(vp, l.position, viewport, s)) continue;
        if (s.x < 0 || s.y < 0 || s.x > viewport.x || s.y > viewport.y) continue;  // its point is off screen
        // Full strength to the middle of the fade range, then gone: a half-transparent box reads as a ghost.
        const float d = glm::length(l.position - eye);
        if (d > 0.5f * (l.fadeStart + l.fadeEnd)) continue;
        // Right-to-left text is shaped here, at the last moment: scenes compose labels in logical order (eng::trp).
        std::string text = rightToLeft() ? display(l.text) : l.text;
        const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
        const float lift = std::max(l.liftPx, 0.0f);
        wanted.push_back({glm::vec2(s.x - ts.x * 0.5f - pad, s.y - lift - ts.y - 3 * pad), glm::vec2(ts.x + 2 * pad, ts.y + 2 * pad)});
        shown.push_back({&l, s, std::move(text)});
    }
    const std::vector<glm::vec2> at = placeLabelBoxes(wanted, viewport, blockers);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        if (std::isnan(at[i].x)) continue;
        const Label& l = *shown[i].l;
        const glm::vec2 s = shown[i].s;
        const ImVec2 a(at[i].x, at[i].y), b(at[i].x + wanted[i].size.x, at[i].y + wanted[i].size.y);
        dl->AddRectFilled(a, b, ImGui::GetColorU32(ImVec4(0.05f, 0.06f, 0.08f, 0.72f)), pad);
        const float lineX = std::clamp(s.x, a.x + pad, b.x - pad);
        if (s.y > b.y) dl->AddLine(ImVec2(lineX, b.y), ImVec2(s.x, s.y), ImGui::GetColorU32(ImVec4(1, 1, 1, 0.6f)));
        dl->AddText(ImVec2(a.x + pad, a.y + pad), ImGui::GetColorU32(ImVec4(l.color.r, l.color.g, l.color.b, l.color.a)),
                    shown[i].text.c_str());
    }
}

}  // namespace eng
