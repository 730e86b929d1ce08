#include "engine/locale_format.h"

#include <cmath>
#include <cstdio>
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

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

std::string vformatPrintf(const NumberFormat& nf, const char* fmt, va_list args) {
    std::string out;
    if (!fmt) return out;
    for (const char* p = fmt; *p;) {
        if (*p != '%') {
            out += *p++;
            continue;
        }
        ++p;
        if (*p == '%') {
            out += '%';
            ++p;
            continue;
        }
        Spec s;
        while (*p && std::string_view("-+ #0").find(*p) != std::string_view::npos) s.flags += *p++;
        if (*p == '*') {
            s.width = va_arg(args, int);
            if (s.width < 0) {
                s.flags += '-';
                s.width = -s.width;
            }
            ++p;
        } else {
            while (*p >= '0' && *p <= '9') s.width = (s.width < 0 ? 0 : s.width * 10) + (*p++ - '0');
        }
        if (*p == '.') {
            ++p;
            s.precision = 0;
            if (*p == '*') {
                s.precision = va_arg(args, int);
                ++p;
            } else {
                while (*p >= '0' && *p <= '9') s.precision = s.precision * 10 + (*p++ - '0');
            }
        }
        while (*p && std::string_view("hlLqjzt").find(*p) != std::string_view::npos) s.length += *p++;
        s.conv = *p;
        if (!*p) break;  // a format cut after '%': nothing more to print
        ++p;
        const bool ll = s.length == "ll" || s.length == "q", l = s.length == "l", z = s.length == "z",
                   j = s.length == "j", t = s.length == "t";
        switch (s.conv) {
            case 'd': case 'i':
                if (ll) out += printOne(s, va_arg(args, long long));
                else if (l) out += printOne(s, va_arg(args, long));
                else if (z) out += printOne(s, va_arg(args, std::ptrdiff_t));
                else if (j) out += printOne(s, va_arg(args, std::intmax_t));
                else if (t) out += printOne(s, va_arg(args, std::ptrdiff_t));
                else out += printOne(s, va_arg(args, int));
                break;
            case 'u': case 'o': case 'x': case 'X':
                if (ll) out += printOne(s, va_arg(args, unsigned long long));
                else if (l) out += printOne(s, va_arg(args, unsigned long));
                else if (z) out += printOne(s, va_arg(args, std::size_t));
                else if (j) out += printOne(s, va_arg(args, std::uintmax_t));
                else if (t) out += printOne(s, va_arg(args, std::size_t));
                else out += printOne(s, va_arg(args, unsigned));
                break;
            case 'c': out += printOne(s, va_arg(args, int)); break;
            case 's': {
                const char* str = va_arg(args, const char*);
                out += printOne(s, str ? str : "(null)");
                break;
            }
            case 'p': out += printOne(s, va_arg(args, void*)); break;
            case 'f': case 'F': {
                const double v = s.length == "L" ? static_cast<double>(va_arg(args, long double)) : va_arg(args, double);
                out += fixedNumber(s, v, nf);
                break;
            }
            case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
                if (s.length == "L") out += withDecimal(printOne(s, va_arg(args, long double)), nf);
                else out += withDecimal(printOne(s, va_arg(args, double)), nf);
                break;
            case 'n': (void)va_arg(args, int*); break;  // never writes through the pointer
            default: out += specText(s); break;           // not a conversion: kept as written
        }
    }
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
