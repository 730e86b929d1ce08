#include "tools/modelgen/preview.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

// Static so these symbols cannot clash with the engine's own stb implementation.
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace modelgen {
namespace {

constexpr int kTile = 400;

struct Canvas {
    int w, h;
    std::vector<unsigned char> rgb;
    std::vector<float> depth;
};

// Draws the mesh orthographically into one tile; `view` maps model space to (x right, y up, z towards the viewer).
void drawView(const eng::MeshData& m, const glm::mat3& view, int tileX, int tileY, Canvas& c) {
    glm::vec2 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());
    for (const eng::SubMesh& s : m.parts)
        for (const eng::Vertex& v : s.vertices) {
            const glm::vec3 p = view * v.position;
            lo = glm::min(lo, glm::vec2(p));
            hi = glm::max(hi, glm::vec2(p));
        }
    const glm::vec2 ext = hi - lo;
    const float scale = 0.9f * kTile / std::max({ext.x, ext.y, 1e-3f});
    const glm::vec2 centre = (lo + hi) * 0.5f;
    const glm::vec3 light = glm::normalize(glm::vec3(0.4f, 0.8f, 0.6f));
    // Ground line at y = 0 for views where up is up, so the pivot convention is visible.
    for (const eng::SubMesh& s : m.parts) {
        const glm::vec4 base = m.materials[static_cast<std::size_t>(s.material)].baseColor;
        const glm::vec3 emit = m.materials[static_cast<std::size_t>(s.material)].emissive;
        for (std::size_t t = 0; t + 2 < s.indices.size(); t += 3) {
            glm::vec3 p[3];
            glm::vec3 n(0.0f);
            for (int k = 0; k < 3; ++k) {
                const eng::Vertex& v = s.vertices[s.indices[t + k]];
                const glm::vec3 q = view * v.position;
                p[k] = glm::vec3((q.x - centre.x) * scale + tileX + kTile / 2.0f, (centre.y - q.y) * scale + tileY + kTile / 2.0f, q.z);
                n += view * v.normal;
            }
            const float shade = 0.35f + 0.65f * std::max(0.0f, glm::dot(glm::normalize(n), light));
            glm::vec3 col = glm::clamp(glm::vec3(base) * shade + emit * 0.2f, 0.0f, 1.0f);
            col = glm::pow(col, glm::vec3(1.0f / 2.2f));  // linear -> display
            const int x0 = std::max(tileX, (int)std::floor(std::min({p[0].x, p[1].x, p[2].x})));
            const int x1 = std::min(tileX + kTile - 1, (int)std::ceil(std::max({p[0].x, p[1].x, p[2].x})));
            const int y0 = std::max(tileY, (int)std::floor(std::min({p[0].y, p[1].y, p[2].y})));
            const int y1 = std::min(tileY + kTile - 1, (int)std::ceil(std::max({p[0].y, p[1].y, p[2].y})));
            const float area = (p[1].x - p[0].x) * (p[2].y - p[0].y) - (p[2].x - p[0].x) * (p[1].y - p[0].y);
            if (std::abs(area) < 1e-9f) continue;
            for (int y = y0; y <= y1; ++y)
                for (int x = x0; x <= x1; ++x) {
                    const float px = x + 0.5f, py = y + 0.5f;
                    const float w0 = ((p[1].x - px) * (p[2].y - py) - (p[2].x - px) * (p[1].y - py)) / area;
                    const float w1 = ((p[2].x - px) * (p[0].y - py) - (p[0].x - px) * (p[2].y - py)) / area;
                    const float w2 = 1.0f - w0 - w1;
                    if (w0 < 0 || w1 < 0 || w2 < 0) continue;
                    const float z = w0 * p[0].z + w1 * p[1].z + w2 * p[2].z;
                    const std::size_t i = static_cast<std::size_t>(y) * c.w + x;
                    if (z <= c.depth[i]) continue;
                    c.depth[i] = z;
                    for (int k = 0; k < 3; ++k) c.rgb[i * 3 + k] = static_cast<unsigned char>(col[k] * 255.0f + 0.5f);
                }
        }
    }
}

}  // namespace

bool writePreview(const eng::MeshData& mesh, const std::filesystem::path& png, std::string* err) {
    Canvas c{2 * kTile, 2 * kTile, {}, {}};
    c.rgb.assign(static_cast<std::size_t>(c.w) * c.h * 3, 235);
    c.depth.assign(static_cast<std::size_t>(c.w) * c.h, -std::numeric_limits<float>::max());
    // glm::mat3 takes columns; each view's rows are (screen right, screen up, towards viewer) in model space.
    const auto rows = [](glm::vec3 r, glm::vec3 u, glm::vec3 f) { return glm::transpose(glm::mat3(r, u, f)); };
    drawView(mesh, rows({0, 0, 1}, {0, 1, 0}, {-1, 0, 0}), 0, 0, c);           // side: seen from -X, front (+Z) to the right
    drawView(mesh, rows({1, 0, 0}, {0, 1, 0}, {0, 0, 1}), kTile, 0, c);       // front: seen from +Z
    drawView(mesh, rows({1, 0, 0}, {0, 0, -1}, {0, 1, 0}), 0, kTile, c);      // top: seen from above, front (+Z) at the bottom
    const glm::mat3 iso = glm::mat3(glm::rotate(glm::mat4(1.0f), glm::radians(25.0f), glm::vec3(1, 0, 0)) *
                                    glm::rotate(glm::mat4(1.0f), glm::radians(-40.0f), glm::vec3(0, 1, 0)));
    drawView(mesh, iso, kTile, kTile, c);                                      // three-quarter view from the front left
    for (int y = 0; y < c.h; ++y)
        for (int k = 0; k < 3; ++k) c.rgb[(static_cast<std::size_t>(y) * c.w + kTile) * 3 + k] = 120;
    for (int x = 0; x < c.w; ++x)
        for (int k = 0; k < 3; ++k) c.rgb[(static_cast<std::size_t>(kTile) * c.w + x) * 3 + k] = 120;
    if (!stbi_write_png(png.string().c_str(), c.w, c.h, 3, c.rgb.data(), c.w * 3)) {
        if (err) *err = png.string() + ": cannot write the preview PNG";
        return false;
    }
    return true;
}

}  // namespace modelgen
