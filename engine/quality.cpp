#include "engine/quality.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace eng {

bool isSoftwareRenderer(std::string_view glRenderer) {
    std::string s(glRenderer);
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char* k : {"llvmpipe", "softpipe", "swrast", "swiftshader", "software rasterizer"})
        if (s.find(k) != std::string::npos) return true;
    return false;
}

QualityLevel chooseQuality(std::string_view glRenderer) {
    return isSoftwareRenderer(glRenderer) ? QualityLevel::Low : QualityLevel::High;
}

QualitySettings qualitySettings(QualityLevel level) {
    if (level == QualityLevel::Low)
        return {.level = level, .renderScale = 0.5f, .shadowMapSize = 1024, .shadowTaps = 1, .lodBias = 0.7f,
                .particleBudget = 0.5f, .vertexLighting = true};
    return {.level = level, .renderScale = 1.0f, .shadowMapSize = 2048, .shadowTaps = 9, .lodBias = 1.5f,
            .particleBudget = 1.0f};
}

const char* qualityName(QualityLevel level) { return level == QualityLevel::Low ? "low" : "high"; }

}  // namespace eng
