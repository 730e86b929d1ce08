// tools/modelgen/main.cpp — almalyk_modelgen: builds every default model procedurally and writes
// <out>/<role>.glb plus <out>/models.json (the manifest the engine reads). Same build, same bytes.
//
// Use: almalyk_modelgen --out assets/models [--preview DIR] [--list]     (or: cmake --build build --target models)
// --preview also writes DIR/<role>.png, four orthographic views for checking silhouettes by eye.
// Exit codes: 0 success, 2 bad command line, 1 a file could not be written.
// Does NOT: read anything; the models are defined in models_*.cpp.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tools/modelgen/catalog.h"
#include "tools/modelgen/glb_writer.h"
#include "tools/modelgen/preview.h"

namespace {

// Millimetre precision keeps models.json readable (7.7, not 7.699999809265137).
double mm(float v) { return std::round(double(v) * 1000.0) / 1000.0; }
nlohmann::ordered_json vec(glm::vec3 v) { return {mm(v.x), mm(v.y), mm(v.z)}; }

int usage(const char* why) {
    std::fprintf(stderr, "almalyk_modelgen: %s\nusage: almalyk_modelgen --out DIR [--preview DIR] [--list]\n", why);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::filesystem::path out, preview;
    bool list = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if ((a == "--out" || a == "--preview") && i + 1 < argc) (a == "--out" ? out : preview) = argv[++i];
        else if (a == "--list") list = true;
        else return usage(("unknown or incomplete argument '" + a + "'").c_str());
    }
    const std::vector<modelgen::ModelSpec> specs = modelgen::catalog();
    if (list) {
        for (const modelgen::ModelSpec& s : specs) std::printf("%-18s %s\n", s.role.c_str(), s.description.c_str());
        return 0;
    }
    if (out.empty()) return usage("--out DIR is required");
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (!preview.empty()) std::filesystem::create_directories(preview, ec);

    nlohmann::ordered_json models = nlohmann::ordered_json::object();
    for (const modelgen::ModelSpec& s : specs) {
        modelgen::ModelBuilder b;
        s.build(b);
        const eng::MeshData mesh = b.build();
        std::string err;
        const std::string file = s.role + ".glb";
        if (!modelgen::writeGlb(mesh, s.role, out / file, &err)) {
            std::fprintf(stderr, "almalyk_modelgen: %s\n", err.c_str());
            return 1;
        }
        if (!preview.empty() && !modelgen::writePreview(mesh, preview / (s.role + ".png"), &err)) {
            std::fprintf(stderr, "almalyk_modelgen: %s\n", err.c_str());
            return 1;
        }
        std::size_t tris = 0;
        for (const eng::SubMesh& p : mesh.parts) tris += p.indices.size() / 3;
        // Height is measured from the ground (y = 0), not from the lowest vertex: a crane hangs above it.
        const glm::vec3 size(mesh.boundsMax.x - mesh.boundsMin.x, mesh.boundsMax.y, mesh.boundsMax.z - mesh.boundsMin.z);
        std::printf("%-18s %6zu triangles  %6.2f x %6.2f x %6.2f m (W x H x L)\n", s.role.c_str(), tris, size.x, size.y, size.z);

        nlohmann::ordered_json e;
        e["file"] = file;
        e["description"] = s.description;
        e["scale"] = 1.0;
        e["up_axis"] = "y";
        e["rotate_deg"] = 0.0;
        e["offset"] = vec(glm::vec3(0.0f));
        e["size"] = vec(size);
        if (!s.parts.empty()) {
            nlohmann::ordered_json parts = nlohmann::ordered_json::object();
            for (const auto& [name, p] : s.parts) parts[name] = {{"pivot", vec(p.pivot)}, {"axis", vec(p.axis)}};
            e["parts"] = parts;
        }
        models[s.role] = e;
    }
    std::ofstream manifest(out / "models.json", std::ios::binary);
    manifest << nlohmann::ordered_json{{"models", models}}.dump(2) << "\n";
    if (!manifest) {
        std::fprintf(stderr, "almalyk_modelgen: %s: cannot write the manifest\n", (out / "models.json").string().c_str());
        return 1;
    }
    return 0;
}
