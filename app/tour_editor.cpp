#include "app/tour_editor.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "app/session.h"
#include "app/tour_player.h"
#include "engine/atomic_file.h"
#include "engine/gui.h"
#include "engine/i18n.h"
#include "engine/locale_format.h"

namespace app {

namespace {

bool validStep(const Tour& t, int step) { return step >= 0 && step < static_cast<int>(t.steps.size()); }

void copyTo(char* buf, std::size_t n, const std::string& s) {
    const std::size_t len = std::min(n - 1, s.size());
    std::memcpy(buf, s.data(), len);
    buf[len] = '\0';
}

}  // namespace

std::string formatMinSec(double s) {
    const int total = static_cast<int>(std::floor(std::max(0.0, s)));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d:%02d", total / 60, total % 60);
    return buf;
}

std::string xdgFolder(const char* var, const char* homeFallback) {
    namespace fs = std::filesystem;
    const char* v = std::getenv(var);
    if (v && *v && fs::path(v).is_absolute()) return v;
    const char* home = std::getenv("HOME");
    return (fs::path(home && *home ? home : ".") / homeFallback).string();
}

void renumberSteps(Tour& t) {
    for (std::size_t i = 0; i < t.steps.size(); ++i) t.steps[i].path = "steps[" + std::to_string(i) + "]";
}

bool insertStep(Tour& t, int after, const std::string& scene, const eng::CameraPose& pose) {
    if (after < -1 || after >= static_cast<int>(t.steps.size())) return false;
    TourStep st;
    st.title = "New step";
    st.scene = scene;
    st.flyS = 2.5;
    st.dwellS = 8.0;
    st.camera.keyframes.push_back(TourKeyframe{0.0, pose});
    t.steps.insert(t.steps.begin() + (after + 1), std::move(st));
    renumberSteps(t);
    return true;
}

bool deleteStep(Tour& t, int step) {
    if (!validStep(t, step) || t.steps.size() <= 1) return false;
    t.steps.erase(t.steps.begin() + step);
    renumberSteps(t);
    return true;
}

bool moveStep(Tour& t, int step, int delta) {
    const int to = step + delta;
    if (!validStep(t, step) || !validStep(t, to)) return false;
    std::swap(t.steps[static_cast<std::size_t>(step)], t.steps[static_cast<std::size_t>(to)]);
    renumberSteps(t);
    return true;
}

bool setStepCamera(Tour& t, int step, const eng::CameraPose& pose) {
    if (!validStep(t, step)) return false;
    TourCamera& c = t.steps[static_cast<std::size_t>(step)].camera;
    c.preset.clear();
    c.keyframes = {TourKeyframe{0.0, pose}};
    return true;
}

bool addKeyframe(Tour& t, int step, double inDwell, const eng::CameraPose& pose) {
    if (!validStep(t, step) || !(inDwell >= 0.0) || !std::isfinite(inDwell)) return false;
    TourStep& st = t.steps[static_cast<std::size_t>(step)];
    st.camera.preset.clear();
    auto& k = st.camera.keyframes;
    for (TourKeyframe& f : k)
        if (std::abs(f.t - inDwell) < 0.05) {
            f.pose = pose;
            return true;
        }
    k.push_back(TourKeyframe{inDwell, pose});
    std::sort(k.begin(), k.end(), [](const TourKeyframe& a, const TourKeyframe& b) { return a.t < b.t; });
    if (k.front().t > 0.0) k.front().t = 0.0;  // the path starts where the fly ends
    st.dwellS = std::max(st.dwellS, k.back().t);
    return true;
}

std::string userTourFolder() {
    return (std::filesystem::path(xdgFolder("XDG_DATA_HOME", ".local/share")) / "almalyk" / "tours").string();
}

bool saveTour(const Tour& t, const std::string& path, std::string* why) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path dir = fs::path(path).parent_path();
    if (!dir.empty()) fs::create_directories(dir, ec);
    if (ec) {
        if (why) *why = dir.string() + ": cannot create the folder (" + ec.message() + ")";
        return false;
    }
    return eng::writeFileAtomic(path, tourToJson(t), why);
}

bool drawTourEditor(TourEditorState& ed, TourPlayback& play, Session& s) {
    Tour& tour = play.editableTour();
    if (tour.steps.empty()) return false;
    if (ed.savePath.empty()) ed.savePath = userTourFolder() + "/" + (tour.name.empty() ? "my_tour" : tour.name) + ".json";
    ed.selected = std::clamp(ed.selected, 0, static_cast<int>(tour.steps.size()) - 1);
    bool changed = false;
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    eng::setNextWindowPos("Tour editor", vp->Pos.x + vp->Size.x - em * 0.8f, vp->Pos.y + em * 2.5f, ImGuiCond_FirstUseEver,
                         1.0f, 0.0f);
    ImGui::SetNextWindowSize(ImVec2(em * 30.0f, em * 36.0f), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin(eng::tr("Tour editor"), &ed.open)) {
        ImGui::End();
        return false;
    }
    const TourTimeline& tl = play.timeline();
    ImGui::Text(eng::trn("%s  -  %zu step, %s", "%s  -  %zu steps, %s", static_cast<long>(tour.steps.size())), tour.title.c_str(),
                tour.steps.size(), formatMinSec(tl.total).c_str());

    // ---- the steps ----
    ImGui::BeginChild("##steps", ImVec2(0, em * 10.0f), true);
    for (int i = 0; i < static_cast<int>(tour.steps.size()); ++i) {
        const TourStep& st = tour.steps[static_cast<std::size_t>(i)];
        const std::string label = std::to_string(i + 1) + ". " + (st.title.empty() ? st.scene : st.title) + "  (" +
                                  st.scene + ", " + formatMinSec(tl.stepDuration[static_cast<std::size_t>(i)]) + ")##" +
                                  std::to_string(i);
        if (ImGui::Selectable(label.c_str(), ed.selected == i)) {
            ed.selected = i;
            play.jump(s, tl.stepStart[static_cast<std::size_t>(i)]);
            play.playing = false;
        }
    }
    ImGui::EndChild();
    const int sel = ed.selected;
    auto apply = [&](bool ok) {
        if (ok) changed = true;
    };
    if (ImGui::Button(eng::tr("Add step here"))) {
        apply(insertStep(tour, sel, s.sceneName(), s.camera.pose()));
        ed.selected = sel + 1;
    }
    ImGui::SameLine();
    if (ImGui::Button(eng::tr("Up"))) {
        if (moveStep(tour, sel, -1)) { changed = true; ed.selected = sel - 1; }
    }
    ImGui::SameLine();
    if (ImGui::Button(eng::tr("Down"))) {
        if (moveStep(tour, sel, +1)) { changed = true; ed.selected = sel + 1; }
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(tour.steps.size() <= 1);
    if (ImGui::Button(eng::tr("Delete"))) apply(deleteStep(tour, sel));
    ImGui::EndDisabled();
    ed.selected = std::clamp(ed.selected, 0, static_cast<int>(tour.steps.size()) - 1);

    // ---- the selected step ----
    TourStep& st = tour.steps[static_cast<std::size_t>(ed.selected)];
    if (ed.bufferStep != ed.selected || changed) {
        copyTo(ed.captionBuf, sizeof ed.captionBuf, st.caption);
        copyTo(ed.titleBuf, sizeof ed.titleBuf, st.title);
        ed.bufferStep = ed.selected;
    }
    ImGui::Separator();
    ImGui::Text(eng::tr("Step %d: scene %s"), ed.selected + 1, st.scene.c_str());
    if (ImGui::InputText("Title", ed.titleBuf, sizeof ed.titleBuf)) st.title = ed.titleBuf;
    double dwell = st.dwellS, fly = st.flyS;
    const double dwellMin = 0.5, dwellMax = 600.0, flyMin = 0.0, flyMax = 60.0;
    if (ImGui::SliderScalar("Dwell (s)", ImGuiDataType_Double, &dwell, &dwellMin, &dwellMax, "%.1f",
                            ImGuiSliderFlags_Logarithmic)) {
        const double lastKey = st.camera.keyframes.empty() ? 0.0 : st.camera.keyframes.back().t;
        st.dwellS = std::max(dwell, lastKey);
        changed = true;
    }
    if (ImGui::SliderScalar("Fly (s)", ImGuiDataType_Double, &fly, &flyMin, &flyMax, "%.1f")) {
        st.flyS = fly;
        changed = true;
    }
    ImGui::TextUnformatted(eng::tr("Caption (placeholders: {mine.ore_t_h:0}, {h2.photo_kg_h:1u}, {clock})"));
    if (ImGui::InputTextMultiline("##caption", ed.captionBuf, sizeof ed.captionBuf, ImVec2(-1, em * 4.0f))) {
        std::string why;
        if (checkCaption(ed.captionBuf, &why)) {
            st.caption = ed.captionBuf;
            ed.message.clear();
        } else {
            ed.message = why;
            ed.messageIsError = true;
        }
    }
    if (!st.caption.empty()) {
        ImGui::TextDisabled("%s", eng::tr("Shows:"));
        ImGui::SameLine();
        ImGui::TextWrapped("%s", formatCaption(st.caption, s.world->state(), s.world->now(), play.numbers).c_str());
    }
    const std::size_t keyframes = st.camera.keyframes.size();
    const std::string how = st.camera.preset.empty() ? std::string(eng::tr("keyframed"))
                                                     : eng::formatf(eng::tr("preset %s"), st.camera.preset.c_str());
    ImGui::Text(eng::trn("Camera: %s, %zu keyframe", "Camera: %s, %zu keyframes", static_cast<long>(keyframes)), how.c_str(), keyframes);
    if (ImGui::Button(eng::tr("Set camera to this view"))) apply(setStepCamera(tour, ed.selected, s.camera.pose()));
    ImGui::SameLine();
    const bool inThisStep = play.cursor().step == ed.selected && !play.cursor().flying;
    const double at = inThisStep ? play.cursor().inStep - st.flyS : st.dwellS;
    const std::string addLabel = "Add keyframe at " + formatMinSec(at) + "." +
                                 std::to_string(static_cast<int>(std::fmod(std::max(at, 0.0), 1.0) * 10.0));
    if (ImGui::Button(addLabel.c_str())) apply(addKeyframe(tour, ed.selected, std::max(at, 0.0), s.camera.pose()));
    if (ImGui::Button(eng::tr("Preview step"))) {
        play.jump(s, tl.stepStart[static_cast<std::size_t>(ed.selected)]);
        play.playing = true;
    }

    // ---- save ----
    ImGui::Separator();
    copyTo(ed.pathBuf, sizeof ed.pathBuf, ed.savePath);
    if (ImGui::InputText("File", ed.pathBuf, sizeof ed.pathBuf)) ed.savePath = ed.pathBuf;
    if (ImGui::Button(eng::tr("Save"))) {
        std::string why;
        if (saveTour(tour, ed.savePath, &why)) {
            ed.message = "Saved " + ed.savePath;
            ed.messageIsError = false;
        } else {
            ed.message = "Not saved: " + why;
            ed.messageIsError = true;
        }
    }
    if (!ed.message.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        if (ed.messageIsError)
            ImGui::TextColored(ImVec4(1.0f, 0.5f, 0.4f, 1.0f), "%s", ed.message.c_str());
        else
            ImGui::TextColored(ImVec4(0.6f, 0.9f, 0.6f, 1.0f), "%s", ed.message.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
    if (changed) {
        play.retime(s);
        play.seek(s, play.timeline().stepStart[static_cast<std::size_t>(ed.selected)]);
    }
    return changed;
}

}  // namespace app
