// Render tests of `--assets DIR` models, end to end as a user would use them (docs/models.md): a user folder whose
// models/models.json replaces one role with a model of an obviously different shape and colour changes the scene's
// picture; a broken, a truncated and a missing model file are each named in the log and drawn as the magenta/black
// fallback; a broken user models.json stops the run with exit 2 and its path; and every role of the built-in
// manifest is asked for by some scene (ALMALYK_LOG_MODELS=1 makes eng::ModelLibrary print each role it is asked for).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "render_shot.h"

namespace fs = std::filesystem;

namespace {

constexpr int kW = 480, kH = 270;
const fs::path kBuiltinModels = fs::path(ALMALYK_SOURCE_DIR) / "assets" / "models";
// The smelter's "Smelting furnace" preset: the furnace fills the middle of the picture.
const std::string kFurnaceView = "--scene smelter --camera 2 --quality low --start 2026-06-21T11:00:00+05:00";

Shot shot(const std::string& args, const std::string& name) {
    return runShot(args + " --size " + std::to_string(kW) + "x" + std::to_string(kH), name);
}

fs::path userDir(const std::string& name) {
    const fs::path d = fs::path(ALMALYK_BINARY_DIR) / "render_out" / ("assets_" + name);
    fs::remove_all(d);
    fs::create_directories(d / "models");
    return d;
}

void writeFile(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A w x h x l box standing on y = 0 as OBJ + MTL with one diffuse colour: nothing like any built-in model.
void writeBoxObj(const fs::path& dir, const std::string& stem, float w, float h, float l, const char* kd) {
    writeFile(dir / (stem + ".mtl"), std::string("newmtl paint\nKd ") + kd + "\nKa 0 0 0\nKs 0 0 0\n");
    std::string obj = "mtllib " + stem + ".mtl\no box\n";
    for (int i = 0; i < 8; ++i)
        obj += "v " + std::to_string((i & 1 ? 0.5f : -0.5f) * w) + " " + std::to_string(i & 2 ? h : 0.0f) + " " +
               std::to_string((i & 4 ? 0.5f : -0.5f) * l) + "\n";
    // Counter-clockwise seen from outside; OBJ indices start at 1.
    obj += "usemtl paint\nf 1 3 4 2\nf 5 6 8 7\nf 1 2 6 5\nf 3 7 8 4\nf 1 5 7 3\nf 2 4 8 6\n";
    writeFile(dir / (stem + ".obj"), obj);
}

// Pixels whose colour is "strongly c": the named channel(s) bright, the others dark.
int countColour(const Shot& s, bool r, bool g, bool b) {
    int n = 0;
    for (std::size_t i = 0; i + 2 < s.px.size(); i += 3) {
        const int c[3] = {s.px[i], s.px[i + 1], s.px[i + 2]};
        const bool want[3] = {r, g, b};
        int lo = 255, hi = 0;
        for (int k = 0; k < 3; ++k) (want[k] ? lo : hi) = want[k] ? std::min(lo, c[k]) : std::max(hi, c[k]);
        if (lo > 110 && lo > hi + 70) ++n;
    }
    return n;
}
int countMagenta(const Shot& s) { return countColour(s, true, false, true); }
int countGreen(const Shot& s) { return countColour(s, false, true, false); }

double changedFraction(const Shot& a, const Shot& b) {
    int changed = 0;
    for (std::size_t i = 0; i + 2 < a.px.size(); i += 3)
        for (int c = 0; c < 3; ++c)
            if (std::abs(a.px[i + c] - b.px[i + c]) > 24) {
                ++changed;
                break;
            }
    return a.px.empty() ? 0.0 : static_cast<double>(changed) / (a.px.size() / 3);
}

const Shot& defaultFurnace() {
    static const Shot s = shot(kFurnaceView, "assets_default_furnace");
    return s;
}

}  // namespace

TEST_CASE("--assets: a user's replacement model for one role changes its scene's picture") {
    const fs::path dir = userDir("replacement");
    // A 30 m bright green block in place of the smelting furnace (7.8 x 22 x 15.5 m).
    writeBoxObj(dir / "models", "block", 30.0f, 30.0f, 30.0f, "0.05 0.9 0.05");
    writeFile(dir / "models" / "models.json",
              R"({ "models": { "smelting_furnace": { "file": "block.obj", "size": [30, 30, 30] } } })");
    const Shot& base = defaultFurnace();
    const Shot mine = shot(kFurnaceView + " --assets \"" + dir.string() + "\"", "assets_replacement");
    checkRenderedShot(base, kW, kH, 40);
    checkRenderedShot(mine, kW, kH, 40);
    INFO(mine.log);
    CHECK(mine.log.find("warning") == std::string::npos);
    const double changed = changedFraction(base, mine);
    const int greenBefore = countGreen(base), greenAfter = countGreen(mine);
    INFO("changed " << changed << ", green pixels " << greenBefore << " -> " << greenAfter);
    CHECK(changed > 0.05);                      // a big block where the furnace stood
    CHECK(greenAfter > greenBefore + kW * kH / 50);  // and it is the user's colour
}

TEST_CASE("--assets: a broken, a truncated and a missing model are each named in the log and drawn as the fallback") {
    const fs::path dir = userDir("broken");
    writeFile(dir / "models" / "garbage.glb", std::string(4096, '\x5a') + "not a model at all");
    const std::string glb = readBytes(kBuiltinModels / "converter.glb");
    REQUIRE(glb.size() > 1000);
    writeFile(dir / "models" / "half.glb", glb.substr(0, glb.size() / 2));
    writeFile(dir / "models" / "models.json", R"({ "models": {
        "smelting_furnace": { "file": "garbage.glb", "size": [7.8, 22, 15.5] },
        "converter": { "file": "half.glb", "size": [13.2, 11, 5.2] },
        "anode_furnace": { "file": "no_such_file.glb", "size": [16, 10, 5.2] } } })");
    const Shot s = shot(kFurnaceView + " --assets \"" + dir.string() + "\"", "assets_broken");
    checkRenderedShot(s, kW, kH, 40);
    INFO(s.log);
    const std::pair<const char*, const char*> cases[] = {
        {"smelting_furnace", "garbage.glb"}, {"converter", "half.glb"}, {"anode_furnace", "no_such_file.glb"}};
    for (const auto& c : cases) {
        const char* role = c.first;  // named, not bound: clang 14 cannot capture a structured binding in INFO
        const char* file = c.second;
        INFO(role << " " << file);
        const std::string line = std::string("warning: model '") + role + "': " + (dir / "models" / file).string();
        const std::size_t at = s.log.find(line);
        REQUIRE(at != std::string::npos);
        CHECK(s.log.find(line, at + 1) == std::string::npos);  // reported once, however often it is drawn
    }
    CHECK(s.log.find("file not found") != std::string::npos);
    const int before = countMagenta(defaultFurnace()), after = countMagenta(s);
    INFO("magenta pixels " << before << " -> " << after);
    CHECK(after > before + kW * kH / 200);  // the checker box where the furnace stood
}

TEST_CASE("--assets: a broken user models.json stops the run with exit 2 and names the file and line") {
    const fs::path dir = userDir("bad_manifest");
    writeFile(dir / "models" / "models.json", "{ \"models\": {\n  \"converter\": { \"file\": \"x.glb\", }\n}");
    const Shot s = shot(kFurnaceView + " --assets \"" + dir.string() + "\"", "assets_bad_manifest");
    INFO(s.log);
    CHECK(s.rc == 2);
    CHECK(s.log.find((dir / "models" / "models.json").string() + ":2:") != std::string::npos);
    CHECK(s.px.empty());
}

TEST_CASE("every role of the built-in model manifest is drawn by some scene") {
    const nlohmann::json manifest = nlohmann::json::parse(readBytes(kBuiltinModels / "models.json"));
    std::set<std::string> unused;
    for (const auto& [role, e] : manifest.at("models").items()) unused.insert(role);
    REQUIRE(unused.size() > 10);
    ::setenv("ALMALYK_LOG_MODELS", "1", 1);
    // The pit with both transport modes, so the rail and the conveyor roles both get their chance.
    for (const std::string args : {"--scene landscape", "--scene pit", "--scene pit --set transport.mode=both",
                                   "--scene smelter", "--scene hydrogen"}) {
        const Shot s = runShot(args + " --size 160x90 --quality low", "assets_roles");
        INFO(args << "\n" << s.log);
        CHECK(s.rc == 0);
        for (auto it = unused.begin(); it != unused.end();)
            it = s.log.find("[models] role " + *it + ":") != std::string::npos ? unused.erase(it) : std::next(it);
    }
    ::unsetenv("ALMALYK_LOG_MODELS");
    std::string list;
    for (const auto& r : unused) list += " " + r;
    INFO("manifest roles no scene asks for:" << list);
    CHECK(unused.empty());
}
