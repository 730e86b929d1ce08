#include "engine/gui.h"

#include <filesystem>

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "engine/window.h"

namespace eng {

Gui::Gui(Window& w, const std::function<void(float)>& setupStyle) : m_scale(w.uiScale()) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini in the user's current directory
    if (setupStyle) {
        setupStyle(m_scale);
    } else {
        applyDefaultStyle();
    }
    // Our callbacks are installed first; the backend chains to them.
    ImGui_ImplGlfw_InitForOpenGL(w.handle(), true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
}

void Gui::applyDefaultStyle() {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::StyleColorsDark();
    ImGui::GetStyle().ScaleAllSizes(m_scale);
    const char* font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    if (std::filesystem::exists(font)) {
        io.Fonts->AddFontFromFileTTF(font, 17.0f * m_scale);
    } else {
        ImFontConfig cfg;
        cfg.SizePixels = 13.0f * m_scale;
        io.Fonts->AddFontDefault(&cfg);
    }
}

Gui::~Gui() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

void Gui::beginFrame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void Gui::endFrame() {
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

bool Gui::wantsMouse() const { return ImGui::GetIO().WantCaptureMouse; }
bool Gui::wantsKeyboard() const { return ImGui::GetIO().WantCaptureKeyboard; }

}  // namespace eng
