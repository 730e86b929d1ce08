#include "engine/gfx/renderer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>

#include <glm/gtc/matrix_transform.hpp>

#include "engine/gfx/gl.h"
#include "engine/gfx/shader.h"

namespace eng {

// [SECTION] GPU resources

namespace {
struct GpuPart {
    GLsizei count = 0;
    std::size_t offset = 0;  // bytes into the index buffer
    int material = 0;
};
struct GpuMesh {
    GLuint vao = 0, vbo = 0, ibo = 0;
    std::vector<GpuPart> parts;
    std::vector<Material> materials;
    glm::vec3 bmin{0.0f}, bmax{0.0f};
    GLuint texture = 0;
    int triangles = 0;
    bool alive = false;
    std::string label;  // for the profile listing
};
struct DrawCmd {
    std::uint32_t mesh;
    std::size_t first, count;  // into the frame's instance array
    DrawFlags flags;
};
constexpr int kInstanceAttr = 3;  // 3..6 model matrix, 7 colour, 8 emissive

std::uint64_t mixHash(std::uint64_t h, const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        h = (h ^ w) * 0x100000001B3ull;
        h ^= h >> 29;
    }
    for (; i < n; ++i) h = (h ^ p[i]) * 0x100000001B3ull;
    return h;
}

// The shadow map is redrawn and sampled only while the sun is above the horizon.
bool sunAboveHorizon(const Lighting& L) { return L.sunDir.y > 0.01f; }
}  // namespace

struct Renderer::Impl {
    std::vector<GpuMesh> meshes;  // index = id - 1
    std::vector<GLuint> textures;
    std::vector<Instance> instances;
    std::vector<DrawCmd> draws;
    std::vector<std::pair<float, std::uint32_t>> order;  // main-pass draws, nearest first
    GLuint instanceVbo = 0;
    // *Extras: the variants with lamps and the cloud deck (lit) or stars and clouds (composite). llvmpipe pays for a
    // branch's varyings and arithmetic even when a uniform turns it off, so a plain day draws without them.
    ShaderProgram lit, litExtras, depth, composite, compositeExtras, sunDisc, particles;
    GLuint emptyVao = 0;
    GLuint particleVao = 0, particleVbo = 0;
    // Scene target at render scale (premultiplied over the sky), then composited into the window.
    GLuint fbo = 0, colorTex = 0, depthRb = 0;
    glm::ivec2 targetSize{0};
    GLuint shadowFbo = 0, shadowTex = 0;
    GLuint snapshotTex = 0;             // snapshotFrame(): the last finished frame, for cross-fades
    glm::mat4 shadowMatrix{1.0f};
    glm::vec3 shadowCenter{0.0f};
    float shadowRadius = 2000.0f;
    bool shadowValid = false;
    glm::mat4 view{1.0f}, proj{1.0f};
    glm::vec3 eye{0.0f};
    float nearP = 1.0f, farP = 1000.0f;
    // Profiling: ALMALYK_SKIP_PASSES="shadow,opaque,sky,particles,upsample" leaves those passes out, so `almalyk
    // bench` can price each one; ALMALYK_PROFILE=1 prints per-frame fragment counts (occlusion queries) to stderr.
    std::string skip;
    bool profile = false;
    GLuint query = 0;
    int frame = 0;
    int shadowFrame = -100;             // frame of the last shadow redraw
    std::uint64_t shadowLightKey = 0;   // sun and region part of the key at that redraw
    bool skipped(const char* pass) const { return skip.find(pass) != std::string::npos; }

    void bindInstances(std::size_t first) {
        const std::size_t stride = sizeof(Instance);
        const auto base = first * stride;
        glBindBuffer(GL_ARRAY_BUFFER, instanceVbo);
        for (int c = 0; c < 4; ++c)
            glVertexAttribPointer(kInstanceAttr + c, 4, GL_FLOAT, GL_FALSE, stride,
                                  reinterpret_cast<const void*>(base + sizeof(glm::vec4) * c));
        glVertexAttribPointer(kInstanceAttr + 4, 4, GL_FLOAT, GL_FALSE, stride,
                              reinterpret_cast<const void*>(base + offsetof(Instance, color)));
        glVertexAttribPointer(kInstanceAttr + 5, 4, GL_FLOAT, GL_FALSE, stride,
                              reinterpret_cast<const void*>(base + offsetof(Instance, emissive)));
    }

    void ensureTarget(glm::ivec2 size) {
        if (size == targetSize && fbo) return;
        if (!fbo) glGenFramebuffers(1, &fbo);
        if (!colorTex) glGenTextures(1, &colorTex);
        if (!depthRb) glGenRenderbuffers(1, &depthRb);
        glBindTexture(GL_TEXTURE_2D, colorTex);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, size.x, size.y, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glBindTexture(GL_TEXTURE_2D, 0);
        glBindRenderbuffer(GL_RENDERBUFFER, depthRb);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT24, size.x, size.y);
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, colorTex, 0);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depthRb);
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) gl::log("error", "scene framebuffer incomplete");
        gl::label(GL_FRAMEBUFFER, fbo, "scene target");
        targetSize = size;
        GL_CHECK("scene target");
    }
};

Renderer::Renderer() : m_impl(std::make_unique<Impl>()) {}

Renderer::~Renderer() {
    if (!m_impl->instanceVbo) return;  // never initialised: no GL objects to free
    for (GpuMesh& m : m_impl->meshes)
        if (m.alive) {
            glDeleteVertexArrays(1, &m.vao);
            glDeleteBuffers(1, &m.vbo);
            glDeleteBuffers(1, &m.ibo);
        }
    for (GLuint t : m_impl->textures)
        if (t) glDeleteTextures(1, &t);
    glDeleteBuffers(1, &m_impl->instanceVbo);
    glDeleteBuffers(1, &m_impl->particleVbo);
    glDeleteVertexArrays(1, &m_impl->particleVao);
    glDeleteVertexArrays(1, &m_impl->emptyVao);
    glDeleteFramebuffers(1, &m_impl->fbo);
    glDeleteTextures(1, &m_impl->colorTex);
    glDeleteRenderbuffers(1, &m_impl->depthRb);
    glDeleteFramebuffers(1, &m_impl->shadowFbo);
    glDeleteTextures(1, &m_impl->shadowTex);
    if (m_impl->snapshotTex) glDeleteTextures(1, &m_impl->snapshotTex);
}

// [SECTION] Initialisation

bool Renderer::init(const QualitySettings& q, std::string* why) {
    m_quality = q;
    m_particles.setBudget(q.particleBudget);
    const char* r = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    m_glRenderer = r ? r : "unknown";
    Impl& d = *m_impl;
    if (const char* e = std::getenv("ALMALYK_SKIP_PASSES")) d.skip = e;
    if (const char* e = std::getenv("ALMALYK_PROFILE")) d.profile = e[0] == '1';
    if (d.profile) glGenQueries(1, &d.query);
    const std::vector<std::string> defs = {"SHADOW_TAPS " + std::to_string(q.shadowTaps),
                                           std::string("VERTEX_LIT ") + (q.vertexLighting ? "1" : "0")};
    std::vector<std::string> litDefs = defs, extraDefs = defs;
    litDefs.push_back("EXTRAS 0");
    extraDefs.push_back("EXTRAS 1");
    bool ok = d.lit.load("lit", litDefs);
    ok = d.litExtras.load("lit", extraDefs) && ok;
    ok = d.depth.load("depth") && ok;
    ok = d.composite.load("composite", {"SUN_DISC 0", "EXTRAS 0"}) && ok;
    ok = d.compositeExtras.load("composite", {"SUN_DISC 0", "EXTRAS 1"}) && ok;
    ok = d.sunDisc.load("composite", {"SUN_DISC 1", "EXTRAS 1"}) && ok;
    ok = d.particles.load("particles", defs) && ok;
    if (!ok && why) *why = "a shader failed to compile (see the log); drawing with the magenta fallback";

    glGenBuffers(1, &d.instanceVbo);
    glGenVertexArrays(1, &d.emptyVao);
    glGenVertexArrays(1, &d.particleVao);
    glGenBuffers(1, &d.particleVbo);
    glBindVertexArray(d.particleVao);
    glBindBuffer(GL_ARRAY_BUFFER, d.particleVbo);
    for (int a = 0; a < 2; ++a) {
        glEnableVertexAttribArray(a);
        glVertexAttribPointer(a, 4, GL_FLOAT, GL_FALSE, sizeof(ParticleInstance),
                              reinterpret_cast<const void*>(sizeof(glm::vec4) * a));
        glVertexAttribDivisor(a, 1);
    }
    glBindVertexArray(0);

    glGenTextures(1, &d.shadowTex);
    glBindTexture(GL_TEXTURE_2D, d.shadowTex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_DEPTH_COMPONENT24, q.shadowMapSize, q.shadowMapSize, 0, GL_DEPTH_COMPONENT,
                 GL_UNSIGNED_INT, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_BORDER);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_BORDER);
    const float border[4] = {1, 1, 1, 1};
    glTexParameterfv(GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, border);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_COMPARE_MODE, GL_COMPARE_REF_TO_TEXTURE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_COMPARE_FUNC, GL_LEQUAL);
    glGenFramebuffers(1, &d.shadowFbo);
    glBindFramebuffer(GL_FRAMEBUFFER, d.shadowFbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_TEXTURE_2D, d.shadowTex, 0);
    glDrawBuffer(GL_NONE);
    glReadBuffer(GL_NONE);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) gl::log("error", "shadow framebuffer incomplete");
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    gl::label(GL_TEXTURE, d.shadowTex, "shadow map");
    return GL_CHECK("renderer init") && ok;
}

// [SECTION] Resources

MeshId Renderer::createMesh(const MeshData& data, const std::string& label) {
    GpuMesh m;
    std::vector<Vertex> verts;
    std::vector<std::uint32_t> idx;
    for (const SubMesh& p : data.parts) {
        const auto base = static_cast<std::uint32_t>(verts.size());
        GpuPart gp{static_cast<GLsizei>(p.indices.size()), idx.size() * sizeof(std::uint32_t), p.material};
        verts.insert(verts.end(), p.vertices.begin(), p.vertices.end());
        for (std::uint32_t i : p.indices) idx.push_back(base + i);
        if (gp.count > 0) m.parts.push_back(gp);
        m.triangles += gp.count / 3;
    }
    m.materials = data.materials.empty() ? std::vector<Material>{Material{}} : data.materials;
    m.bmin = data.boundsMin;
    m.bmax = data.boundsMax;
    glGenVertexArrays(1, &m.vao);
    glGenBuffers(1, &m.vbo);
    glGenBuffers(1, &m.ibo);
    glBindVertexArray(m.vao);
    glBindBuffer(GL_ARRAY_BUFFER, m.vbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(verts.size() * sizeof(Vertex)), verts.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<const void*>(offsetof(Vertex, position)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<const void*>(offsetof(Vertex, normal)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<const void*>(offsetof(Vertex, uv)));
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m.ibo);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(idx.size() * sizeof(std::uint32_t)), idx.data(), GL_STATIC_DRAW);
    for (int a = kInstanceAttr; a < kInstanceAttr + 6; ++a) {
        glEnableVertexAttribArray(a);
        glVertexAttribDivisor(a, 1);
    }
    glBindVertexArray(0);
    gl::label(GL_VERTEX_ARRAY, m.vao, label);
    gl::label(GL_BUFFER, m.vbo, label + " vertices");
    m.alive = true;
    m.label = label;
    GL_CHECK("createMesh");
    m_impl->meshes.push_back(std::move(m));
    return MeshId{static_cast<std::uint32_t>(m_impl->meshes.size())};
}

void Renderer::destroyMesh(MeshId id) {
    if (!id.valid() || id.id > m_impl->meshes.size()) return;
    GpuMesh& m = m_impl->meshes[id.id - 1];
    if (!m.alive) return;
    glDeleteVertexArrays(1, &m.vao);
    glDeleteBuffers(1, &m.vbo);
    glDeleteBuffers(1, &m.ibo);
    m = GpuMesh{};
}

void Renderer::meshBounds(MeshId id, glm::vec3& bmin, glm::vec3& bmax) const {
    bmin = bmax = glm::vec3(0.0f);
    if (!id.valid() || id.id > m_impl->meshes.size()) return;
    bmin = m_impl->meshes[id.id - 1].bmin;
    bmax = m_impl->meshes[id.id - 1].bmax;
}

TextureId Renderer::createTexture(const TextureDesc& d) {
    if (d.width <= 0 || d.height <= 0 || !d.rgba) {
        gl::log("warning", "texture '" + d.label + "' has no pixels; not created");
        return {};
    }
    GLuint t = 0;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, d.srgb ? GL_SRGB8_ALPHA8 : GL_RGBA8, d.width, d.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, d.rgba);
    if (d.mipmaps) glGenerateMipmap(GL_TEXTURE_2D);
    // Low quality blends two texels' worth less: bilinear within the nearest mip level (half the fetches).
    const GLint mipFilter = m_quality.level == QualityLevel::Low ? GL_LINEAR_MIPMAP_NEAREST : GL_LINEAR_MIPMAP_LINEAR;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, d.mipmaps ? mipFilter : GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    const GLint wrap = d.repeat ? GL_REPEAT : GL_CLAMP_TO_EDGE;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, wrap);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, wrap);
    gl::label(GL_TEXTURE, t, d.label);
    GL_CHECK("createTexture");
    m_impl->textures.push_back(t);
    return TextureId{static_cast<std::uint32_t>(m_impl->textures.size())};
}

void Renderer::destroyTexture(TextureId t) {
    if (!t.valid() || t.id > m_impl->textures.size()) return;
    GLuint& name = m_impl->textures[t.id - 1];
    if (!name) return;
    for (GpuMesh& m : m_impl->meshes)
        if (m.texture == name) m.texture = 0;
    glDeleteTextures(1, &name);
    name = 0;  // the slot stays, so other ids keep their meaning
}

void Renderer::setMeshTexture(MeshId m, TextureId t) {
    if (!m.valid() || m.id > m_impl->meshes.size()) return;
    m_impl->meshes[m.id - 1].texture = t.valid() && t.id <= m_impl->textures.size() ? m_impl->textures[t.id - 1] : 0;
}

void Renderer::setShadowRegion(glm::vec3 center, float radius) {
    if (center != m_impl->shadowCenter || radius != m_impl->shadowRadius) m_shadowKey = 0;
    m_impl->shadowCenter = center;
    m_impl->shadowRadius = radius;
}

// [SECTION] Frame

void Renderer::beginFrame(const OrbitCamera& cam, glm::ivec2 fbSize) {
    Impl& d = *m_impl;
    m_fbSize = glm::max(fbSize, glm::ivec2(1));
    d.view = cam.view();
    d.proj = cam.projection(static_cast<float>(m_fbSize.x) / static_cast<float>(m_fbSize.y));
    d.eye = cam.position();
    d.nearP = cam.nearPlane();
    d.farP = cam.farPlane();
    m_viewProj = d.proj * d.view;
    d.instances.clear();
    d.draws.clear();
    m_lights.clear();
    m_cloudOn = false;
    m_labels.clear();
    m_stats = {};
}

void Renderer::draw(MeshId m, const glm::mat4& model, glm::vec4 color, glm::vec3 emissive, DrawFlags f) {
    const Instance i{model, color, glm::vec4(emissive, 0.0f)};
    drawInstanced(m, std::span<const Instance>(&i, 1), f);
}

void Renderer::drawInstanced(MeshId m, std::span<const Instance> inst, DrawFlags f) {
    if (!m.valid() || m.id > m_impl->meshes.size() || inst.empty() || !m_impl->meshes[m.id - 1].alive) return;
    Impl& d = *m_impl;
    d.draws.push_back({m.id, d.instances.size(), inst.size(), f});
    d.instances.insert(d.instances.end(), inst.begin(), inst.end());
}

// The pass list (docs/engine.md, "Passes"). ts: the scene target's size, the window's at the quality's render scale.
void Renderer::bindClouds(ShaderProgram& p) const {
    const GLuint tex = m_cloudOn && m_cloud.coverage.id <= m_impl->textures.size() ? m_impl->textures[m_cloud.coverage.id - 1] : 0;
    const bool on = tex != 0 && m_light.sunDir.y > 0.0f && !m_light.keyIsMoon;
    p.set("uCloudOn", on ? 1.0f : 0.0f);
    p.set("uCloudTex", 2);
    glActiveTexture(GL_TEXTURE2);
    glBindTexture(GL_TEXTURE_2D, on ? tex : 0);
    glActiveTexture(GL_TEXTURE0);
    if (!on) return;
    const float tile = std::max(m_cloud.tile, 1.0f);
    p.set("uCloud", glm::vec4(std::fmod(m_cloud.offset.x, tile), std::fmod(m_cloud.offset.y, tile), 1.0f / tile, m_cloud.height));
    p.set("uCloudShadow", std::clamp(m_cloud.shadow, 0.0f, 1.0f));
    p.set("uCloudColor", m_cloud.litColor);
}

void Renderer::addLight(const PointLight& l) {
    if (!(l.range > 0.0f) || !std::isfinite(l.range) || !std::isfinite(l.position.x + l.position.y + l.position.z)) return;
    m_lights.push_back(l);
}

void Renderer::packLights() {
    const glm::vec3 eye = m_impl->eye;
    auto reach = [&](const PointLight& l) { return std::max(glm::length(l.position - eye) - l.range, 0.0f); };
    if (static_cast<int>(m_lights.size()) > kMaxLights)
        std::stable_sort(m_lights.begin(), m_lights.end(), [&](const PointLight& a, const PointLight& b) { return reach(a) < reach(b); });
    m_lightsUsed = std::min(static_cast<int>(m_lights.size()), kMaxLights);
    for (int i = 0; i < m_lightsUsed; ++i) {
        const PointLight& l = m_lights[static_cast<std::size_t>(i)];
        m_lightPos[i] = glm::vec4(l.position, l.range);
        m_lightColor[i] = glm::vec4(l.color, 0.0f);
        const float len = glm::length(l.direction);
        m_lightSpot[i] = glm::vec4(len > 0.0f ? l.direction / len : glm::vec3(0, -1, 0), std::clamp(l.cosCone, -1.0f, 0.999f));
    }
}

void Renderer::endFrame() {
    packLights();
    uploadInstances();
    shadowPass();
    const glm::ivec2 ts = glm::max(glm::ivec2(glm::vec2(m_fbSize) * m_quality.renderScale + 0.5f), glm::ivec2(1));
    beginSceneTarget(ts);
    opaquePass(ts);
    particlePass();
    compositePass(ts);
}

// The frame's instance array goes to the GPU once; every pass draws from it.
void Renderer::uploadInstances() {
    Impl& d = *m_impl;
    glBindBuffer(GL_ARRAY_BUFFER, d.instanceVbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(d.instances.size() * sizeof(Instance)), d.instances.data(),
                 GL_STREAM_DRAW);
}

// Shadow map: redrawn only when the sun, the region or a caster changed (software rasterizers cannot afford it per
// frame).
void Renderer::shadowPass() {
    Impl& d = *m_impl;
    const Lighting& L = m_light;
    // Quantise the sun so slow clock motion does not redraw every frame: ~0.1 degree steps, ~0.23 on low (at x60 the
    // sun turns 0.25 degree a second; each redraw of a valley's shadow map is a 20-30 ms frame on llvmpipe, and a
    // 500 m pit wall's shadow moves ~2 m a step).
    const float steps = m_quality.level == QualityLevel::Low ? 250.0f : 600.0f;
    const glm::ivec3 qs = glm::ivec3(glm::round(L.sunDir * steps));
    std::uint64_t key = mixHash(0xcbf29ce484222325ull, &qs, sizeof qs);
    key = mixHash(key, &d.shadowCenter, sizeof d.shadowCenter);
    key = mixHash(key, &d.shadowRadius, sizeof d.shadowRadius);
    const std::uint64_t lightKey = key | 1;
    // Casters by placement only: a glowing or recoloured caster casts the same shadow.
    for (const DrawCmd& c : d.draws) {
        if (!c.flags.castShadow) continue;
        key = mixHash(key, &c.mesh, sizeof c.mesh);
        for (std::size_t i = c.first; i < c.first + c.count; ++i) key = mixHash(key, &d.instances[i].model, sizeof(glm::mat4));
    }
    key |= 1;  // 0 means "invalid"
    // When only casters moved (drifting cloud shadows, a crane), low quality refreshes the map every third frame:
    // a full shadow pass per frame is the dearest thing a software rasterizer can be asked for.
    const bool castersOnly = m_shadowKey != 0 && lightKey == d.shadowLightKey;
    const bool throttled = castersOnly && m_quality.level == QualityLevel::Low && d.frame - d.shadowFrame < 3;
    if (!sunAboveHorizon(L) || key == m_shadowKey || throttled || d.skipped("shadow")) return;
    d.shadowLightKey = lightKey;
    d.shadowFrame = d.frame;
    const glm::vec3 sd = glm::normalize(glm::vec3(qs) / steps);
    const float R = d.shadowRadius;
    const glm::vec3 up = std::abs(sd.y) > 0.99f ? glm::vec3(0, 0, -1) : glm::vec3(0, 1, 0);
    const glm::mat4 lv = glm::lookAt(d.shadowCenter + sd * R * 2.0f, d.shadowCenter, up);
    const glm::mat4 lp = glm::ortho(-R, R, -R, R, 0.01f * R, 4.0f * R);
    d.shadowMatrix = lp * lv;
    glBindFramebuffer(GL_FRAMEBUFFER, d.shadowFbo);
    glViewport(0, 0, m_quality.shadowMapSize, m_quality.shadowMapSize);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDepthMask(GL_TRUE);
    glClear(GL_DEPTH_BUFFER_BIT);
    glEnable(GL_POLYGON_OFFSET_FILL);
    glPolygonOffset(1.5f, 2.0f);
    glDisable(GL_CULL_FACE);  // thin and open meshes still cast
    d.depth.use();
    d.depth.set("uViewProj", d.shadowMatrix);
    for (const DrawCmd& c : d.draws) {
        if (!c.flags.castShadow) continue;
        const GpuMesh& m = d.meshes[c.mesh - 1];
        glBindVertexArray(m.vao);
        d.bindInstances(c.first);
        for (const GpuPart& p : m.parts)
            glDrawElementsInstanced(GL_TRIANGLES, p.count, GL_UNSIGNED_INT, reinterpret_cast<const void*>(p.offset),
                                    static_cast<GLsizei>(c.count));
    }
    glDisable(GL_POLYGON_OFFSET_FILL);
    m_shadowKey = key;
    d.shadowValid = true;
    m_stats.shadowRedrawn = true;
    GL_CHECK("shadow pass");
}

// Binds and clears the scene target at render scale (ts) for the opaque and particle passes.
void Renderer::beginSceneTarget(glm::ivec2 ts) {
    Impl& d = *m_impl;
    const Lighting& L = m_light;
    d.ensureTarget(ts);
    glBindFramebuffer(GL_FRAMEBUFFER, d.fbo);
    glViewport(0, 0, ts.x, ts.y);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDepthMask(GL_TRUE);
    // With a sky the target starts transparent (coverage 0) and the composite puts the sky behind it; indoors it
    // starts opaque in the fog colour.
    if (m_drawSky)
        glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    else
        glClearColor(L.fogColor.r, L.fogColor.g, L.fogColor.b, 1.0f);
    glClear(GL_DEPTH_BUFFER_BIT | GL_COLOR_BUFFER_BIT);
}

// The camera, sun, sky and fog uniforms every lit, particle and composite program reads.
void Renderer::setFrameUniforms(ShaderProgram& p) const {
    const Impl& d = *m_impl;
    const Lighting& L = m_light;
    p.set("uViewProj", m_viewProj);
    p.set("uEye", d.eye);
    p.set("uSunDir", L.sunDir);
    p.set("uSunColor", L.sunColor);
    p.set("uSkyZenith", L.skyZenith);
    p.set("uSkyHorizon", L.skyHorizon);
    p.set("uSkyAmbient", L.skyAmbient);
    p.set("uGroundAmbient", L.groundAmbient);
    p.set("uFogColor", L.fogColor);
    p.set("uFog", glm::vec4(L.fogDensity, L.fogFalloff, L.fogBaseHeight, L.exposure));
    p.set("uSunDisk", L.sunDiskSize);
    p.set("uSunGlow", L.sunGlow);
    p.set("uStars", L.stars);
    p.set("uStarFrame", glm::mat4(L.starFrame));
    p.set("uEmissiveScale", L.emissiveScale);
    p.set("uLightCount", m_lightsUsed);
    p.set("uLightPos[0]", m_lightPos, m_lightsUsed);
    p.set("uLightColor[0]", m_lightColor, m_lightsUsed);
    p.set("uLightSpot[0]", m_lightSpot, m_lightsUsed);
    p.set("uMoon", glm::vec4(L.realSunDir, L.keyIsMoon ? 1.0f : 0.0f));
}

// Main-pass draws nearest first into d.order: software rasterizers test depth before shading, so every pixel hidden
// behind an earlier draw is nearly free (the terrain alone used to shade each pixel ~2 times in chunk order). Key:
// distance from the eye to the draw's (first instance's) bounding box; ties keep submission order, so frames stay
// deterministic.
void Renderer::sortOpaqueDraws() {
    Impl& d = *m_impl;
    d.order.clear();
    for (std::size_t i = 0; i < d.draws.size(); ++i) {
        const DrawCmd& c = d.draws[i];
        if (!c.flags.mainPass) continue;
        const GpuMesh& m = d.meshes[c.mesh - 1];
        const glm::mat4& model = d.instances[c.first].model;
        float dist;
        if (model == glm::mat4(1.0f)) {
            dist = glm::length(glm::clamp(d.eye, m.bmin, m.bmax) - d.eye);
        } else {
            const glm::vec3 center = glm::vec3(model * glm::vec4((m.bmin + m.bmax) * 0.5f, 1.0f));
            const float radius = glm::length(glm::mat3(model) * ((m.bmax - m.bmin) * 0.5f));
            dist = std::max(glm::length(center - d.eye) - radius, 0.0f);
        }
        d.order.emplace_back(dist, static_cast<std::uint32_t>(i));
    }
    std::sort(d.order.begin(), d.order.end());
}

// Lit meshes into the scene target (ts), shadowed by the map, nearest first; the profile counts their fragments.
void Renderer::opaquePass(glm::ivec2 ts) {
    Impl& d = *m_impl;
    glEnable(GL_CULL_FACE);
    glCullFace(GL_BACK);
    const bool cloudy = m_cloudOn && m_light.sunDir.y > 0.0f && !m_light.keyIsMoon;
    ShaderProgram& lit = (m_lightsUsed > 0 || cloudy) ? d.litExtras : d.lit;
    lit.use();
    setFrameUniforms(lit);
    lit.set("uShadowMatrix", d.shadowMatrix);
    lit.set("uShadowOn", (sunAboveHorizon(m_light) && d.shadowValid) ? 1.0f : 0.0f);
    lit.set("uShadowTexel", 1.0f / static_cast<float>(m_quality.shadowMapSize));
    lit.set("uShadowMap", 1);
    lit.set("uAlbedo", 0);
    bindClouds(lit);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, d.shadowTex);
    glActiveTexture(GL_TEXTURE0);
    sortOpaqueDraws();
    if (d.profile) glBeginQuery(GL_SAMPLES_PASSED, d.query);
    for (const auto& [dist, index] : d.order) {
        const DrawCmd& c = d.draws[index];
        if (d.skipped("opaque")) continue;
        const GpuMesh& m = d.meshes[c.mesh - 1];
        glBindVertexArray(m.vao);
        d.bindInstances(c.first);
        glBindTexture(GL_TEXTURE_2D, m.texture);
        lit.set("uHasAlbedo", m.texture ? 1.0f : 0.0f);
        lit.set("uReceiveShadow", c.flags.receiveShadow ? 1.0f : 0.0f);
        for (const GpuPart& p : m.parts) {
            const Material& mat = m.materials[static_cast<std::size_t>(std::clamp(p.material, 0, int(m.materials.size()) - 1))];
            lit.set("uBaseColor", mat.baseColor);
            lit.set("uEmissive", mat.emissive);
            lit.set("uRoughMetal", glm::vec2(mat.roughness, mat.metallic));
            glDrawElementsInstanced(GL_TRIANGLES, p.count, GL_UNSIGNED_INT, reinterpret_cast<const void*>(p.offset),
                                    static_cast<GLsizei>(c.count));
            ++m_stats.drawCalls;
            m_stats.triangles += p.count / 3 * static_cast<int>(c.count);
        }
        m_stats.instances += static_cast<int>(c.count);
        if (d.profile && d.frame % 60 == 5)
            std::fprintf(stderr, "[profile]   %-36s %6d tris x %4zu instances, %.0f m away\n", m.label.c_str(), m.triangles,
                         c.count, static_cast<double>(dist));
    }
    if (d.profile) {
        glEndQuery(GL_SAMPLES_PASSED);
        GLuint n = 0;
        glGetQueryObjectuiv(d.query, GL_QUERY_RESULT, &n);
        std::fprintf(stderr, "[profile] frame %d: opaque fragments %.2f x target (%dx%d), shadow %s, %d draws\n", d.frame,
                     double(n) / (double(ts.x) * ts.y), ts.x, ts.y, m_stats.shadowRedrawn ? "REDRAWN" : "cached",
                     m_stats.drawCalls);
    }
    ++d.frame;
    GL_CHECK("opaque pass");
    glDisable(GL_CULL_FACE);
}

// Particles over the opaque scene: premultiplied alpha (coverage 0 = additive), depth-tested, not written.
void Renderer::particlePass() {
    Impl& d = *m_impl;
    const auto& parts = m_particles.instances();
    if (!parts.empty() && !d.skipped("particles")) {
        glDepthFunc(GL_LESS);
        glDepthMask(GL_FALSE);
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        d.particles.use();
        setFrameUniforms(d.particles);
        d.particles.set("uView", d.view);
        glBindVertexArray(d.particleVao);
        glBindBuffer(GL_ARRAY_BUFFER, d.particleVbo);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(parts.size() * sizeof(ParticleInstance)), parts.data(),
                     GL_STREAM_DRAW);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(parts.size()));
        glDisable(GL_BLEND);
        ++m_stats.drawCalls;
        GL_CHECK("particles");
    }
    glDepthMask(GL_TRUE);
    glDepthFunc(GL_LESS);
    glBindVertexArray(0);
}

// Composite into the window: the scene target (ts) scaled up over the sky, one pass over the window's pixels; then
// the sun disc in a small rectangle around the sun when it is on screen. Leaves framebuffer 0 bound for the UI.
void Renderer::compositePass(glm::ivec2 ts) {
    Impl& d = *m_impl;
    const Lighting& L = m_light;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, m_fbSize.x, m_fbSize.y);
    glDisable(GL_DEPTH_TEST);
    glDepthMask(GL_FALSE);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, d.colorTex);
    const GLint filter = ts == m_fbSize ? GL_NEAREST : GL_LINEAR;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    glBindVertexArray(d.emptyVao);
    const bool sky = m_drawSky && !d.skipped("sky");
    const glm::mat4 invViewProj = glm::inverse(m_viewProj);
    auto drawComposite = [&](ShaderProgram& p, glm::vec4 rect, glm::ivec2 grid) {
        p.use();
        setFrameUniforms(p);
        p.set("uInvViewProj", invViewProj);
        p.set("uSkyGrid", grid);
        p.set("uRect", rect);
        p.set("uSkyOn", sky ? 1.0f : 0.0f);
        p.set("uScene", 0);
        bindClouds(p);
        glBindTexture(GL_TEXTURE_2D, d.colorTex);
        glDrawArrays(GL_TRIANGLES, 0, 6 * grid.x * grid.y);
    };
    if (!d.skipped("upsample")) {
        // ~2 degree cells: the gradient is smooth, and per-pixel pow() made the sky the dearest pass on llvmpipe.
        // The deck in the sky costs a texture tap over the whole window: the high preset's (low keeps its shadows).
        const bool skyClouds = m_cloudOn && L.sunDir.y > 0.0f && !L.keyIsMoon && m_quality.level != QualityLevel::Low;
        const bool extras = sky && (L.stars > 0.0f || skyClouds);
        drawComposite(extras ? d.compositeExtras : d.composite, glm::vec4(-1.0f, -1.0f, 1.0f, 1.0f), sky ? glm::ivec2(32, 18) : glm::ivec2(1, 1));
        const glm::vec4 sunClip = m_viewProj * glm::vec4(L.sunDir, 0.0f);  // a direction: the point at infinity
        if (sky && L.sunDir.y > -0.02f && sunClip.w > 0.0f) {
            // Disc radius acos(r) with r = 0.99996 - 0.00008 size (see composite.frag), and a margin for the soft edge.
            const float angle = std::sqrt(2.0f * (0.00004f + 0.00008f * L.sunDiskSize)) * 1.6f;
            const glm::vec2 c = glm::vec2(sunClip) / sunClip.w;
            const glm::vec2 half = angle * glm::vec2(d.proj[0][0], d.proj[1][1]);
            const glm::vec4 rect(glm::max(c - half, glm::vec2(-1.0f)), glm::min(c + half, glm::vec2(1.0f)));
            if (rect.x < rect.z && rect.y < rect.w) drawComposite(d.sunDisc, rect, glm::ivec2(1, 1));
        }
    }
    glDepthMask(GL_TRUE);
    glBindVertexArray(0);
    GL_CHECK("composite");
}

void Renderer::pollShaderReload() {
    Impl& d = *m_impl;
    bool any = false;
    for (ShaderProgram* p : {&d.lit, &d.litExtras, &d.depth, &d.composite, &d.compositeExtras, &d.sunDisc, &d.particles}) any = p->reloadIfChanged() || any;
    if (any) m_shadowKey = 0;
}

std::vector<std::string> Renderer::shaderErrors() const {
    std::vector<std::string> out;
    for (const ShaderProgram* p : {&m_impl->lit, &m_impl->litExtras, &m_impl->depth, &m_impl->composite, &m_impl->compositeExtras, &m_impl->sunDisc, &m_impl->particles})
        if (!p->error().empty()) out.push_back(p->name() + ":\n" + p->error());
    return out;
}

void Renderer::finish() { glFinish(); }

void Renderer::snapshotFrame() {
    if (m_fbSize.x <= 0 || m_fbSize.y <= 0) return;
    if (!m_impl->snapshotTex) {
        glGenTextures(1, &m_impl->snapshotTex);
        glBindTexture(GL_TEXTURE_2D, m_impl->snapshotTex);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glBindTexture(GL_TEXTURE_2D, m_impl->snapshotTex);
    glCopyTexImage2D(GL_TEXTURE_2D, 0, GL_RGB8, 0, 0, m_fbSize.x, m_fbSize.y, 0);
    glBindTexture(GL_TEXTURE_2D, 0);
    GL_CHECK("snapshotFrame");
}

std::uintptr_t Renderer::frameSnapshot() const { return m_impl->snapshotTex; }

Image Renderer::readPixels() const {
    Image img;
    img.width = m_fbSize.x;
    img.height = m_fbSize.y;
    img.rgba.resize(static_cast<std::size_t>(img.width) * img.height * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, img.width, img.height, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
    GL_CHECK("readPixels");
    // GL's row 0 is the bottom; PNG's is the top.
    const std::size_t row = static_cast<std::size_t>(img.width) * 4;
    std::vector<std::uint8_t> tmp(row);
    for (int y = 0; y < img.height / 2; ++y) {
        std::uint8_t* a = img.rgba.data() + row * y;
        std::uint8_t* b = img.rgba.data() + row * (img.height - 1 - y);
        std::memcpy(tmp.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, tmp.data(), row);
    }
    for (std::size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;
    return img;
}

}  // namespace eng
