// engine/model/model_manifest.h — the model manifest: which file draws each role ("truck_220t", "shovel", ...),
// with the scale and orientation that bring it into our frame (metres, +Y up, front facing +Z, origin at ground
// level in the centre of the footprint), its nominal size and the pivots of its moving parts. docs/models.md.
//
// Use: `ModelManifest m = ModelManifest::loadAssets(opts.assetsDir);` reads the built-in assets/models/models.json
// and, when a user's --assets folder has its own models/models.json, lays its roles over the built-in ones (a user
// replaces only the models they have). Then `m.find("truck_220t")` gives the entry; `entry->path` is resolved.
// Errors: never throws. A manifest file over 4 MiB or a folder is refused with a reason. A JSON syntax error is reported as "file:line:column: message"; a bad field as
// "file: models.<role>.<field>: expected ..., got ...". A role with a bad field is kept as a broken entry (its
// `broken` says why) and draws as the fallback, also over a built-in role a user's manifest replaces (the user meant
// their model: the built-in one would look right and be wrong); the other roles stay usable. errors() lists every
// problem; ok() is true when there are none.
// Does NOT: open model files (eng::loadModel does), check that files exist (ModelLibrary reports that once).
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

namespace eng {

enum class UpAxis { Y, Z };

// A moving part's hinge, in the model's final frame (after scale and orientation): scenes rotate the SubMeshes
// named `part` about `axis` through `pivot` (a dump body about its rear hinge, a converter shell about its long axis).
struct PartPivot {
    glm::vec3 pivot{0.0f};
    glm::vec3 axis{1.0f, 0.0f, 0.0f};
};

struct ModelEntry {
    std::string role;
    std::string file;                 // as written in the manifest, relative to the manifest's folder
    std::filesystem::path path;       // resolved against the manifest that named it
    float scale = 1.0f;               // file units -> metres
    UpAxis upAxis = UpAxis::Y;        // the file's up axis; Z-up files are turned to Y-up
    float rotateDeg = 0.0f;           // yaw about +Y after the up-axis change, so the front faces +Z
    glm::vec3 offset{0.0f};           // metres, added last (moves the origin to the footprint centre)
    glm::vec3 size{2.0f};             // nominal width (x), height (y), length (z) in metres: the fallback box
    std::map<std::string, PartPivot> parts;  // moving parts by SubMesh name
    std::string description;          // what the model is and where its dimensions come from
    std::string broken;               // non-empty: the entry's first problem; the role draws as the fallback box
};

class ModelManifest {
public:
    // Reads one manifest file. Relative `file` fields resolve against the file's folder.
    static ModelManifest load(const std::filesystem::path& file);
    // Parses manifest text; `origin` names the file in messages, `baseDir` resolves relative model files.
    static ModelManifest parse(std::string_view text, const std::string& origin, const std::filesystem::path& baseDir);
    // Built-in manifest (builtinAssetsDir/models/models.json) with the roles of userAssetsDir/models/models.json laid
    // over it when userAssetsDir is not empty. builtinAssetsDir defaults to the built-in assets/ found by eng::Paths.
    static ModelManifest loadAssets(const std::string& userAssetsDir, const std::filesystem::path& builtinAssetsDir = {});

    // The command line's check of --assets DIR (design.md: bad input exits 2 before anything renders): true when
    // DIR has no models/models.json or a clean one; false with every problem ("file:line:column: ...") in *why.
    static bool checkUserManifest(const std::string& userAssetsDir, std::string* why);

    // Roles of `other` replace or add to ours (a broken one too, keeping our nominal size for its box); its errors
    // are appended.
    void overlay(const ModelManifest& other);

    const ModelEntry* find(std::string_view role) const;
    std::vector<std::string> roles() const;  // sorted
    bool ok() const { return m_errors.empty(); }
    const std::vector<std::string>& errors() const { return m_errors; }

private:
    std::map<std::string, ModelEntry, std::less<>> m_entries;
    std::vector<std::string> m_errors;
};

const char* upAxisName(UpAxis a);

}  // namespace eng
