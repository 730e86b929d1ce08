// engine/input.h — key and mouse-button names for code above the engine (app/, scenes/), so that no layer but
// engine/ includes GLFW. The values are GLFW's own codes (engine/window.cpp checks that with static_asserts), which is
// also what Dear ImGui 1.86's GLFW backend stores in io.KeysDown[], so the same names index ImGui's key state.
// Use: window.keyPressed(eng::Key::F12); window.buttonDown(eng::MouseButton::Left); ImGui: io.KeysDown[eng::keyIndex(k)].
// KeyEventQueue: the frame's key and character events in arrival order (engine/window fills it from GLFW's
// callbacks), so a key pressed and released between two frames is never lost: window.keyPresses(Key::Space).
// KeyTapReplay: the same for Dear ImGui 1.86, which reads io.KeysDown[] once per frame (engine/gui runs it before
// each ImGui::NewFrame): a tap is held down for one frame, each further tap of that key on a later frame.
// Does NOT: read input (engine/window does) or map keys to actions (directors and the UI do).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace eng {

enum class Key : int {
    Space = 32, Period = 46, Minus = 45, Equal = 61,
    Num0 = 48, Num1 = 49, Num9 = 57,
    B = 66, E = 69, F = 70, I = 73, N = 78, P = 80, Q = 81, R = 82,
    Escape = 256, Enter = 257, Backspace = 259, Tab = 258, Right = 262, Left = 263, Down = 264, Up = 265, PageUp = 266, PageDown = 267,
    Home = 268, End = 269,
    F1 = 290, F11 = 300, F12 = 301,
    KpSubtract = 333, KpAdd = 334, KpEnter = 335,
    LeftShift = 340, LeftControl = 341, LeftAlt = 342, RightShift = 344, RightControl = 345, RightAlt = 346,
};

enum class MouseButton : int { Left = 0, Right = 1, Middle = 2 };

constexpr int keyIndex(Key k) { return static_cast<int>(k); }
// The digit key 1..9 (n = 1..9).
constexpr Key digitKey(int n) { return static_cast<Key>(static_cast<int>(Key::Num0) + n); }

inline constexpr int kKeyCount = 512;  // key codes 0..511 (GLFW's highest is 348; ImGui 1.86's io.KeysDown[512])

enum class KeyAction : int { Release = 0, Press = 1, Repeat = 2 };  // GLFW_RELEASE, GLFW_PRESS, GLFW_REPEAT
struct KeyEvent {
    int key = -1;  // GLFW key code; -1 (GLFW_KEY_UNKNOWN) for keys GLFW has no code for
    KeyAction action = KeyAction::Press;
    int mods = 0;  // GLFW_MOD_* bits
};

// One frame's key and character events, in the order they came. Window::pollEvents calls beginFrame() and then lets
// GLFW deliver; whatever read this frame reads presses() and events() until the next beginFrame().
class KeyEventQueue {
public:
    void beginFrame();                          // drops the last frame's events; the keys' up/down state stays
    void key(int key, KeyAction action, int mods = 0);
    void character(char32_t c) { m_chars.push_back(c); }
    const std::vector<KeyEvent>& events() const { return m_events; }
    const std::u32string& characters() const { return m_chars; }  // typed text, as the layout makes it
    int presses(Key k) const;                   // Press events of k this frame (auto-repeat not counted)
    int presses(int key) const;
    bool anyPress() const;                      // any key went down this frame (unknown keys too)
    bool down(int key) const { return key >= 0 && key < kKeyCount && m_down[static_cast<std::size_t>(key)]; }
    std::uint64_t frame() const { return m_frame; }  // counts beginFrame() calls

private:
    std::vector<KeyEvent> m_events;
    std::u32string m_chars;
    std::array<bool, kKeyCount> m_down{};
    std::uint64_t m_frame = 0;
};

// Makes every press of a frame's events visible to a reader that samples key state once per frame (ImGui 1.86's
// io.KeysDown[], which counts a press as up-then-down between two samples). apply() runs after the frame's events
// and before the sample: `keysDown` holds the state the callbacks left (a quick tap already released); for a key
// pressed this frame it shows down on this sample; a second press that could not show (the key was shown down
// already) shows after one sample up. A key held down stays down. At most 8 taps of one key wait.
class KeyTapReplay {
public:
    void apply(const KeyEventQueue& q, bool* keysDown, int count);

private:
    std::array<std::uint8_t, kKeyCount> m_pending{};  // presses not yet shown
    std::array<bool, kKeyCount> m_shown{};            // what the last sample saw
    std::array<bool, kKeyCount> m_forced{};           // we set the last sample's value (not the callbacks)
    std::uint64_t m_lastFrame = ~std::uint64_t(0);
};

}  // namespace eng
