#include "engine/model/model_library.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "engine/model/model_loader.h"

namespace eng {
namespace {

// Unknown roles have no nominal size; a 2 m cube is big enough to notice in any scene.
constexpr glm::vec3 kUnknownRoleSize{2.0f};

// One face of the box, split into cells alternating between the two parts.
void addCheckerFace(glm::vec3 origin, glm::vec3 du, glm::vec3 dv, glm::vec3 normal, SubMesh (&parts)[2]) {
    const int nu = std::clamp(static_cast<int>(std::lround(glm::length(du))), 1, 24);
    const int nv = std::clamp(static_cast<int>(std::lround(glm::length(dv))), 1, 24);
    for (int i = 0; i < nu; ++i) {
        for (int j = 0; j < nv; ++j) {
            SubMesh& p = parts[(i + j) & 1];
            const auto base = static_cast<std::uint32_t>(p.vertices.size());
            const float u0 = float(i) / nu, u1 = float(i + 1) / nu, v0 = float(j) / nv, v1 = float(j + 1) / nv;
            for (const glm::vec2 uv : {glm::vec2(u0, v0), glm::vec2(u1, v0), glm::vec2(u1, v1), glm::vec2(u0, v1)})
                p.vertices.push_back(Vertex{origin + du * uv.x + dv * uv.y, normal, uv});
            for (const std::uint32_t k : {0u, 1u, 2u, 0u, 2u, 3u}) p.indices.push_back(base + k);
        }
    }
}

// ALMALYK_LOG_MODELS=1: every role a scene asks for, once, on stderr (tests/render/test_assets.cpp checks that
// every manifest role is drawn by some scene). Read once: the environment does not change while we run.
bool logRoles() {
    static const bool on = [] {
        const char* v = std::getenv("ALMALYK_LOG_MODELS");
        return v && *v && std::string_view(v) != "0";
    }();
    return on;
}

}  // namespace

MeshData fallbackMesh(glm::vec3 size) {
    size = glm::max(size, glm::vec3(0.1f));
    MeshData m;
    // Not emissive: an emissive material marks a glowing part (molten metal) that scenes drive themselves (the
    // smelter re-colours it by temperature), which turned the checker into a yellow-hot box there.
    m.materials = {Material{.name = "fallback_magenta", .baseColor = {1.0f, 0.0f, 1.0f, 1.0f}, .roughness = 0.6f},
                   Material{.name = "fallback_black", .baseColor = {0.02f, 0.02f, 0.02f, 1.0f}, .roughness = 0.6f}};
    SubMesh parts[2];
    parts[0].material = 0;
    parts[1].material = 1;
    const glm::vec3 lo(-size.x / 2, 0.0f, -size.z / 2), hi(size.x / 2, size.y, size.z / 2);
    const glm::vec3 ex(size.x, 0, 0), ey(0, size.y, 0), ez(0, 0, size.z);
    // Each face's (du x dv) points outwards, so triangles wind counter-clockwise seen from outside.
    addCheckerFace(lo, ey, ex, {0, 0, -1}, parts);                       // back (-Z)
    addCheckerFace({lo.x, lo.y, hi.z}, ex, ey, {0, 0, 1}, parts);        // front (+Z)
    addCheckerFace(lo, ez, ey, {-1, 0, 0}, parts);                       // left (-X)
    addCheckerFace({hi.x, lo.y, lo.z}, ey, ez, {1, 0, 0}, parts);        // right (+X)
    addCheckerFace(lo, ex, ez, {0, -1, 0}, parts);                       // bottom
    addCheckerFace({lo.x, hi.y, lo.z}, ez, ex, {0, 1, 0}, parts);        // top
    for (SubMesh& p : parts) {
        p.name = "fallback";
        if (!p.indices.empty()) m.parts.push_back(std::move(p));
    }
    m.computeBounds();
    return m;
}

ModelLibrary::ModelLibrary(ModelManifest manifest, LogFn log) : m_manifest(std::move(manifest)), m_log(std::move(log)) {
    if (!m_log) m_log = [](const std::string& msg) { std::fprintf(stderr, "warning: %s\n", msg.c_str()); };
    for (const std::string& e : m_manifest.errors()) m_log("model manifest: " + e);
}

const MeshData& ModelLibrary::get(std::string_view role) {
    if (const auto it = m_slots.find(role); it != m_slots.end()) return *it->second.mesh;
    Slot slot;
    const ModelEntry* e = m_manifest.find(role);
    if (logRoles()) std::fprintf(stderr, "[models] role %.*s: %s\n", static_cast<int>(role.size()), role.data(),
                                 e ? e->path.string().c_str() : "(no entry)");
    std::string err;
    if (!e) {
        err = "no entry in the model manifest";
    } else if (!e->broken.empty()) {
        err = "unusable manifest entry (" + e->broken + ")";
    } else {
        MeshData mesh = loadModel(e->path, *e, &err);
        if (!mesh.parts.empty()) slot.mesh = std::make_unique<MeshData>(std::move(mesh));
    }
    if (!slot.mesh) {
        m_log("model '" + std::string(role) + "': " + err + "; drawing a magenta/black checkered box instead");
        slot.mesh = std::make_unique<MeshData>(fallbackMesh(e ? e->size : kUnknownRoleSize));
        slot.fallback = true;
    }
    return *m_slots.emplace(std::string(role), std::move(slot)).first->second.mesh;
}

bool ModelLibrary::isFallback(std::string_view role) const {
    const auto it = m_slots.find(role);
    return it != m_slots.end() && it->second.fallback;
}

}  // namespace eng
