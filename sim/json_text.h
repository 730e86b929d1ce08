// sim/json_text.h — reading a user's JSON file strictly and safely, shared by every data file of the program that
// sim/ and app/ read (scenarios, tours, training files): a size limit on the read, a nesting limit checked before
// parsing (no file can exhaust the stack), comments allowed, object key order kept, a key repeated in one object
// refused (nlohmann would keep the last silently), and every error as "FILE:LINE:COLUMN: what" (malformed JSON, too
// deep, duplicate key, a number past a double's range such as 1e400) or "FILE: what" (unreadable, too large, a
// folder, a file name that is not UTF-8). Messages are valid UTF-8: a file's stray bytes appear as \xHH.
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

// Reads at most maxBytes (+1 to notice more) of the file at `path`; a path that is not valid UTF-8 is refused. `what` names the kind of file in messages
// ("scenario", "tour"): "PATH: is a folder, not a tour file", "PATH: cannot read tour file (No such file or
// directory)", "PATH: larger than 16 MiB; a tour is a few kilobytes (is this the right file?)".
bool readTextFile(const std::string& path, std::size_t maxBytes, const std::string& what, std::string* text,
                  std::string* why);

// Parses text as JSON (comments allowed); `file` names it in messages. A nesting deeper than maxDepth is refused
// with its position; `depthHint` ends that message ("a scenario needs four"). A key given twice in one object:
// "FILE:7:5: duplicate key 'set' (first at 2:3)". A number that overflows a double: "FILE:1:9: number 1e400 is too
// large (...)".
bool parseJsonText(const std::string& text, const std::string& file, int maxDepth, const std::string& depthHint,
                   OrderedJson* out, std::string* why);

// "FILE:LINE:COLUMN" for a 1-based byte offset into text (the position nlohmann's parse_error reports).
std::string textPosition(const std::string& file, const std::string& text, std::size_t byteOffset);

// True if s is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool isValidUtf8(const std::string& s);
// s with each byte that is not part of a well-formed UTF-8 sequence written as \xHH ("caf\xE9.json").
std::string escapeInvalidUtf8(const std::string& s);

// "null", "true/false", "a string", "an array", "an object", "a number": for "expected X, found Y" messages.
const char* jsonTypeName(const OrderedJson& j);

}  // namespace sim
