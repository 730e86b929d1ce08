// engine/gfx/renderer.h — the forward renderer: meshes, instanced draws, textures, one sun with a cached filtered shadow
// map, hemisphere ambient, sky with sun disk, height fog, ACES tone mapping and sRGB output, emissive materials,
// GPU-instanced particles and world-space labels.
//
// Use (once):   Renderer r; if (!r.init(quality, &why)) ...;       MeshId m = r.createMesh(meshData, "truck");
//               TextureId t = r.createTexture({.width=w, .height=h, .rgba=pixels}); r.setMeshTexture(m, t);
// Use (frame):  r.setLighting(skyLightingFromSun(sunDir));  r.beginFrame(camera, framebufferSize);
//               r.draw(m, modelMatrix);  r.drawInstanced(m, instances);  r.labels().add(...);
//               r.endFrame();            // shadow (if needed), opaque, particles, composite (sky) into framebuffer 0
//               then UI; r.labels().draw(...) happens inside Gui frames (see docs/engine.md).
// Shadows: the map covers setShadowRegion(center, radius) and is redrawn only when the sun turned by more than
// ~0.1 degree or a shadow caster's mesh or placement changed (a hash of the casters' model matrices; colours do not
// count), as software rendering needs. On low quality, caster motion alone redraws it at most every third frame.
// Opaque draws go nearest first (early depth rejection). Profiling: ALMALYK_SKIP_PASSES=shadow,opaque,sky,particles,
// upsample leaves passes out; ALMALYK_PROFILE=1 prints per-frame fragment counts and shadow redraws to stderr.
// Errors: shaders that fail keep the previous program (hot reload) or fall back to a magenta program; GL errors and
// KHR_debug messages go to stderr as "[gl] error ..." / "[gl] warning ...", once per distinct message.
// Does NOT: know scenes or sim, load model files (engine/model does), or sort transparent meshes (none are drawn).
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "engine/camera.h"
#include "engine/image.h"
#include "engine/labels.h"
#include "engine/mesh_data.h"
#include "engine/particles.h"
#include "engine/quality.h"

namespace eng {

class ShaderProgram;

struct MeshId {
    std::uint32_t id = 0;  // 0 = invalid
    bool valid() const { return id != 0; }
};
struct TextureId {
    std::uint32_t id = 0;
    bool valid() const { return id != 0; }
};

// Per-instance data of an instanced draw (and of a single draw).
struct Instance {
    glm::mat4 model{1.0f};
    glm::vec4 color{1.0f};     // multiplies the material's base colour (rgb); a unused
    glm::vec4 emissive{0.0f};  // linear rgb added unlit on top of the material's emissive; a unused
};

struct DrawFlags {
    bool castShadow = true;
    bool receiveShadow = true;
    bool mainPass = true;  // false: a shadow-only proxy (e.g. terrain casts with a fixed LOD, draws with the view's)
};

// A lamp: a floodlight, a headlamp, a window's glow on the ground. Light falls off with the inverse square of the
// distance (a core of 0.2 range keeps it finite) and is windowed smoothly to zero at `range`; a spot light (cosCone
// > -1) lights within the cone around `direction`, with a soft edge. It lights lit surfaces' diffuse colour, per
// vertex on the low preset and per pixel on high; it casts no shadow.
struct PointLight {
    glm::vec3 position{0.0f};
    glm::vec3 color{1.0f};           // linear, times intensity: the light received at 0.2 range, head on
    float range = 50.0f;             // metres: nothing beyond
    glm::vec3 direction{0, -1, 0};   // spot axis (unit)
    float cosCone = -1.0f;           // cosine of the spot's half angle; -1: all round
};
inline constexpr int kMaxLights = 16;

// A deck of clouds at one height, drawn in the sky and shading the sun on the ground below. `coverage` is a tiling
// texture whose alpha is the cloud cover (0 clear .. 1 cloud), `tile` metres on a side, moved by `offset` metres (the
// wind's drift); texel (u, v) lies over world (x, z) = offset + (u - 0.5, v - 0.5) * tile. A ground point is shaded by
// the cloud where its ray toward the sun crosses the deck, so the shadows are where the clouds are; soft cloud
// edges give soft shadows. `shadow` is the share of the direct sun that a full cloud takes away.
struct CloudLayer {
    TextureId coverage;
    float height = 1600.0f;      // metres (world y)
    float tile = 4000.0f;        // metres
    glm::vec2 offset{0.0f};      // metres (x, z)
    float shadow = 0.85f;
    glm::vec3 litColor{0.95f};   // albedo-like tint of the sunlit cloud (greyer under a heavy deck)
};  // per frame: the ones nearest the eye are kept

struct TextureDesc {
    int width = 0, height = 0;
    const std::uint8_t* rgba = nullptr;  // width*height*4 bytes, row 0 = v 0
    bool srgb = true;                    // colour data; false for data maps
    bool repeat = false;
    bool mipmaps = true;
    std::string label;
};

// Everything the lighting needs; skyLightingFromSun() derives a consistent set from the sun direction.
struct Lighting {
    glm::vec3 sunDir{0.3f, 0.8f, -0.5f};     // unit vector toward the sun (world frame, +Y up)
    glm::vec3 sunColor{1.0f, 0.96f, 0.9f};   // linear, already times intensity
    glm::vec3 skyZenith{0.20f, 0.38f, 0.75f};
    glm::vec3 skyHorizon{0.62f, 0.72f, 0.85f};
    glm::vec3 groundAmbient{0.25f, 0.22f, 0.18f};  // hemisphere ambient from below
    glm::vec3 skyAmbient{0.35f, 0.42f, 0.55f};     // hemisphere ambient from above
    glm::vec3 fogColor{0.65f, 0.72f, 0.82f};
    float fogDensity = 0.00006f;   // per metre at fogBaseHeight
    float fogFalloff = 0.0012f;    // per metre of height above fogBaseHeight
    float fogBaseHeight = 0.0f;
    float exposure = 1.0f;
    float sunDiskSize = 1.0f;      // 1 = the real sun's ~0.53 degree, drawn a little larger for the screen
    float sunGlow = 1.0f;          // strength of the forward-scattered glow around the key light (the moon's is faint)
    float stars = 0.0f;            // 0..1: the star field's brightness (night, clear sky)
    glm::mat3 starFrame{1.0f};     // world direction -> the stars' fixed frame (celestialFrame): the sky turns
    float emissiveScale = 1.0f;    // lamps and glow relative to their day setting (the night's exposure would blow them out)
    bool keyIsMoon = false;        // sunDir/sunColor are the moon's (night): the disc is drawn as the moon
    glm::vec3 realSunDir{0.3f, 0.8f, -0.5f};  // toward the sun even when the key light is the moon (its phase)
};
// What the sky depends on: the sun, the moon (direction and lit fraction), haze and cloud cover.
struct SkyInputs {
    glm::vec3 sunDir{0.0f, 1.0f, 0.0f};       // unit vector toward the sun
    glm::vec3 moonDir{0.0f, -1.0f, 0.0f};     // unit vector toward the moon (below the horizon: no moonlight)
    float moonIlluminated = 0.0f;             // 0 new .. 1 full
    float turbidity = 3.0f;                   // Linke turbidity
    glm::mat3 starFrame{1.0f};                // celestialFrame(latitude, sidereal time)
};
// The rotation from a world direction (x east, y up, -z north) to the equatorial frame fixed on the stars, for an
// observer at latitude latDeg at local sidereal time siderealDeg: x toward right ascension 0 on the equator, z the
// north celestial pole. The zenith maps to declination = latitude, right ascension = sidereal time.
glm::mat3 celestialFrame(float latDeg, float siderealDeg);
// Sky, ambient and fog colours and the key light. By day the key light is the sun; once the sun is 6 degrees under
// the horizon it is the moon (when up), bluish and scaled by its lit fraction, and the exposure adapts to the night
// (day-for-night: a moonlit scene reads, a moonless one keeps the sky glow, starlight and the lamps).
Lighting skyLighting(const SkyInputs& in);
// The sun only (no moon): skyLighting({.sunDir = sunDirToward, .turbidity = turbidity}).
Lighting skyLightingFromSun(glm::vec3 sunDirToward, float turbidity = 3.0f);

struct RendererStats {
    int drawCalls = 0, instances = 0, triangles = 0;
    bool shadowRedrawn = false;
};

class Renderer {
public:
    Renderer();
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Needs a current GL 3.3 core context. Loads shaders from shaders/ via Paths::global().
    bool init(const QualitySettings& q, std::string* why);
    const QualitySettings& quality() const { return m_quality; }
    const std::string& glRenderer() const { return m_glRenderer; }

    MeshId createMesh(const MeshData& data, const std::string& label);
    void destroyMesh(MeshId m);
    // Bounds of the uploaded mesh (for picking and culling); zero box for an invalid id.
    void meshBounds(MeshId m, glm::vec3& bmin, glm::vec3& bmax) const;
    TextureId createTexture(const TextureDesc& d);
    void destroyTexture(TextureId t);  // frees it; meshes that used it draw untextured; invalid/twice: no-op
    void setMeshTexture(MeshId m, TextureId t);  // albedo map multiplying every part's base colour (by mesh uv)

    void setLighting(const Lighting& l) { m_light = l; }
    const Lighting& lighting() const { return m_light; }
    void setShadowRegion(glm::vec3 center, float radius);
    void setClearSky(bool on) { m_drawSky = on; }  // false: indoor scenes clear to fog colour

    void beginFrame(const OrbitCamera& cam, glm::ivec2 framebufferSize);
    void draw(MeshId m, const glm::mat4& model, glm::vec4 color = glm::vec4(1.0f),
              glm::vec3 emissive = glm::vec3(0.0f), DrawFlags f = {});
    void drawInstanced(MeshId m, std::span<const Instance> instances, DrawFlags f = {});
    // A lamp for this frame (cleared by beginFrame). Of all added, the kMaxLights whose reach is nearest the eye light
    // the frame; lightsUsed() says how many did (after endFrame).
    void addLight(const PointLight& l);
    // The frame's cloud deck (cleared by beginFrame; none: a clear sky).
    void setCloudLayer(const CloudLayer& c) { m_cloud = c; m_cloudOn = c.coverage.valid(); }
    int lightsUsed() const { return m_lightsUsed; }
    // Renders the queued frame into framebuffer 0 (the window), leaving it bound with the viewport set for UI drawing.
    void endFrame();

    ParticleSystem& particles() { return m_particles; }
    LabelList& labels() { return m_labels; }
    const glm::mat4& viewProj() const { return m_viewProj; }
    glm::ivec2 framebufferSize() const { return m_fbSize; }
    const RendererStats& stats() const { return m_stats; }

    // Re-reads changed shader files; a failed compile keeps the old program. Cheap: call a few times a second.
    void pollShaderReload();
    // Compile logs of the shaders that currently fail (file:line mapped), empty when all compile.
    std::vector<std::string> shaderErrors() const;
    void finish();              // waits for the GPU (bench timing)
    Image readPixels() const;   // framebuffer 0, top row first
    // The finished frame in framebuffer 0 (its UI included) copied on the GPU into a texture that the UI draws over
    // the next frames: the cross-fade between scenes. frameSnapshot() is its GL name as ImGui's ImTextureID (GL's
    // row 0 is the bottom: draw with uv (0,1)-(1,0)); 0 before the first snapshot. The texture is reused.
    void snapshotFrame();
    std::uintptr_t frameSnapshot() const;
    void forceShadowRedraw() { m_shadowKey = 0; }

    struct Impl;
private:
    // endFrame()'s passes, in order (docs/engine.md, "Passes").
    void uploadInstances();                   // the frame's instances into the one instance buffer
    void shadowPass();                        // redraws the shadow map when its key changed
    void beginSceneTarget(glm::ivec2 ts);     // binds and clears the render-scale scene target
    void opaquePass(glm::ivec2 ts);           // lit meshes, nearest first, into the scene target
    void particlePass();                      // premultiplied particles over the opaque scene
    void compositePass(glm::ivec2 ts);        // scene target over the sky into framebuffer 0, then the sun disc
    void sortOpaqueDraws();                   // main-pass draws by distance from the eye (opaquePass)
    void setFrameUniforms(ShaderProgram& p) const;   // camera, sun, sky and fog uniforms shared by the programs

    std::unique_ptr<Impl> m_impl;
    QualitySettings m_quality;
    std::string m_glRenderer;
    Lighting m_light;
    bool m_drawSky = true;
    ParticleSystem m_particles;
    LabelList m_labels;
    glm::mat4 m_viewProj{1.0f};
    glm::ivec2 m_fbSize{0};
    RendererStats m_stats;
    std::uint64_t m_shadowKey = 0;
    std::vector<PointLight> m_lights;
    CloudLayer m_cloud;
    bool m_cloudOn = false;
    void bindClouds(ShaderProgram& p) const;   // the cloud deck's texture (unit 2) and uniforms
    int m_lightsUsed = 0;
    glm::vec4 m_lightPos[kMaxLights]{}, m_lightColor[kMaxLights]{}, m_lightSpot[kMaxLights]{};
    void packLights();                         // the nearest kMaxLights into the uniform arrays
};

}  // namespace eng
