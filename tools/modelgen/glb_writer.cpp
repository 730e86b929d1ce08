#include "tools/modelgen/glb_writer.h"

#include <algorithm>
#include <memory>
#include <vector>

#include <assimp/Exporter.hpp>
#include <assimp/material.h>
#include <assimp/scene.h>

namespace modelgen {
namespace {

aiMaterial* toAssimp(const eng::Material& m) {
    auto* out = new aiMaterial();
    const aiString name(m.name);
    out->AddProperty(&name, AI_MATKEY_NAME);
    const aiColor4D base(m.baseColor.r, m.baseColor.g, m.baseColor.b, m.baseColor.a);
    out->AddProperty(&base, 1, AI_MATKEY_BASE_COLOR);
    out->AddProperty(&base, 1, AI_MATKEY_COLOR_DIFFUSE);
    const aiColor3D emissive(m.emissive.r, m.emissive.g, m.emissive.b);
    out->AddProperty(&emissive, 1, AI_MATKEY_COLOR_EMISSIVE);
    out->AddProperty(&m.roughness, 1, AI_MATKEY_ROUGHNESS_FACTOR);
    out->AddProperty(&m.metallic, 1, AI_MATKEY_METALLIC_FACTOR);
    return out;
}

aiMesh* toAssimp(const eng::SubMesh& s) {
    auto* out = new aiMesh();
    out->mName = aiString(s.name);
    out->mPrimitiveTypes = aiPrimitiveType_TRIANGLE;
    out->mMaterialIndex = static_cast<unsigned>(s.material);
    out->mNumVertices = static_cast<unsigned>(s.vertices.size());
    out->mVertices = new aiVector3D[out->mNumVertices];
    out->mNormals = new aiVector3D[out->mNumVertices];
    for (unsigned i = 0; i < out->mNumVertices; ++i) {
        const eng::Vertex& v = s.vertices[i];
        out->mVertices[i] = aiVector3D(v.position.x, v.position.y, v.position.z);
        out->mNormals[i] = aiVector3D(v.normal.x, v.normal.y, v.normal.z);
    }
    out->mNumFaces = static_cast<unsigned>(s.indices.size() / 3);
    out->mFaces = new aiFace[out->mNumFaces];
    for (unsigned f = 0; f < out->mNumFaces; ++f) {
        out->mFaces[f].mNumIndices = 3;
        out->mFaces[f].mIndices = new unsigned[3]{s.indices[3 * f], s.indices[3 * f + 1], s.indices[3 * f + 2]};
    }
    return out;
}

}  // namespace

bool writeGlb(const eng::MeshData& mesh, const std::string& rootName, const std::filesystem::path& path, std::string* err) {
    auto scene = std::make_unique<aiScene>();  // its destructor frees everything attached below
    scene->mNumMaterials = static_cast<unsigned>(mesh.materials.size());
    scene->mMaterials = new aiMaterial*[scene->mNumMaterials];
    for (unsigned i = 0; i < scene->mNumMaterials; ++i) scene->mMaterials[i] = toAssimp(mesh.materials[i]);
    scene->mNumMeshes = static_cast<unsigned>(mesh.parts.size());
    scene->mMeshes = new aiMesh*[scene->mNumMeshes];
    for (unsigned i = 0; i < scene->mNumMeshes; ++i) scene->mMeshes[i] = toAssimp(mesh.parts[i]);

    std::vector<std::string> names;  // part names in first-use order
    for (const eng::SubMesh& s : mesh.parts)
        if (std::find(names.begin(), names.end(), s.name) == names.end()) names.push_back(s.name);
    scene->mRootNode = new aiNode(rootName + "_model");  // distinct from any part node, which glTF would rename
    scene->mRootNode->mNumChildren = static_cast<unsigned>(names.size());
    scene->mRootNode->mChildren = new aiNode*[names.size()];
    for (std::size_t n = 0; n < names.size(); ++n) {
        auto* node = new aiNode(names[n]);
        node->mParent = scene->mRootNode;
        std::vector<unsigned> ids;
        for (unsigned i = 0; i < scene->mNumMeshes; ++i)
            if (mesh.parts[i].name == names[n]) ids.push_back(i);
        node->mNumMeshes = static_cast<unsigned>(ids.size());
        node->mMeshes = new unsigned[ids.size()];
        std::copy(ids.begin(), ids.end(), node->mMeshes);
        scene->mRootNode->mChildren[n] = node;
    }

    Assimp::Exporter exporter;
    if (exporter.Export(scene.get(), "glb2", path.string()) != aiReturn_SUCCESS) {
        if (err) *err = path.string() + ": Assimp's glb2 exporter failed: " + exporter.GetErrorString();
        return false;
    }
    return true;
}

}  // namespace modelgen
