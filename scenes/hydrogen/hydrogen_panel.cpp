// The hydrogen scene's ImGui panel: supply and demand now (served, unserved, vented, the reformer's share, the store),
// plots of the last sim days, the depleted gas field and CO2 storage, the route comparison a visitor reads in
// seconds, STH presets with the absorber's physical ceiling, and the controls (each edit becomes a sim::Command).
// Sized for a 1920x1080 projector: collapsing sections, units on every number, never taller than the screen.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include <imgui.h>

#include "engine/gui.h"
#include "engine/i18n.h"
#include "scenes/hydrogen/hydrogen_scene.h"
#include "scenes/hydrogen/supply_view.h"
#include "scenes/scene_kit.h"
#include "sim/world.h"
#include "engine/locale_format.h"

namespace scenes {

namespace {

// STH presets (hydrogen.md §1 and §9).
struct SthPreset { const char* name; double sth; const char* source; };
// Names are msgids (shown through eng::tr); the sources are references, shown as written.
const SthPreset kSthPresets[] = {
    // xgettext:no-c-format
    {eng::N_("0.76 % best field"), 0.76, "Best 100 m² panel field: Nishiyama ... Domen, Nature 2021 (SrTiO3:Al sheets, max STH\n"
                                         "0.76 %, energy negative overall). hydrogen.md §1"},
    {eng::N_("Slag-derived today"), 0.001, "Illustrative only: no overall water-splitting STH is published for fayalite or\n"
                                           "Almalyk slag. Raw copper slag ~7e-4 % equivalent, with a sacrificial reagent\n"
                                           "(Montoya-Bautista 2020). hydrogen.md §3, §9"},
    // xgettext:no-c-format
    {eng::N_("5 % target"), 5.0, "Z-scheme target for economic viability (5-10 % needed). hydrogen.md §1, §5"},
    // xgettext:no-c-format
    {eng::N_("10 % target"), 10.0, "Type-1 'baggie' target; needs a visible-light absorber (edge >= ~530 nm).\nhydrogen.md §1, §5"},
};
// Theoretical STH ceiling vs absorption edge, AQY = 100 %, AM1.5G (hydrogen.md §1, integrated from ASTM G173).
struct Absorber { const char* name; double ceiling; };
const Absorber kAbsorbers[] = {
    {eng::N_("SrTiO3:Al, edge ~390 nm (3.18 eV)"), 1.37}, {eng::N_("edge 450 nm (2.76 eV)"), 4.27},
    {eng::N_("edge 500 nm (2.48 eV)"), 7.93},             {eng::N_("edge 550 nm (2.25 eV)"), 11.9},
    {eng::N_("edge 600 nm (2.07 eV)"), 16.2},             {eng::N_("edge 700 nm (1.77 eV)"), 25.1},
};

void tip(const char* msgid) { kit::tooltip(msgid ? eng::tr(msgid) : nullptr); }  // a msgid (N_), shown translated

// ImGui 1.86 has no right-aligned column: move the cursor so the text ends at the column's right edge.
void rightAligned(const std::string& text) {
    if (text.empty()) return;
    const float w = ImGui::CalcTextSize(text.c_str()).x, avail = ImGui::GetContentRegionAvail().x;
    if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
    ImGui::TextUnformatted(text.c_str());
}

// Two groups of h2::Rows side by side in one table: label | value | unit [| extra] || label | value | unit. The left
// group may carry one more value per row (extra(i), e.g. the last 24 h); headers name the value columns.
struct RowGroup {
    const std::vector<h2::Row>* rows;
    const char* title;        // over the label column ("" for none)
    const char* valueHeader;  // over the value column
    const char* extraHeader;  // over the extra column, or null for none
    std::function<std::string(std::size_t)> extra;
};

void rowsTable(const char* id, const RowGroup& left, const RowGroup& right) {
    const int leftColumns = left.extraHeader ? 4 : 3, columns = leftColumns + 1 + 3;
    if (!ImGui::BeginTable(id, columns, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX))
        return;
    const float em = ImGui::GetFontSize();
    eng::ReadingTable t(columns);  // Arabic reads the row from the right
    auto setup = [&](const RowGroup& g) {
        t.setupColumn(eng::tr(g.title), ImGuiTableColumnFlags_WidthFixed);
        t.setupColumn(eng::tr(g.valueHeader), ImGuiTableColumnFlags_WidthFixed);
        t.setupColumn("", ImGuiTableColumnFlags_WidthFixed);
        if (g.extraHeader) t.setupColumn(g.extraHeader, ImGuiTableColumnFlags_WidthFixed);
    };
    setup(left);
    t.setupColumn("", ImGuiTableColumnFlags_WidthFixed, 1.0f * em);  // gap between the groups
    setup(right);
    t.commitSetup(true);  // header cells count toward the fixed-fit widths: titles are never clipped
    const std::size_t n = std::max(left.rows->size(), right.rows->size());
    for (std::size_t i = 0; i < n; ++i) {
        t.nextRow();
        for (const RowGroup* g : {&left, &right}) {
            const bool has = i < g->rows->size();
            t.nextColumn();
            if (has) {
                t.cell(eng::tr((*g->rows)[i].label));
                tip((*g->rows)[i].tip);
            }
            t.nextColumn();
            if (has) rightAligned((*g->rows)[i].value);
            t.nextColumn();
            if (has) t.cell(eng::unitSymbol((*g->rows)[i].unit).c_str());
            if (g->extraHeader) {
                t.nextColumn();
                if (has) rightAligned(g->extra(i));
            }
            if (g == &left) t.nextColumn();
        }
    }
    ImGui::EndTable();
}

// "base (low-high)" of an economics range (just the base when all three agree), with the decimals its size needs.
std::string rangeText(const sim::Range& r, bool viable) {
    if (!viable) return eng::tr("n/a");
    const double a = std::abs(r.base);
    const bool single = r.low == r.base && r.high == r.base;
    const char* f = a < 10.0    ? (single ? "%.2f" : "%.2f (%.2f-%.2f)")
                    : a < 100.0 ? (single ? "%.1f" : "%.1f (%.1f-%.1f)")
                                : (single ? "%.0f" : "%.0f (%.0f-%.0f)");
    char b[96];
    eng::localSnprintf(b, sizeof b, f, r.base, r.low, r.high);  // decimal comma in ru, uz, de
    return b;
}

// The smallest 1, 2 or 5 x 10^k at or above v (a plot's top).
float niceCeil(float v) {
    if (!(v > 0.0f)) return 1.0f;
    const float p = std::pow(10.0f, std::floor(std::log10(v)));
    for (float m : {1.0f, 2.0f, 5.0f, 10.0f})
        if (m * p >= v * 0.999f) return m * p;
    return 10.0f * p;
}

struct PlotLine { const std::vector<float>* values; ImU32 colour; const char* name; float thickness; };

// Several series of one unit on a shared axis over the history's span: grid at 0, half and the top, a tick at each
// local midnight, a hover cursor with every value; the legend follows below.
void linesPlot(const char* id, const kit::MetricHistory& h, const std::vector<PlotLine>& lines, const char* unit, float height) {
    const std::size_t n = h.size();
    float top = 0.0f;
    for (const PlotLine& l : lines)
        for (float v : *l.values)
            if (std::isfinite(v)) top = std::max(top, v);
    top = niceCeil(top * 1.05f);
    const ImVec2 size(ImGui::GetContentRegionAvail().x, height);
    const ImVec2 p0 = ImGui::GetCursorScreenPos(), p1(p0.x + size.x, p0.y + size.y);
    ImGui::InvisibleButton(id, size);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* d = ImGui::GetWindowDrawList();
    d->AddRectFilled(p0, p1, ImGui::GetColorU32(ImGuiCol_FrameBg));
    const float t0 = static_cast<float>(h.hoursAt(0)), span = std::max(1e-3f, static_cast<float>(h.hoursAt(n - 1)) - t0);
    auto x = [&](double hours) { return p0.x + static_cast<float>((hours - t0) / span) * size.x; };
    auto y = [&](float v) { return p1.y - std::clamp(v / top, 0.0f, 1.0f) * (size.y - 4.0f) - 2.0f; };
    const ImU32 grid = IM_COL32(255, 255, 255, 40), label = IM_COL32(200, 200, 200, 200);
    char b[64];
    for (float f : {0.5f, 1.0f}) {
        d->AddLine({p0.x, y(f * top)}, {p1.x, y(f * top)}, grid);
        eng::localSnprintf(b, sizeof b, "%g %s", f * top, unit);
        // Above its grid line (below the top one, inside the frame), clear of the curves near it.
        d->AddText({p0.x + 4.0f, f < 1.0f ? y(f * top) - ImGui::GetFontSize() - 1.0f : y(f * top) + 1.0f}, label, b);
    }
    for (std::size_t k = 1; k < n; ++k) {  // local midnights: the day's date beside its line
        const sim::CivilTime a = sim::toLocalCivil(sim::fromSeconds(h.hoursAt(k - 1) * 3600.0));
        const sim::CivilTime c = sim::toLocalCivil(sim::fromSeconds(h.hoursAt(k) * 3600.0));
        if (a.day == c.day) continue;
        const float xm = x(h.hoursAt(k));
        d->AddLine({xm, p0.y}, {xm, p1.y}, grid);
        std::snprintf(b, sizeof b, "%02d-%02d", c.month, c.day);
        d->AddText({xm + 3.0f, p1.y - ImGui::GetFontSize() - 2.0f}, label, b);
    }
    std::vector<ImVec2> pts;
    for (const PlotLine& l : lines) {
        pts.clear();
        for (std::size_t k = 0; k < n; ++k)
            if (std::isfinite((*l.values)[k])) pts.push_back({x(h.hoursAt(k)), y((*l.values)[k])});
        d->AddPolyline(pts.data(), static_cast<int>(pts.size()), l.colour, 0, l.thickness);
    }
    if (hovered) {
        const float mx = ImGui::GetIO().MousePos.x;
        const std::size_t k = std::min(n - 1, static_cast<std::size_t>(std::lround(std::clamp((mx - p0.x) / size.x, 0.0f, 1.0f) *
                                                                                    static_cast<float>(n - 1))));
        d->AddLine({x(h.hoursAt(k)), p0.y}, {x(h.hoursAt(k)), p1.y}, IM_COL32(255, 255, 255, 120));
        const sim::CivilTime c = sim::toLocalCivil(sim::fromSeconds(h.hoursAt(k) * 3600.0));
        ImGui::BeginTooltip();
        ImGui::Text("%02d-%02d %02d:%02d", c.month, c.day, c.hour, c.minute);
        for (const PlotLine& l : lines) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(l.colour), "%s", eng::formatf("%s %.2f %s", eng::tr(l.name), (*l.values)[k], unit).c_str());
        ImGui::EndTooltip();
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {  // legend
        const float s = ImGui::GetFontSize() * 0.7f, pad = 0.5f * (ImGui::GetTextLineHeight() - s);
        if (i > 0) ImGui::SameLine(0.0f, ImGui::GetFontSize());
        const ImVec2 c = ImGui::GetCursorScreenPos();
        d->AddRectFilled({c.x, c.y + pad}, {c.x + s, c.y + pad + s}, lines[i].colour);
        ImGui::Dummy({s + 4.0f, ImGui::GetTextLineHeight()});
        ImGui::SameLine(0.0f, 0.0f);
        ImGui::TextUnformatted(eng::tr(lines[i].name));
    }
}

bool anyAbove(const std::vector<float>& v, float x) {
    return std::any_of(v.begin(), v.end(), [x](float f) { return f > x; });
}

}  // namespace

void HydrogenScene::paramSlider(const char* label, const char* name, float lo, float hi, const char* format,
                                bool logScale, const char* tipText) {
    if (m_state) m_sliders.slider(m_state->params, m_outbox, eng::tr(label), name, lo, hi, format, logScale, tipText ? eng::tr(tipText) : nullptr);
}

void HydrogenScene::drawSupply(const sim::State& s) {
    const h2::SupplyNow now = h2::readSupply(s);
    // Totals over the last day (or as much of it as this session has seen).
    double span = 0.0;
    h2::SupplyTotals::Item items[] = {h2::SupplyTotals::kDemand, h2::SupplyTotals::kServedPanels,
                                      h2::SupplyTotals::kServedReformer, h2::SupplyTotals::kUnserved, h2::SupplyTotals::kVented};
    std::string day[std::size(items)];
    for (std::size_t i = 0; i < std::size(items); ++i) {
        const double kg = m_totals.lastHours(s, items[i], 24.0, &span);
        day[i] = std::isfinite(kg) ? kit::formatNumber("%.1f", kg) + " " + eng::unitSymbol("kg") : std::string("-");  // "14,2 кг"
    }
    char dayHeader[32];
    if (span >= 23.99 || span <= 0.0) std::snprintf(dayHeader, sizeof dayHeader, "%s", eng::tr("last 24 h"));
    else if (span < 1.0) eng::localSnprintf(dayHeader, sizeof dayHeader, eng::tr("last %.0f min"), span * 60.0);
    else eng::localSnprintf(dayHeader, sizeof dayHeader, eng::tr("last %.1f h"), span);
    const std::vector<h2::Row> flows = h2::supplyRows(now), store = h2::storeRows(now, m_storageCap);
    rowsTable("##supply", {&flows, "H₂", eng::N_("now"), dayHeader, [&](std::size_t i) { return day[i]; }},
              {&store, eng::N_("Store and reformer"), eng::N_("now"), nullptr, {}});
    if (now.unserved_kg_h > 0.005)
        ImGui::TextColored(ImVec4(1, 0.45f, 0.35f, 1), "%s", eng::formatf(eng::tr("PRMiTS short of hydrogen: %.2f kg/h unserved"), now.unserved_kg_h).c_str());
}

float HydrogenScene::plotsHeight() {
    // The title line, the supply plot, its legend line, the store and sun plots: drawPlots() draws exactly this.
    const ImGuiStyle& st = ImGui::GetStyle();
    const float em = ImGui::GetFontSize();
    return ImGui::GetTextLineHeight() + st.ItemSpacing.y + 9.0f * em + st.ItemSpacing.y + ImGui::GetTextLineHeight() +
           st.ItemSpacing.y + 3.5f * em;
}

void HydrogenScene::drawPlots() {
    // One block of the same height before and after the plots fill: the sections below never jump.
    const float height = plotsHeight();
    const float top = ImGui::GetCursorPosY();
    if (m_plots.size() < 2) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        eng::textWrapped(eng::trp("Plots fill as the simulation runs (one sample per 10 sim minutes, last 3 days)."));
        ImGui::PopStyleColor();
        // To where the last plot's bottom would be (the next item then follows at the same place).
        ImGui::Dummy(ImVec2(1.0f, std::max(0.0f, top + height - ImGui::GetCursorPosY())));
        return;
    }
    const float em = ImGui::GetFontSize();
    std::vector<PlotLine> lines = {
        {&m_plots.series(h2::kPlotPanels), IM_COL32(250, 200, 60, 255), eng::N_("panels (after separator)"), 2.0f},
        {&m_plots.series(h2::kPlotReformer), IM_COL32(110, 160, 255, 255), eng::N_("reformer"), 2.0f},
        {&m_plots.series(h2::kPlotVented), IM_COL32(210, 120, 210, 255), eng::N_("vented"), 1.5f},
        {&m_plots.series(h2::kPlotDemand), IM_COL32(240, 240, 240, 255), eng::N_("PRMiTS demand"), 2.0f},
    };
    if (anyAbove(m_plots.series(h2::kPlotUnserved), 0.005f))
        lines.push_back({&m_plots.series(h2::kPlotUnserved), IM_COL32(255, 80, 70, 255), eng::N_("unserved"), 2.0f});
    char title[96];
    eng::localSnprintf(title, sizeof title, eng::tr("H₂ supply and demand, kg/h - last %.0f h"), m_plots.spanHours());
    ImGui::TextUnformatted(title);
    linesPlot("##supplyplot", m_plots, lines, eng::unitSymbol("kg/h").c_str(), 9.0f * em);  // "кг/ч" on the axis
    // The store and the sun, side by side.
    const std::vector<float>& st = m_plots.series(h2::kPlotStorage);
    const std::vector<float>& poa = m_plots.series(h2::kPlotPoa);
    const float half = 0.5f * (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x);
    char t[96];
    eng::localSnprintf(t, sizeof t, eng::tr("H₂ in store, kg (of %.0f)"), m_storageCap);
    const float stMax = std::max(static_cast<float>(m_storageCap), *std::max_element(st.begin(), st.end()));
    ImGui::PlotLines("##st", st.data(), static_cast<int>(st.size()), 0, t, 0.0f, stMax, ImVec2(half, 3.5f * em));
    ImGui::SameLine();
    const float aMax = std::max(1100.0f, *std::max_element(poa.begin(), poa.end()));
    ImGui::PlotLines("##poa", poa.data(), static_cast<int>(poa.size()), 0, eng::tr("Sun on the panels, W/m²"), 0.0f, aMax,
                     ImVec2(half, 3.5f * em));
}

void HydrogenScene::drawGasField(const sim::State& s) {
    const h2::FieldNow f = h2::readField(s);
    const std::vector<h2::Row> field = h2::fieldRows(f), co2 = h2::co2Rows(f);
    rowsTable("##gasfield", {&field, eng::N_("Depleted gas field (feeds the reformer)"), eng::N_("now"), nullptr, {}},
              {&co2, eng::N_("CO2 into a depleted reservoir"), eng::N_("now"), nullptr, {}});
    const std::string status = h2::injectionStatus(f);
    const bool bad = !f.injectionOk || f.co2Vented_t_h > 0.0;
    if (bad) ImGui::TextColored(ImVec4(1, 0.45f, 0.35f, 1), "%s", status.c_str());
    else ImGui::TextDisabled("%s", status.c_str());
}

void HydrogenScene::drawComparison(const sim::State& s) {
    // The simulated reformer stores its captured CO2 in the depleted field: that route is the one running now.
    const char* running = m_smrCapture > 0.0 ? "smr_depleted_field" : "smr_grey";
    const ImU32 highlight = IM_COL32(200, 120, 60, 70);
    if (ImGui::BeginTable("routes", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        eng::ReadingTable t(4);  // Arabic reads the row from the right
        t.setupColumn(eng::tr("Route"));
        t.setupColumn(eng::tr("CO2, kg per kg H2"));
        t.setupColumn(eng::tr("LCOH, USD per kg"));
        t.setupColumn(eng::tr("Land, m²/(kg/d)"));
        t.commitSetup(true);
        for (const sim::RouteEconomics& e : s.economics) {
            t.nextRow();
            if (e.name == running || e.name == "photocatalytic") ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, highlight);
            t.nextColumn();
            t.cell(eng::display(h2::routeLabel(e.name)).c_str());
            tip(h2::routeTip(e.name));
            t.nextColumn();
            t.cell(rangeText(e.co2_kg_per_kg, true).c_str());
            tip(eng::N_("Direct CO2 per kg H2: SMR ~10 kg (hydrogen.md §4: 9.35-10.2); with capture 71-92 % removed; panels: "
                "grid power for drying and compression only"));
            t.nextColumn();
            t.cell(rangeText(e.lcoh_usd_kg, e.viable).c_str());
            // xgettext:no-c-format ("% STH" is a percent sign, not a conversion)
            tip(eng::N_("Levelised cost from the named econ.* assumptions, low-base-high; market refs: grey 1.0-2.5, "
                "blue 1.45-2.4, photocatalytic projections 1.6-3.2 at 5-10 % STH (hydrogen.md §5, §9)"));
            t.nextColumn();
            t.cell(rangeText(e.land_m2_per_kg_d, e.viable).c_str());
            tip(eng::N_("Panels: 365 / (annual yield x ground cover ratio); reformer: plot area (econ.* ranges)"));
        }
        ImGui::EndTable();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    eng::textWrapped(eng::formatf(eng::trp("Base (low-high). Shaded: the routes simulated now (panels, and the reformer at capture %.2f)."),
                                  m_smrCapture).c_str());  // wrapped: German and Russian run past the panel's edge
    ImGui::PopStyleColor();
    for (const sim::RouteEconomics& e : s.economics)
        if (e.name == "photocatalytic" && !e.viable)
            ImGui::TextDisabled("%s", eng::tr("Panels: no hydrogen at this STH - no meaningful LCOH (cf. Domen 2021, energy negative)."));
}

void HydrogenScene::drawControls() {
    const double sth = m_state->params.has("h2.sth_percent") ? m_state->params.get("h2.sth_percent") : 0.0;
    ImGui::TextUnformatted(eng::tr("STH presets:"));
    for (const SthPreset& p : kSthPresets) {
        kit::sameLineIfFits(kit::smallButtonWidth(eng::tr(p.name)));  // the row wraps before "10 % target" runs off
        if (ImGui::SmallButton(eng::tr(p.name))) {
            char b[32];
            std::snprintf(b, sizeof b, "%.9g", p.sth);
            m_outbox.setParamText("h2.sth_percent", b);
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.source);
    }
    // Every slider's label gets the room its language needs (the rest of the row is the slider).
    ImGui::PushItemWidth(-kit::labelWidth({eng::tr("STH, %"), eng::tr("Panel area set, m²"), eng::tr("Tilt, °"),
                                           eng::tr("Azimuth, °"), eng::tr("Reformer, kg H2/h"), eng::tr("CO2 capture")}));
    paramSlider(eng::N_("STH, %"), "h2.sth_percent", 0.0f, 30.0f, "%.3f", true, eng::N_("Solar-to-hydrogen efficiency (Gibbs basis, hydrogen.md §8.4)"));
    float widest = 0.0f;  // the absorber combo as wide as its longest entry: none is cut
    for (const Absorber& a : kAbsorbers) widest = std::max(widest, ImGui::CalcTextSize(eng::tr(a.name)).x);
    ImGui::SetNextItemWidth(std::min(kit::comboWidth(widest), ImGui::GetContentRegionAvail().x - kit::labelWidth({eng::tr("Absorber")})));
    if (ImGui::BeginCombo(eng::tr("Absorber"), eng::tr(kAbsorbers[m_absorber].name))) {
        for (int i = 0; i < static_cast<int>(std::size(kAbsorbers)); ++i)
            if (ImGui::Selectable(eng::tr(kAbsorbers[i].name), i == m_absorber)) m_absorber = i;
        ImGui::EndCombo();
    }
    const double ceiling = kAbsorbers[m_absorber].ceiling;
    const std::string ceilingText = eng::formatf(eng::tr("ceiling %.2f %%"), ceiling) +
                                    (sth > ceiling ? std::string(" - ") + eng::tr("STH above this absorber's physical limit!") : std::string());
    kit::sameLineIfFits(ImGui::CalcTextSize(ceilingText.c_str()).x);
    ImGui::TextColored(sth > ceiling ? ImVec4(1, 0.4f, 0.3f, 1) : ImVec4(0.7f, 0.9f, 0.7f, 1), "%s", ceilingText.c_str());
    tip(eng::N_("Theoretical STH for 100 % quantum yield below the absorption edge, AM1.5G (hydrogen.md §1, ASTM G173). "
        "SrTiO3:Al is capped near 1.1-1.4 %; 10 % needs an edge >= ~530 nm."));
    paramSlider(eng::N_("Panel area set, m²"), "h2.panel_area_m2", 0.0f, 400000.0f, "%.0f", true,
                eng::N_("Panel area set by the parameter; the catalyst line adds rows of 100 m² as it builds them, so the\n"
                "active panel area above is this plus the built rows"));
    paramSlider(eng::N_("Tilt, °"), "h2.tilt_deg", 0.0f, 90.0f, "%.0f", false, eng::N_("Panel tilt from horizontal (30° default, hydrogen.md §9)"));
    paramSlider(eng::N_("Azimuth, °"), "h2.azimuth_deg", 90.0f, 270.0f, "%.0f", false, eng::N_("Direction the panels face, from north clockwise (180 = south)"));
    bool stochastic = m_state->params.has("weather.cloud_cover") && m_state->params.get("weather.cloud_cover") < 0.0;
    if (ImGui::Checkbox(eng::tr("Seasonal weather"), &stochastic)) m_outbox.setParamText("weather.cloud_cover", stochastic ? "-1" : "0");
    tip(eng::N_("Cloud cover drawn day by day so each month's sunshine matches Tashkent's WMO record (sim/weather.h)"));
    if (!stochastic) {
        const float sliderW = 10.0f * ImGui::GetFontSize();
        kit::sameLineIfFits(sliderW + kit::labelWidth({eng::tr("Cloud cover")}));
        ImGui::SetNextItemWidth(sliderW);
        paramSlider(eng::N_("Cloud cover"), "weather.cloud_cover", 0.0f, 1.0f, "%.2f", false, eng::N_("Share of the time the sun is covered"));
    }
    paramSlider(eng::N_("Reformer, kg H2/h"), "smr.capacity_kg_h", 0.0f, 1000.0f, "%.1f", true, eng::N_("Steam methane reformer capacity"));
    paramSlider(eng::N_("CO2 capture"), "smr.capture_fraction", 0.0f, 0.95f, "%.2f", false, eng::N_("Share of the reformer's CO2 captured (SMR 71-92 %, hydrogen.md §4)"));
    ImGui::PopItemWidth();
    ImGui::Separator();
    ImGui::Checkbox(eng::tr("Sun path preview"), &m_showSunPath);
    tip(eng::N_("The simulation clock only runs forward, so date and time of day are previewed here: the sun's path over the\n"
        "field for the chosen date (markers every 15 min) and its position at the chosen hour. Use --start to run another date."));
    if (m_showSunPath) {
        const sim::CivilTime c = sim::toLocalCivil(m_now);
        int day = m_previewDay > 0 ? m_previewDay : c.dayOfYear;
        const float sliderW = 10.0f * ImGui::GetFontSize();
        ImGui::SetNextItemWidth(sliderW);
        if (ImGui::SliderInt(eng::tr("Day of year"), &day, 1, 365)) m_previewDay = day;
        kit::sameLineIfFits(sliderW + kit::labelWidth({eng::tr("Hour")}));
        ImGui::SetNextItemWidth(sliderW);
        eng::localSliderFloat(eng::tr("Hour"), &m_previewHour, 0.0f, 24.0f, "%.2f");
    }
}

void HydrogenScene::drawUi(const FrameInput& in) {
    const CallState scope(m_state, in.state);
    if (!m_state) return;
    const sim::State& s = *m_state;
    const float em = ImGui::GetFontSize();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    eng::setNextWindowPos("Hydrogen", 10, 60, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(48.0f * em, 0), ImGuiCond_FirstUseEver);
    // Never taller than the screen below the menu and above the status line: it scrolls instead. Never narrower than
    // its tables and button rows in the language shown (German, Russian): it widens instead of cutting them.
    const char* title = eng::tr("Hydrogen for PRMiTS: panels, store and reformer");
    ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(display.x, kit::fittingWidth(title, 20.0f * em)), 0),
                                        ImVec2(display.x, std::max(200.0f, display.y - 60.0f - 3.0f * em)));
    if (!ImGui::Begin(title, &m_showPanel)) { ImGui::End(); return; }
    ImGui::TextUnformatted(eng::formatf(eng::tr("Sun elevation %.1f°, azimuth %.0f°   GHI %.0f W/m²   on panels %.0f W/m²   cloud cover %.0f %%"),
                m_elevation, m_azimuth, m_ghi, m_poa, 100.0 * m_cloud).c_str());
    // One figure for the panels' hydrogen on the whole panel: the supply view's (after the separator), as the store
    // rows and the plot show it; the gross rate and the separator's loss are in the tooltip.
    const h2::SupplyNow now = h2::readSupply(s);
    const h2::FieldArea area = h2::readFieldArea(s);
    ImGui::TextUnformatted(h2::fieldAreaLine(area).c_str());
    tip(eng::N_("Active panel area: the trays collecting sunlight (the Panel area parameter plus the rows the catalyst\n"
        "line has built from slag). Land: the ground the field covers with its row spacing (econ.ground_cover_ratio)."));
    ImGui::TextUnformatted(h2::panelsLine(m_sth, now).c_str());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", eng::formatf(eng::tr("STH after catalyst ageing. Gross %s kg/h before the separator's loss."),
                          kit::formatNumber("%.2f", m_h2kgh).c_str()).c_str());
    if (ImGui::CollapsingHeader(eng::tr("Supply to PRMiTS (W/Mo reduction) now"), ImGuiTreeNodeFlags_DefaultOpen)) drawSupply(s);
    if (ImGui::CollapsingHeader(eng::tr("Last days"), ImGuiTreeNodeFlags_DefaultOpen)) drawPlots();
    if (ImGui::CollapsingHeader(eng::tr("Depleted gas field and CO2 storage"), ImGuiTreeNodeFlags_DefaultOpen)) drawGasField(s);
    if (ImGui::CollapsingHeader(eng::tr("Routes compared"), ImGuiTreeNodeFlags_DefaultOpen)) drawComparison(s);
    if (ImGui::CollapsingHeader(eng::tr("Controls: STH, field, weather, reformer, capture"))) drawControls();
    ImGui::End();
}

}  // namespace scenes
