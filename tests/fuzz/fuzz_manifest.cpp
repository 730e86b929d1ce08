// The model manifest (engine/model/model_manifest.h), as a user's --assets DIR/models/models.json would give it: parse,
// lay it over itself (as a user's manifest over the built-in one), look every role up. Nothing is loaded or drawn.
#include "engine/model/model_manifest.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string in = fuzz::text(data, size);
    eng::ModelManifest m = eng::ModelManifest::parse(in, "fuzz/models.json", "/nonexistent/fuzz");
    const eng::ModelManifest user = eng::ModelManifest::parse(in, "user/models.json", "/nonexistent/user");
    m.overlay(user);
    for (const std::string& role : m.roles()) {
        const eng::ModelEntry* e = m.find(role);
        if (!e) fuzz::fail("roles() lists '" + role + "' but find() does not have it");
        (void)eng::upAxisName(e->upAxis);
    }
    if (!user.ok() && user.errors().empty()) fuzz::fail("a manifest not ok without an error");
    return 0;
}
