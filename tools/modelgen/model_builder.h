// tools/modelgen/model_builder.h — builds eng::MeshData from simple solids (boxes, beams, cylinders and frustums,
// ellipsoids, extruded convex profiles) for the procedural default models.
//
// Use: `ModelBuilder b; int steel = b.material("steel", srgb(...)); b.part("chassis"); b.use(steel); b.box(lo, hi);`
// Geometry goes to the current part and material; SubMeshes are keyed by (part, material) in creation order, so the
// same calls give the same MeshData (and the same .glb bytes) every time. `transform()` places the following solids
// (e.g. a wheel set or a tilted boom) until reset.
// Flat solids (box, prism) get flat normals; round ones (cylinder sides, ellipsoids) get smooth normals.
// Does NOT: merge or weld vertices, build UVs, or check that profiles are convex (they are fanned).
#pragma once
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "engine/mesh_data.h"

namespace modelgen {

// sRGB colour (as picked from photos and paint charts) -> linear, which glTF and the renderer expect.
glm::vec3 srgb(float r, float g, float b);

class ModelBuilder {
public:
    int material(const std::string& name, glm::vec3 linearColor, float roughness = 0.7f, float metallic = 0.0f,
                 glm::vec3 emissive = glm::vec3(0.0f));
    void part(const std::string& name) { m_part = name; }
    void use(int material) { m_material = material; }
    void transform(const glm::mat4& xf) { m_xf = xf; }
    void resetTransform() { m_xf = glm::mat4(1.0f); }

    void box(glm::vec3 lo, glm::vec3 hi);
    // A box of cross-section w (sideways) x h (along `up`) from a to b: booms, struts, rails, ropes.
    void beam(glm::vec3 a, glm::vec3 b, float w, float h, glm::vec3 up = glm::vec3(0.0f, 1.0f, 0.0f));
    // Frustum from a (radius r0) to b (radius r1); caps close the ends.
    void cylinder(glm::vec3 a, glm::vec3 b, float r0, float r1, int segments, bool caps = true);
    // Ellipsoid, optionally only the part with latitude in [lat0, lat1] degrees about `axis` (a dome, a tank end).
    void ellipsoid(glm::vec3 centre, glm::vec3 radii, int segments, int rings, float lat0 = -90.0f, float lat1 = 90.0f);
    // A convex polygon given in (z, y), extruded from x0 to x1 (side profiles: truck body, ramps, hoppers).
    void prismX(const std::vector<glm::vec2>& zy, float x0, float x1);
    // A convex polygon given in (x, y), extruded from z0 to z1 (cross-sections: belts, car bodies, roofs).
    void prismZ(const std::vector<glm::vec2>& xy, float z0, float z1);
    // A flat quad, counter-clockwise seen from its front.
    void quad(glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d);

    eng::MeshData build() const;

private:
    eng::SubMesh& target();
    void flatPolygon(const std::vector<glm::vec3>& ccw);  // fanned, one normal
    void prism(const std::vector<glm::vec3>& bottom, glm::vec3 extrude);

    std::vector<eng::Material> m_materials;
    std::vector<eng::SubMesh> m_parts;
    std::string m_part = "main";
    int m_material = 0;
    glm::mat4 m_xf{1.0f};
};

}  // namespace modelgen
