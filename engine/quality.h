// engine/quality.h — the quality preset: Low for software rasterizers (Mesa llvmpipe/softpipe), High for GPUs.
// Use: QualitySettings q = qualitySettings(chooseQuality(glRendererString)); or force Low/High from --quality.
// Low renders at 0.5 scale and upsamples once (with the sky), lights per vertex, uses a 1024 shadow map with one
// hardware-filtered tap, coarser terrain LOD and fewer particles. High renders at full scale, 2048 shadow map, 9-tap filtered shadows.
// Does NOT: query OpenGL itself (the renderer passes GL_RENDERER in), so it is unit-testable.
#pragma once
#include <string_view>

namespace eng {

enum class QualityLevel { Low, High };

struct QualitySettings {
    QualityLevel level = QualityLevel::High;
    float renderScale = 1.0f;  // internal resolution / window resolution
    int shadowMapSize = 2048;
    int shadowTaps = 9;        // 1 = one bilinear compare; 9 = 3x3 bilinear compares
    float lodBias = 1.0f;      // > 1 keeps fine terrain LOD farther away
    float particleBudget = 1.0f;  // fraction of each emitter's rate actually spawned
    bool vertexLighting = false;  // light per vertex, shadow and texture per pixel (software rasterizers)
};

// True for renderer strings of software rasterizers ("llvmpipe (LLVM 15.0.6, 256 bits)", "softpipe", "SwiftShader").
bool isSoftwareRenderer(std::string_view glRenderer);
QualityLevel chooseQuality(std::string_view glRenderer);
QualitySettings qualitySettings(QualityLevel level);
const char* qualityName(QualityLevel level);  // "low" / "high"

}  // namespace eng
