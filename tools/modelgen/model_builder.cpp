#include "tools/modelgen/model_builder.h"

#include <cmath>

namespace modelgen {
namespace {

constexpr float kPi = 3.14159265358979f;

float toLinear(float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); }

// Any unit vector perpendicular to d.
glm::vec3 perpendicular(glm::vec3 d) {
    const glm::vec3 helper = std::abs(d.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    return glm::normalize(glm::cross(helper, d));
}

}  // namespace

glm::vec3 srgb(float r, float g, float b) { return {toLinear(r), toLinear(g), toLinear(b)}; }

int ModelBuilder::material(const std::string& name, glm::vec3 linearColor, float roughness, float metallic, glm::vec3 emissive) {
    m_materials.push_back(eng::Material{.name = name, .baseColor = glm::vec4(linearColor, 1.0f), .emissive = emissive,
                                        .roughness = roughness, .metallic = metallic});
    return static_cast<int>(m_materials.size()) - 1;
}

eng::SubMesh& ModelBuilder::target() {
    for (eng::SubMesh& s : m_parts)
        if (s.name == m_part && s.material == m_material) return s;
    eng::SubMesh& s = m_parts.emplace_back();
    s.material = m_material;
    s.name = m_part;
    return s;
}

void ModelBuilder::flatPolygon(const std::vector<glm::vec3>& ccw) {
    eng::SubMesh& s = target();
    std::vector<glm::vec3> p;
    for (const glm::vec3& v : ccw) p.push_back(glm::vec3(m_xf * glm::vec4(v, 1.0f)));
    glm::vec3 n(0.0f);  // Newell's method: robust for any planar polygon
    for (std::size_t i = 0; i < p.size(); ++i) {
        const glm::vec3& a = p[i];
        const glm::vec3& b = p[(i + 1) % p.size()];
        n += glm::vec3((a.y - b.y) * (a.z + b.z), (a.z - b.z) * (a.x + b.x), (a.x - b.x) * (a.y + b.y));
    }
    if (glm::length(n) < 1e-12f) return;
    n = glm::normalize(n);
    const auto base = static_cast<std::uint32_t>(s.vertices.size());
    for (const glm::vec3& v : p) s.vertices.push_back(eng::Vertex{.position = v, .normal = n});
    for (std::uint32_t i = 1; i + 1 < p.size(); ++i) s.indices.insert(s.indices.end(), {base, base + i, base + i + 1});
}

void ModelBuilder::quad(glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d) { flatPolygon({a, b, c, d}); }

void ModelBuilder::prism(const std::vector<glm::vec3>& bottom, glm::vec3 extrude) {
    // Orient the bottom so its normal points against the extrusion; then all faces wind outwards.
    std::vector<glm::vec3> b = bottom;
    glm::vec3 n(0.0f);
    for (std::size_t i = 0; i < b.size(); ++i) n += glm::cross(b[i], b[(i + 1) % b.size()]);
    if (glm::dot(n, extrude) > 0.0f) b.assign(bottom.rbegin(), bottom.rend());
    std::vector<glm::vec3> top;
    for (auto it = b.rbegin(); it != b.rend(); ++it) top.push_back(*it + extrude);
    flatPolygon(b);
    flatPolygon(top);
    for (std::size_t i = 0; i < b.size(); ++i) {
        const glm::vec3 p0 = b[i], p1 = b[(i + 1) % b.size()];
        flatPolygon({p1, p0, p0 + extrude, p1 + extrude});
    }
}

void ModelBuilder::box(glm::vec3 lo, glm::vec3 hi) {
    prism({{lo.x, lo.y, lo.z}, {hi.x, lo.y, lo.z}, {hi.x, lo.y, hi.z}, {lo.x, lo.y, hi.z}}, {0, hi.y - lo.y, 0});
}

void ModelBuilder::prismX(const std::vector<glm::vec2>& zy, float x0, float x1) {
    std::vector<glm::vec3> b;
    for (const glm::vec2& p : zy) b.push_back({x0, p.y, p.x});
    prism(b, {x1 - x0, 0, 0});
}

void ModelBuilder::prismZ(const std::vector<glm::vec2>& xy, float z0, float z1) {
    std::vector<glm::vec3> b;
    for (const glm::vec2& p : xy) b.push_back({p.x, p.y, z0});
    prism(b, {0, 0, z1 - z0});
}

void ModelBuilder::beam(glm::vec3 a, glm::vec3 b, float w, float h, glm::vec3 up) {
    const glm::vec3 d = b - a;
    if (glm::length(d) < 1e-6f) return;
    const glm::vec3 dir = glm::normalize(d);
    glm::vec3 side = glm::cross(dir, up);
    side = glm::length(side) < 1e-4f ? perpendicular(dir) : glm::normalize(side);
    const glm::vec3 u = glm::normalize(glm::cross(side, dir));
    const glm::vec3 s = side * (w * 0.5f), t = u * (h * 0.5f);
    prism({a - s - t, a + s - t, a + s + t, a - s + t}, d);
}

void ModelBuilder::cylinder(glm::vec3 a, glm::vec3 b, float r0, float r1, int segments, bool caps) {
    const glm::vec3 d = b - a;
    const float len = glm::length(d);
    if (len < 1e-6f) return;
    const glm::vec3 axis = d / len;
    const glm::vec3 e1 = perpendicular(axis), e2 = glm::cross(axis, e1);
    const float slope = (r0 - r1) / len;  // tilts the side normals of a frustum
    eng::SubMesh& s = target();
    const glm::mat3 nx = glm::transpose(glm::inverse(glm::mat3(m_xf)));
    const auto base = static_cast<std::uint32_t>(s.vertices.size());
    for (int i = 0; i <= segments; ++i) {
        const float ang = 2.0f * kPi * float(i % segments) / float(segments);
        const glm::vec3 radial = std::cos(ang) * e1 + std::sin(ang) * e2;
        const glm::vec3 n = glm::normalize(nx * glm::normalize(radial + axis * slope));
        s.vertices.push_back(eng::Vertex{.position = glm::vec3(m_xf * glm::vec4(a + radial * r0, 1.0f)), .normal = n});
        s.vertices.push_back(eng::Vertex{.position = glm::vec3(m_xf * glm::vec4(b + radial * r1, 1.0f)), .normal = n});
    }
    for (int i = 0; i < segments; ++i) {
        const std::uint32_t k = base + 2 * static_cast<std::uint32_t>(i);
        s.indices.insert(s.indices.end(), {k, k + 2, k + 3, k, k + 3, k + 1});
    }
    if (!caps) return;
    std::vector<glm::vec3> capA, capB;
    for (int i = 0; i < segments; ++i) {
        const float ang = 2.0f * kPi * float(i) / float(segments);
        const glm::vec3 radial = std::cos(ang) * e1 + std::sin(ang) * e2;
        capA.push_back(a + radial * r0);
        capB.push_back(b + radial * r1);
    }
    if (r0 > 1e-5f) flatPolygon(std::vector<glm::vec3>(capA.rbegin(), capA.rend()));
    if (r1 > 1e-5f) flatPolygon(capB);
}

void ModelBuilder::ellipsoid(glm::vec3 c, glm::vec3 radii, int segments, int rings, float lat0, float lat1) {
    eng::SubMesh& s = target();
    const glm::mat3 nx = glm::transpose(glm::inverse(glm::mat3(m_xf)));
    const auto base = static_cast<std::uint32_t>(s.vertices.size());
    for (int r = 0; r <= rings; ++r) {
        const float lat = glm::radians(lat0 + (lat1 - lat0) * float(r) / float(rings));
        for (int i = 0; i <= segments; ++i) {
            const float lon = 2.0f * kPi * float(i % segments) / float(segments);
            const glm::vec3 unit(std::cos(lat) * std::cos(lon), std::sin(lat), std::cos(lat) * std::sin(lon));
            const glm::vec3 n = glm::normalize(nx * (unit / radii));
            s.vertices.push_back(eng::Vertex{.position = glm::vec3(m_xf * glm::vec4(c + unit * radii, 1.0f)), .normal = n});
        }
    }
    const auto row = static_cast<std::uint32_t>(segments + 1);
    for (int r = 0; r < rings; ++r) {
        for (int i = 0; i < segments; ++i) {
            const std::uint32_t k = base + static_cast<std::uint32_t>(r) * row + static_cast<std::uint32_t>(i);
            // At a pole a ring collapses to one point; its sliver triangles would have no reliable facing.
            if (!(r + 1 == rings && lat1 >= 90.0f)) s.indices.insert(s.indices.end(), {k, k + row, k + row + 1});
            if (!(r == 0 && lat0 <= -90.0f)) s.indices.insert(s.indices.end(), {k, k + row + 1, k + 1});
        }
    }
}

eng::MeshData ModelBuilder::build() const {
    // Only the materials some part uses go into the file, renumbered in first-use order.
    eng::MeshData m;
    std::vector<int> remap(m_materials.size(), -1);
    for (const eng::SubMesh& s : m_parts) {
        if (s.indices.empty()) continue;
        int& id = remap[static_cast<std::size_t>(s.material)];
        if (id < 0) {
            id = static_cast<int>(m.materials.size());
            m.materials.push_back(m_materials[static_cast<std::size_t>(s.material)]);
        }
        m.parts.push_back(s);
        m.parts.back().material = id;
    }
    m.computeBounds();
    return m;
}

}  // namespace modelgen
