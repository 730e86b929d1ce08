// Key input without a window (engine/input.h): the frame's event queue keeps a tap (press and release between two
// frames), repeats and order; KeyTapReplay makes every press visible to a once-per-frame key sampler, checked against
// an independent edge counter over the sampled states and against real Dear ImGui 1.86 (ImGui::IsKeyPressed), which
// misses such a tap without the replay.
#include <doctest/doctest.h>

#include <array>
#include <string>
#include <vector>

#include <imgui.h>

#include "engine/input.h"
#include "headless_imgui.h"

namespace {

using eng::Key;
using eng::KeyAction;

// A reader that samples key state once per frame and counts up -> down transitions (ImGui 1.86's rule).
struct Sampler {
    std::array<bool, eng::kKeyCount> down{};   // what the callbacks leave (the backend's io.KeysDown)
    std::array<bool, eng::kKeyCount> last{};
    std::array<int, eng::kKeyCount> presses{};
    std::vector<bool> seen;                    // one key's sampled states, frame by frame
    void sample(int watch) {
        for (int k = 0; k < eng::kKeyCount; ++k) {
            if (down[static_cast<std::size_t>(k)] && !last[static_cast<std::size_t>(k)]) ++presses[static_cast<std::size_t>(k)];
            last[static_cast<std::size_t>(k)] = down[static_cast<std::size_t>(k)];
        }
        seen.push_back(down[static_cast<std::size_t>(watch)]);
    }
};

// One frame: beginFrame, the events (mirrored into the sampler's state as the ImGui backend does), replay, sample.
void frame(eng::KeyEventQueue& q, eng::KeyTapReplay* replay, Sampler& s, const std::vector<eng::KeyEvent>& events,
           int watch) {
    q.beginFrame();
    for (const eng::KeyEvent& e : events) {
        q.key(e.key, e.action, e.mods);
        if (e.action == KeyAction::Press) s.down[static_cast<std::size_t>(e.key)] = true;
        if (e.action == KeyAction::Release) s.down[static_cast<std::size_t>(e.key)] = false;
    }
    if (replay) replay->apply(q, s.down.data(), eng::kKeyCount);
    s.sample(watch);
}

const int kSpace = eng::keyIndex(Key::Space), kEnter = eng::keyIndex(Key::Enter);
eng::KeyEvent press(int k) { return {k, KeyAction::Press, 0}; }
eng::KeyEvent release(int k) { return {k, KeyAction::Release, 0}; }

}  // namespace

TEST_CASE("input: a key pressed and released within one frame is in that frame's queue, in order, once") {
    eng::KeyEventQueue q;
    q.beginFrame();
    q.key(eng::keyIndex(eng::digitKey(3)), KeyAction::Press);
    q.key(eng::keyIndex(eng::digitKey(3)), KeyAction::Release);
    q.key(kSpace, KeyAction::Press);
    q.key(kSpace, KeyAction::Repeat);
    q.key(kSpace, KeyAction::Release);
    q.key(kSpace, KeyAction::Press);
    q.character(U'3');
    CHECK(q.presses(eng::digitKey(3)) == 1);
    CHECK_FALSE(q.down(eng::keyIndex(eng::digitKey(3))));  // released again: a poll of the state would miss it
    CHECK(q.presses(Key::Space) == 2);                       // the repeat is not a press
    CHECK(q.down(kSpace));
    CHECK(q.anyPress());
    REQUIRE(q.events().size() == 6);
    CHECK(q.events()[0].key == eng::keyIndex(eng::digitKey(3)));
    CHECK(q.events()[2].key == kSpace);
    CHECK(q.characters() == U"3");
    q.beginFrame();
    CHECK(q.presses(Key::Space) == 0);
    CHECK(q.events().empty());
    CHECK(q.characters().empty());
    CHECK(q.down(kSpace));  // still held
    CHECK_FALSE(q.anyPress());
    q.key(-1, KeyAction::Press);  // a key GLFW has no code for: no crash, counts for "someone is there"
    CHECK(q.anyPress());
}

TEST_CASE("input: the tap replay shows every press to a once-per-frame sampler and keeps held keys held") {
    struct Script {
        const char* what;
        std::vector<std::vector<eng::KeyEvent>> frames;
        int presses;
    };
    const std::vector<Script> scripts = {
        {"a tap within one frame", {{press(kSpace), release(kSpace)}, {}, {}}, 1},
        {"two taps within one frame", {{press(kSpace), release(kSpace), press(kSpace), release(kSpace)}, {}, {}, {}}, 2},
        {"taps on two frames in a row", {{press(kSpace), release(kSpace)}, {press(kSpace), release(kSpace)}, {}, {}, {}}, 2},
        {"held, then released and pressed again within a frame",
         {{press(kSpace)}, {}, {release(kSpace), press(kSpace)}, {}, {release(kSpace)}, {}}, 2},
        {"an ordinary press held for frames, then released", {{press(kSpace)}, {}, {}, {release(kSpace)}, {}}, 1},
    };
    for (const Script& sc : scripts) {
        INFO(std::string(sc.what));
        eng::KeyEventQueue q;
        Sampler without, with;
        eng::KeyTapReplay replay;
        eng::KeyEventQueue q2;
        for (const auto& f : sc.frames) {
            frame(q, nullptr, without, f, kSpace);
            frame(q2, &replay, with, f, kSpace);
        }
        CHECK(with.presses[static_cast<std::size_t>(kSpace)] == sc.presses);
        CHECK_FALSE(with.seen.back());  // the key ends up, as it really is
        if (std::string(sc.what).find("within") != std::string::npos)
            CHECK(without.presses[static_cast<std::size_t>(kSpace)] < sc.presses);  // what polling once a frame saw
    }
    // A key held down stays down on every sample (no flicker from the replay).
    eng::KeyEventQueue q;
    eng::KeyTapReplay replay;
    Sampler s;
    frame(q, &replay, s, {press(kEnter)}, kEnter);
    for (int i = 0; i < 5; ++i) frame(q, &replay, s, {}, kEnter);
    CHECK(s.seen == std::vector<bool>(6, true));
    CHECK(s.presses[static_cast<std::size_t>(kEnter)] == 1);
    // The same frame applied twice (a UI frame without a poll) shows its tap once.
    eng::KeyEventQueue q3;
    eng::KeyTapReplay r3;
    Sampler s3;
    q3.beginFrame();
    q3.key(kSpace, KeyAction::Press);
    q3.key(kSpace, KeyAction::Release);
    for (int i = 0; i < 4; ++i) {
        r3.apply(q3, s3.down.data(), eng::kKeyCount);
        s3.sample(kSpace);
    }
    CHECK(s3.presses[static_cast<std::size_t>(kSpace)] == 1);
}

TEST_CASE("input: Dear ImGui 1.86 sees a tap shorter than a frame only through the replay") {
    HeadlessImGui ui;
    ImGuiIO& io = ImGui::GetIO();
    eng::KeyEventQueue q;
    eng::KeyTapReplay replay;
    const auto tapFrame = [&](bool useReplay) {
        // What the GLFW backend does with a press and a release inside one glfwPollEvents: down, then up again.
        q.beginFrame();
        q.key(kSpace, KeyAction::Press);
        io.KeysDown[kSpace] = true;
        q.key(kSpace, KeyAction::Release);
        io.KeysDown[kSpace] = false;
        if (useReplay) replay.apply(q, io.KeysDown, IM_ARRAYSIZE(io.KeysDown));
        bool pressed = false;
        ui.frame([&] { pressed = ImGui::IsKeyPressed(kSpace, false); });
        return pressed;
    };
    const auto quietFrame = [&] {
        q.beginFrame();
        replay.apply(q, io.KeysDown, IM_ARRAYSIZE(io.KeysDown));
        bool pressed = false;
        ui.frame([&] { pressed = ImGui::IsKeyPressed(kSpace, false); });
        return pressed;
    };
    CHECK_FALSE(tapFrame(false));  // the bug: ImGui samples after the release
    CHECK(tapFrame(true));
    CHECK_FALSE(quietFrame());
    CHECK_FALSE(io.KeysDown[kSpace]);
    CHECK(tapFrame(true));  // a second tap later is a second press
}
