#include "sim/params.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace sim {
namespace {

std::string number(double v) {
    std::ostringstream os;
    os.precision(10);
    os << v;
    return os.str();
}

std::size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
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
    assert(it != m_index.end() && "unknown parameter name asked for by code");
    return it->second;
}

double Params::get(const std::string& name) const { return m_values[indexOf(name)]; }

const std::string& Params::getChoice(const std::string& name) const {
    const std::size_t i = indexOf(name);
    return m_defs[i].choices[static_cast<std::size_t>(m_values[i])];
}

bool Params::set(const std::string& name, double value, std::string* why) {
    auto it = m_index.find(name);
    if (it == m_index.end()) {
        if (why) {
            *why = "unknown parameter '" + name + "'";
            const auto near = closest(name);
            if (!near.empty()) {
                *why += "; did you mean ";
                for (std::size_t i = 0; i < near.size(); ++i) *why += (i ? ", " : "") + near[i];
                *why += "?";
            }
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
    const ParamDef& d = m_defs[i];
    if (d.kind == ParamKind::Choice) return d.choices[static_cast<std::size_t>(m_values[i])];
    return number(m_values[i]);
}

std::vector<std::string> Params::closest(const std::string& name, std::size_t n) const {
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const ParamDef& d : m_defs) {
        std::size_t score = editDistance(name, d.name);
        // A name that contains the query (or its last part) is a strong hint.
        const std::string tail = name.substr(name.find_last_of('.') == std::string::npos ? 0 : name.find_last_of('.') + 1);
        if (!tail.empty() && d.name.find(tail) != std::string::npos) score = score / 2;
        scored.emplace_back(score, d.name);
    }
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < scored.size() && i < n; ++i) out.push_back(scored[i].second);
    return out;
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
