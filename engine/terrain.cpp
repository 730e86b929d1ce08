#include "engine/terrain.h"

#include <algorithm>
#include <cmath>

namespace eng {

bool Terrain::build(Renderer& r, const TerrainDesc& d, std::string* why) {
    const int cells = d.samples - 1;
    if (d.samples < 3 || (cells & (cells - 1)) != 0) {
        if (why) *why = "terrain: samples must be 2^k+1 (e.g. 513), got " + std::to_string(d.samples);
        return false;
    }
    if (d.heights.size() != static_cast<std::size_t>(d.samples) * d.samples) {
        if (why) *why = "terrain: expected " + std::to_string(d.samples * d.samples) + " heights, got " + std::to_string(d.heights.size());
        return false;
    }
    if (d.chunkCells < 8 || cells % d.chunkCells != 0) {
        if (why) *why = "terrain: chunkCells must divide " + std::to_string(cells) + " and be >= 8";
        return false;
    }
    m_n = d.samples;
    m_size = d.size;
    m_cell = d.size / static_cast<float>(cells);
    m_h = d.heights;
    m_chunkCells = d.chunkCells;
    m_skirt = d.skirtDepth;
    m_tex = d.colorMap;
    auto [lo, hi] = std::minmax_element(m_h.begin(), m_h.end());
    m_minH = *lo;
    m_maxH = *hi;
    const int nc = cells / d.chunkCells;
    const float chunkSize = m_cell * static_cast<float>(d.chunkCells), half = m_size * 0.5f;
    m_chunks.clear();
    m_insetChunks = 0;
    for (int cz = 0; cz < nc; ++cz)
        for (int cx = 0; cx < nc; ++cx) {
            Chunk c;
            const glm::vec2 lo(static_cast<float>(cx) * chunkSize - half, static_cast<float>(cz) * chunkSize - half);
            const glm::vec2 hi = lo + glm::vec2(chunkSize);
            const float slack = m_cell * 0.01f;
            TextureId tex = m_tex;
            glm::vec2 uvMin(-half), uvSpan(m_size);
            for (const TerrainInset& in : d.insets)
                if (in.colorMap.valid() && lo.x >= in.min.x - slack && lo.y >= in.min.y - slack && hi.x <= in.max.x + slack &&
                    hi.y <= in.max.y + slack && in.max.x > in.min.x && in.max.y > in.min.y) {
                    tex = in.colorMap;
                    uvMin = in.min;
                    uvSpan = in.max - in.min;
                    c.inset = true;
                    ++m_insetChunks;
                    break;
                }
            for (int l = 0; l < 4; ++l) {
                MeshData md = buildChunk(cx, cz, 1 << l, uvMin, uvSpan);
                c.lod[l] = r.createMesh(md, d.label + " chunk");
                if (tex.valid()) r.setMeshTexture(c.lod[l], tex);
                if (l == 0) {
                    c.bmin = md.boundsMin;
                    c.bmax = md.boundsMax;
                }
            }
            c.center = (c.bmin + c.bmax) * 0.5f;
            m_chunks.push_back(c);
        }
    return true;
}

MeshData Terrain::buildChunk(int cx, int cz, int step, glm::vec2 uvMin, glm::vec2 uvSpan) const {
    SubMesh s;
    const int n = m_chunkCells / step + 1;
    const int x0 = cx * m_chunkCells, z0 = cz * m_chunkCells;
    const float half = m_size * 0.5f;
    auto h = [&](int x, int z) { return m_h[static_cast<std::size_t>(std::clamp(z, 0, m_n - 1)) * m_n + std::clamp(x, 0, m_n - 1)]; };
    auto vert = [&](int gx, int gz, float drop) {
        // Normals from central differences at this LOD's spacing keep coarse chunks shaded like fine ones.
        const float dx = h(gx + step, gz) - h(gx - step, gz), dz = h(gx, gz + step) - h(gx, gz - step);
        const glm::vec3 nrm = glm::normalize(glm::vec3(-dx, 2.0f * m_cell * step, -dz));
        const glm::vec2 xz(static_cast<float>(gx) * m_cell - half, static_cast<float>(gz) * m_cell - half);
        return Vertex{{xz.x, h(gx, gz) - drop, xz.y}, nrm, (xz - uvMin) / uvSpan};
    };
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) s.vertices.push_back(vert(x0 + i * step, z0 + j * step, 0.0f));
    for (int j = 0; j + 1 < n; ++j)
        for (int i = 0; i + 1 < n; ++i) {
            const std::uint32_t a = j * n + i, b = a + 1, c = a + n, e = c + 1;
            for (std::uint32_t k : {a, c, b, b, c, e}) s.indices.push_back(k);
        }
    // Skirts: a strip hanging down along each edge hides cracks between neighbouring LODs.
    auto skirt = [&](int gx0, int gz0, int dxs, int dzs, bool flip) {
        for (int k = 0; k + 1 < n; ++k) {
            const int ax = gx0 + dxs * k * step, az = gz0 + dzs * k * step;
            const int bx = ax + dxs * step, bz = az + dzs * step;
            const auto base = static_cast<std::uint32_t>(s.vertices.size());
            s.vertices.push_back(vert(ax, az, 0.0f));
            s.vertices.push_back(vert(bx, bz, 0.0f));
            s.vertices.push_back(vert(ax, az, m_skirt));
            s.vertices.push_back(vert(bx, bz, m_skirt));
            if (flip) for (std::uint32_t q : {0u, 1u, 2u, 1u, 3u, 2u}) s.indices.push_back(base + q);
            else for (std::uint32_t q : {0u, 2u, 1u, 1u, 2u, 3u}) s.indices.push_back(base + q);
        }
    };
    const int e = m_chunkCells;
    skirt(x0, z0, 1, 0, true);
    skirt(x0, z0 + e, 1, 0, false);
    skirt(x0, z0, 0, 1, false);
    skirt(x0 + e, z0, 0, 1, true);
    MeshData md;
    md.parts.push_back(std::move(s));
    Material m;
    m.baseColor = glm::vec4(1.0f);
    m.roughness = 0.95f;
    md.materials.push_back(m);
    md.computeBounds();
    return md;
}

void Terrain::draw(Renderer& r, const OrbitCamera& cam, float aspect) const {
    const glm::mat4 vp = cam.projection(aspect) * cam.view();
    // Frustum planes (Gribb-Hartmann) for chunk culling.
    glm::vec4 planes[6];
    for (int i = 0; i < 3; ++i) {
        planes[2 * i] = glm::vec4(vp[0][3] + vp[0][i], vp[1][3] + vp[1][i], vp[2][3] + vp[2][i], vp[3][3] + vp[3][i]);
        planes[2 * i + 1] = glm::vec4(vp[0][3] - vp[0][i], vp[1][3] - vp[1][i], vp[2][3] - vp[2][i], vp[3][3] - vp[3][i]);
    }
    const glm::vec3 eye = cam.position();
    const float chunkSize = m_cell * m_chunkCells;
    const float bias = r.quality().lodBias;
    const glm::mat4 id(1.0f);
    for (const Chunk& c : m_chunks) {
        // The shadow proxy is the 1/2 resolution level everywhere: independent of the camera, so the cached
        // shadow map stays valid while the view moves.
        r.draw(c.lod[c.inset ? 0 : 1], id, glm::vec4(1.0f), glm::vec3(0.0f), DrawFlags{.castShadow = true, .mainPass = false});
        bool inside = true;
        for (const glm::vec4& p : planes) {
            const glm::vec3 n(p);
            const glm::vec3 far(n.x > 0 ? c.bmax.x : c.bmin.x, n.y > 0 ? c.bmax.y : c.bmin.y, n.z > 0 ? c.bmax.z : c.bmin.z);
            if (glm::dot(n, far) + p.w < 0.0f) { inside = false; break; }
        }
        if (!inside) continue;
        const glm::vec3 q = glm::clamp(eye, c.bmin, c.bmax);
        const float dist = glm::length(q - eye);
        // Inset chunks (where the detail matters) draw at full resolution at any distance, the level their shadow is
        // cast from: a coarser receiver on convex ground would fall below its caster and shadow itself in teeth.
        const int lod = c.inset ? 0 : std::clamp(static_cast<int>(std::floor(std::log2(std::max(dist / (chunkSize * bias), 1e-3f)) + 1.0f)), 0, 3);
        r.draw(c.lod[lod], id, glm::vec4(1.0f), m_glow, DrawFlags{.castShadow = false});
    }
}

float Terrain::heightAt(float x, float z) const {
    if (m_n == 0) return 0.0f;
    const float gx = std::clamp((x + m_size * 0.5f) / m_cell, 0.0f, float(m_n - 1) - 1e-3f);
    const float gz = std::clamp((z + m_size * 0.5f) / m_cell, 0.0f, float(m_n - 1) - 1e-3f);
    const int ix = static_cast<int>(gx), iz = static_cast<int>(gz);
    const float fx = gx - ix, fz = gz - iz;
    auto h = [&](int a, int b) { return m_h[static_cast<std::size_t>(b) * m_n + a]; };
    return glm::mix(glm::mix(h(ix, iz), h(ix + 1, iz), fx), glm::mix(h(ix, iz + 1), h(ix + 1, iz + 1), fx), fz);
}

glm::vec3 Terrain::normalAt(float x, float z) const {
    const float e = m_cell;
    return glm::normalize(glm::vec3(heightAt(x - e, z) - heightAt(x + e, z), 2.0f * e, heightAt(x, z - e) - heightAt(x, z + e)));
}

bool Terrain::raycast(const Ray& ray, glm::vec3& hit) const {
    if (m_n == 0) return false;
    // March in half-cell steps, then bisect the crossing.
    const float step = m_cell * 0.5f, maxT = m_size * 2.0f;
    float prevT = 0.0f;
    for (float t = 0.0f; t < maxT; t += step) {
        const glm::vec3 p = ray.origin + ray.dir * t;
        if (p.y < m_minH - 1.0f && ray.dir.y < 0.0f) break;
        if (p.y <= heightAt(p.x, p.z)) {
            float a = prevT, b = t;
            for (int i = 0; i < 20; ++i) {
                const float m = 0.5f * (a + b);
                const glm::vec3 q = ray.origin + ray.dir * m;
                (q.y <= heightAt(q.x, q.z) ? b : a) = m;
            }
            hit = ray.origin + ray.dir * b;
            return true;
        }
        prevT = t;
    }
    return false;
}

}  // namespace eng
