// tests/render/golden.cpp — the cases file's reader and validator, the blurred comparison and the diff picture
// (tests/render/golden.h).
#include "golden.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

// The implementations come from libstb (PkgConfig::STB).
#include <stb_image.h>
#include <stb_image_write.h>

namespace {

using nlohmann::json;

const std::vector<std::string> kCaseFields = {"name",  "scene", "camera", "start", "size",      "quality",
                                              "warmup_hours", "ui", "lang", "set", "args", "tolerance"};
const std::vector<std::string> kToleranceFields = {"threshold", "max_fraction", "max_mean_error", "blur_radius"};

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

// Thrown inside the reader only, caught in loadGoldenCases: where (a JSON path) and what.
struct Bad {
    std::string where, what;
};

void knownFields(const json& obj, const std::vector<std::string>& known, const std::string& where) {
    for (auto it = obj.begin(); it != obj.end(); ++it)
        if (std::find(known.begin(), known.end(), it.key()) == known.end())
            throw Bad{where, "field \"" + it.key() + "\" is not known (known: " + joined(known) + ")"};
}

std::string text(const json& v, const std::string& where) {
    if (!v.is_string()) throw Bad{where, "expected a string, got " + v.dump()};
    return v.get<std::string>();
}

double number(const json& v, const std::string& where, double lo, double hi) {
    if (!v.is_number()) throw Bad{where, "expected a number, got " + v.dump()};
    const double d = v.get<double>();
    if (!(d >= lo && d <= hi)) {
        std::ostringstream os;
        os << "value " << v.dump() << " is out of range [" << lo << ", " << hi << "]";
        throw Bad{where, os.str()};
    }
    return d;
}

int integer(const json& v, const std::string& where, int lo, int hi) {
    if (!v.is_number_integer()) throw Bad{where, "expected a whole number, got " + v.dump()};
    return static_cast<int>(number(v, where, lo, hi));
}

void readTolerance(const json& t, const std::string& where, GoldenTolerance& out) {
    if (!t.is_object()) throw Bad{where, "expected an object {threshold, max_fraction, max_mean_error, blur_radius}"};
    knownFields(t, kToleranceFields, where);
    if (t.contains("threshold")) out.threshold = integer(t["threshold"], where + ".threshold", 0, 255);
    if (t.contains("max_fraction")) out.maxFraction = number(t["max_fraction"], where + ".max_fraction", 0, 1);
    if (t.contains("max_mean_error"))
        out.maxMeanError = number(t["max_mean_error"], where + ".max_mean_error", 0, 255);
    if (t.contains("blur_radius")) out.blurRadius = integer(t["blur_radius"], where + ".blur_radius", 0, 4);
}

// Fields common to "defaults" and a case (everything but name).
void readFields(const json& o, const std::string& where, GoldenCase& c) {
    if (o.contains("scene")) c.scene = text(o["scene"], where + ".scene");
    if (o.contains("camera")) {
        const json& v = o["camera"];
        if (v.is_number_integer()) c.camera = std::to_string(integer(v, where + ".camera", 1, 9));
        else c.camera = text(v, where + ".camera");
    }
    if (o.contains("start")) c.start = text(o["start"], where + ".start");
    if (o.contains("size")) {
        const std::string s = text(o["size"], where + ".size");
        int w = 0, h = 0;
        char x = 0, tail = 0;
        std::istringstream is(s);
        if (!(is >> w >> x >> h) || x != 'x' || (is >> tail) || w < 16 || h < 16 || w > 1920 || h > 1080)
            throw Bad{where + ".size", "expected \"WxH\" between 16x16 and 1920x1080 (e.g. \"480x270\"), got \"" + s + "\""};
        c.width = w;
        c.height = h;
    }
    if (o.contains("quality")) {
        c.quality = text(o["quality"], where + ".quality");
        if (c.quality != "low" && c.quality != "high")
            throw Bad{where + ".quality", "expected \"low\" or \"high\" (a golden never uses \"auto\"), got \"" +
                                              c.quality + "\""};
    }
    if (o.contains("warmup_hours")) c.warmupHours = number(o["warmup_hours"], where + ".warmup_hours", 0, 48);
    if (o.contains("ui")) {
        if (!o["ui"].is_boolean()) throw Bad{where + ".ui", "expected true or false, got " + o["ui"].dump()};
        c.ui = o["ui"].get<bool>();
    }
    if (o.contains("lang")) c.lang = text(o["lang"], where + ".lang");
    if (o.contains("set")) {
        const json& s = o["set"];
        if (!s.is_object()) throw Bad{where + ".set", "expected an object {\"parameter.name\": value}"};
        c.sets.clear();
        for (auto it = s.begin(); it != s.end(); ++it) {
            const std::string w = where + ".set." + it.key();
            if (it.value().is_string()) c.sets.emplace_back(it.key(), it.value().get<std::string>());
            else if (it.value().is_number()) c.sets.emplace_back(it.key(), it.value().dump());
            else throw Bad{w, "expected a number or a string, got " + it.value().dump()};
        }
    }
    if (o.contains("args")) {
        c.extraArgs = text(o["args"], where + ".args");
        for (const char* own : {"--out", "--scene", "--size", "--quality", "--start", "--camera"})
            if (c.extraArgs.find(own) != std::string::npos)
                throw Bad{where + ".args", std::string("\"") + own + "\" has its own field (or is the runner's)"};
    }
    if (o.contains("tolerance")) readTolerance(o["tolerance"], where + ".tolerance", c.tolerance);
}

bool validName(const std::string& n) {
    return !n.empty() && n.size() <= 64 && std::all_of(n.begin(), n.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
    });
}

}  // namespace

std::optional<GoldenCases> loadGoldenCases(const std::string& file, std::string* why,
                                           const std::optional<std::string>& textIn) {
    std::string body;
    if (textIn) {
        body = *textIn;
    } else {
        std::ifstream f(file);
        if (!f) {
            if (why) *why = file + ": cannot read the golden cases file";
            return std::nullopt;
        }
        std::stringstream ss;
        ss << f.rdbuf();
        body = ss.str();
    }
    json root;
    try {
        root = json::parse(body);
    } catch (const json::exception& e) {  // parse_error, and out_of_range for a number beyond a double
        if (why) *why = file + ": not valid JSON: " + e.what();
        return std::nullopt;
    }
    GoldenCases out;
    out.file = file;
    try {
        if (!root.is_object()) throw Bad{"(top level)", "expected an object {\"defaults\": {...}, \"cases\": [...]}"};
        knownFields(root, {"comment", "defaults", "cases"}, "(top level)");
        GoldenCase defaults;
        if (root.contains("defaults")) {
            const json& d = root["defaults"];
            if (!d.is_object()) throw Bad{"defaults", "expected an object"};
            std::vector<std::string> allowed(kCaseFields.begin() + 1, kCaseFields.end());
            knownFields(d, allowed, "defaults");
            readFields(d, "defaults", defaults);
        }
        if (!root.contains("cases") || !root["cases"].is_array() || root["cases"].empty())
            throw Bad{"cases", "expected a non-empty array of cases"};
        std::set<std::string> names;
        const json& cases = root["cases"];
        for (std::size_t i = 0; i < cases.size(); ++i) {
            const json& o = cases[i];
            std::string where = "cases[" + std::to_string(i) + "]";
            if (!o.is_object()) throw Bad{where, "expected an object"};
            if (!o.contains("name")) throw Bad{where, "field \"name\" is missing"};
            GoldenCase c = defaults;
            c.name = text(o["name"], where + ".name");
            if (!validName(c.name))
                throw Bad{where + ".name", "\"" + c.name + "\" is not a file stem of a-z, 0-9, '_' and '-'"};
            where += " \"" + c.name + "\"";
            if (!names.insert(c.name).second) throw Bad{where + ".name", "a second case has this name"};
            knownFields(o, kCaseFields, where);
            readFields(o, where, c);
            if (c.scene.empty()) throw Bad{where, "field \"scene\" is missing (and no default)"};
            if (c.start.empty()) throw Bad{where, "field \"start\" is missing (and no default)"};
            out.cases.push_back(std::move(c));
        }
    } catch (const Bad& b) {
        if (why) *why = file + ": " + b.where + ": " + b.what;
        return std::nullopt;
    }
    return out;
}

std::string shotArgs(const GoldenCase& c) {
    std::ostringstream a;
    a << "--scene " << c.scene << " --size " << c.width << 'x' << c.height << " --quality " << c.quality << " --start "
      << c.start;
    if (!c.camera.empty()) a << " --camera \"" << c.camera << '"';
    if (c.warmupHours > 0) a << " --warmup-hours " << c.warmupHours;
    if (c.ui) a << " --ui";
    if (!c.lang.empty()) a << " --lang " << c.lang;
    for (const auto& [k, v] : c.sets) a << " --set " << k << '=' << v;
    if (!c.extraArgs.empty()) a << ' ' << c.extraArgs;
    return a.str();
}

RgbImage boxBlur(const RgbImage& in, int r) {
    if (r <= 0 || in.w == 0 || in.h == 0) return in;
    // Separable: rows into tmp, then columns; edges clamp (the mean over the pixels that exist).
    std::vector<float> tmp(in.px.size());
    RgbImage out{in.w, in.h, std::vector<unsigned char>(in.px.size())};
    for (int y = 0; y < in.h; ++y)
        for (int x = 0; x < in.w; ++x)
            for (int c = 0; c < 3; ++c) {
                float sum = 0;
                int n = 0;
                for (int k = std::max(0, x - r); k <= std::min(in.w - 1, x + r); ++k, ++n)
                    sum += in.px[(static_cast<std::size_t>(y) * in.w + k) * 3 + c];
                tmp[(static_cast<std::size_t>(y) * in.w + x) * 3 + c] = sum / static_cast<float>(n);
            }
    for (int y = 0; y < in.h; ++y)
        for (int x = 0; x < in.w; ++x)
            for (int c = 0; c < 3; ++c) {
                float sum = 0;
                int n = 0;
                for (int k = std::max(0, y - r); k <= std::min(in.h - 1, y + r); ++k, ++n)
                    sum += tmp[(static_cast<std::size_t>(k) * in.w + x) * 3 + c];
                out.px[(static_cast<std::size_t>(y) * in.w + x) * 3 + c] =
                    static_cast<unsigned char>(std::lround(sum / static_cast<float>(n)));
            }
    return out;
}

GoldenDiff compareGolden(const RgbImage& expected, const RgbImage& actual, const GoldenTolerance& t) {
    GoldenDiff d;
    if (expected.w != actual.w || expected.h != actual.h || expected.px.size() != actual.px.size() ||
        actual.px.empty()) {
        d.sizeMismatch = true;
        d.fraction = 1.0;
        d.meanError = 255.0;
        return d;
    }
    const RgbImage a = boxBlur(expected, t.blurRadius), b = boxBlur(actual, t.blurRadius);
    d.image = {actual.w, actual.h, std::vector<unsigned char>(actual.px.size())};
    std::size_t over = 0;
    double sum = 0;
    for (std::size_t p = 0; p < a.px.size() / 3; ++p) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) {
            const int e = std::abs(int(a.px[p * 3 + c]) - int(b.px[p * 3 + c]));
            worst = std::max(worst, e);
            sum += e;
        }
        d.maxError = std::max(d.maxError, worst);
        unsigned char* o = &d.image.px[p * 3];
        if (worst > t.threshold) {
            ++over;
            o[0] = 255, o[1] = o[2] = 0;
        } else {
            const unsigned char* q = &actual.px[p * 3];
            const int grey = ((q[0] * 54 + q[1] * 183 + q[2] * 19) >> 8) / 5;  // Rec. 709 luma, dimmed
            const int v = std::min(255, grey + worst * 8);
            o[0] = static_cast<unsigned char>(grey);
            o[1] = o[2] = static_cast<unsigned char>(v);
        }
    }
    const double n = static_cast<double>(a.px.size() / 3);
    d.fraction = static_cast<double>(over) / n;
    d.meanError = sum / (3.0 * n);
    return d;
}

bool readRgbPng(const std::string& path, RgbImage& out) {
    int n = 0;
    unsigned char* d = stbi_load(path.c_str(), &out.w, &out.h, &n, 3);
    if (!d) {
        out = {};
        return false;
    }
    out.px.assign(d, d + static_cast<std::size_t>(out.w) * out.h * 3);
    stbi_image_free(d);
    return true;
}

bool writeRgbPng(const std::string& path, const RgbImage& img) {
    stbi_write_png_compression_level = 9;
    return stbi_write_png(path.c_str(), img.w, img.h, 3, img.px.data(), img.w * 3) != 0;
}
