// app/caption.cpp — see caption.h. One scanner serves checkCaption, captionPlaceholders and formatCaption, so the
// three agree on what a placeholder is.
#include "app/caption.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "sim/metrics.h"
#include "sim/names.h"
#include "sim/time.h"

namespace app {
namespace {

constexpr int kMaxDecimals = 6;

// One piece of a caption: literal text, or a placeholder "{name[:D[u]]}".
struct Piece {
    bool placeholder = false;
    std::string text;        // literal text (braces already unescaped), or the placeholder's inside "name:1u"
    std::string name;        // placeholder: the name before ':'
    std::string spec;        // placeholder: what follows ':' ("" when there is no ':')
    bool hasSpec = false;
};

// Splits a caption; false with *why at the first syntax error ("unclosed '{'", a stray '}').
bool scan(std::string_view text, std::vector<Piece>* out, std::string* why) {
    std::string literal;
    auto flush = [&] {
        if (literal.empty()) return;
        Piece p;
        p.text = literal;
        out->push_back(std::move(p));
        literal.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (ch == '{' && i + 1 < text.size() && text[i + 1] == '{') { literal += '{'; ++i; continue; }
        if (ch == '}' && i + 1 < text.size() && text[i + 1] == '}') { literal += '}'; ++i; continue; }
        if (ch == '}') {
            if (why) *why = "'}' at character " + std::to_string(i + 1) + " closes nothing (write '}}' for a brace)";
            return false;
        }
        if (ch != '{') { literal += ch; continue; }
        const std::size_t close = text.find_first_of("{}", i + 1);
        if (close == std::string_view::npos || text[close] != '}') {
            if (why) *why = "unclosed '{' at character " + std::to_string(i + 1) + " (write '{{' for a brace)";
            return false;
        }
        flush();
        Piece p;
        p.placeholder = true;
        p.text = std::string(text.substr(i + 1, close - i - 1));
        const std::size_t colon = p.text.find(':');
        p.name = p.text.substr(0, colon);
        if (colon != std::string::npos) {
            p.hasSpec = true;
            p.spec = p.text.substr(colon + 1);
        }
        out->push_back(std::move(p));
        i = close;
    }
    flush();
    return true;
}

// ":D" or ":Du" -> decimals and the unit flag; false when malformed.
bool parseSpec(const std::string& spec, int* decimals, bool* unit) {
    if (spec.empty() || spec.size() > 2 || spec[0] < '0' || spec[0] > '0' + kMaxDecimals) return false;
    if (spec.size() == 2 && spec[1] != 'u') return false;
    *decimals = spec[0] - '0';
    *unit = spec.size() == 2;
    return true;
}

// Checks one placeholder: its name and its format.
bool checkPiece(const Piece& p, std::string* why) {
    auto fail = [&](const std::string& what) {
        if (why) *why = "{" + p.text + "}: " + what;
        return false;
    };
    if (p.name.empty()) return fail("expected a metric name or clock inside the braces ('almalyk metrics' lists them)");
    if (p.name == "clock") {
        if (p.hasSpec) return fail("{clock} takes no format");
        return true;
    }
    if (sim::findMetric(p.name) < 0) {
        const std::vector<std::string> near = sim::closestMetrics(p.name);
        return fail("unknown metric '" + p.name + "'" + (near.empty() ? "" : "; did you mean " + sim::joinNames(near) + "?") +
                    " ('almalyk metrics' lists them)");
    }
    int d = 0;
    bool u = false;
    if (p.hasSpec && !parseSpec(p.spec, &d, &u))
        return fail("decimals must be 0..6, optionally followed by 'u' (e.g. {" + p.name + ":1u}), found '" + p.spec + "'");
    return true;
}

}  // namespace

std::string displayUnit(std::string_view unit) {
    if (unit == "count" || unit == "0/1" || unit == "-" || unit.empty()) return "";
    if (unit == "C") return "\u00b0C";
    if (unit == "deg") return "\u00b0";
    std::string out;
    for (std::size_t i = 0; i < unit.size(); ++i) {
        // "m2" and "m3" as squares and cubes ("W/m2", "Nm3/h"); a digit after m only ever means that in the registry.
        if (unit[i] == 'm' && i + 1 < unit.size() && (unit[i + 1] == '2' || unit[i + 1] == '3') &&
            (i + 2 == unit.size() || !std::isdigit(static_cast<unsigned char>(unit[i + 2])))) {
            out += unit[i + 1] == '2' ? "m\u00b2" : "m\u00b3";
            ++i;
        } else {
            out += unit[i];
        }
    }
    return out;
}

std::string formatQuantity(double value, int decimals, std::string_view registryUnit, const NumberFormat& nf) {
    const std::string number = formatNumber(value, decimals, nf);
    const std::string unit = eng::unitSymbol(displayUnit(registryUnit));  // "т/ч" in Russian captions
    if (unit.empty() || number == "-") return number;
    if (unit == "\u00b0") return number + unit;
    if (unit == "%") return number + nf.percentSpace + unit;
    return number + nf.unitSpace + unit;
}

std::vector<std::string> captionPlaceholders(std::string_view text) {
    std::vector<Piece> pieces;
    std::vector<std::string> out;
    scan(text, &pieces, nullptr);  // up to the first syntax error
    for (const Piece& p : pieces)
        if (p.placeholder) out.push_back(p.name);
    return out;
}

bool checkCaption(std::string_view text, std::string* why) {
    std::vector<Piece> pieces;
    if (!scan(text, &pieces, why)) return false;
    for (const Piece& p : pieces)
        if (p.placeholder && !checkPiece(p, why)) return false;
    return true;
}

std::string formatCaption(std::string_view text, const sim::State& state, sim::Time now, const NumberFormat& nf) {
    std::vector<Piece> pieces;
    std::string ignored;
    if (!scan(text, &pieces, &ignored)) return std::string(text);  // checkCaption refused it at load time
    std::string out;
    for (const Piece& p : pieces) {
        if (!p.placeholder) {
            out += p.text;
            continue;
        }
        if (!checkPiece(p, nullptr)) {
            out += "{" + p.text + "?}";
            continue;
        }
        if (p.name == "clock") {
            const sim::CivilTime c = sim::toLocalCivil(now);
            out += eng::formatTime({c.year, c.month, c.day, c.hour, c.minute});
            continue;
        }
        const int index = sim::findMetric(p.name);
        const sim::MetricDef& def = sim::metricDefs()[static_cast<std::size_t>(index)];
        int decimals = def.decimals;
        bool withUnit = true;
        if (p.hasSpec) parseSpec(p.spec, &decimals, &withUnit);
        const double v = sim::readMetric(state, index);
        out += withUnit ? formatQuantity(v, decimals, def.unit, nf) : formatNumber(v, decimals, nf);
    }
    return out;
}

}  // namespace app
