// sim/material.h — a mass of material with its element/compound split, the currency between units
// (concentrator -> smelter -> slag -> catalyst). Mass fractions sum to 1 with `other`.
#pragma once

namespace sim {

struct MaterialBatch {
    double mass_t = 0.0;
    double cu = 0.0, fe = 0.0, s = 0.0, sio2 = 0.0, o = 0.0;  // mass fractions
    double other() const { return 1.0 - cu - fe - s - sio2 - o; }
    double cu_t() const { return mass_t * cu; }
    double fe_t() const { return mass_t * fe; }
    double s_t() const { return mass_t * s; }
    double sio2_t() const { return mass_t * sio2; }
    double o_t() const { return mass_t * o; }
};

}  // namespace sim
