#include "scenes/hydrogen/field_layout.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace scenes::h2 {

glm::ivec2 FieldLayout::blockCell(int block) {
    const int n = static_cast<int>(std::floor(std::sqrt(static_cast<double>(std::max(block, 0)))));
    const int j = block - n * n;
    return j < n ? glm::ivec2(n, j) : glm::ivec2(j - n, n);
}

namespace {
// (u, v) of a block's first corner.
glm::vec2 blockOrigin(const FieldLayout& f, int block) {
    const glm::ivec2 c = FieldLayout::blockCell(block);
    return {static_cast<float>(c.x) * (f.rowLength() + kRoadWidth), static_cast<float>(c.y) * (f.blockDepth() + kRoadWidth)};
}
}  // namespace

glm::vec3 FieldLayout::rowCentre(int row) const {
    const glm::vec2 o = blockOrigin(*this, row / kRowsPerBlock);
    const float slope = kModuleLength * std::cos(glm::radians(tiltDeg));
    const float u = o.x + 0.5f * rowLength();
    const float v = o.y + static_cast<float>(row % kRowsPerBlock) * rowPitch + 0.5f * slope;
    const float y = kLowEdgeHeight + 0.5f * kModuleLength * std::sin(glm::radians(tiltDeg));
    return uDir * u + vDir * v + glm::vec3(0, y, 0);
}

glm::vec3 FieldLayout::moduleCentre(int module) const {
    const int row = module / kModulesPerRow, k = module % kModulesPerRow;
    const float along = (static_cast<float>(k) + 0.5f) * (kModuleWidth + kModuleGap) - 0.5f * rowLength();
    return rowCentre(row) + uDir * along;
}

int FieldLayout::rowModules(int row) const {
    return std::clamp(modules - row * kModulesPerRow, 0, kModulesPerRow);
}

glm::mat4 FieldLayout::rowMatrix(int row) const {
    glm::mat4 m = glm::translate(glm::mat4(1.0f), rowCentre(row));
    m = glm::rotate(m, glm::radians(180.0f - azimuthDeg), glm::vec3(0, 1, 0));
    m = glm::rotate(m, glm::radians(tiltDeg), glm::vec3(1, 0, 0));
    return glm::translate(m, glm::vec3(0, -0.5f * kModuleThickness, 0));
}

glm::mat4 FieldLayout::moduleMatrix(int module) const {
    glm::mat4 m = rowMatrix(module / kModulesPerRow);
    const glm::vec3 shift = moduleCentre(module) - rowCentre(module / kModulesPerRow);
    m[3] += glm::vec4(shift, 0.0f);
    return m;
}

glm::vec3 FieldLayout::glassNormal() const {
    const float t = glm::radians(tiltDeg);
    return glm::normalize(facing * std::sin(t) + glm::vec3(0, std::cos(t), 0));
}

glm::vec2 FieldLayout::boundsMin() const {
    glm::vec2 lo(0.0f);
    for (int b = 0; b < std::max(blocks, 1); ++b) {
        const glm::vec2 o = blockOrigin(*this, b);
        for (const glm::vec2 c : {o, o + glm::vec2(rowLength(), 0), o + glm::vec2(0, blockDepth()),
                                  o + glm::vec2(rowLength(), blockDepth())}) {
            const glm::vec3 p = uDir * c.x + vDir * c.y;
            lo = glm::min(lo, glm::vec2(p.x, p.z));
        }
    }
    return lo;
}

glm::vec2 FieldLayout::boundsMax() const {
    glm::vec2 hi(0.0f);
    for (int b = 0; b < std::max(blocks, 1); ++b) {
        const glm::vec2 o = blockOrigin(*this, b);
        for (const glm::vec2 c : {o, o + glm::vec2(rowLength(), 0), o + glm::vec2(0, blockDepth()),
                                  o + glm::vec2(rowLength(), blockDepth())}) {
            const glm::vec3 p = uDir * c.x + vDir * c.y;
            hi = glm::max(hi, glm::vec2(p.x, p.z));
        }
    }
    return hi;
}

FieldLayout makeFieldLayout(double area_m2, double tiltDeg, double azimuthDeg, double groundCoverRatio) {
    FieldLayout f;
    const double a = std::isfinite(area_m2) ? std::max(area_m2, 0.0) : 0.0;
    f.modules = static_cast<int>(std::min<double>(std::floor(a / kModuleArea + 1e-9), kMaxDrawnModules));
    f.rows = (f.modules + kModulesPerRow - 1) / kModulesPerRow;
    f.blocks = (f.rows + kRowsPerBlock - 1) / kRowsPerBlock;
    f.tiltDeg = static_cast<float>(std::clamp(std::isfinite(tiltDeg) ? tiltDeg : 30.0, 0.0, 90.0));
    f.azimuthDeg = static_cast<float>(std::isfinite(azimuthDeg) ? azimuthDeg : 180.0);
    const double gcr = std::clamp(std::isfinite(groundCoverRatio) ? groundCoverRatio : 0.5, 0.05, 1.0);
    // Ground cover ratio = panel length / row pitch; a pitch shorter than the tray's footprint would overlap rows.
    const float footprint = kModuleLength * std::cos(glm::radians(f.tiltDeg)) + 0.3f;
    f.rowPitch = std::max(static_cast<float>(kModuleLength / gcr), footprint);
    const float az = glm::radians(f.azimuthDeg);
    f.facing = glm::vec3(std::sin(az), 0.0f, -std::cos(az));
    const glm::vec3 row(-f.facing.z, 0.0f, f.facing.x);  // perpendicular to the facing direction
    // Both axes point away from the plant (east of the anchor): westward, then southward as the tie-break.
    auto away = [](glm::vec3 d) { return (d.x < -1e-4f || (std::abs(d.x) <= 1e-4f && d.z > 0.0f)) ? d : -d; };
    f.uDir = away(row);
    f.vDir = away(f.facing);
    return f;
}

}  // namespace scenes::h2
