// engine/input.cpp — the frame's key event queue and the tap replay for once-per-frame key state (engine/input.h).
#include "engine/input.h"

#include <algorithm>

namespace eng {

void KeyEventQueue::beginFrame() {
    m_events.clear();
    m_chars.clear();
    ++m_frame;
}

void KeyEventQueue::key(int key, KeyAction action, int mods) {
    m_events.push_back({key, action, mods});
    if (key >= 0 && key < kKeyCount) {
        if (action == KeyAction::Press) m_down[static_cast<std::size_t>(key)] = true;
        if (action == KeyAction::Release) m_down[static_cast<std::size_t>(key)] = false;
    }
}

int KeyEventQueue::presses(int key) const {
    return static_cast<int>(std::count_if(m_events.begin(), m_events.end(), [key](const KeyEvent& e) {
        return e.key == key && e.action == KeyAction::Press;
    }));
}

int KeyEventQueue::presses(Key k) const { return presses(keyIndex(k)); }

bool KeyEventQueue::anyPress() const {
    return std::any_of(m_events.begin(), m_events.end(), [](const KeyEvent& e) { return e.action == KeyAction::Press; });
}

void KeyTapReplay::apply(const KeyEventQueue& q, bool* keysDown, int count) {
    const bool fresh = q.frame() != m_lastFrame;  // the same frame's events are counted once
    m_lastFrame = q.frame();
    const int n = std::min(count, kKeyCount);
    std::array<std::uint8_t, kKeyCount> pressed{};
    if (fresh)
        for (const KeyEvent& e : q.events())
            if (e.key >= 0 && e.key < n && e.action == KeyAction::Press && pressed[static_cast<std::size_t>(e.key)] < 255)
                ++pressed[static_cast<std::size_t>(e.key)];
    for (int k = 0; k < n; ++k) {
        const auto i = static_cast<std::size_t>(k);
        if (!pressed[i] && !m_pending[i] && !m_forced[i]) {  // nothing of ours: the callbacks' state as it is
            m_shown[i] = keysDown[k];
            continue;
        }
        m_pending[i] = static_cast<std::uint8_t>(std::min(8, m_pending[i] + pressed[i]));
        // The key's real state from the events: keysDown may still hold a value we forced on the last sample.
        const bool real = q.down(k);
        bool show = real;
        if (m_pending[i] > 0) {
            if (m_shown[i]) {
                show = false;  // up for one sample, so the next press reads as one
            } else {
                show = true;
                --m_pending[i];
            }
        }
        keysDown[k] = show;
        m_shown[i] = show;
        m_forced[i] = show != real || m_pending[i] > 0;
    }
}

}  // namespace eng
