#include "scenes/pit/pit_models.h"

#include <glm/gtc/matrix_transform.hpp>

#include "engine/procedural.h"

namespace scenes::pit {

namespace {

glm::mat4 at(glm::vec3 p) { return glm::translate(glm::mat4(1.0f), p); }

void addBox(eng::MeshData& m, glm::vec3 size, glm::vec3 base, const eng::Material& mat, const glm::mat4& pre = glm::mat4(1.0f)) {
    eng::appendMesh(m, eng::makeBox(size, mat), pre * at(base));
}

// Splits a loaded model into rigid and moving parts by SubMesh name.
EquipmentMesh split(const eng::MeshData& src, bool (*moves)(const std::string&)) {
    EquipmentMesh e;
    e.fixed.materials = e.moving.materials = e.tool.materials = src.materials;
    for (const eng::SubMesh& p : src.parts) (p.name == "dipper" ? e.tool : moves(p.name) ? e.moving : e.fixed).parts.push_back(p);
    e.fixed.computeBounds();
    if (!e.moving.parts.empty()) e.moving.computeBounds();
    if (!e.tool.parts.empty()) e.tool.computeBounds();
    e.size = src.boundsMax - src.boundsMin;
    return e;
}

bool isTruckBody(const std::string& n) { return n == "body"; }
bool isShovelUpper(const std::string& n) {
    for (const char* fixedPrefix : {"crawler", "track", "base", "carbody"})
        if (n.rfind(fixedPrefix, 0) == 0) return false;
    return true;
}

}  // namespace

EquipmentMesh standInMesh(const std::string& role) {
    EquipmentMesh e;
    e.standIn = true;
    const eng::Material yellow{.name = "paint", .baseColor = {0.85f, 0.62f, 0.12f, 1}, .roughness = 0.55f};
    const eng::Material white{.name = "cab", .baseColor = {0.85f, 0.85f, 0.82f, 1}, .roughness = 0.5f};
    const eng::Material steel{.name = "steel", .baseColor = {0.22f, 0.22f, 0.23f, 1}, .roughness = 0.6f, .metallic = 0.6f};
    const eng::Material tyre{.name = "tyre", .baseColor = {0.05f, 0.05f, 0.05f, 1}, .roughness = 0.9f};
    if (role == "truck_220t" || role == "truck_130t") {
        // BelAZ 75306 (220 t): 13.4 m long, 7.9 m wide, 6.5 m high; BelAZ 7513 (130 t) about 0.85 of it.
        const float k = role == "truck_220t" ? 1.0f : 0.86f;
        const glm::mat4 s = glm::scale(glm::mat4(1.0f), glm::vec3(k));
        addBox(e.fixed, {5.0f, 1.3f, 11.8f}, {0.0f, 1.4f, 0.0f}, steel, s);
        for (float z : {4.3f, -3.6f})
            for (float x : {-2.95f, 2.95f}) {
                const glm::mat4 w = s * at({x, 1.75f, z}) * glm::rotate(glm::mat4(1.0f), glm::radians(90.0f), {0, 0, 1}) * at({0, -0.9f, 0});
                eng::appendMesh(e.fixed, eng::makeCylinder(1.75f, 1.8f, 14, tyre), w);
            }
        addBox(e.fixed, {6.8f, 1.6f, 2.6f}, {0.0f, 2.6f, 5.2f}, yellow, s);   // front deck and radiator
        addBox(e.fixed, {2.6f, 2.0f, 2.2f}, {-2.0f, 4.2f, 5.0f}, white, s);   // cab, left side
        eng::appendMesh(e.moving, eng::makeBox({7.6f, 2.5f, 9.6f}, yellow), s * at({0.0f, 2.7f, -1.6f}));
        eng::appendMesh(e.moving, eng::makeBox({7.6f, 0.35f, 3.1f}, yellow), s * at({0.0f, 6.3f, 4.6f}));  // canopy
        for (float x : {-3.7f, 3.7f})
            eng::appendMesh(e.moving, eng::makeBox({0.3f, 1.2f, 9.6f}, yellow), s * at({x, 5.2f, -1.6f}));  // side boards
        for (auto& p : e.moving.parts) p.name = "body";
        e.pivot = glm::vec3(0.0f, 2.7f, -6.4f) * k;
        e.size = glm::vec3(7.9f, 6.6f, 13.4f) * k;
    } else if (role == "shovel") {
        // EKG-20 rope shovel: crawlers ~13 x 12 m, house ~12 x 14 m, boom ~23 m at 45 deg (almalyk.md §1 fleet).
        addBox(e.fixed, {3.0f, 2.4f, 12.5f}, {-4.8f, 0.0f, 0.0f}, steel);
        addBox(e.fixed, {3.0f, 2.4f, 12.5f}, {4.8f, 0.0f, 0.0f}, steel);
        addBox(e.fixed, {7.0f, 1.6f, 8.0f}, {0.0f, 1.0f, 0.0f}, steel);
        addBox(e.moving, {11.5f, 7.5f, 13.0f}, {0.0f, 2.6f, -2.5f}, yellow);
        addBox(e.moving, {4.0f, 3.0f, 4.0f}, {-3.5f, 10.1f, 2.2f}, white);   // operator's cab
        const glm::mat4 boom = at({0.0f, 7.0f, 4.0f}) * glm::rotate(glm::mat4(1.0f), glm::radians(-45.0f), {1, 0, 0});
        eng::appendMesh(e.moving, eng::makeBox({1.8f, 1.8f, 24.0f}, yellow), boom * at({0.0f, -0.9f, 12.0f}));
        addBox(e.moving, {1.0f, 1.0f, 14.0f}, {0.0f, 8.5f, 13.0f}, steel);   // dipper handle
        addBox(e.moving, {4.6f, 4.2f, 4.4f}, {0.0f, 6.5f, 19.5f}, steel);    // dipper (25 m3)
        for (auto& p : e.moving.parts) p.name = "house";
        e.pivot = glm::vec3(0.0f);
        e.size = {13.0f, 24.0f, 32.0f};
    } else {
        addBox(e.fixed, {10.0f, 8.0f, 10.0f}, {0.0f, 0.0f, 0.0f}, yellow);
        e.size = {10.0f, 8.0f, 10.0f};
    }
    e.fixed.computeBounds();
    if (!e.moving.parts.empty()) e.moving.computeBounds();
    return e;
}

EquipmentMesh equipmentMesh(eng::ModelLibrary& lib, const std::string& role) {
    const eng::ModelEntry* entry = lib.entry(role);
    if (!entry) return standInMesh(role);
    const eng::MeshData& m = lib.get(role);
    const bool truck = role.rfind("truck", 0) == 0;
    if (!truck && role != "shovel") {  // rigid equipment (crusher ...): nothing moves
        EquipmentMesh e;
        e.fixed = m;
        e.size = m.boundsMax - m.boundsMin;
        return e;
    }
    EquipmentMesh e = split(m, truck ? isTruckBody : isShovelUpper);
    const auto pv = entry->parts.find(truck ? "body" : "house");
    if (pv != entry->parts.end()) e.pivot = pv->second.pivot;
    if (const auto dp = entry->parts.find("dipper"); dp != entry->parts.end()) e.toolPivot = dp->second.pivot;
    if (pv == entry->parts.end() && truck) e.pivot = {0.0f, m.boundsMin.y + 0.4f * e.size.y, m.boundsMin.z + 0.1f * e.size.z};
    return e;
}

EquipmentMesh farTruckMesh(const EquipmentMesh& full) {
    EquipmentMesh e;
    const glm::vec3 sz = full.size;  // width, height, length
    const eng::Material yellow{.name = "paint", .baseColor = {0.85f, 0.62f, 0.12f, 1}, .roughness = 0.55f};
    const eng::Material dark{.name = "tyres and frame", .baseColor = {0.06f, 0.06f, 0.06f, 1}, .roughness = 0.9f};
    const float wheelH = 0.27f * sz.y;
    addBox(e.fixed, {sz.x, wheelH, 0.85f * sz.z}, {0.0f, 0.0f, 0.0f}, dark);                        // wheels, frame
    addBox(e.fixed, {sz.x, 0.2f * sz.y, 0.2f * sz.z}, {0.0f, wheelH, 0.38f * sz.z}, yellow);        // front deck
    // The body from the rear hinge forward over the cab, as in the full model (pivot z is its rear end).
    const float rear = full.pivot.z, front = 0.5f * sz.z, bodyY = full.pivot.y;
    addBox(e.moving, {sz.x, sz.y - bodyY, front - rear}, {0.0f, bodyY, 0.5f * (front + rear)}, yellow);
    for (auto& p : e.moving.parts) p.name = "body";
    e.fixed.computeBounds();
    e.moving.computeBounds();
    e.pivot = full.pivot;
    e.size = full.size;
    return e;
}

eng::MeshData loadHeapMesh(glm::vec3 bodySize) {
    // A flattened, stretched dome of broken rock heaped above the body sides.
    eng::MeshData m = eng::makeSphere(1.0f, 10, {.name = "rock", .baseColor = {1, 1, 1, 1}, .roughness = 0.95f});
    eng::MeshData out;
    eng::appendMesh(out, m, glm::scale(glm::mat4(1.0f), {bodySize.x * 0.46f, 1.3f, bodySize.z * 0.44f}));
    out.computeBounds();
    return out;
}

}  // namespace scenes::pit
