// engine/input.h — key and mouse-button names for code above the engine (app/, scenes/), so that no layer but
// engine/ includes GLFW. The values are GLFW's own codes (engine/window.cpp checks that with static_asserts), which is
// also what Dear ImGui 1.86's GLFW backend stores in io.KeysDown[], so the same names index ImGui's key state.
// Use: window.keyPressed(eng::Key::F12); window.buttonDown(eng::MouseButton::Left); ImGui: io.KeysDown[eng::keyIndex(k)].
// Does NOT: read input (engine/window does) or map keys to actions (directors and the UI do).
#pragma once

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

}  // namespace eng
