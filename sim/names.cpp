#include "sim/names.h"

#include <algorithm>
#include <utility>

namespace sim {

std::size_t editDistance(std::string_view a, std::string_view b) {
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

std::vector<std::string> closestNames(std::string_view name, const std::vector<std::string>& known, std::size_t n) {
    const std::size_t dot = name.find_last_of('.');
    const std::string_view tail = dot == std::string_view::npos ? name : name.substr(dot + 1);
    std::vector<std::pair<std::size_t, std::size_t>> scored;  // (score, index in known): stable for ties
    for (std::size_t i = 0; i < known.size(); ++i) {
        std::size_t score = editDistance(name, known[i]);
        // A name that contains the query (or its last part) is a strong hint.
        if (!tail.empty() && known[i].find(tail) != std::string::npos) score = score / 2;
        scored.emplace_back(score, i);
    }
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < scored.size() && i < n; ++i) out.push_back(known[scored[i].second]);
    return out;
}

std::string joinNames(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
    return out;
}

}  // namespace sim
