// sim/params.h — the parameter registry: every tunable quantity with unit, default, range and description.
// Use: units register their parameters once (Params::add); the UI, scenarios, tours and the command line change
// them only through sim::Command (design.md). Values are doubles; integers, booleans (0/1) and choices (an index
// into ParamDef::choices) are stored the same way and validated by kind.
// Errors: set()/parse() return false and fill *why with a message naming the parameter, the value and the range;
// an unknown name's message lists the closest known names. get*() with a name nobody registered is a programming
// error that fails safely in every build type: get() returns a quiet NaN, getInt() 0, getBool() false, getChoice()
// and valueText() "", and the message "unknown parameter 'x' (closest: a, b, c)" is kept once in lookupErrors().
// Does NOT: persist anything, or notify units (World does that after applying a command). Not for concurrent use:
// even a const lookup of an unknown name writes lookupErrors().
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace sim {

enum class ParamKind { Real, Integer, Boolean, Choice };

struct ParamDef {
    std::string name;         // dotted, e.g. "mine.trucks"
    std::string unit;         // "t", "min", "%", "-" ...
    double def = 0.0;
    double min = 0.0;
    double max = 0.0;
    std::string description;  // one line
    ParamKind kind = ParamKind::Real;
    std::vector<std::string> choices{};  // Choice only: names, value = index ({} keeps designated inits warning-free)
};

class Params {
public:
    // Registers a definition; the value starts at its default. Re-registering a name is a programming error (asserts).
    void add(ParamDef def);

    bool has(const std::string& name) const;
    const ParamDef* find(const std::string& name) const;
    const std::vector<ParamDef>& defs() const { return m_defs; }

    // Current value. An unknown name gives NaN / 0 / false / "" and a lookupErrors() entry (see the top).
    double get(const std::string& name) const;
    int getInt(const std::string& name) const;
    bool getBool(const std::string& name) const;
    const std::string& getChoice(const std::string& name) const;
    // Messages for every unknown name asked of get*() / valueText() so far, each once, in the order first asked.
    const std::vector<std::string>& lookupErrors() const { return m_lookupErrors; }

    // Validated change. Integers and booleans must be whole; a Choice accepts its index.
    bool set(const std::string& name, double value, std::string* why = nullptr);
    // Parses text ("12", "0.5", "true", "lognormal") for the named parameter, then set().
    bool setFromText(const std::string& name, const std::string& text, std::string* why = nullptr);
    // Text form of the current value ("12", "0.76", "exponential").
    std::string valueText(const std::string& name) const;
    // Up to n registered names closest to `name` (edit distance, then common prefix).
    std::vector<std::string> closest(const std::string& name, std::size_t n = 3) const;

    void resetToDefaults();
    // Changes made since the last call to takeChanged(), in order, without duplicates.
    std::vector<std::string> takeChanged();

private:
    std::vector<ParamDef> m_defs;
    std::vector<double> m_values;
    std::map<std::string, std::size_t> m_index;
    std::vector<std::string> m_changed;
    mutable std::vector<std::string> m_lookupErrors;  // a read-only lookup records its failure: callers hold const&
    static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
    std::size_t indexOf(const std::string& name) const;  // kNoIndex (and a lookupErrors() entry) when unknown
};

// "mine.trucks (count, 1..500)" style range text used in messages.
std::string describeRange(const ParamDef& def);

}  // namespace sim
