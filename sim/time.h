// sim/time.h — simulation time: integer microseconds since 1970-01-01T00:00:00Z (UTC).
// Almalyk local time is UTC+5 with no daylight saving (design.md); ISO 8601 text always carries "+05:00".
// Use: Time t = 0; parseIso8601("2026-06-21T08:00:00+05:00", t); formatIso8601(t) -> same text.
// Errors: parseIso8601 returns false and fills *why with what was expected.
// Does NOT: read any wall clock, handle leap seconds or any time zone but an explicit offset.
#pragma once
#include <cstdint>
#include <string>

namespace sim {

using Time = std::int64_t;  // microseconds since the Unix epoch, UTC
constexpr Time kSecond = 1'000'000;
constexpr Time kMinute = 60 * kSecond;
constexpr Time kHour = 60 * kMinute;
constexpr Time kDay = 24 * kHour;
constexpr int kSiteUtcOffsetHours = 5;  // Asia/Tashkent, no DST

inline double toSeconds(Time t) { return static_cast<double>(t) / 1e6; }
inline double toHours(Time t) { return static_cast<double>(t) / 3.6e9; }
inline Time fromSeconds(double s) { return static_cast<Time>(s * 1e6 + (s >= 0 ? 0.5 : -0.5)); }

struct CivilTime {
    int year = 2026, month = 1, day = 1;  // local calendar date
    int hour = 0, minute = 0;
    double second = 0.0;
    int dayOfYear = 1;                    // 1..366
    bool leapYear = false;
};

// Local (UTC+5) calendar fields of a time.
CivilTime toLocalCivil(Time t);
// Parses "YYYY-MM-DDTHH:MM[:SS]" with an optional offset "Z", "+HH:MM" or "-HH:MM"; no offset means Almalyk local time.
bool parseIso8601(const std::string& text, Time& out, std::string* why = nullptr);
// "2026-06-21T08:00:00+05:00"
std::string formatIso8601(Time t);
// Default start of every run (design.md).
constexpr const char* kDefaultStart = "2026-06-21T10:00:00+05:00";
// kDefaultStart as sim time.
Time defaultStartTime();

}  // namespace sim
