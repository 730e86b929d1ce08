// Model loading (engine/model/model_loader.h), the model library's fallback (model_library.h), the committed
// default models against their real dimensions, and the generator's byte-for-byte reproducibility.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "engine/model/model_library.h"
#include "engine/model/model_loader.h"

namespace fs = std::filesystem;

namespace {

const fs::path kModels = fs::path(ALMALYK_SOURCE_DIR) / "assets" / "models";

std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

fs::path tempDir(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / ("almalyk_test_" + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

eng::MeshData loadRole(const eng::ModelManifest& m, const std::string& role) {
    const eng::ModelEntry* e = m.find(role);
    REQUIRE_MESSAGE(e != nullptr, role);
    std::string err;
    eng::MeshData mesh = eng::loadModel(e->path, *e, &err);
    REQUIRE_MESSAGE(!mesh.parts.empty(), err);
    return mesh;
}

std::size_t triangles(const eng::MeshData& m) {
    std::size_t n = 0;
    for (const eng::SubMesh& s : m.parts) n += s.indices.size() / 3;
    return n;
}

// Bounds of the SubMeshes called `name`.
std::pair<glm::vec3, glm::vec3> partBounds(const eng::MeshData& m, const std::string& name) {
    glm::vec3 lo(1e30f), hi(-1e30f);
    for (const eng::SubMesh& s : m.parts)
        if (s.name == name)
            for (const eng::Vertex& v : s.vertices) { lo = glm::min(lo, v.position); hi = glm::max(hi, v.position); }
    return {lo, hi};
}

// Fraction of triangles whose winding (counter-clockwise = front) agrees with their vertex normals.
double frontFacingShare(const eng::MeshData& m) {
    std::size_t agree = 0, total = 0;
    for (const eng::SubMesh& s : m.parts)
        for (std::size_t i = 0; i + 2 < s.indices.size(); i += 3) {
            const eng::Vertex &a = s.vertices[s.indices[i]], &b = s.vertices[s.indices[i + 1]], &c = s.vertices[s.indices[i + 2]];
            const glm::vec3 g = glm::cross(b.position - a.position, c.position - a.position);
            if (glm::length(g) < 1e-9f) continue;
            ++total;
            if (glm::dot(g, a.normal + b.normal + c.normal) > 0.0f) ++agree;
        }
    return total ? double(agree) / double(total) : 0.0;
}

}  // namespace

TEST_CASE("models: every role in the built-in manifest loads, matches its manifest size and faces outwards") {
    const eng::ModelManifest m = eng::ModelManifest::load(kModels / "models.json");
    REQUIRE_MESSAGE(m.ok(), (m.errors().empty() ? "" : m.errors().front()));
    REQUIRE(m.roles().size() >= 20);
    for (const std::string& role : m.roles()) {
        CAPTURE(role);
        const eng::MeshData mesh = loadRole(m, role);
        const glm::vec3 size = m.find(role)->size;
        CHECK(mesh.boundsMax.x - mesh.boundsMin.x == doctest::Approx(size.x).epsilon(0.005));
        CHECK(mesh.boundsMax.y == doctest::Approx(size.y).epsilon(0.005));
        CHECK(mesh.boundsMax.z - mesh.boundsMin.z == doctest::Approx(size.z).epsilon(0.005));
        CHECK(mesh.boundsMin.y >= -0.01f);                                  // nothing below the ground
        CHECK(std::abs(mesh.boundsMin.x + mesh.boundsMax.x) < 0.6f * size.x);  // origin inside the footprint
        CHECK(frontFacingShare(mesh) > 0.99);
        for (const eng::SubMesh& s : mesh.parts) CHECK(!s.name.empty());
        for (const auto& entry : m.find(role)->parts) {
            const std::string& part = entry.first;  // a reference, not a binding: clang 14 cannot capture one
            CAPTURE(part);
            CHECK(std::any_of(mesh.parts.begin(), mesh.parts.end(), [&](const eng::SubMesh& s) { return s.name == part; }));
        }
    }
}

TEST_CASE("models: real dimensions (almalyk.md, hydrogen.md, task brief) within tolerance") {
    const eng::ModelManifest m = eng::ModelManifest::load(kModels / "models.json");
    struct Real { const char* role; float w, h, l, tol; };
    // W x H x L in metres. BelAZ-75306 13.4 x 7.7 x 6.5 and BelAZ-75131 L 12.05, H 5.9 (almalyk.md §2 S51 / brief);
    // 2VS-105 ~12 m long; panel module 1 x 2 m of 625 cm2 sheets (hydrogen.md §1); stack 150 m (estimate).
    for (const Real r : {Real{"truck_220t", 7.7f, 6.5f, 13.4f, 0.03f}, Real{"truck_130t", 7.0f, 5.9f, 12.05f, 0.03f},
                         Real{"dumpcar", 3.5f, 3.7f, 12.0f, 0.08f}, Real{"panel_module", 1.0f, 0.05f, 2.0f, 0.05f},
                         Real{"stack", 14.0f, 150.0f, 14.0f, 0.03f}}) {
        CAPTURE(r.role);
        const eng::MeshData mesh = loadRole(m, r.role);
        CHECK(mesh.boundsMax.x - mesh.boundsMin.x == doctest::Approx(r.w).epsilon(r.tol));
        CHECK(mesh.boundsMax.y == doctest::Approx(r.h).epsilon(r.tol));
        CHECK(mesh.boundsMax.z - mesh.boundsMin.z == doctest::Approx(r.l).epsilon(r.tol));
    }
    // Peirce-Smith converter shell: 4 m diameter x 11 m (almalyk.md §6 S47); the riding rings add 0.5 m of radius.
    const eng::MeshData conv = loadRole(m, "converter");
    const auto [lo, hi] = partBounds(conv, "shell");
    // The girth gear at the drive end turns with the shell, so the part is a little longer than the shell itself.
    CHECK(hi.x - lo.x >= 11.0f);
    CHECK(hi.x - lo.x <= 11.6f);
    CHECK(hi.y - lo.y == doctest::Approx(5.2).epsilon(0.02));
    // EKG-20 boom about 20 m (task brief): the farthest boom vertex from the boom-foot pivot, plus the point sheave.
    const eng::MeshData shovel = loadRole(m, "shovel");
    const glm::vec3 foot = m.find("shovel")->parts.at("boom").pivot;
    float reach = 0.0f;
    for (const eng::SubMesh& s : shovel.parts)
        if (s.name == "boom")
            for (const eng::Vertex& v : s.vertices) reach = std::max(reach, glm::length(v.position - foot));
    CHECK(reach >= 20.0f);
    CHECK(reach <= 22.5f);
}

TEST_CASE("models: triangle budgets for software rendering") {
    const eng::ModelManifest m = eng::ModelManifest::load(kModels / "models.json");
    CHECK(triangles(loadRole(m, "panel_module")) < 100);  // 20,000 instances
    CHECK(triangles(loadRole(m, "tankhouse_cell")) < 200);
    for (const char* role : {"truck_220t", "truck_130t"}) {
        CAPTURE(role);
        const std::size_t t = triangles(loadRole(m, role));
        CHECK(t >= 1000);
        CHECK(t <= 5000);
    }
}

TEST_CASE("models: moving parts and materials come through the file") {
    const eng::ModelManifest m = eng::ModelManifest::load(kModels / "models.json");
    const eng::MeshData truck = loadRole(m, "truck_220t");
    std::set<std::string> names;
    for (const eng::SubMesh& s : truck.parts) names.insert(s.name);
    CHECK(names == std::set<std::string>{"body", "chassis", "wheels_front", "wheels_rear"});
    // BelAZ yellow: red and green high, blue low (linear).
    const auto yellow = std::find_if(truck.materials.begin(), truck.materials.end(), [](const eng::Material& x) { return x.name == "paint_yellow"; });
    REQUIRE(yellow != truck.materials.end());
    CHECK(yellow->baseColor.r > 0.8f);
    CHECK(yellow->baseColor.b < 0.05f);
    // The body hinge lies at the rear of the frame, above the ground, behind the rear axle.
    const eng::PartPivot body = m.find("truck_220t")->parts.at("body");
    CHECK(body.pivot.z < m.find("truck_220t")->parts.at("wheels_rear").pivot.z);
    CHECK(body.pivot.y > 2.0f);
    // Molten metal glows: the converter mouth carries an emissive material.
    const eng::MeshData conv = loadRole(m, "converter");
    bool glowing = false;
    for (const eng::SubMesh& s : conv.parts)
        if (s.name == "mouth" && conv.materials[static_cast<std::size_t>(s.material)].emissive.r > 1.0f) glowing = true;
    CHECK(glowing);
}

TEST_CASE("loadModel: Z-up files turn to Y-up, then scale, yaw and offset apply") {
    const fs::path dir = tempDir("zup");
    // One triangle in a Z-up file: its apex points up the file's +Z, its tip along the file's -Y (forward).
    std::ofstream(dir / "tri.obj") << "v 0 0 0\nv 1 0 0\nv 0 0 1\nv 0 -1 0\nf 1 2 3\nf 1 4 2\n";
    eng::ModelEntry e;
    e.upAxis = eng::UpAxis::Z;
    e.scale = 2.0f;
    std::string err;
    eng::MeshData m = eng::loadModel(dir / "tri.obj", e, &err);
    REQUIRE_MESSAGE(!m.parts.empty(), err);
    CHECK(m.boundsMax.y == doctest::Approx(2.0));   // file +Z -> +Y, times 2
    CHECK(m.boundsMax.z == doctest::Approx(2.0));   // file -Y -> +Z
    CHECK(m.boundsMax.x == doctest::Approx(2.0));
    e.rotateDeg = 90.0f;                             // yaw: +Z turns to +X
    e.offset = {0.0f, 0.0f, 5.0f};
    m = eng::loadModel(dir / "tri.obj", e, &err);
    REQUIRE(!m.parts.empty());
    CHECK(m.boundsMax.x == doctest::Approx(2.0));
    CHECK(m.boundsMin.z == doctest::Approx(5.0 - 2.0));
    CHECK(m.boundsMax.y == doctest::Approx(2.0));
    fs::remove_all(dir);
}

TEST_CASE("loadModel: missing and broken files fail with the path and a reason") {
    const fs::path dir = tempDir("broken");
    std::ofstream(dir / "broken.glb", std::ios::binary) << "glTF\x02\0\0\0garbage";
    std::string err;
    CHECK(eng::loadModel(dir / "missing.glb", eng::ModelEntry{}, &err).parts.empty());
    CHECK(err.find("missing.glb: file not found") != std::string::npos);
    CHECK(eng::loadModel(dir / "broken.glb", eng::ModelEntry{}, &err).parts.empty());
    CHECK(err.find("broken.glb: Assimp could not read it") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("loadModel: NaN, infinite or absurdly far vertices refuse the model, naming the file (issue 16)") {
    // Before: they loaded without a word; one drew a huge dark band across the scene.
    const fs::path dir = tempDir("bad_vertices");
    const std::string tri = "v 0 0 0\nv 1 0 0\nv 0 1 0\n";
    std::ofstream(dir / "nan.obj") << tri << "v nan 0 0\nf 1 2 3\nf 1 2 4\n";
    std::ofstream(dir / "inf.obj") << tri << "v 0 -inf 0\nf 1 2 3\nf 1 2 4\n";
    std::ofstream(dir / "far.obj") << tri << "v 0 0 1e30\nf 1 2 3\nf 1 2 4\n";
    std::ofstream(dir / "km.obj") << tri << "v 0 0 1000\nf 1 2 3\nf 1 2 4\n";
    std::string err;
    for (const char* name : {"nan.obj", "inf.obj", "far.obj"}) {
        CAPTURE(name);
        CHECK(eng::loadModel(dir / name, eng::ModelEntry{}, &err).parts.empty());
        CHECK(err.find((dir / name).string() + ": vertex 3 of part '") == 0);
        CHECK(err.find("expected finite coordinates within 1e+06 m of the origin") != std::string::npos);
    }
    CHECK(err.find("(0, 0, 1e+30) m") != std::string::npos);
    // 1 km is a legal model; the same file at the manifest's scale 10,000 puts a vertex 10,000 km out.
    eng::ModelEntry e;
    CHECK_MESSAGE(!eng::loadModel(dir / "km.obj", e, &err).parts.empty(), err);
    e.scale = 1e4f;
    CHECK(eng::loadModel(dir / "km.obj", e, &err).parts.empty());
    CHECK(err.find("(0, 0, 1e+07) m after the manifest's scale and orientation") != std::string::npos);

    // Through the library: a warning naming the role and the file, and the fallback box.
    const eng::ModelManifest manifest = eng::ModelManifest::parse(
        R"({"models": {"crane": {"file": "nan.obj", "size": [24, 20, 6]}}})", "test.json", dir);
    std::vector<std::string> log;
    eng::ModelLibrary lib(manifest, [&](const std::string& s) { log.push_back(s); });
    CHECK(lib.get("crane").boundsMax.y == doctest::Approx(20.0));
    CHECK(lib.isFallback("crane"));
    REQUIRE(log.size() == 1);
    CHECK(log[0].find("model 'crane': " + (dir / "nan.obj").string() + ": vertex 3") == 0);
    fs::remove_all(dir);
}

TEST_CASE("ModelLibrary: a missing file, a broken file or an unknown role is logged once and drawn as the fallback") {
    const fs::path dir = tempDir("library");
    std::ofstream(dir / "broken.glb", std::ios::binary) << "not a model";
    const eng::ModelManifest manifest = eng::ModelManifest::parse(
        R"({"models": {"crane": {"file": "gone.glb", "size": [24, 20, 6]},
                       "ladle": {"file": "broken.glb", "size": [4, 5, 4]},
                       "truck_220t": {"file": ")" + (kModels / "truck_220t.glb").string() + R"("}}})",
        "test.json", dir);
    REQUIRE(manifest.ok());
    std::vector<std::string> log;
    eng::ModelLibrary lib(manifest, [&](const std::string& s) { log.push_back(s); });

    const eng::MeshData& crane = lib.get("crane");
    const eng::MeshData& again = lib.get("crane");
    CHECK(&crane == &again);
    CHECK(lib.isFallback("crane"));
    REQUIRE(log.size() == 1);  // once, however often it is drawn
    CHECK(log[0].find("model 'crane'") != std::string::npos);
    CHECK(log[0].find("gone.glb: file not found") != std::string::npos);
    CHECK(crane.boundsMax.x - crane.boundsMin.x == doctest::Approx(24.0));
    CHECK(crane.boundsMax.y == doctest::Approx(20.0));
    CHECK(crane.boundsMin.y == doctest::Approx(0.0));

    CHECK(lib.isFallback("ladle") == false);  // not asked for yet: lazy
    lib.get("ladle");
    CHECK(lib.isFallback("ladle"));
    CHECK(log.size() == 2);

    const eng::MeshData& unknown = lib.get("no_such_role");
    CHECK(lib.isFallback("no_such_role"));
    CHECK(unknown.boundsMax.y == doctest::Approx(2.0));
    CHECK(log.size() == 3);

    CHECK_FALSE(lib.get("truck_220t").parts.empty());
    CHECK_FALSE(lib.isFallback("truck_220t"));
    CHECK(log.size() == 3);
    fs::remove_all(dir);
}

TEST_CASE("fallbackMesh: a closed magenta/black checkered box standing on the ground, facing outwards") {
    const eng::MeshData m = eng::fallbackMesh({3.0f, 2.0f, 5.0f});
    CHECK(m.boundsMin == glm::vec3(-1.5f, 0.0f, -2.5f));
    CHECK(m.boundsMax == glm::vec3(1.5f, 2.0f, 2.5f));
    REQUIRE(m.parts.size() == 2);
    CHECK(m.materials[static_cast<std::size_t>(m.parts[0].material)].baseColor == glm::vec4(1, 0, 1, 1));
    // Emissive marks a glowing part that a scene drives (the smelter re-colours it by temperature): not the fallback.
    for (const eng::Material& mat : m.materials) CHECK(mat.emissive == glm::vec3(0.0f));
    CHECK(frontFacingShare(m) == 1.0);
    // Surface area equals the box's: no face missing, none doubled. 2(3*2 + 3*5 + 2*5) = 62 m2.
    double area = 0.0;
    for (const eng::SubMesh& s : m.parts)
        for (std::size_t i = 0; i < s.indices.size(); i += 3)
            area += 0.5 * glm::length(glm::cross(s.vertices[s.indices[i + 1]].position - s.vertices[s.indices[i]].position,
                                                 s.vertices[s.indices[i + 2]].position - s.vertices[s.indices[i]].position));
    CHECK(area == doctest::Approx(62.0));
    for (const eng::SubMesh& s : m.parts) CHECK(s.indices.size() / 3 > 20);  // checkered, not two flat colours
}

#ifdef ALMALYK_MODELGEN
TEST_CASE("modelgen: regenerating the models gives byte-identical files") {
    const fs::path dir = tempDir("modelgen");
    const std::string cmd = std::string("\"") + ALMALYK_MODELGEN + "\" --out \"" + dir.string() + "\" > /dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::set<std::string> committed, regenerated;
    for (const auto& f : fs::directory_iterator(kModels)) committed.insert(f.path().filename().string());
    for (const auto& f : fs::directory_iterator(dir)) regenerated.insert(f.path().filename().string());
    CHECK(committed == regenerated);
    for (const std::string& name : regenerated) {
        CAPTURE(name);
        CHECK(readBytes(dir / name) == readBytes(kModels / name));
    }
    fs::remove_all(dir);
}
#endif
