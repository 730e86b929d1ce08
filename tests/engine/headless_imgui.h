// tests/engine/headless_imgui.h — Dear ImGui without a window or GL context, for testing real panels with real
// widgets: the font atlas is built (never uploaded), frames run with a fixed 1/60 s step, the key map is the GLFW
// backend's, and click() presses and releases the left button at a point over two frames.
// Use: HeadlessImGui ui; ui.frame([&] { drawPanel(...); }); ui.click([&] { drawPanel(...); }, {x, y});
#pragma once
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes, as the imgui_impl_glfw backend writes them
#include <imgui.h>

class HeadlessImGui {
public:
    HeadlessImGui() {
        m_ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = {1280, 720};
        io.DeltaTime = 1.0f / 60.0f;
        io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
        io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
        io.KeyMap[ImGuiKey_Backspace] = GLFW_KEY_BACKSPACE;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~HeadlessImGui() { ImGui::DestroyContext(m_ctx); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    template <class F>
    void frame(F&& draw) {
        ImGui::NewFrame();
        draw();
        ImGui::Render();
    }
    template <class F>
    void click(F&& draw, ImVec2 at) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = at;
        io.MouseDown[0] = true;
        frame(draw);
        io.MouseDown[0] = false;
        frame(draw);
    }

private:
    ImGuiContext* m_ctx = nullptr;
};
