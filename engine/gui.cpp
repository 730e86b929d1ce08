#include "engine/gui.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <string>

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "engine/bidi.h"
#include "engine/fonts.h"
#include "engine/i18n.h"
#include "engine/locale_format.h"
#include "engine/text_wrap.h"
#include "engine/window.h"

namespace eng {

float Gui::clampUserScale(float f) { return std::isfinite(f) ? std::clamp(f, 0.5f, 3.0f) : 1.0f; }

Gui::Gui(Window& w, const std::function<void(float)>& setupStyle, float userScale)
    : m_window(&w), m_baseScale(w.uiScale()), m_userScale(clampUserScale(userScale)) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini in the user's current directory
    if (setupStyle) {
        setupStyle(scale());
    } else {
        applyDefaultStyle();
    }
    // Our callbacks are installed first; the backend chains to them.
    ImGui_ImplGlfw_InitForOpenGL(w.handle(), true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
}

void Gui::applyDefaultStyle() {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::GetStyle() = ImGuiStyle();
    ImGui::StyleColorsDark();
    ImGui::GetStyle().ScaleAllSizes(scale());
    io.FontDefault = buildFonts(*io.Fonts, {{17.0f * scale(), false}}, catalogCharacters(), language()).fonts.front();
}

Gui::~Gui() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

void Gui::rebuildFonts(const std::function<void(float)>& build) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    build(scale());
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

bool Gui::setUserScale(float userScale, const std::function<void(float)>& setup) {
    const float f = clampUserScale(userScale);
    if (f == m_userScale) return false;
    m_userScale = f;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    if (setup) setup(scale());
    else applyDefaultStyle();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    return true;
}

void Gui::beginFrame() {
    // Taps shorter than a frame (the callbacks already set the key up again) are held down for this frame.
    ImGuiIO& io = ImGui::GetIO();
    m_taps.apply(m_window->keyEvents(), io.KeysDown, IM_ARRAYSIZE(io.KeysDown));
    io.KeyCtrl = io.KeysDown[keyIndex(Key::LeftControl)] || io.KeysDown[keyIndex(Key::RightControl)];
    io.KeyShift = io.KeysDown[keyIndex(Key::LeftShift)] || io.KeysDown[keyIndex(Key::RightShift)];
    io.KeyAlt = io.KeysDown[keyIndex(Key::LeftAlt)] || io.KeysDown[keyIndex(Key::RightAlt)];
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void Gui::endFrame() {
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void textWrapped(const char* logical) {
    const float width = ImGui::GetContentRegionAvail().x;
    if (!rightToLeft()) {
        // Our own line breaks (engine/text_wrap.h): ImGui 1.86 breaks at spaces only, and Japanese has none.
        if (width < 2.0f * ImGui::GetFontSize()) {
            ImGui::TextWrapped("%s", logical);
            return;
        }
        std::string joined;
        for (const std::string& line : wrapText(logical, width, [](std::string_view l) {
                 return ImGui::CalcTextSize(l.data(), l.data() + l.size()).x;
             }))
            joined += (joined.empty() ? "" : "\n") + line;
        ImGui::TextUnformatted(joined.c_str(), joined.c_str() + joined.size());
        return;
    }
    const float x0 = ImGui::GetCursorPosX();
    const auto measure = [](const std::string& line) { return ImGui::CalcTextSize(line.c_str()).x; };
    for (const std::string& line : bidiWrap(logical, width, measure, true)) {
        ImGui::SetCursorPosX(x0 + std::max(0.0f, width - measure(line)));
        ImGui::TextUnformatted(line.c_str());
    }
}

void setNextWindowPos(const char* id, float x, float y, int cond, float pivotX, float pivotY) {
    // Window -> the language generation it was last placed in; looked up by view, so a frame allocates nothing.
    static std::map<std::string, int, std::less<>> placedIn;
    const int gen = languageGeneration();
    auto it = placedIn.find(std::string_view(id));
    if (it == placedIn.end()) it = placedIn.emplace(id, gen).first;
    else if (it->second != gen && cond != 0) cond = ImGuiCond_Always;
    it->second = gen;
    if (rightToLeft()) {
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        x = vp->Pos.x + vp->Size.x - (x - vp->Pos.x);
        pivotX = 1.0f - pivotX;
    }
    ImGui::SetNextWindowPos(ImVec2(x, y), cond, ImVec2(pivotX, pivotY));
}

ReadingTable::ReadingTable(int columns) : m_n(columns), m_rtl(eng::rightToLeft()) { m_columns.reserve(static_cast<std::size_t>(columns)); }

void ReadingTable::setupColumn(const char* label, int flags, float width) { m_columns.push_back({label ? label : "", flags, width}); }

void ReadingTable::commitSetup(bool headers) {
    const int n = static_cast<int>(m_columns.size());
    for (int i = 0; i < n; ++i) {
        const Column& c = m_columns[static_cast<std::size_t>(m_rtl ? n - 1 - i : i)];
        ImGui::TableSetupColumn(c.label.c_str(), c.flags, c.width);
    }
    if (headers) ImGui::TableHeadersRow();
}

void ReadingTable::nextRow() {
    ImGui::TableNextRow();
    m_k = 0;
}

bool ReadingTable::nextColumn() {
    const int k = m_k++;
    return ImGui::TableSetColumnIndex(m_rtl ? m_n - 1 - k : k);
}

void ReadingTable::cell(const char* text) {
    if (m_rtl) {
        const float w = ImGui::CalcTextSize(text).x, avail = ImGui::GetContentRegionAvail().x;
        if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
    }
    ImGui::TextUnformatted(text);
}

bool Gui::wantsMouse() const { return ImGui::GetIO().WantCaptureMouse; }
bool Gui::wantsKeyboard() const { return ImGui::GetIO().WantCaptureKeyboard; }

bool localSliderFloat(const char* label, float* v, float lo, float hi, const char* format, int flags) {
    const NumberFormat nf = currentNumberFormat();
    if (!format || nf.decimal == ".") return ImGui::SliderFloat(label, v, lo, hi, format, flags);
    std::string shown = formatf(format, static_cast<double>(*v));
    for (std::size_t at = shown.find('%'); at != std::string::npos; at = shown.find('%', at + 2)) shown.insert(at, 1, '%');
    const bool changed = ImGui::SliderFloat(label, v, lo, hi, shown.c_str(), flags | ImGuiSliderFlags_NoInput);
    // ImGui rounds to a format's decimals; the literal text has none, so round as "%.Nf" would.
    const char* dot = std::strstr(format, "%.");
    if (changed && dot && dot[2] >= '0' && dot[2] <= '9' && dot[3] == 'f') {
        const double scale = std::pow(10.0, dot[2] - '0');
        *v = static_cast<float>(std::round(static_cast<double>(*v) * scale) / scale);
    }
    return changed;
}

}  // namespace eng
