#include "engine/procedural.h"

#include <cmath>

namespace eng {

namespace {
constexpr float kTau = 6.28318530718f;

MeshData single(SubMesh part, const Material& m) {
    MeshData d;
    d.parts.push_back(std::move(part));
    d.materials.push_back(m);
    d.computeBounds();
    return d;
}

void addQuad(SubMesh& s, glm::vec3 o, glm::vec3 u, glm::vec3 v, glm::vec3 n) {
    const auto base = static_cast<std::uint32_t>(s.vertices.size());
    s.vertices.push_back({o, n, {0, 0}});
    s.vertices.push_back({o + u, n, {1, 0}});
    s.vertices.push_back({o + u + v, n, {1, 1}});
    s.vertices.push_back({o + v, n, {0, 1}});
    for (std::uint32_t i : {0u, 1u, 2u, 0u, 2u, 3u}) s.indices.push_back(base + i);
}
}  // namespace

MeshData makeBox(glm::vec3 s, const Material& m) {
    SubMesh p;
    const float x = s.x * 0.5f, z = s.z * 0.5f, h = s.y;
    addQuad(p, {-x, 0, z}, {2 * x, 0, 0}, {0, h, 0}, {0, 0, 1});     // +Z
    addQuad(p, {x, 0, -z}, {-2 * x, 0, 0}, {0, h, 0}, {0, 0, -1});   // -Z
    addQuad(p, {x, 0, z}, {0, 0, -2 * z}, {0, h, 0}, {1, 0, 0});     // +X
    addQuad(p, {-x, 0, -z}, {0, 0, 2 * z}, {0, h, 0}, {-1, 0, 0});   // -X
    addQuad(p, {-x, h, z}, {2 * x, 0, 0}, {0, 0, -2 * z}, {0, 1, 0}); // top
    addQuad(p, {-x, 0, -z}, {2 * x, 0, 0}, {0, 0, 2 * z}, {0, -1, 0}); // bottom
    return single(std::move(p), m);
}

static MeshData revolve(float r0, float r1, float h, int seg, bool capTop, const Material& m) {
    SubMesh p;
    seg = std::max(seg, 3);
    const float slope = (r0 - r1) / h;
    for (int i = 0; i <= seg; ++i) {
        const float a = kTau * i / seg, c = std::cos(a), s = std::sin(a);
        const glm::vec3 n = glm::normalize(glm::vec3(c, slope, s));
        p.vertices.push_back({{c * r0, 0, s * r0}, n, {float(i) / seg, 0}});
        p.vertices.push_back({{c * r1, h, s * r1}, n, {float(i) / seg, 1}});
    }
    for (int i = 0; i < seg; ++i) {
        const std::uint32_t a = 2 * i;
        for (std::uint32_t k : {a, a + 1, a + 3, a, a + 3, a + 2}) p.indices.push_back(k);
    }
    auto cap = [&](float y, float r, float ny) {
        const auto c = static_cast<std::uint32_t>(p.vertices.size());
        p.vertices.push_back({{0, y, 0}, {0, ny, 0}, {0.5f, 0.5f}});
        for (int i = 0; i <= seg; ++i) {
            const float a = kTau * i / seg;
            p.vertices.push_back({{std::cos(a) * r, y, std::sin(a) * r}, {0, ny, 0}, {0.5f + 0.5f * std::cos(a), 0.5f + 0.5f * std::sin(a)}});
        }
        for (int i = 0; i < seg; ++i) {
            if (ny > 0) { p.indices.push_back(c); p.indices.push_back(c + 2 + i); p.indices.push_back(c + 1 + i); }
            else { p.indices.push_back(c); p.indices.push_back(c + 1 + i); p.indices.push_back(c + 2 + i); }
        }
    };
    cap(0, r0, -1);
    if (capTop) cap(h, r1, 1);
    return single(std::move(p), m);
}

MeshData makeCylinder(float r, float h, int seg, const Material& m) { return revolve(r, r, h, seg, true, m); }
MeshData makeCone(float r, float h, int seg, const Material& m) { return revolve(r, 0.0f, h, seg, false, m); }

MeshData makeSphere(float r, int seg, const Material& m) {
    SubMesh p;
    seg = std::max(seg, 4);
    const int rings = seg / 2;
    for (int j = 0; j <= rings; ++j) {
        const float v = float(j) / rings, phi = v * kTau * 0.5f;
        for (int i = 0; i <= seg; ++i) {
            const float u = float(i) / seg, th = u * kTau;
            const glm::vec3 n(std::sin(phi) * std::cos(th), std::cos(phi), std::sin(phi) * std::sin(th));
            p.vertices.push_back({n * r, n, {u, v}});
        }
    }
    for (int j = 0; j < rings; ++j)
        for (int i = 0; i < seg; ++i) {
            const std::uint32_t a = j * (seg + 1) + i, b = a + seg + 1;
            for (std::uint32_t k : {a, a + 1, b, a + 1, b + 1, b}) p.indices.push_back(k);
        }
    return single(std::move(p), m);
}

MeshData makePlane(glm::vec2 s, const Material& m) {
    SubMesh p;
    addQuad(p, {-s.x * 0.5f, 0, s.y * 0.5f}, {s.x, 0, 0}, {0, 0, -s.y}, {0, 1, 0});
    return single(std::move(p), m);
}

MeshData makeGrid(float size, int n, const Material& m) {
    SubMesh p;
    for (int j = 0; j <= n; ++j)
        for (int i = 0; i <= n; ++i) {
            const float u = static_cast<float>(i) / static_cast<float>(n), v = static_cast<float>(j) / static_cast<float>(n);
            p.vertices.push_back({{(u - 0.5f) * size, 0.0f, (v - 0.5f) * size}, {0, 1, 0}, {u, v}});
        }
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            const auto a = static_cast<std::uint32_t>(j * (n + 1) + i), b = a + static_cast<std::uint32_t>(n + 1);
            for (std::uint32_t k : {a, b, a + 1, a + 1, b, b + 1}) p.indices.push_back(k);
        }
    return single(std::move(p), m);
}

void appendMesh(MeshData& dst, const MeshData& src, const glm::mat4& t) {
    const glm::mat3 nt = glm::transpose(glm::inverse(glm::mat3(t)));
    const int matBase = static_cast<int>(dst.materials.size());
    dst.materials.insert(dst.materials.end(), src.materials.begin(), src.materials.end());
    for (SubMesh part : src.parts) {
        for (Vertex& v : part.vertices) {
            v.position = glm::vec3(t * glm::vec4(v.position, 1.0f));
            v.normal = glm::normalize(nt * v.normal);
        }
        part.material += matBase;
        dst.parts.push_back(std::move(part));
    }
    dst.computeBounds();
}

}  // namespace eng
