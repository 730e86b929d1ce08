// Hydrogen scene models (hydrogen.md): photocatalyst panel module, H2 storage, SMR reformer, membrane separator,
// compressor.
#include <glm/gtc/matrix_transform.hpp>

#include "tools/modelgen/catalog.h"

namespace modelgen {
namespace {

// Panel module: a 1 m x 2 m aluminium tray holding 4 x 8 = 32 photocatalyst sheets of 25 x 25 cm (625 cm2,
// hydrogen.md §1, Domen). One Domen sheet is too small to draw 20,000 times, so the module is the unit scenes
// instance. Lies flat; scenes tilt it about X (its rear edge is -Z). 76 triangles.
void panelModule(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    // Dark iron-oxide composite from the fayalite slag (hydrogen.md §3: CuFe2O4/Fe3O4), as the hydrogen scene shows it.
    const int sheet = b.material("photocatalyst_sheet", srgb(0.30f, 0.17f, 0.12f), 0.15f, 0.1f);
    b.part("panel");
    b.use(p.steel);
    b.box({-0.5f, 0.0f, -1.0f}, {0.5f, 0.05f, 1.0f});
    b.use(sheet);
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 8; ++j) {
            const float x = -0.375f + 0.25f * float(i), z = -0.875f + 0.25f * float(j), h = 0.115f;
            b.quad({x - h, 0.052f, z + h}, {x + h, 0.052f, z + h}, {x + h, 0.052f, z - h}, {x - h, 0.052f, z - h});
        }
}

// Horizontal H2 bullet tank on two saddles: 3.2 m diameter, 14 m long (estimated).
void h2Tank(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    constexpr float r = 1.6f, half = 5.4f, y = 2.4f;
    b.part("tank");
    b.use(p.concrete);
    for (const float z : {-3.5f, 3.5f}) b.prismZ({{-1.4f, 0.0f}, {1.4f, 0.0f}, {1.2f, 1.6f}, {-1.2f, 1.6f}}, z - 0.3f, z + 0.3f);
    b.use(p.white);
    b.cylinder({0, y, -half}, {0, y, half}, r, r, 24, false);
    for (const float s : {-1.0f, 1.0f}) {  // hemispherical heads: a dome about local +Y turned onto the Z axis
        b.transform(glm::translate(glm::mat4(1.0f), {0, y, s * half}) *
                    glm::rotate(glm::mat4(1.0f), glm::radians(s * 90.0f), glm::vec3(1, 0, 0)));
        b.ellipsoid({0, 0, 0}, glm::vec3(r), 24, 6, 0.0f, 90.0f);
    }
    b.resetTransform();
    b.use(p.steel);
    b.cylinder({0, y + r, 2.0f}, {0, y + r + 0.6f, 2.0f}, 0.25f, 0.25f, 8);   // relief valve nozzle
    b.box({-0.6f, y + r, -3.0f}, {0.6f, y + r + 0.1f, 0.0f});                 // top platform
}

// Steam methane reformer (hydrogen.md §4: 850 C, 25 bar): radiant box with tube rows, convection section and flue
// stack; sizes estimated for a small on-site unit.
void reformer(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    b.part("reformer");
    b.use(p.concrete);
    b.box({-6.0f, 0.0f, -9.0f}, {6.0f, 0.5f, 9.0f});
    b.use(p.steel);
    for (const float x : {-4.5f, 4.5f})
        for (const float z : {-2.0f, 6.0f}) b.box({x - 0.3f, 0.5f, z - 0.3f}, {x + 0.3f, 3.0f, z + 0.3f});  // legs
    b.use(p.white);
    b.box({-5.0f, 3.0f, -3.0f}, {5.0f, 13.0f, 7.0f});                          // radiant box
    b.use(p.darkSteel);
    for (int i = 0; i < 4; ++i)                                                // inlet pigtail headers across the roof
        b.cylinder({-4.5f, 13.4f, -1.5f + 2.5f * float(i)}, {4.5f, 13.4f, -1.5f + 2.5f * float(i)}, 0.25f, 0.25f, 8);
    b.use(p.steel);
    b.box({-3.5f, 3.0f, -8.0f}, {3.5f, 16.0f, -3.0f});                          // convection section
    b.cylinder({0, 16.0f, -5.5f}, {0, 36.0f, -5.5f}, 1.2f, 1.0f, 16);          // flue stack
    b.use(p.hot);
    for (const float z : {0.0f, 4.0f}) b.box({5.0f, 4.0f, z - 0.3f}, {5.02f, 4.6f, z + 0.3f});  // burner peep holes
}

// Membrane separator skid (hydrogen.md §2: commercial polyimide membrane separates H2 from the 2:1 H2/O2 product):
// 8 membrane vessels on a 3 x 6 m skid with a control cabinet (estimated).
void separator(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    b.part("skid");
    b.use(p.darkSteel);
    b.box({-1.5f, 0.0f, -3.0f}, {1.5f, 0.3f, 3.0f});
    b.use(p.white);
    for (int i = 0; i < 4; ++i)
        for (const float x : {-0.6f, 0.6f}) b.cylinder({x, 0.3f, -2.2f + 1.1f * float(i)}, {x, 3.3f, -2.2f + 1.1f * float(i)}, 0.22f, 0.22f, 10);
    b.use(p.steel);
    for (const float y : {0.6f, 3.0f}) b.cylinder({0, y, -2.6f}, {0, y, 2.2f}, 0.12f, 0.12f, 8);  // headers
    b.use(p.yellow);
    b.box({-1.2f, 0.3f, 2.4f}, {1.2f, 2.3f, 3.0f});                              // control cabinet
}

// Hydrogen compressor skid: motor, crankcase, two opposed cylinders and a cooler, 3.5 x 7 m (estimated).
void compressor(ModelBuilder& b) {
    const Palette p = Palette::add(b);
    b.part("skid");
    b.use(p.darkSteel);
    b.box({-1.6f, 0.0f, -3.5f}, {1.6f, 0.3f, 3.5f});
    b.use(p.steel);
    b.cylinder({0, 1.1f, -3.2f}, {0, 1.1f, -1.0f}, 0.8f, 0.8f, 16);              // motor
    b.use(p.darkSteel);
    b.box({-0.7f, 0.3f, -1.0f}, {0.7f, 1.6f, 1.0f});                             // crankcase
    b.use(p.steel);
    for (const float s : {-1.0f, 1.0f}) b.cylinder({s * 0.7f, 1.0f, 0}, {s * 1.5f, 1.0f, 0}, 0.45f, 0.45f, 12);  // cylinders
    b.use(p.white);
    b.box({-1.4f, 0.3f, 1.5f}, {1.4f, 2.4f, 3.4f});                              // cooler
    b.use(p.darkSteel);
    b.cylinder({0, 2.4f, 2.45f}, {0, 2.5f, 2.45f}, 0.85f, 0.85f, 16);            // cooler fan ring
}

}  // namespace

std::vector<ModelSpec> hydrogenModels() {
    return {
        {"panel_module", "Photocatalyst panel module: 1 x 2 m tray of 32 sheets of 25 x 25 cm (hydrogen.md §1, Domen 625 cm2)",
         panelModule, {}},
        {"h2_tank", "Horizontal H2 bullet tank, 3.2 m dia x 14 m on saddles (estimated)", h2Tank, {}},
        {"reformer", "Steam methane reformer: radiant box, convection section, 36 m flue stack (hydrogen.md §4; sizes estimated)",
         reformer, {}},
        {"separator", "Membrane H2/O2 separator skid, 8 polyimide membrane vessels (hydrogen.md §2; sizes estimated)", separator, {}},
        {"compressor", "H2 compressor skid, 3.2 x 7 m (estimated)", compressor, {}},
    };
}

}  // namespace modelgen
