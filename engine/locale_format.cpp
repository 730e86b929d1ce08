#include "engine/locale_format.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "engine/i18n.h"

namespace eng {

namespace {

constexpr const char* kNoBreakSpace = "\u00a0";
constexpr int kMaxDecimals = 6;

// "1234567" -> "1,234,567" with the given separator.
std::string groupDigits(const std::string& digits, const std::string& sep) {
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += sep;
        out += digits[i];
    }
    return out;
}

std::string codeOf(std::string_view code) {
    const Language* l = findLanguage(code);
    return l ? l->code : "en";
}

}  // namespace

NumberFormat NumberFormat::forLanguage(std::string_view code) {
    const std::string lang = codeOf(code);
    NumberFormat nf;  // English: "12,345.6", "4,117"; ja and ko write numbers the same way; ar keeps Western digits
    if (lang == "ru" || lang == "uz") {
        nf.decimal = ",";
        nf.group = kNoBreakSpace;
        nf.groupFrom = 10000.0;
        nf.percentSpace = kNoBreakSpace;
    } else if (lang == "de") {
        nf.decimal = ",";
        nf.group = ".";
        nf.percentSpace = kNoBreakSpace;
    }
    return nf;
}

std::string formatNumber(double value, int decimals, const NumberFormat& nf) {
    if (!std::isfinite(value)) return "-";
    if (decimals < 0) decimals = 0;
    if (decimals > kMaxDecimals) decimals = kMaxDecimals;
    char buf[512];  // 1.8e308 has 309 digits before the point
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
    std::string text = buf;
    const std::size_t point = text.find('.');
    std::string whole = text.substr(0, point), frac = point == std::string::npos ? "" : text.substr(point + 1);
    // The rounded number decides both the grouping (9999.96 -> "10,000.0") and the sign (-0.04 -> "0.0").
    const bool zero = whole.find_first_not_of('0') == std::string::npos && frac.find_first_not_of('0') == std::string::npos;
    const double rounded = std::strtod(text.c_str(), nullptr);
    if (rounded >= nf.groupFrom) whole = groupDigits(whole, nf.group);
    std::string out = (value < 0 && !zero) ? "-" : "";
    out += whole;
    if (!frac.empty()) out += nf.decimal + frac;
    return out;
}

NumberFormat currentNumberFormat() { return NumberFormat::forLanguage(language()); }

std::string formatNumber(double value, int decimals) { return formatNumber(value, decimals, currentNumberFormat()); }

std::string formatTime(const DateTimeParts& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", d.hour, d.minute);
    return buf;
}

std::string formatDate(const DateTimeParts& d, std::string_view languageCode) {
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::string lang = codeOf(languageCode);
    char buf[64];
    if (lang == "de" || lang == "ru" || lang == "uz")
        std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", d.day, d.month, d.year);
    else if (lang == "ja")
        std::snprintf(buf, sizeof buf, "%04d\u5e74%d\u6708%d\u65e5", d.year, d.month, d.day);  // 年 月 日
    else if (lang == "ko")
        std::snprintf(buf, sizeof buf, "%04d. %d. %d.", d.year, d.month, d.day);
    else if (lang == "ar")
        std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
    else
        std::snprintf(buf, sizeof buf, "%d %s %04d", d.day, kMonths[(d.month + 11) % 12], d.year);
    return buf;
}

std::string formatDateTime(const DateTimeParts& d, std::string_view languageCode) {
    return formatDate(d, languageCode) + " " + formatTime(d);
}

std::string formatDateTime(const DateTimeParts& d) { return formatDateTime(d, language()); }

}  // namespace eng

namespace eng {

namespace {

// One conversion of a printf format, already split: "%-8.2f" -> flags "-", width 8, precision 2, conv 'f'.
struct Spec {
    std::string flags, length;
    int width = -1, precision = -1;
    char conv = 0;
};

// A spec rebuilt for snprintf with width and precision as numbers (a '*' was read from the arguments already).
std::string specText(const Spec& s) {
    std::string t = "%";
    t += s.flags;
    if (s.width >= 0) t += std::to_string(s.width);
    if (s.precision >= 0) {
        t += '.';
        t += std::to_string(s.precision);
    }
    t += s.length;
    t += s.conv;
    return t;
}

template <class T>
std::string printOne(const Spec& s, T value) {
    const std::string f = specText(s);
    const int n = std::snprintf(nullptr, 0, f.c_str(), value);
    if (n <= 0) return {};
    std::string out(static_cast<std::size_t>(n) + 1, '\0');
    std::snprintf(out.data(), out.size(), f.c_str(), value);
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::size_t utf8Length(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string fixedNumber(const Spec& s, double v, const NumberFormat& nf) {
    std::string body = formatNumber(v, s.precision < 0 ? 6 : s.precision, nf);
    if (std::isfinite(v) && body[0] != '-') {
        if (s.flags.find('+') != std::string::npos) body.insert(body.begin(), '+');
        else if (s.flags.find(' ') != std::string::npos) body.insert(body.begin(), ' ');
    }
    const std::size_t len = utf8Length(body);
    if (s.width < 0 || len >= static_cast<std::size_t>(s.width)) return body;
    const std::size_t pad = static_cast<std::size_t>(s.width) - len;
    if (s.flags.find('-') != std::string::npos) {
        body.append(pad, ' ');
        return body;
    }
    const bool zeros = s.flags.find('0') != std::string::npos && std::isfinite(v) && body.find(nf.group) == std::string::npos;
    const std::size_t at = zeros && (body[0] == '-' || body[0] == '+' || body[0] == ' ') ? 1 : 0;
    body.insert(at, pad, zeros ? '0' : ' ');
    return body;
}

std::string withDecimal(std::string text, const NumberFormat& nf) {
    const std::size_t point = text.find('.');
    if (point != std::string::npos) text.replace(point, 1, nf.decimal);
    return text;
}

}  // namespace

namespace {

// One argument, read from the va_list in argument order (POSIX positional "%2$s" may use them in any order).
enum class ArgKind { None, Int, Long, LongLong, SizeT, IntMax, PtrDiff, UInt, ULong, ULongLong, UIntMax, Double, LongDouble, String, Pointer };
struct Arg {
    ArgKind kind = ArgKind::None;
    long long i = 0;
    unsigned long long u = 0;
    long double d = 0;
    const char* str = nullptr;
    void* ptr = nullptr;
};

struct Piece {
    std::string literal;  // text before the conversion (with "%%" already made "%")
    Spec spec;
    int arg = -1, widthArg = -1, precisionArg = -1;  // 0-based argument indexes; -1: none
};

ArgKind kindOf(const Spec& s) {
    const std::string& l = s.length;
    switch (s.conv) {
        case 'd': case 'i':
            return l == "ll" || l == "q" ? ArgKind::LongLong : l == "l" ? ArgKind::Long : l == "z" ? ArgKind::SizeT
                 : l == "j" ? ArgKind::IntMax : l == "t" ? ArgKind::PtrDiff : ArgKind::Int;
        case 'u': case 'o': case 'x': case 'X':
            return l == "ll" || l == "q" ? ArgKind::ULongLong : l == "l" ? ArgKind::ULong : l == "z" ? ArgKind::SizeT
                 : l == "j" ? ArgKind::UIntMax : l == "t" ? ArgKind::PtrDiff : ArgKind::UInt;
        case 'c': return ArgKind::Int;
        case 's': return ArgKind::String;
        case 'p': case 'n': return ArgKind::Pointer;
        case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
            return l == "L" ? ArgKind::LongDouble : ArgKind::Double;
        default: return ArgKind::None;
    }
}

// "12$" at p: the 1-based position, p moved past '$'; 0 (p unchanged) when there is none.
int position(const char*& p) {
    const char* q = p;
    int n = 0;
    while (*q >= '0' && *q <= '9') n = n * 10 + (*q++ - '0');
    if (q == p || *q != '$' || n <= 0) return 0;
    p = q + 1;
    return n;
}

}  // namespace

std::string vformatPrintf(const NumberFormat& nf, const char* fmt, va_list args) {
    std::string out;
    if (!fmt) return out;
    // Pass 1: split into pieces and learn each argument's type (a positional translation, "%2$s ... %1$.1f",
    // reorders them; the C library's printf does the same).
    std::vector<Piece> pieces;
    std::vector<ArgKind> kinds;
    auto use = [&](int index, ArgKind k) {
        if (index < 0 || index > 64) return;  // NL_ARGMAX-like bound: a format that asks for more is not ours
        if (static_cast<std::size_t>(index) >= kinds.size()) kinds.resize(static_cast<std::size_t>(index) + 1, ArgKind::None);
        if (kinds[static_cast<std::size_t>(index)] == ArgKind::None) kinds[static_cast<std::size_t>(index)] = k;
    };
    int next = 0;
    std::string literal;
    for (const char* p = fmt; *p;) {
        if (*p != '%') {
            literal += *p++;
            continue;
        }
        ++p;
        if (*p == '%') {
            literal += '%';
            ++p;
            continue;
        }
        Piece piece;
        const int pos = position(p);
        while (*p && std::string_view("-+ #0'").find(*p) != std::string_view::npos) {
            if (*p != '\'') piece.spec.flags += *p;
            ++p;
        }
        if (*p == '*') {
            ++p;
            const int wpos = position(p);
            piece.widthArg = wpos ? wpos - 1 : next++;
            use(piece.widthArg, ArgKind::Int);
        } else {
            while (*p >= '0' && *p <= '9') piece.spec.width = (piece.spec.width < 0 ? 0 : piece.spec.width * 10) + (*p++ - '0');
        }
        if (*p == '.') {
            ++p;
            piece.spec.precision = 0;
            if (*p == '*') {
                ++p;
                const int ppos = position(p);
                piece.precisionArg = ppos ? ppos - 1 : next++;
                use(piece.precisionArg, ArgKind::Int);
            } else {
                while (*p >= '0' && *p <= '9') piece.spec.precision = piece.spec.precision * 10 + (*p++ - '0');
            }
        }
        while (*p && std::string_view("hlLqjzt").find(*p) != std::string_view::npos) piece.spec.length += *p++;
        if (!*p) break;  // a format cut after '%': nothing more to print
        piece.spec.conv = *p++;
        const ArgKind k = kindOf(piece.spec);
        if (k != ArgKind::None) {
            piece.arg = pos ? pos - 1 : next++;
            use(piece.arg, k);
        }
        piece.literal = std::move(literal);
        literal.clear();
        pieces.push_back(std::move(piece));
    }
    // Pass 2: read the arguments in order, each with its type.
    std::vector<Arg> values(kinds.size());
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        Arg& a = values[i];
        a.kind = kinds[i];
        switch (a.kind) {
            case ArgKind::None: a.i = va_arg(args, int); break;  // a gap in the positions: printf's behaviour is undefined; read an int
            case ArgKind::Int: a.i = va_arg(args, int); break;
            case ArgKind::Long: a.i = va_arg(args, long); break;
            case ArgKind::LongLong: a.i = va_arg(args, long long); break;
            case ArgKind::SizeT: a.u = va_arg(args, std::size_t); a.i = static_cast<long long>(a.u); break;
            case ArgKind::IntMax: a.i = va_arg(args, std::intmax_t); break;
            case ArgKind::PtrDiff: a.i = va_arg(args, std::ptrdiff_t); a.u = static_cast<unsigned long long>(a.i); break;
            case ArgKind::UInt: a.u = va_arg(args, unsigned); break;
            case ArgKind::ULong: a.u = va_arg(args, unsigned long); break;
            case ArgKind::ULongLong: a.u = va_arg(args, unsigned long long); break;
            case ArgKind::UIntMax: a.u = va_arg(args, std::uintmax_t); break;
            case ArgKind::Double: a.d = va_arg(args, double); break;
            case ArgKind::LongDouble: a.d = va_arg(args, long double); break;
            case ArgKind::String: a.str = va_arg(args, const char*); break;
            case ArgKind::Pointer: a.ptr = va_arg(args, void*); break;
        }
    }
    auto intArg = [&](int index) { return index >= 0 && static_cast<std::size_t>(index) < values.size() ? static_cast<int>(values[static_cast<std::size_t>(index)].i) : 0; };
    for (Piece& pc : pieces) {
        out += pc.literal;
        Spec s = pc.spec;
        if (pc.widthArg >= 0) {
            s.width = intArg(pc.widthArg);
            if (s.width < 0) {
                s.flags += '-';
                s.width = -s.width;
            }
        }
        if (pc.precisionArg >= 0) s.precision = std::max(-1, intArg(pc.precisionArg));
        if (pc.arg < 0 || static_cast<std::size_t>(pc.arg) >= values.size()) {
            out += specText(s);  // not a conversion: kept as written
            continue;
        }
        const Arg& a = values[static_cast<std::size_t>(pc.arg)];
        switch (s.conv) {
            case 'd': case 'i': {
                Spec t = s;
                t.length = "ll";
                out += printOne(t, a.i);
                break;
            }
            case 'u': case 'o': case 'x': case 'X': {
                Spec t = s;
                t.length = "ll";
                out += printOne(t, a.u);
                break;
            }
            case 'c': out += printOne(s, static_cast<int>(a.i)); break;
            case 's': out += printOne(s, a.str ? a.str : "(null)"); break;
            case 'p': out += printOne(s, a.ptr); break;
            case 'n': break;  // never writes through the pointer
            case 'f': case 'F': out += fixedNumber(s, static_cast<double>(a.d), nf); break;
            default: {  // e, E, g, G, a, A
                Spec t = s;
                t.length.clear();
                out += withDecimal(printOne(t, static_cast<double>(a.d)), nf);
                break;
            }
        }
    }
    out += literal;
    return out;
}

std::string formatPrintf(const NumberFormat& nf, const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    std::string out = vformatPrintf(nf, fmt, args);
    va_end(args);
    return out;
}

std::string formatf(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    std::string out = vformatPrintf(currentNumberFormat(), fmt, args);
    va_end(args);
    return out;
}

int localSnprintf(char* out, std::size_t size, const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    const std::string text = vformatPrintf(currentNumberFormat(), fmt, args);
    va_end(args);
    if (out && size > 0) {
        std::size_t n = std::min(text.size(), size - 1);
        while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // whole characters
        text.copy(out, n);
        out[n] = '\0';
    }
    return static_cast<int>(text.size());
}

}  // namespace eng

namespace eng {

namespace {

// Every unit symbol the program shows (msgctxt "unit"), for xgettext and for unitSymbol.
constexpr const char* kUnitSymbols[] = {
    NC_("unit", "t"),     NC_("unit", "t/h"),   NC_("unit", "kt"),    NC_("unit", "kg"),    NC_("unit", "kg/h"),
    NC_("unit", "g/h"),   NC_("unit", "h"),     NC_("unit", "min"),   NC_("unit", "s"),     NC_("unit", "km/h"),
    NC_("unit", "L"),     NC_("unit", "L/h"),   NC_("unit", "bar"),   NC_("unit", "Nm³/h"), NC_("unit", "mol %"),
    NC_("unit", "MW"),    NC_("unit", "GJ/h"),  NC_("unit", "W/m²"),  NC_("unit", "m"),     NC_("unit", "m²"),
    NC_("unit", "km"),    NC_("unit", "A/m²"),  NC_("unit", "kA"),    NC_("unit", "$/kg"),  NC_("unit", "d"),
};

}  // namespace

std::string unitSymbol(std::string_view si) {
    for (const char* u : kUnitSymbols)
        if (si == u) return trc("unit", u);
    return std::string(si);
}

}  // namespace eng
