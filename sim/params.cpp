#include "sim/params.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <sstream>

#include "sim/names.h"

namespace sim {
namespace {

std::string number(double v) {
    std::ostringstream os;
    os.precision(10);
    os << v;
    return os.str();
}

}  // namespace

std::string describeRange(const ParamDef& d) {
    if (d.kind == ParamKind::Choice) {
        std::string s = "one of ";
        for (std::size_t i = 0; i < d.choices.size(); ++i) s += (i ? " | " : "") + d.choices[i];
        return s;
    }
    if (d.kind == ParamKind::Boolean) return "0 or 1";
    std::string s = (d.kind == ParamKind::Integer ? "a whole number in " : "") + number(d.min) + ".." + number(d.max);
    if (!d.unit.empty() && d.unit != "-") s += " " + d.unit;
    return s;
}

void Params::add(ParamDef def) {
    assert(!has(def.name) && "parameter registered twice");
    if (def.kind == ParamKind::Boolean) { def.min = 0; def.max = 1; }
    if (def.kind == ParamKind::Choice) { def.min = 0; def.max = static_cast<double>(def.choices.size()) - 1; }
    m_index[def.name] = m_defs.size();
    m_values.push_back(def.def);
    m_defs.push_back(std::move(def));
}

bool Params::has(const std::string& name) const { return m_index.count(name) != 0; }

const ParamDef* Params::find(const std::string& name) const {
    auto it = m_index.find(name);
    return it == m_index.end() ? nullptr : &m_defs[it->second];
}

std::size_t Params::indexOf(const std::string& name) const {
    auto it = m_index.find(name);
    if (it != m_index.end()) return it->second;
    // Code asked for a name nobody registered (a typo, or a renamed parameter): remember it once, never crash.
    std::string msg = "unknown parameter '" + name + "'";
    const auto near = closest(name);
    if (!near.empty()) msg += " (closest: " + joinNames(near) + ")";
    if (std::find(m_lookupErrors.begin(), m_lookupErrors.end(), msg) == m_lookupErrors.end())
        m_lookupErrors.push_back(std::move(msg));
    return kNoIndex;
}

double Params::get(const std::string& name) const {
    const std::size_t i = indexOf(name);
    return i == kNoIndex ? std::numeric_limits<double>::quiet_NaN() : m_values[i];
}

int Params::getInt(const std::string& name) const {
    const double v = get(name);
    return std::isfinite(v) ? static_cast<int>(v + (v >= 0 ? 0.5 : -0.5)) : 0;
}

bool Params::getBool(const std::string& name) const {
    const double v = get(name);
    return std::isfinite(v) && v != 0.0;
}

const std::string& Params::getChoice(const std::string& name) const {
    static const std::string kNone;
    const std::size_t i = indexOf(name);
    return i == kNoIndex ? kNone : m_defs[i].choices[static_cast<std::size_t>(m_values[i])];
}

bool Params::set(const std::string& name, double value, std::string* why) {
    auto it = m_index.find(name);
    if (it == m_index.end()) {
        if (why) {
            *why = "unknown parameter '" + name + "'";
            const auto near = closest(name);
            if (!near.empty()) *why += "; did you mean " + joinNames(near) + "?";
            *why += " (almalyk params lists them all)";
        }
        return false;
    }
    const ParamDef& d = m_defs[it->second];
    const bool whole = std::floor(value) == value;
    if (!std::isfinite(value) || value < d.min || value > d.max ||
        (d.kind != ParamKind::Real && !whole)) {
        if (why) *why = "parameter '" + name + "': value " + number(value) + " is outside its range; expected " + describeRange(d);
        return false;
    }
    if (m_values[it->second] != value) {
        m_values[it->second] = value;
        if (std::find(m_changed.begin(), m_changed.end(), name) == m_changed.end()) m_changed.push_back(name);
    }
    return true;
}

bool Params::setFromText(const std::string& name, const std::string& text, std::string* why) {
    const ParamDef* d = find(name);
    if (!d) return set(name, 0.0, why);  // produces the unknown-name message
    if (d->kind == ParamKind::Choice) {
        for (std::size_t i = 0; i < d->choices.size(); ++i)
            if (d->choices[i] == text) return set(name, static_cast<double>(i), why);
    }
    if (d->kind == ParamKind::Boolean) {
        if (text == "true" || text == "on" || text == "yes") return set(name, 1.0, why);
        if (text == "false" || text == "off" || text == "no") return set(name, 0.0, why);
    }
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || end == nullptr || *end != '\0') {
        if (why) *why = "parameter '" + name + "': '" + text + "' is not a valid value; expected " + describeRange(*d);
        return false;
    }
    return set(name, v, why);
}

std::string Params::valueText(const std::string& name) const {
    const std::size_t i = indexOf(name);
    if (i == kNoIndex) return {};
    const ParamDef& d = m_defs[i];
    if (d.kind == ParamKind::Choice) return d.choices[static_cast<std::size_t>(m_values[i])];
    return number(m_values[i]);
}

std::vector<std::string> Params::closest(const std::string& name, std::size_t n) const {
    std::vector<std::string> names;
    names.reserve(m_defs.size());
    for (const auto& [known, index] : m_index) names.push_back(known);  // alphabetical: ties are broken by name
    return closestNames(name, names, n);
}

void Params::resetToDefaults() {
    for (std::size_t i = 0; i < m_defs.size(); ++i) m_values[i] = m_defs[i].def;
    m_changed.clear();
}

std::vector<std::string> Params::takeChanged() {
    std::vector<std::string> out;
    out.swap(m_changed);
    return out;
}

}  // namespace sim
