#include "engine/model/model_manifest.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/paths.h"

namespace eng {
namespace {

using Json = nlohmann::json;

const char* typeName(const Json& j) { return j.type_name(); }

// Collects one role's field problems with the "file: models.<role>.<field>: ..." prefix.
class FieldReader {
public:
    FieldReader(const Json& obj, std::string origin, std::string role, std::vector<std::string>& errors)
        : m_obj(obj), m_origin(std::move(origin)), m_role(std::move(role)), m_errors(errors) {}

    bool failed() const { return m_failed; }

    void fail(const std::string& field, const std::string& what) {
        m_errors.push_back(m_origin + ": models." + m_role + (field.empty() ? "" : "." + field) + ": " + what);
        m_failed = true;
    }

    std::string string(const char* key, bool required) {
        const auto it = m_obj.find(key);
        if (it == m_obj.end()) {
            if (required) fail(key, "missing (expected a string)");
            return {};
        }
        if (!it->is_string()) { fail(key, std::string("expected a string, got ") + typeName(*it)); return {}; }
        return it->get<std::string>();
    }

    float number(const char* key, float fallback, float lo, float hi) {
        const auto it = m_obj.find(key);
        if (it == m_obj.end()) return fallback;
        if (!it->is_number()) { fail(key, std::string("expected a number, got ") + typeName(*it)); return fallback; }
        const double v = it->get<double>();
        if (!(v >= lo && v <= hi)) {
            std::ostringstream os;
            os << "value " << v << " is outside [" << lo << ", " << hi << "]";
            fail(key, os.str());
            return fallback;
        }
        return static_cast<float>(v);
    }

    glm::vec3 vec3(const Json& parent, const std::string& key, const std::string& path, glm::vec3 fallback) {
        const auto it = parent.find(key);
        if (it == parent.end()) return fallback;
        if (!it->is_array() || it->size() != 3 || !std::all_of(it->begin(), it->end(), [](const Json& e) { return e.is_number(); })) {
            fail(path, std::string("expected an array of 3 numbers, got ") + (it->is_array() ? "an array of " + std::to_string(it->size()) + " items" : typeName(*it)));
            return fallback;
        }
        return {(*it)[0].get<float>(), (*it)[1].get<float>(), (*it)[2].get<float>()};
    }

private:
    const Json& m_obj;
    std::string m_origin, m_role;
    std::vector<std::string>& m_errors;
    bool m_failed = false;
};

// The built-in manifest of 30 roles is about 10 KiB; a user's with hundreds of roles stays far below this.
constexpr std::size_t kManifestMaxBytes = std::size_t{4} << 20;

constexpr std::array kEntryFields{"file", "scale", "up_axis", "rotate_deg", "offset", "size", "parts", "description"};

// Returns true when the entry is usable; problems go to `errors`.
bool readEntry(const std::string& role, const Json& obj, const std::string& origin, const std::filesystem::path& baseDir,
               ModelEntry& e, std::vector<std::string>& errors) {
    FieldReader r(obj, origin, role, errors);
    if (!obj.is_object()) { r.fail("", std::string("expected an object, got ") + typeName(obj)); return false; }
    for (const auto& [key, value] : obj.items()) {
        (void)value;
        if (std::find(kEntryFields.begin(), kEntryFields.end(), key) == kEntryFields.end())
            r.fail(key, "unknown field (expected file, scale, up_axis, rotate_deg, offset, size, parts, description)");
    }
    e.role = role;
    e.file = r.string("file", true);
    if (!e.file.empty()) e.path = std::filesystem::path(e.file).is_absolute() ? std::filesystem::path(e.file) : baseDir / e.file;
    else if (!r.failed()) r.fail("file", "is empty (expected a model file name such as truck.glb)");
    e.description = r.string("description", false);
    e.scale = r.number("scale", 1.0f, 1e-6f, 1e6f);
    e.rotateDeg = r.number("rotate_deg", 0.0f, -360.0f, 360.0f);
    const std::string up = obj.contains("up_axis") ? r.string("up_axis", false) : "y";
    if (up == "y" || up == "Y") e.upAxis = UpAxis::Y;
    else if (up == "z" || up == "Z") e.upAxis = UpAxis::Z;
    else if (obj.contains("up_axis") && obj["up_axis"].is_string()) r.fail("up_axis", "unknown up axis '" + up + "' (expected \"y\" or \"z\")");
    e.offset = r.vec3(obj, "offset", "offset", glm::vec3(0.0f));
    e.size = r.vec3(obj, "size", "size", glm::vec3(2.0f));
    if (!(e.size.x > 0.0f && e.size.y > 0.0f && e.size.z > 0.0f)) r.fail("size", "every dimension must be > 0 metres");
    if (const auto it = obj.find("parts"); it != obj.end()) {
        if (!it->is_object()) {
            r.fail("parts", std::string("expected an object of part name -> {pivot, axis}, got ") + typeName(*it));
        } else {
            for (const auto& [name, part] : it->items()) {
                const std::string path = "parts." + name;
                if (!part.is_object()) { r.fail(path, std::string("expected an object {pivot, axis}, got ") + typeName(part)); continue; }
                PartPivot p;
                p.pivot = r.vec3(part, "pivot", path + ".pivot", p.pivot);
                p.axis = r.vec3(part, "axis", path + ".axis", p.axis);
                if (glm::dot(p.axis, p.axis) < 1e-12f) r.fail(path + ".axis", "must not be the zero vector");
                else p.axis = glm::normalize(p.axis);
                e.parts[name] = p;
            }
        }
    }
    return !r.failed();
}

// nlohmann reports a byte offset; people want line:column.
std::string lineColumn(std::string_view text, std::size_t byte) {
    const std::size_t end = std::min(byte > 0 ? byte - 1 : 0, text.size());
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') { ++line; col = 1; }
        else ++col;
    }
    return std::to_string(line) + ":" + std::to_string(col);
}

}  // namespace

const char* upAxisName(UpAxis a) { return a == UpAxis::Z ? "z" : "y"; }

ModelManifest ModelManifest::parse(std::string_view text, const std::string& origin, const std::filesystem::path& baseDir) {
    ModelManifest m;
    Json root;
    try {
        root = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        // e.what() reads "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."; keep the tail.
        std::string msg = e.what();
        if (const auto colon = msg.find(": "); colon != std::string::npos) msg = msg.substr(colon + 2);
        m.m_errors.push_back(origin + ":" + lineColumn(text, e.byte) + ": JSON syntax error: " + msg);
        return m;
    } catch (const Json::out_of_range&) {
        // nlohmann throws this (not parse_error) for a number beyond a double, e.g. 1e390: found by fuzz_manifest.
        m.m_errors.push_back(origin + ": a number is too large (JSON numbers here must lie within +-1.7e308)");
        return m;
    }
    if (!root.is_object()) {
        m.m_errors.push_back(origin + ": expected a JSON object with a \"models\" object, got " + std::string(typeName(root)));
        return m;
    }
    const auto models = root.find("models");
    if (models == root.end() || !models->is_object()) {
        m.m_errors.push_back(origin + ": models: " + (models == root.end() ? std::string("missing") : "expected an object, got " + std::string(typeName(*models))) +
                             " (expected \"models\": { \"<role>\": { \"file\": ... } })");
        return m;
    }
    for (const auto& [role, obj] : models->items()) {
        ModelEntry e;
        const std::size_t before = m.m_errors.size();
        if (!readEntry(role, obj, origin, baseDir, e, m.m_errors)) {
            e.broken = m.m_errors.size() > before ? m.m_errors[before] : origin + ": models." + role + ": unusable";
            if (!(e.size.x > 0.0f && e.size.y > 0.0f && e.size.z > 0.0f)) e.size = glm::vec3(2.0f);
        }
        m.m_entries[role] = std::move(e);
    }
    return m;
}

ModelManifest ModelManifest::load(const std::filesystem::path& file) {
    ModelManifest m;
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) {
        m.m_errors.push_back(file.string() + ": is a folder, not a model manifest");
        return m;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        m.m_errors.push_back(file.string() + ": cannot open the model manifest");
        return m;
    }
    // Read at most one byte past the limit: a manifest linked to /dev/zero stops here instead of filling memory.
    std::string text;
    char buf[1 << 16];
    while (in && text.size() <= kManifestMaxBytes) {
        in.read(buf, sizeof buf);
        text.append(buf, static_cast<std::size_t>(in.gcount()));
    }
    if (text.size() > kManifestMaxBytes) {
        m.m_errors.push_back(file.string() + ": larger than " + std::to_string(kManifestMaxBytes >> 20) +
                             " MiB; a model manifest is a few kilobytes (is this the right file?)");
        return m;
    }
    return parse(text, file.string(), file.parent_path());
}

ModelManifest ModelManifest::loadAssets(const std::string& userAssetsDir, const std::filesystem::path& builtinAssetsDir) {
    const std::filesystem::path builtin = builtinAssetsDir.empty() ? Paths::global().resolveBuiltin("assets") : builtinAssetsDir;
    ModelManifest m;
    if (builtin.empty()) m.m_errors.push_back("built-in model manifest " + Paths::global().whyMissing("assets/models/models.json"));
    else m = load(builtin / "models" / "models.json");
    if (!userAssetsDir.empty()) {
        const std::filesystem::path user = std::filesystem::path(userAssetsDir) / "models" / "models.json";
        std::error_code ec;
        // A user folder may carry only tours or scenarios; no manifest there means "use the built-in models".
        if (std::filesystem::exists(user, ec)) m.overlay(load(user));
    }
    return m;
}

bool ModelManifest::checkUserManifest(const std::string& userAssetsDir, std::string* why) {
    if (userAssetsDir.empty()) return true;
    const std::filesystem::path user = std::filesystem::path(userAssetsDir) / "models" / "models.json";
    std::error_code ec;
    if (!std::filesystem::exists(user, ec)) return true;
    const ModelManifest m = load(user);
    if (m.ok()) return true;
    if (why) {
        why->clear();
        for (const std::string& e : m.errors()) *why += (why->empty() ? "" : "\n") + e;
    }
    return false;
}

void ModelManifest::overlay(const ModelManifest& other) {
    for (const auto& [role, e] : other.m_entries) {
        ModelEntry& mine = m_entries[role];
        const glm::vec3 nominal = mine.role.empty() ? e.size : mine.size;
        mine = e;
        if (!e.broken.empty()) mine.size = nominal;  // the box stands where the built-in model stood
    }
    m_errors.insert(m_errors.end(), other.m_errors.begin(), other.m_errors.end());
}

const ModelEntry* ModelManifest::find(std::string_view role) const {
    const auto it = m_entries.find(role);
    return it == m_entries.end() ? nullptr : &it->second;
}

std::vector<std::string> ModelManifest::roles() const {
    std::vector<std::string> out;
    for (const auto& [role, e] : m_entries) out.push_back(role);
    return out;
}

}  // namespace eng
