// app/tour_editor.h — the tour editor in the window (Tour > Editor, or E while a tour plays): AMMC's staff make their
// own tours. The steps as a list (select, move up/down, delete, add a step at the current scene and camera); for the
// selected step its title, dwell and fly times, caption (with a live preview of its values), and its camera:
// "Set camera" (the current view becomes its only keyframe) or "Add keyframe" (the current view at the current
// time in the step, so a camera path is made by flying the camera and pressing the button); "Preview" plays the
// step; "Save" writes the tour file (atomically, beside nothing it read) as JSON the parser reads back.
// The pure edits are free functions, unit tested without a window; drawTourEditor() is the ImGui panel over them.
// Use: TourEditorState ed; ... if (ed.open) drawTourEditor(ed, playback, session);
// Errors: a failed save shows its reason in the panel ("No space left on device"); the tour stays in memory.
// Does NOT: play the tour (app/tour_player.h does; the editor calls retime/seek on it).
#pragma once
#include <string>

#include "app/tour.h"

namespace app {

class Session;
class TourPlayback;

// ---- edits on a tour (indices out of range: false, nothing changed) ----
// A new step after `after` (-1: at the start) showing `scene` from `pose`, 8 s dwell, 2.5 s fly.
bool insertStep(Tour& t, int after, const std::string& scene, const eng::CameraPose& pose);
bool deleteStep(Tour& t, int step);            // the last step cannot be deleted (a tour has one at least)
bool moveStep(Tour& t, int step, int delta);   // -1 up, +1 down
// The current view as the step's only keyframe (a preset camera becomes a keyframed one).
bool setStepCamera(Tour& t, int step, const eng::CameraPose& pose);
// Adds (or replaces, within 0.05 s) a keyframe at `inDwell` seconds after the fly; the dwell grows to reach it.
bool addKeyframe(Tour& t, int step, double inDwell, const eng::CameraPose& pose);
// Renumbers the steps' paths ("steps[3]") after an edit, so messages name the right step.
void renumberSteps(Tour& t);

// Where the editor saves by default: $XDG_DATA_HOME/almalyk/tours/NAME.json (~/.local/share/almalyk/tours/), the
// folder the tour list also reads, so a saved tour shows in the Tour menu and `almalyk tours`.
std::string userTourFolder();
// An XDG base folder: $VAR when it is absolute (the spec ignores a relative one), else $HOME/<fallback>
// ("XDG_STATE_HOME", ".local/state"). userTourFolder and the kiosk's log use it.
std::string xdgFolder(const char* var, const char* homeFallback);
// "m:ss" for the player's and the editor's times.
std::string formatMinSec(double seconds);
// Writes tourToJson(t) to path atomically (temp file, flush, rename); false with the OS reason.
bool saveTour(const Tour& t, const std::string& path, std::string* why);

struct TourEditorState {
    bool open = false;
    int selected = 0;
    std::string savePath;      // default: userTourFolder()/<tour name>.json
    std::string message;       // the last save's result
    bool messageIsError = false;
    char captionBuf[1024] = {};
    char titleBuf[256] = {};
    char pathBuf[1024] = {};
    int bufferStep = -1;       // which step the buffers hold
};

// The panel. Returns true when the tour changed (the caller's playback has been retimed already).
bool drawTourEditor(TourEditorState& ed, TourPlayback& play, Session& s);

}  // namespace app
