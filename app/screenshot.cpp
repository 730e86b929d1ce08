#include "app/screenshot.h"

#include <filesystem>

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

}  // namespace app
