// tools/json_msgids — the translatable strings of the data files, as a gettext template (.pot) fragment that
// cmake/i18n_extract.cmake merges with xgettext's extraction of the sources. Tours (assets/tours/*.json): the tour's
// "title" and "description" and each step's "title" and "caption" (captions keep their {metric:1u} placeholders:
// the translator moves them, never changes them). Training scenarios (assets/scenarios/training/*.json, "training":
// true): the "name", the "briefing", each objective's and each hint's "text" (what the trainee reads).
// The JSON is read as the app reads it (comments allowed).
// Use: almalyk_json_msgids OUT.pot FILE.json...   (paths are written as given, relative to the source tree)
// Errors: exit 2 with "FILE: ..." when a file cannot be read or parsed.
// Does NOT: translate, merge or sort catalogs (msgcat and msgmerge do).
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

// A msgid as a .po string literal.
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

struct Entry {
    std::vector<std::string> where;  // "assets/tours/x.json steps[3].caption"
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: almalyk_json_msgids OUT.pot FILE.json...\n");
        return 2;
    }
    std::vector<std::string> order;
    std::map<std::string, Entry> entries;
    auto add = [&](const nlohmann::json& v, const std::string& where) {
        if (!v.is_string() || v.get<std::string>().empty()) return;
        const std::string id = v.get<std::string>();
        if (!entries.count(id)) order.push_back(id);
        entries[id].where.push_back(where);
    };
    for (int i = 2; i < argc; ++i) {
        const std::string file = argv[i];
        std::ifstream in(file);
        if (!in) {
            std::fprintf(stderr, "%s: cannot read\n", file.c_str());
            return 2;
        }
        nlohmann::json j = nlohmann::json::parse(in, nullptr, false, true);
        if (j.is_discarded() || !j.is_object()) {
            std::fprintf(stderr, "%s: not a JSON object\n", file.c_str());
            return 2;
        }
        if (j.value("training", false)) {
            add(j.value("name", nlohmann::json()), file + " name");
            add(j.value("briefing", nlohmann::json()), file + " briefing");
            for (const char* list : {"objectives", "hints"}) {
                const nlohmann::json items = j.value(list, nlohmann::json::array());
                for (std::size_t k = 0; k < items.size(); ++k)
                    if (items[k].is_object())
                        add(items[k].value("text", nlohmann::json()),
                            file + " " + list + "[" + std::to_string(k) + "].text");
            }
            continue;
        }
        add(j.value("title", nlohmann::json()), file + " title");
        add(j.value("description", nlohmann::json()), file + " description");
        const nlohmann::json steps = j.value("steps", nlohmann::json::array());
        for (std::size_t k = 0; k < steps.size(); ++k) {
            if (!steps[k].is_object()) continue;
            const std::string at = file + " steps[" + std::to_string(k) + "]";
            add(steps[k].value("title", nlohmann::json()), at + ".title");
            add(steps[k].value("caption", nlohmann::json()), at + ".caption");
        }
    }
    std::ostringstream pot;
    pot << "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n";
    for (const std::string& id : order) {
        const Entry& e = entries[id];
        const bool training = e.where.front().find("/scenarios/") != std::string::npos;
        pot << (training ? "#. Training text (" : "#. Tour text (") << e.where.front().substr(e.where.front().find(' ') + 1) << ")"
            << (id.find('{') != std::string::npos ? ": keep each {placeholder} exactly, move it as the sentence needs" : "")
            << "\n";
        for (const std::string& w : e.where) pot << "#: " << w.substr(0, w.find(' ')) << "\n";
        pot << "msgid " << quoted(id) << "\nmsgstr \"\"\n\n";
    }
    std::ofstream out(argv[1]);
    out << pot.str();
    return out ? 0 : 1;
}
