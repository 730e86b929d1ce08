// sim/json_text.h — reading a user's JSON file strictly and safely, shared by every data file of the program that
// sim/ and app/ read (scenarios, tours, training files): a size limit on the read, a nesting limit checked before
// parsing (no file can exhaust the stack), comments allowed, object key order kept, and every error as
// "FILE:LINE:COLUMN: what" (malformed JSON, too deep) or "FILE: what" (unreadable, too large, a folder).
// Use:
//   std::string text, why;
//   if (!sim::readTextFile(path, sim::kDataFileMaxBytes, "tour", &text, &why)) { print why; exit 2; }
//   sim::OrderedJson root;
//   if (!sim::parseJsonText(text, path, sim::kDataFileMaxDepth, "a tour needs five", &root, &why)) ...
// Errors: false with *why; never throws.
// Does NOT: check a document's fields (each format's own parser does, naming field paths like steps[3].camera).
#pragma once
#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

namespace sim {

// ordered_json keeps the file's key order (a "set" block applies in the order written).
using OrderedJson = nlohmann::ordered_json;

// Deepest nesting of [ and { a data file may have (real ones have four to six levels).
constexpr int kDataFileMaxDepth = 64;
// Largest data file read (100,000 scheduled commands take about 5 MiB).
constexpr std::size_t kDataFileMaxBytes = std::size_t{16} << 20;

// Reads at most maxBytes (+1 to notice more) of the file at `path`. `what` names the kind of file in messages
// ("scenario", "tour"): "PATH: is a folder, not a tour file", "PATH: cannot read tour file (No such file or
// directory)", "PATH: larger than 16 MiB; a tour is a few kilobytes (is this the right file?)".
bool readTextFile(const std::string& path, std::size_t maxBytes, const std::string& what, std::string* text,
                  std::string* why);

// Parses text as JSON (comments allowed); `file` names it in messages. A nesting deeper than maxDepth is refused
// with its position; `depthHint` ends that message ("a scenario needs four").
bool parseJsonText(const std::string& text, const std::string& file, int maxDepth, const std::string& depthHint,
                   OrderedJson* out, std::string* why);

// "FILE:LINE:COLUMN" for a 1-based byte offset into text (the position nlohmann's parse_error reports).
std::string textPosition(const std::string& file, const std::string& text, std::size_t byteOffset);

// "null", "true/false", "a string", "an array", "an object", "a number": for "expected X, found Y" messages.
const char* jsonTypeName(const OrderedJson& j);

}  // namespace sim
