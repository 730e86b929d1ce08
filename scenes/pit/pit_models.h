// scenes/pit/pit_models.h — the pit's equipment meshes: the manifest's models (eng::ModelLibrary roles truck_220t,
// truck_130t, shovel, crusher, locomotive, dumpcar) split into their rigid and moving parts, with procedural
// stand-ins in the models' proportions when a role is not in the manifest yet.
// Moving parts: a truck's SubMesh "body" tips about the manifest's pivot for "body" (stand-in: the rear hinge);
// a shovel's parts other than its crawlers ("crawler*", "track*", "base*", "carbody*") swing with the house about +Y,
// and its "dipper" also turns about the manifest's dipper pivot (+X) as it digs and lifts to dump.
// Use: EquipmentMesh t = equipmentMesh(lib, "truck_220t"); renderer.createMesh(t.fixed, ...), t.moving, t.pivot.
// Errors: a broken model file is reported once by the library (its magenta fallback box is then used as is).
// Does NOT: upload anything or animate (pit_frame.h has the transforms).
#pragma once
#include <string>

#include "engine/mesh_data.h"
#include "engine/model/model_library.h"

namespace scenes::pit {

struct EquipmentMesh {
    eng::MeshData fixed;   // chassis / crawlers / everything rigid
    eng::MeshData moving;  // dump body / shovel house and boom (may be empty)
    eng::MeshData tool;    // the shovel's dipper (handle + bucket), riding on the house (may be empty)
    glm::vec3 pivot{0.0f}; // hinge of the moving part, model frame
    glm::vec3 toolPivot{0.0f};  // the dipper's saddle pivot (turns about +X), model frame
    glm::vec3 size{1.0f};  // nominal bounds (width, height, length)
    bool standIn = false;  // built here because the manifest has no such role
};

EquipmentMesh equipmentMesh(eng::ModelLibrary& lib, const std::string& role);
// The procedural stand-in of a role (public for tests and for roles the manifest lacks).
EquipmentMesh standInMesh(const std::string& role);
// A few-box stand-in of a truck for far views (tens of triangles instead of ~1,500), with the same size and body
// pivot as `full`, so the far and near trucks stand and tip alike: chassis and wheels fixed, body moving.
EquipmentMesh farTruckMesh(const EquipmentMesh& full);
// A heap of broken rock that sits in a truck body (ore darker and greener than waste), model frame of the body.
eng::MeshData loadHeapMesh(glm::vec3 bodySize);

}  // namespace scenes::pit
