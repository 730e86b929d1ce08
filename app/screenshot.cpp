#include "app/screenshot.h"

#include <filesystem>

#include "app/session.h"
#include "engine/gfx/context.h"

namespace app {

ScreenshotResult saveScreenshot(const eng::Image& img, const std::string& folder, const std::string& scene,
                                std::time_t now) {
    std::tm lt{};
    localtime_r(&now, &lt);
    ScreenshotResult r;
    const std::string name = eng::screenshotName(scene, lt.tm_year + 1900, lt.tm_mon + 1, lt.tm_mday, lt.tm_hour,
                                                 lt.tm_min, lt.tm_sec);
    r.file = folder.empty() || folder == "." ? name : (std::filesystem::path(folder) / name).string();
    std::string why;
    r.ok = eng::writePng(img, r.file, &why);
    r.notice = r.ok ? "Screenshot saved: " + r.file : "Screenshot failed: " + why;
    return r;
}

int checkPictureSize(Session& s, const RenderOptions& o) {
    const std::string size = std::to_string(o.width) + "x" + std::to_string(o.height);
    const int limit = eng::gfx::maxPictureSide();
    if (o.width > limit || o.height > limit)
        return s.fail(2, "--size " + size + ": larger than this GPU's limit of " + std::to_string(limit) +
                             " pixels a side (" + eng::gfx::rendererName() + "); give each side at most " +
                             std::to_string(limit));
    const glm::ivec2 fb = s.window->framebufferSize();
    if (fb.x != o.width || fb.y != o.height)
        return s.fail(1, "--size " + size + ": the display gave a " + std::to_string(fb.x) + "x" +
                             std::to_string(fb.y) + " picture instead");
    return 0;
}

}  // namespace app
