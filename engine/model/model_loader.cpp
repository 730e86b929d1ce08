#include "engine/model/model_loader.h"

#include <assimp/Importer.hpp>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace eng {
namespace {

glm::mat4 toGlm(const aiMatrix4x4& m) {
    // Assimp is row-major with translation in a4/b4/c4; glm is column-major.
    return glm::mat4(m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2, m.a3, m.b3, m.c3, m.d3, m.a4, m.b4, m.c4, m.d4);
}

Material readMaterial(const aiMaterial& src) {
    Material m;
    aiString name;
    if (src.Get(AI_MATKEY_NAME, name) == AI_SUCCESS) m.name = name.C_Str();
    aiColor4D c;
    if (src.Get(AI_MATKEY_BASE_COLOR, c) == AI_SUCCESS) {
        m.baseColor = {c.r, c.g, c.b, c.a};
    } else if (src.Get(AI_MATKEY_COLOR_DIFFUSE, c) == AI_SUCCESS) {
        m.baseColor = {c.r, c.g, c.b, 1.0f};
        float opacity = 1.0f;
        if (src.Get(AI_MATKEY_OPACITY, opacity) == AI_SUCCESS) m.baseColor.a = opacity;
    }
    aiColor3D e;
    if (src.Get(AI_MATKEY_COLOR_EMISSIVE, e) == AI_SUCCESS) m.emissive = {e.r, e.g, e.b};
    float f = 0.0f;
    if (src.Get(AI_MATKEY_ROUGHNESS_FACTOR, f) == AI_SUCCESS) m.roughness = f;
    if (src.Get(AI_MATKEY_METALLIC_FACTOR, f) == AI_SUCCESS) m.metallic = f;
    return m;
}

void appendNode(const aiScene& scene, const aiNode& node, const glm::mat4& parent, MeshData& out) {
    const glm::mat4 world = parent * toGlm(node.mTransformation);
    const glm::mat3 normalMat = glm::transpose(glm::inverse(glm::mat3(world)));
    const bool mirrored = glm::determinant(glm::mat3(world)) < 0.0f;
    for (unsigned i = 0; i < node.mNumMeshes; ++i) {
        const aiMesh& src = *scene.mMeshes[node.mMeshes[i]];
        if (!(src.mPrimitiveTypes & aiPrimitiveType_TRIANGLE) || !src.HasPositions()) continue;
        SubMesh part;
        part.material = static_cast<int>(src.mMaterialIndex);
        part.name = node.mName.length > 0 ? node.mName.C_Str() : src.mName.C_Str();
        part.vertices.reserve(src.mNumVertices);
        for (unsigned v = 0; v < src.mNumVertices; ++v) {
            Vertex vx;
            const aiVector3D& p = src.mVertices[v];
            vx.position = glm::vec3(world * glm::vec4(p.x, p.y, p.z, 1.0f));
            if (src.HasNormals()) {
                const aiVector3D& n = src.mNormals[v];
                const glm::vec3 tn = normalMat * glm::vec3(n.x, n.y, n.z);
                const float len = glm::length(tn);
                vx.normal = len > 1e-20f ? tn / len : glm::vec3(0.0f, 1.0f, 0.0f);
            }
            if (src.HasTextureCoords(0)) vx.uv = {src.mTextureCoords[0][v].x, src.mTextureCoords[0][v].y};
            part.vertices.push_back(vx);
        }
        for (unsigned f = 0; f < src.mNumFaces; ++f) {
            const aiFace& face = src.mFaces[f];
            if (face.mNumIndices != 3) continue;  // points and lines left over by SortByPType
            part.indices.push_back(face.mIndices[0]);
            part.indices.push_back(face.mIndices[mirrored ? 2 : 1]);
            part.indices.push_back(face.mIndices[mirrored ? 1 : 2]);
        }
        if (!part.indices.empty()) out.parts.push_back(std::move(part));
    }
    for (unsigned c = 0; c < node.mNumChildren; ++c) appendNode(scene, *node.mChildren[c], world, out);
}

// A NaN, infinite or absurdly far vertex (1e30: one drew a huge dark band across the scene) makes the whole model
// unusable: bounds, shadows and culling all break. Checked after the entry's transform, in metres: the site is a
// few kilometres across, so a million metres is far past any real model yet well inside float precision.
constexpr float kMaxCoordinateM = 1e6f;

std::string badVertex(const MeshData& m) {
    for (const SubMesh& part : m.parts)
        for (std::size_t i = 0; i < part.vertices.size(); ++i) {
            const glm::vec3 p = part.vertices[i].position;
            const bool finite = std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.z);
            if (finite && std::max({std::abs(p.x), std::abs(p.y), std::abs(p.z)}) <= kMaxCoordinateM) continue;
            char buf[256];
            std::snprintf(buf, sizeof buf,
                          "vertex %zu of part '%s' is at (%g, %g, %g) m after the manifest's scale and orientation; "
                          "expected finite coordinates within %g m of the origin",
                          i, part.name.c_str(), p.x, p.y, p.z, static_cast<double>(kMaxCoordinateM));
            return buf;
        }
    return {};
}

}  // namespace

glm::mat4 entryTransform(const ModelEntry& entry) {
    glm::mat4 m = glm::translate(glm::mat4(1.0f), entry.offset);
    m = glm::rotate(m, glm::radians(entry.rotateDeg), glm::vec3(0.0f, 1.0f, 0.0f));
    // Z-up -> Y-up: (x, y, z) -> (x, z, -y), a -90 degree turn about +X.
    if (entry.upAxis == UpAxis::Z) m = glm::rotate(m, glm::radians(-90.0f), glm::vec3(1.0f, 0.0f, 0.0f));
    return glm::scale(m, glm::vec3(entry.scale));
}

MeshData loadModel(const std::filesystem::path& path, const ModelEntry& entry, std::string* err) {
    const auto fail = [&](const std::string& why) {
        if (err) *err = path.string() + ": " + why;
        return MeshData{};
    };
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return fail("file not found");
    Assimp::Importer importer;
    importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
    const unsigned flags = aiProcess_Triangulate | aiProcess_JoinIdenticalVertices | aiProcess_GenSmoothNormals |
                           aiProcess_SortByPType | aiProcess_ValidateDataStructure;
    const aiScene* scene = importer.ReadFile(path.string(), flags);
    if (!scene || !scene->mRootNode || (scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE))
        return fail(std::string("Assimp could not read it: ") + importer.GetErrorString());

    MeshData out;
    for (unsigned i = 0; i < scene->mNumMaterials; ++i) out.materials.push_back(readMaterial(*scene->mMaterials[i]));
    if (out.materials.empty()) out.materials.push_back(Material{.name = "default"});
    appendNode(*scene, *scene->mRootNode, entryTransform(entry), out);
    if (out.parts.empty()) return fail("contains no triangle meshes");
    if (const std::string bad = badVertex(out); !bad.empty()) return fail(bad);
    out.computeBounds();
    if (err) err->clear();
    return out;
}

}  // namespace eng
