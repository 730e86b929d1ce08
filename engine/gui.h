// engine/gui.h — Dear ImGui set up for our window: fonts for the current language (engine/fonts.h) at the window's
// UI scale, dark theme, GL3 backend.
// Use: Gui gui(window); per frame gui.beginFrame(); ...ImGui calls...; gui.endFrame() (draws into the bound framebuffer).
// wantsMouse()/wantsKeyboard() tell the render loop when the camera must not take input (ImGui's io.WantCapture*).
// Scale: scale() = the window's (engine/window.h uiScale: DPI and screen size) x a user factor (a presenter's larger
// text: 1.0, 1.25, 1.5, 2.0); setUserScale() rebuilds the style and fonts at the new size between frames.
// Keys: ImGui 1.86 samples io.KeysDown[] once per frame, so beginFrame() first replays the window's queued key
// events (engine/input.h KeyTapReplay): a key pressed and released between two frames still reads as pressed.
// Errors: a missing font family is reported once by engine/fonts.h (naming its package).
// Does NOT: draw any app panels (app/ui does), or labels (engine/labels uses the foreground draw list).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "engine/input.h"

namespace eng {

class Window;

class Gui {
public:
    // setupStyle(scale), when given, replaces the default theme and font (app::setupUiStyle); it runs after the
    // context exists and before the backend builds the font texture.
    // userScale: the presenter's factor (clamped to 0.5..3).
    explicit Gui(Window& w, const std::function<void(float)>& setupStyle = {}, float userScale = 1.0f);
    ~Gui();
    Gui(const Gui&) = delete;
    Gui& operator=(const Gui&) = delete;
    // New fonts between frames (a language change): the GL texture is dropped, build(scale) fills the atlas
    // (engine/fonts.h), and the texture is uploaded again. Never inside a frame.
    void rebuildFonts(const std::function<void(float)>& build);
    void beginFrame();
    void endFrame();
    bool wantsMouse() const;
    bool wantsKeyboard() const;
    float scale() const { return m_baseScale * m_userScale; }
    float baseScale() const { return m_baseScale; }
    float userScale() const { return m_userScale; }
    // A new user factor between frames (never inside one): the GL font texture is dropped, setup(scale()) restyles
    // and fills the atlas (app::setupUiStyle; the default style without it), and the texture is uploaded again.
    // Returns false (and changes nothing) for the factor already shown.
    bool setUserScale(float userScale, const std::function<void(float)>& setup = {});
    // Clamps a user factor to what the UI is laid out for.
    static float clampUserScale(float f);

private:
    void applyDefaultStyle();
    Window* m_window = nullptr;
    float m_baseScale = 1.0f, m_userScale = 1.0f;
    KeyTapReplay m_taps;
};

// A paragraph wrapped to the window's width: ImGui::TextWrapped for left-to-right languages; for right-to-left
// ones (engine/i18n.h) wrapped in logical order, each line shaped and right-aligned (engine/bidi.h). `logical`
// is text as eng::trp returns it. Not a format string.
void textWrapped(const char* logical);

// ImGui::SetNextWindowPos, mirrored left to right when the language writes right to left (Arabic): a panel placed
// at the left edge goes to the right edge, a pivot of 0 becomes 1, so the screen reads from the right as the text
// does. `id` names the window; the first frame after a language change places it again even with
// ImGuiCond_FirstUseEver (a live switch to Arabic moves the panels across). Inside a window ImGui 1.86 still lays
// out left to right (labels after sliders); docs/languages.md says so.
void setNextWindowPos(const char* id, float x, float y, int cond = 0, float pivotX = 0.0f, float pivotY = 0.0f);

// An ImGui table in the reader's order: columns are set up and filled first-read first, and in a right-to-left
// language (Arabic) the first column stands at the right, as an Arabic reader scans a row; cell() aligns a cell's
// text to the side the reader starts from. Use between ImGui::BeginTable(id, n) and EndTable():
//   eng::ReadingTable t(n); t.setupColumn(tr("Route")); ...; t.commitSetup(true);   // true: a header row
//   for (...) { t.nextRow(); t.nextColumn(); t.cell(name); t.nextColumn(); rightAligned(value); ... }
// Does NOT: mirror what a cell draws itself (a number right-aligned stays right-aligned in either direction).
class ReadingTable {
public:
    explicit ReadingTable(int columns);
    void setupColumn(const char* label, int flags = 0, float width = 0.0f);
    void commitSetup(bool headers);
    void nextRow();
    bool nextColumn();          // the next column in reading order (ImGui::TableSetColumnIndex)
    void cell(const char* text);  // TextUnformatted, right-aligned in a right-to-left language
    bool rightToLeft() const { return m_rtl; }

private:
    struct Column {
        std::string label;
        int flags;
        float width;
    };
    int m_n, m_k = 0;
    bool m_rtl;
    std::vector<Column> m_columns;
};

// A float slider whose number reads in the language's format ("0,70" in ru, uz, de): ImGui prints a slider's value
// with C printf ('.'), so the value is formatted here (engine/locale_format.h) and handed to ImGui as literal text.
// The value is rounded to the format's decimals as ImGui would ("%.0f": whole numbers), and where the language writes
// a decimal comma, Ctrl+click typing is off (ImGui would read "0,70" as 0). Returns ImGui::SliderFloat's result.
bool localSliderFloat(const char* label, float* v, float lo, float hi, const char* format, int flags = 0);

}  // namespace eng
