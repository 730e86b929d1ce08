// sim/names.h — "did you mean" for every registry of names (parameters, metrics, fault targets, scene keys): the
// known names closest to a mistyped one, by edit distance, with names that contain the query's last dotted part
// ranked higher.
// Use: std::vector<std::string> near = sim::closestNames("mine.truks", knownNames, 3);
// Does NOT: decide whether a name is valid (each registry does) or word the message.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sim {

std::size_t editDistance(std::string_view a, std::string_view b);
// Up to n names from `known`, closest first (ties in `known`'s order).
std::vector<std::string> closestNames(std::string_view name, const std::vector<std::string>& known, std::size_t n = 3);
// "a, b, c" for messages ("" for none).
std::string joinNames(const std::vector<std::string>& names);

}  // namespace sim
