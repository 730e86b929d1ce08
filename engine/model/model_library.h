// engine/model/model_library.h — role -> loaded MeshData, loaded lazily on first use, with a visible fallback.
//
// Use: `ModelLibrary lib(ModelManifest::loadAssets(opts.assetsDir));` then `const MeshData& m = lib.get("shovel");`
// (the reference stays valid for the library's lifetime). Scenes group m.parts by SubMesh::name to animate moving
// parts, using lib.entry(role)->parts for the pivots. The engine uploads each MeshData once.
// Errors: a manifest problem, an unknown role, or a missing or broken file is logged ONCE through the log callback
// (default: stderr, "warning: model '<role>': ...") and get() returns fallbackMesh(entry size): a magenta/black
// checkered box, obvious on screen, never a crash. isFallback(role) tells which roles fell back.
// Diagnostics: with ALMALYK_LOG_MODELS=1 in the environment, each role asked for is printed once to stderr as
// "[models] role <role>: <file>" (how the render tests learn which roles each scene draws).
// Does NOT: touch OpenGL, reload changed files, or load in the background.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/mesh_data.h"
#include "engine/model/model_manifest.h"

namespace eng {

// A box of `size` (x width, y height, z length) standing on y = 0, centred on x and z, checkered magenta/black in
// cells of about a metre: the "this model is missing" mesh. Lit like any model and never emissive (scenes treat
// emissive parts as glowing melt and re-colour them).
MeshData fallbackMesh(glm::vec3 size);

class ModelLibrary {
public:
    using LogFn = std::function<void(const std::string&)>;

    explicit ModelLibrary(ModelManifest manifest, LogFn log = {});

    const MeshData& get(std::string_view role);
    bool isFallback(std::string_view role) const;          // true once get(role) fell back
    const ModelEntry* entry(std::string_view role) const { return m_manifest.find(role); }
    const ModelManifest& manifest() const { return m_manifest; }

private:
    struct Slot {
        std::unique_ptr<MeshData> mesh;  // stable address across map growth
        bool fallback = false;
    };
    ModelManifest m_manifest;
    LogFn m_log;
    std::map<std::string, Slot, std::less<>> m_slots;
};

}  // namespace eng
