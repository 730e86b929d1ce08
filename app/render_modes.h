// app/render_modes.h — helpers shared by the three rendering modes (interactive window, shot, bench) in
// app/render_modes.cpp; the modes themselves are declared in app/options.h.
// Does NOT: parse the command line (app/cli does).
#pragma once
#include <string>

#include "app/options.h"
#include "engine/quality.h"

namespace app {

// --quality auto picks from the GL renderer string (llvmpipe -> low); low/high force it.
eng::QualityLevel resolveQuality(Quality q, const std::string& glRenderer);

}  // namespace app
