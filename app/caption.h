// app/caption.h — captions with live values, as tours (and later the kiosk and training briefings) write them:
//   "The pit moves {mine.ore_t_h:0} t/h of ore"   -> "The pit moves 4,117 t/h of ore"   (number only, 0 decimals)
//   "{h2.photo_kg_h:1u} from the panels"           -> "3.4 kg/h from the panels"         ('u': the metric's unit)
//   "{mine.ore_t_h}"                               -> the metric's own decimals and its unit
//   "It is {clock} in Almalyk"                     -> "It is 14:05 in Almalyk"           (sim local time, 24 h)
//   "{{" and "}}"                                   -> literal braces
// Numbers use the language's number format (decimal mark and thousands separator); a number and its unit are joined
// by a no-break space ("4,117\u00a0t/h": a wrapped caption never splits them); a value that is not finite shows as "-". The caption text is a msgid: the tour player translates it (eng::trp, engine/i18n.h) first, then the
// placeholders are filled, so a translation may move them.
// Use:  std::string why; if (!app::checkCaption(text, &why)) ...;       // at load time: names and syntax
//       std::string shown = app::formatCaption(translated, state, app::NumberFormat::forLanguage("de"));
// Errors: checkCaption is false with *why ("{mine.ore_th:0}: unknown metric 'mine.ore_th'; did you mean
//   mine.ore_t_h?", "{mine.ore_t_h:x}: decimals must be 0..6, optionally followed by 'u'", "unclosed '{'");
//   formatCaption never fails: an unknown name shows as "{name?}".
// Does NOT: translate, or lay text out (the player draws it, shaped for right-to-left languages).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "engine/locale_format.h"
#include "sim/time.h"

namespace sim { struct State; }

namespace app {

// The one number formatter (engine/locale_format.h), under the names captions have always used.
using NumberFormat = eng::NumberFormat;
using eng::formatNumber;

// A registry unit (sim::MetricDef::unit) as people write it: "C" -> "°C", "deg" -> "°", "m2" -> "m²", "Nm3/h" ->
// "Nm³/h"; "" for counts, flags and dimensionless metrics ("count", "0/1", "-"); others as they are ("t/h", "%").
std::string displayUnit(std::string_view registryUnit);
// A number with its displayed unit, joined as the language writes them ("4,117 t/h", "12.5%", "63.2°", "7").
std::string formatQuantity(double value, int decimals, std::string_view registryUnit, const NumberFormat& nf);

// The placeholders a caption names ("mine.ore_t_h", "clock"), in order; for the editor and for tests.
std::vector<std::string> captionPlaceholders(std::string_view text);
// Syntax and names of every placeholder.
bool checkCaption(std::string_view text, std::string* why);
// The caption with every placeholder filled from the state (and `now` for {clock}).
std::string formatCaption(std::string_view text, const sim::State& state, sim::Time now, const NumberFormat& nf);

}  // namespace app
