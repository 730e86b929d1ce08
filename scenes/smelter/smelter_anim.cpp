#include "scenes/smelter/smelter_anim.h"

#include <algorithm>
#include <cmath>

namespace scenes::smelter {

// [SECTION] Layout

glm::vec3 converterPos(int i) { return {-58.0f + 27.0f * static_cast<float>(i), 0.0f, -9.0f}; }
glm::vec3 converterLadleSpot(int i) { return converterPos(i) + glm::vec3(0.0f, 0.0f, 7.5f); }
glm::vec3 anodeFurnacePos(int a) { return {105.0f + 24.0f * static_cast<float>(a), 0.0f, -9.0f}; }
glm::vec3 anodeLadleSpot(int a) { return anodeFurnacePos(a) + glm::vec3(-3.0f, 0.0f, 6.5f); }
glm::vec3 matteTapSpot(int k) { return {-86.0f + 6.0f * static_cast<float>(k), 0.0f, kAisleZ}; }
glm::vec3 slagTapSpot(int k) { return {-106.0f + 7.0f * static_cast<float>(k), 0.0f, 11.0f}; }
glm::vec3 yardDumpSpot(int k) { return kYardPos + glm::vec3(-16.0f + 16.0f * static_cast<float>(k), 0.0f, 0.0f); }
glm::vec3 blisterPark(int k) { return {88.0f, 0.0f, 2.0f + 6.0f * static_cast<float>(k)}; }

glm::vec3 slagRoad(glm::vec3 from, glm::vec3 to, float u, glm::vec3* dir) {
    // Out of the south door, down the haul road, then along the dump edge: a polyline walked at constant speed.
    const glm::vec3 pts[] = {from, {from.x, 0.0f, kHallZ1 + 8.0f}, {-95.0f, 0.0f, 60.0f}, {to.x, 0.0f, to.z - 22.0f}, to};
    float len[4], total = 0.0f;
    for (int i = 0; i < 4; ++i) total += len[i] = glm::length(pts[i + 1] - pts[i]);
    float d = std::clamp(u, 0.0f, 1.0f) * total;
    for (int i = 0; i < 4; ++i) {
        if (d <= len[i] || i == 3) {
            const glm::vec3 seg = pts[i + 1] - pts[i];
            if (dir) *dir = len[i] > 1e-4f ? seg / len[i] : glm::vec3(0.0f, 0.0f, 1.0f);
            return pts[i] + seg * (len[i] > 1e-4f ? std::min(d / len[i], 1.0f) : 0.0f);
        }
        d -= len[i];
    }
    return to;
}

// [SECTION] Glow

glm::vec3 meltGlow(double temperatureC) {
    const float t = static_cast<float>(temperatureC);
    if (t < 650.0f) return glm::vec3(0.0f);
    const float k = std::clamp((t - 600.0f) / 700.0f, 0.0f, 1.3f);
    const float intensity = 6.0f * k * k * k;  // radiance rises steeply with temperature (Stefan-Boltzmann-like)
    const float g = 0.12f + 0.36f * glm::smoothstep(900.0f, 1400.0f, t);
    const float b = 0.02f + 0.10f * glm::smoothstep(1100.0f, 1500.0f, t);
    return glm::vec3(1.0f, g, b) * intensity;
}

// [SECTION] Animation

namespace {

float smooth(float u) { u = std::clamp(u, 0.0f, 1.0f); return u * u * (3.0f - 2.0f * u); }

// A crane move: hoist (first 15 %), travel the aisle, lower (last 15 %).
glm::vec3 craneMove(glm::vec3 from, glm::vec3 to, float u) {
    u = std::clamp(u, 0.0f, 1.0f);
    if (u < 0.15f) return from + glm::vec3(0.0f, kLiftY * smooth(u / 0.15f), 0.0f);
    if (u > 0.85f) return to + glm::vec3(0.0f, kLiftY * (1.0f - smooth((u - 0.85f) / 0.15f)), 0.0f);
    glm::vec3 p = glm::mix(from, to, smooth((u - 0.15f) / 0.7f));
    p.y = kLiftY;
    return p;
}

int pick(const std::vector<int>& v, std::size_t i) { return i < v.size() ? v[i] : -1; }

// The anode furnace a blister ladle is heading for: the fullest one that is filling (the simulation's own rule).
int anodeDestination(const sim::SmelterState& s) {
    int best = -1;
    for (std::size_t a = 0; a < s.anode_furnaces.size(); ++a)
        if (s.anode_furnaces[a].phase == sim::AnodePhase::Filling &&
            (best < 0 || s.anode_furnaces[a].contents_t > s.anode_furnaces[static_cast<std::size_t>(best)].contents_t))
            best = static_cast<int>(a);
    return std::max(best, 0);
}

}  // namespace

float converterTiltFor(const sim::ConverterState& c) {
    switch (c.phase) {
    case sim::ConverterPhase::Idle: return 30.0f;
    case sim::ConverterPhase::Charging: return 60.0f;
    case sim::ConverterPhase::SlagBlow:
    case sim::ConverterPhase::CopperBlow: return c.faulted ? 45.0f : 0.0f;
    case sim::ConverterPhase::Skimming: return 75.0f;
    case sim::ConverterPhase::Pouring: return c.progress > 0.0 ? 95.0f : 45.0f;
    }
    return 30.0f;
}

void remember(History& h, const sim::SmelterState& s, double timeS) {
    const std::size_t n = s.ladles.size();
    h.lastTarget.resize(n, -1);
    h.lastStage.resize(n, -1);
    h.lastProgress.resize(n, 0.0);
    h.ladleRate.resize(n, 0.0);
    const double dt = h.lastTimeS >= 0.0 ? timeS - h.lastTimeS : 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const sim::LadleState& l = s.ladles[i];
        if (l.target >= 0) h.lastTarget[i] = l.target;
        const int stage = static_cast<int>(l.stage);
        if (dt > 0.0) {
            // A rate only within one stage and only while it moves forward; a new stage starts unknown (0).
            h.ladleRate[i] = stage == h.lastStage[i] && l.progress > h.lastProgress[i]
                                 ? (l.progress - h.lastProgress[i]) / dt : (stage == h.lastStage[i] ? h.ladleRate[i] : 0.0);
            if (l.progress >= 1.0) h.ladleRate[i] = 0.0;
        }
        if (dt > 0.0 || h.lastTimeS < 0.0) {
            h.lastStage[i] = stage;
            h.lastProgress[i] = l.progress;
        }
    }
    if (dt > 0.0 || h.lastTimeS < 0.0) h.lastTimeS = timeS;
}

PlantAnim animate(const sim::SmelterState& s, std::span<const sim::Event> events, const History& h) {
    PlantAnim out;
    const int nConv = static_cast<int>(s.converters.size());
    out.converters.resize(s.converters.size());
    for (int c = 0; c < nConv; ++c) {
        const sim::ConverterState& cs = s.converters[static_cast<std::size_t>(c)];
        ConverterAnim& a = out.converters[static_cast<std::size_t>(c)];
        a.tiltDeg = converterTiltFor(cs);
        a.inService = cs.in_service;
        switch (cs.phase) {
        case sim::ConverterPhase::Idle: a.mode = ConverterMode::Idle; break;
        case sim::ConverterPhase::Charging: a.mode = ConverterMode::Charging; break;
        case sim::ConverterPhase::SlagBlow:
        case sim::ConverterPhase::CopperBlow: a.mode = ConverterMode::Blowing; break;
        case sim::ConverterPhase::Skimming: a.mode = ConverterMode::Skimming; break;
        case sim::ConverterPhase::Pouring: a.mode = ConverterMode::Pouring; break;
        }
        if (cs.faulted) a.mode = ConverterMode::Faulted;
        // The slag blow throws more fume than the copper blow (FeS oxidation and magnetite dust); both ~1200 C.
        a.flame = a.mode == ConverterMode::Blowing ? (cs.phase == sim::ConverterPhase::SlagBlow ? 1.0f : 0.75f) : 0.0f;
        a.glowC = cs.contents_t > 0.5 ? (a.mode == ConverterMode::Blowing ? 1250.0f : 1180.0f) : 0.0f;
        a.pouringOut = a.mode == ConverterMode::Skimming || (a.mode == ConverterMode::Pouring && cs.progress > 0.0);
    }

    // Ladles: the n-th of each kind has its own spot.
    out.ladles.resize(s.ladles.size());
    int kMatte = 0, kSlag = 0, kBlister = 0;
    const int dest = anodeDestination(s);
    for (std::size_t i = 0; i < s.ladles.size(); ++i) {
        const sim::LadleState& l = s.ladles[i];
        LadleAnim& a = out.ladles[i];
        a.contents = l.contents;
        a.stage = l.stage;
        a.fill = static_cast<float>(std::clamp(l.mass_t / 40.0, 0.0, 1.0));
        a.glowC = l.mass_t > 0.0 ? static_cast<float>(l.temperature_c) : 0.0f;
        const double rate = i < h.ladleRate.size() ? h.ladleRate[i] : 0.0;
        const float u = static_cast<float>(std::clamp(l.progress + rate * h.aheadS, 0.0, 1.0));
        const int tgt = l.target >= 0 ? l.target : pick(h.lastTarget, i);
        const int conv = std::clamp(tgt, 0, std::max(nConv - 1, 0));
        using St = sim::LadleStage;
        switch (l.contents) {
        case sim::LadleContents::Matte: {
            const glm::vec3 home = matteTapSpot(kMatte++);
            switch (l.stage) {
            case St::AtFurnace: a.pos = home; break;
            case St::CraneToConverter: a.carrier = Carrier::Crane; a.pos = craneMove(home, converterLadleSpot(conv), u); break;
            case St::AtConverter:
                // Hoisted to the mouth and rolled toward the converter (north, -z) as the matte runs in.
                a.carrier = Carrier::Crane;
                a.pos = converterLadleSpot(conv) + glm::vec3(0.0f, 5.5f * smooth(u / 0.2f), -1.5f * smooth(u / 0.2f));
                a.tiltDeg = -80.0f * smooth(u / 0.35f) * (1.0f - smooth((u - 0.9f) / 0.1f));
                a.pouring = u > 0.2f && u < 0.95f && l.mass_t > 0.0;
                out.converters[static_cast<std::size_t>(conv)].receiving = a.pouring;
                break;
            default: a.carrier = Carrier::Crane; a.pos = craneMove(converterLadleSpot(conv), home, u); break;
            }
            break;
        }
        case sim::LadleContents::Slag: {
            const int k = kSlag++;
            const glm::vec3 home = slagTapSpot(k), dump = yardDumpSpot(k);
            a.carrier = Carrier::PotCarrier;
            glm::vec3 dir(0.0f, 0.0f, 1.0f);
            switch (l.stage) {
            case St::ToSlagYard: a.pos = slagRoad(home, dump, u, &dir); break;
            case St::Dumping:
                a.pos = dump;
                // Tip out over the edge, hold while the slag runs down the face, then right the pot.
                a.tiltDeg = 115.0f * smooth(u / 0.25f) * (1.0f - smooth((u - 0.75f) / 0.25f));
                a.pouring = u > 0.15f && u < 0.8f;
                break;
            case St::Returning: a.pos = slagRoad(home, dump, 1.0f - u, &dir); dir = -dir; break;
            default: a.pos = home; break;
            }
            a.headingDeg = glm::degrees(std::atan2(dir.x, dir.z));
            break;
        }
        case sim::LadleContents::Blister: {
            const glm::vec3 park = blisterPark(kBlister++);
            switch (l.stage) {
            case St::AtConverter:
                if (l.target >= 0) {
                    // Under the converter's mouth, filling while it pours.
                    a.pos = converterLadleSpot(conv);
                    const sim::ConverterState& cs = s.converters[static_cast<std::size_t>(conv)];
                    a.fill = static_cast<float>(std::clamp(cs.progress, 0.0, 1.0));
                    a.glowC = cs.progress > 0.02 ? 1200.0f : 0.0f;
                } else {
                    a.pos = park;
                }
                break;
            case St::ToAnodeFurnace:
                a.carrier = Carrier::Crane;
                a.pos = craneMove(converterLadleSpot(conv), anodeLadleSpot(dest), u);
                break;
            case St::Dumping: {
                const int af = std::clamp(tgt, 0, std::max(static_cast<int>(s.anode_furnaces.size()) - 1, 0));
                a.carrier = Carrier::Crane;
                a.pos = anodeLadleSpot(af) + glm::vec3(0.0f, 5.0f * smooth(u / 0.2f), -1.5f * smooth(u / 0.2f));
                a.tiltDeg = -85.0f * smooth(u / 0.35f) * (1.0f - smooth((u - 0.9f) / 0.1f));
                a.pouring = u > 0.2f && u < 0.95f;
                break;
            }
            case St::Returning: {
                const int af = std::clamp(tgt, 0, std::max(static_cast<int>(s.anode_furnaces.size()) - 1, 0));
                a.carrier = Carrier::Crane;
                a.pos = craneMove(anodeLadleSpot(af), park, u);
                break;
            }
            default: a.pos = park; break;
            }
            break;
        }
        }
    }

    out.anodes.resize(s.anode_furnaces.size());
    for (std::size_t k = 0; k < s.anode_furnaces.size(); ++k) {
        const sim::AnodeFurnaceState& af = s.anode_furnaces[k];
        AnodeAnim& a = out.anodes[k];
        a.phase = af.phase;
        a.fill = static_cast<float>(std::clamp(af.contents_t / 110.0, 0.0, 1.0));
        a.casting = af.phase == sim::AnodePhase::Casting;
        // Rolled mouth-up to blow air (oxidising) or take the poles; tilted toward the casting launder to cast.
        switch (af.phase) {
        case sim::AnodePhase::Filling: a.rollDeg = 0.0f; break;
        case sim::AnodePhase::Oxidising: a.rollDeg = -20.0f; break;
        case sim::AnodePhase::Poling: a.rollDeg = -28.0f; break;
        case sim::AnodePhase::Casting: a.rollDeg = 15.0f + 40.0f * static_cast<float>(af.progress); break;
        }
    }
    out.castingActive = s.casting.active;

    for (const sim::Event& e : events) {
        if (e.unit != sim::Unit::Smelter) continue;
        const auto kind = static_cast<sim::SmelterEvent>(e.kind);
        const std::size_t li = static_cast<std::size_t>(std::max(e.index, 0));
        const int ci = std::clamp(e.index, 0, std::max(nConv - 1, 0));
        auto ladlePos = [&]() { return li < out.ladles.size() ? out.ladles[li].pos : glm::vec3(0.0f); };
        switch (kind) {
        case sim::SmelterEvent::LadleTapped: out.cues.push_back({Cue::MatteTap, e.index, matteTapSpot(0)}); break;
        case sim::SmelterEvent::SlagTapped: out.cues.push_back({Cue::SlagTap, e.index, slagTapSpot(0)}); break;
        case sim::SmelterEvent::ConverterCharged: out.cues.push_back({Cue::ConverterCharge, e.index, converterLadleSpot(ci)}); break;
        case sim::SmelterEvent::ConverterPour: out.cues.push_back({Cue::ConverterPour, e.index, converterLadleSpot(ci)}); break;
        case sim::SmelterEvent::SlagSkimmed: out.cues.push_back({Cue::SlagSkim, e.index, converterLadleSpot(ci)}); break;
        case sim::SmelterEvent::SlagDumped: out.cues.push_back({Cue::SlagDump, e.index, ladlePos()}); break;
        case sim::SmelterEvent::CathodeHarvest: out.cues.push_back({Cue::Harvest, -1, kTankhousePos}); break;
        default: break;
        }
    }
    return out;
}

}  // namespace scenes::smelter
