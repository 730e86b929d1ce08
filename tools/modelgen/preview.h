// tools/modelgen/preview.h — a software-rasterised sheet of four views (side, front, top, three-quarter) of a
// MeshData, written as PNG, so model silhouettes can be checked by eye without a GL context.
// Use: `writePreview(mesh, "truck_220t", "out/truck_220t.png", &err);` Errors: false + message on write failure.
// Does NOT: match the real renderer's lighting or colour management; it shows shape and base colours only.
#pragma once
#include <filesystem>
#include <string>

#include "engine/mesh_data.h"

namespace modelgen {

bool writePreview(const eng::MeshData& mesh, const std::filesystem::path& png, std::string* err);

}  // namespace modelgen
