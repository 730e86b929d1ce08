// engine/gui.h — Dear ImGui set up for our window: DejaVu Sans at the window's UI scale, dark theme, GL3 backend.
// Use: Gui gui(window); per frame gui.beginFrame(); ...ImGui calls...; gui.endFrame() (draws into the bound framebuffer).
// wantsMouse()/wantsKeyboard() tell the render loop when the camera must not take input (ImGui's io.WantCapture*).
// Errors: a missing font file falls back to ImGui's built-in font, scaled.
// Does NOT: draw any app panels (app/ui does), or labels (engine/labels uses the foreground draw list).
#pragma once
#include <functional>

namespace eng {

class Window;

class Gui {
public:
    // setupStyle(scale), when given, replaces the default theme and font (app::setupUiStyle); it runs after the
    // context exists and before the backend builds the font texture.
    explicit Gui(Window& w, const std::function<void(float)>& setupStyle = {});
    ~Gui();
    Gui(const Gui&) = delete;
    Gui& operator=(const Gui&) = delete;
    void beginFrame();
    void endFrame();
    bool wantsMouse() const;
    bool wantsKeyboard() const;
    float scale() const { return m_scale; }

private:
    void applyDefaultStyle();
    float m_scale = 1.0f;
};

}  // namespace eng
