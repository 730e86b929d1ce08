// app/screenshot.h — F12 (or View > Screenshot) in the window: the picture saved as
// almalyk-YYYY-MM-DD_HH-MM-SS-<scene>.png in a folder (the window uses the current one), and the line the window shows
// for it either way, so a failure's reason is on screen and not only in the log.
// Use: const ScreenshotResult r = saveScreenshot(renderer.readPixels(), ".", "pit", std::time(nullptr));
//      session.setNotice(r.notice, r.ok ? 4.0 : 12.0);
// Errors: ok false; notice "Screenshot failed: FOLDER/almalyk-...png: write failed: No space left on device". The PNG
//   is written atomically (engine/atomic_file.h): a failure leaves no partial file behind.
// checkPictureSize (shot, bench, video): after Session::open, 0 when the window's picture has the asked --size, else
//   the exit code after the message: 2 for a side past this GPU's limit (eng::gfx::maxPictureSide), 1 when the display
//   gave another size.
// Does NOT: print (the caller logs the notice), or pick a folder other than the one given.
#pragma once
#include <ctime>
#include <string>

#include "engine/image.h"

namespace app {

class Session;
struct RenderOptions;

struct ScreenshotResult {
    bool ok = false;
    std::string file;    // the path written (or tried)
    std::string notice;  // "Screenshot saved: FILE" or "Screenshot failed: <reason>"
};

// `now` is a wall-clock time, named in the local time zone (the file name is for the person who pressed F12).
ScreenshotResult saveScreenshot(const eng::Image& img, const std::string& folder, const std::string& scene,
                                std::time_t now);

int checkPictureSize(Session& s, const RenderOptions& o);

}  // namespace app
