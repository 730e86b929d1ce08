// Engine logic that needs no GL context: path resolution, shader #include assembly and log mapping, camera maths,
// quality choice, frame statistics.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

#include <glm/gtc/matrix_transform.hpp>
#include <glm/mat3x3.hpp>

#include "engine/camera.h"
#include "engine/frame_stats.h"
#include "engine/gfx/renderer.h"
#include "engine/image.h"
#include "engine/paths.h"
#include "engine/quality.h"
#include "engine/shader_source.h"

namespace fs = std::filesystem;

TEST_CASE("paths: --assets wins for assets/, the source tree serves shaders, cwd alone is never used") {
    const fs::path tmp = fs::temp_directory_path() / "almalyk_paths_test";
    fs::create_directories(tmp / "mine" / "tours");
    std::ofstream(tmp / "mine" / "tours" / "t.json") << "{}";
    eng::Paths p("/nonexistent-exe-dir", ALMALYK_SOURCE_DIR);
    CHECK(p.resolve("shaders/lit.frag") == fs::path(ALMALYK_SOURCE_DIR "/shaders/lit.frag").lexically_normal());
    CHECK(p.resolve("assets/tours/t.json").empty());
    p.setAssetsOverride(tmp / "mine");
    CHECK(p.resolve("assets/tours/t.json") == (tmp / "mine" / "tours" / "t.json").lexically_normal());
    CHECK(p.resolve("shaders/nope.frag").empty());
    const std::string why = p.whyMissing("shaders/nope.frag");
    CHECK(why.find("/nonexistent-exe-dir/shaders/nope.frag") != std::string::npos);
    CHECK(why.find(ALMALYK_SOURCE_DIR) != std::string::npos);
    fs::remove_all(tmp);
}

TEST_CASE("shader #include: expands once, keeps #version first, maps log lines back to files") {
    std::map<std::string, std::string> files = {
        {"shaders/a.frag", "#version 330 core\n#include \"b.glsl\"\n#include \"b.glsl\"\nvoid main() {}\n"},
        {"shaders/b.glsl", "float f() { return 1.0; }\nfloat g() { return x; }\n"},
    };
    auto load = [&](const std::string& n) -> std::optional<std::string> {
        auto it = files.find(n);
        return it == files.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    eng::ShaderSource s = eng::assembleShader("shaders/a.frag", load, {"SHADOW_TAPS 9"});
    REQUIRE(s.ok);
    CHECK(s.text.rfind("#version 330 core\n#define SHADOW_TAPS 9\n", 0) == 0);
    std::size_t count = 0;
    for (std::size_t p = s.text.find("float f()"); p != std::string::npos; p = s.text.find("float f()", p + 1)) ++count;
    CHECK(count == 1);
    REQUIRE(s.files.size() == 2);
    // Mesa's format "1:2(25): error: ..." is source-string 1 = b.glsl, line 2.
    CHECK(s.mapLog("1:2(25): error: `x' undeclared\n") == "shaders/b.glsl:2: error: `x' undeclared\n");
    CHECK(s.mapLog("0:4(1): error: bad\n") == "shaders/a.frag:4: error: bad\n");

    files["shaders/a.frag"] = "#version 330 core\n#include \"missing.glsl\"\n";
    eng::ShaderSource bad = eng::assembleShader("shaders/a.frag", load);
    CHECK_FALSE(bad.ok);
    CHECK(bad.error == "shaders/a.frag:2: cannot include \"shaders/missing.glsl\": not found");

    files["shaders/a.frag"] = "#version 330 core\n#include \"c.glsl\"\n";
    files["shaders/c.glsl"] = "#include \"a.frag\"\n";
    eng::ShaderSource cyc = eng::assembleShader("shaders/a.frag", load);
    CHECK_FALSE(cyc.ok);
    CHECK(cyc.error.find("include cycle") != std::string::npos);
}

TEST_CASE("camera: pose geometry, fly-to endpoints, picking ray through the screen centre hits the target") {
    eng::OrbitCamera cam;
    cam.setPose({.target = {10, 0, 20}, .yawDeg = 0, .pitchDeg = 30, .distance = 100});
    const glm::vec3 eye = cam.position();
    // Yaw 0 looks toward -Z: the eye sits south (+Z) of the target, raised by sin(30°) * 100.
    CHECK(eye.x == doctest::Approx(10.0f).epsilon(1e-4));
    CHECK(eye.y == doctest::Approx(50.0f).epsilon(1e-4));
    CHECK(eye.z == doctest::Approx(20.0f + 100.0f * std::cos(glm::radians(30.0f))).epsilon(1e-4));
    const eng::Ray r = cam.pickRay({640, 360}, {1280, 720});
    glm::vec3 hit;
    REQUIRE(eng::intersectGround(r, 0.0f, hit));
    CHECK(hit.x == doctest::Approx(10.0f).epsilon(1e-3));
    CHECK(hit.z == doctest::Approx(20.0f).epsilon(1e-3));

    // Fly-to: starts where we are, ends exactly at the goal, takes the short way round in yaw.
    cam.setPose({.target = {0, 0, 0}, .yawDeg = 350, .pitchDeg = 20, .distance = 100});
    cam.flyTo({.target = {100, 0, 0}, .yawDeg = 10, .pitchDeg = 40, .distance = 400}, 2.0f);
    cam.update(1.0f);
    CHECK(cam.flying());
    CHECK(cam.pose().distance == doctest::Approx(200.0f).epsilon(1e-3));  // geometric mid-point of 100 and 400
    const float yaw = cam.pose().yawDeg;
    CHECK((yaw > 355.0f || yaw < 5.0f));
    cam.update(1.5f);
    CHECK_FALSE(cam.flying());
    CHECK(cam.pose().target.x == doctest::Approx(100.0f));
    CHECK(cam.pose().yawDeg == doctest::Approx(10.0f));

    float t = 0;
    CHECK(eng::intersectBox({{0, 0, -10}, {0, 0, 1}}, {-1, -1, -1}, {1, 1, 1}, t));
    CHECK(t == doctest::Approx(9.0f));
    CHECK_FALSE(eng::intersectBox({{5, 0, -10}, {0, 0, 1}}, {-1, -1, -1}, {1, 1, 1}, t));
}

TEST_CASE("quality: software rasterizers get low") {
    CHECK(eng::chooseQuality("llvmpipe (LLVM 15.0.6, 256 bits)") == eng::QualityLevel::Low);
    CHECK(eng::chooseQuality("SwiftShader Device") == eng::QualityLevel::Low);
    CHECK(eng::chooseQuality("NVIDIA GeForce RTX 3060/PCIe/SSE2") == eng::QualityLevel::High);
    CHECK(eng::qualitySettings(eng::QualityLevel::Low).renderScale < 1.0f);
    CHECK(eng::qualitySettings(eng::QualityLevel::High).renderScale == 1.0f);
}

TEST_CASE("frame stats: nearest-rank percentiles") {
    eng::FrameStats s;
    for (int i = 1; i <= 100; ++i) s.add(static_cast<double>(101 - i));
    const eng::FrameSummary f = s.summary();
    CHECK(f.frames == 100);
    CHECK(f.medianMs == 50.0);
    CHECK(f.p95Ms == 95.0);
    CHECK(f.p99Ms == 99.0);
    CHECK(f.maxMs == 100.0);
    CHECK(eng::screenshotName("landscape", 2026, 6, 21, 8, 5, 9) == "almalyk-2026-06-21_08-05-09-landscape.png");
}

// Spherical astronomy, independent of the construction: the north celestial pole stands due north at an elevation
// equal to the latitude and stays fixed; the zenith has declination = latitude and right ascension = sidereal time;
// the frame is a rotation.
TEST_CASE("celestial frame: the pole is fixed at the latitude's elevation, the zenith at RA = sidereal time") {
    for (const float lat : {41.1f, -33.9f, 0.0f})
        for (const float lst : {0.0f, 90.0f, 217.5f}) {
            CAPTURE(lat);
            CAPTURE(lst);
            const glm::mat3 f = eng::celestialFrame(lat, lst);
            const float phi = glm::radians(lat), th = glm::radians(lst);
            const glm::vec3 pole(0.0f, std::sin(phi), -std::cos(phi));  // due north (-z), lat degrees up
            const glm::vec3 p = f * pole, z = f * glm::vec3(0, 1, 0);
            CHECK(p.z == doctest::Approx(1.0f).epsilon(1e-5));
            CHECK(z.x == doctest::Approx(std::cos(phi) * std::cos(th)).epsilon(1e-5));
            CHECK(z.y == doctest::Approx(std::cos(phi) * std::sin(th)).epsilon(1e-5));
            CHECK(z.z == doctest::Approx(std::sin(phi)).epsilon(1e-5));
            CHECK(glm::determinant(f) == doctest::Approx(1.0f).epsilon(1e-5));  // a rotation, not a mirror
            CHECK(glm::length(f * glm::vec3(1, 0, 0)) == doctest::Approx(1.0f).epsilon(1e-5));
        }
}
