#include "sim/time.h"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace sim {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public-domain algorithms).
std::int64_t daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, int& y, int& m, int& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int daysInMonth(int y, int m) {
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

bool fail(std::string* why, const std::string& text) {
    if (why) *why = text;
    return false;
}

}  // namespace

CivilTime toLocalCivil(Time t) {
    const Time local = t + static_cast<Time>(kSiteUtcOffsetHours) * kHour;
    std::int64_t days = local / kDay;
    Time rem = local % kDay;
    if (rem < 0) { rem += kDay; --days; }
    CivilTime c;
    civilFromDays(days, c.year, c.month, c.day);
    c.hour = static_cast<int>(rem / kHour);
    c.minute = static_cast<int>((rem % kHour) / kMinute);
    c.second = static_cast<double>(rem % kMinute) / 1e6;
    c.leapYear = isLeap(c.year);
    c.dayOfYear = static_cast<int>(days - daysFromCivil(c.year, 1, 1)) + 1;
    return c;
}

bool parseIso8601(const std::string& s, Time& out, std::string* why) {
    const char* expected = "expected an ISO 8601 time like 2026-06-21T10:00:00+05:00";
    // Strict: every field is exactly its digits at its place (sscanf's %d took signs and spaces, so
    // "2026-06-21T-1:-5:-9" read as 22:54:51 the day before, and "T+8:00", "T 8:00" passed too).
    const auto digits = [&](std::size_t at, std::size_t n, int& v) {
        if (at + n > s.size()) return false;
        v = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
            v = v * 10 + (s[i] - '0');
        }
        return true;
    };
    int y, mo, d, h, mi, sec = 0;
    if (s.size() < 16 || !digits(0, 4, y) || s[4] != '-' || !digits(5, 2, mo) || s[7] != '-' || !digits(8, 2, d) ||
        s[10] != 'T' || !digits(11, 2, h) || s[13] != ':' || !digits(14, 2, mi))
        return fail(why, "'" + s + "': " + expected);
    std::size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        if (!digits(pos + 1, 2, sec)) return fail(why, "'" + s + "': seconds must be two digits; " + expected);
        pos += 3;
    }
    int offsetMin = kSiteUtcOffsetHours * 60;
    if (pos < s.size()) {
        int oh = 0, om = 0;
        if (s[pos] == 'Z' && pos + 1 == s.size()) {
            offsetMin = 0;
        } else if ((s[pos] == '+' || s[pos] == '-') && s.size() == pos + 6 && digits(pos + 1, 2, oh) &&
                   s[pos + 3] == ':' && digits(pos + 4, 2, om)) {
            // Real offsets run from -12:00 to +14:00 (ISO 8601 / IANA); "+99:99" is a typo, not a place.
            if (om > 59 || oh > 14 || (s[pos] == '-' && oh > 12))
                return fail(why, "'" + s + "': UTC offset out of range (-12:00 .. +14:00); " + expected);
            offsetMin = (s[pos] == '-' ? -1 : 1) * (oh * 60 + om);
        } else {
            return fail(why, "'" + s + "': bad UTC offset; " + expected);
        }
    }
    if (mo < 1 || mo > 12) return fail(why, "'" + s + "': month must be 01..12");
    if (d < 1 || d > daysInMonth(y, mo)) return fail(why, "'" + s + "': day out of range for that month");
    if (h > 23 || mi > 59 || sec > 59) return fail(why, "'" + s + "': time of day out of range");
    const std::int64_t days = daysFromCivil(y, mo, d);
    out = days * kDay + h * kHour + mi * kMinute + sec * kSecond - static_cast<Time>(offsetMin) * kMinute;
    return true;
}

std::string formatIso8601(Time t) {
    const CivilTime c = toLocalCivil(t);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+05:00", c.year, c.month, c.day, c.hour, c.minute,
                  static_cast<int>(std::floor(c.second)));
    return buf;
}

Time defaultStartTime() {
    Time t = 0;
    parseIso8601(kDefaultStart, t);
    return t;
}

}  // namespace sim
