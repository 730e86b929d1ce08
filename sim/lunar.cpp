#include "sim/lunar.h"

#include <cmath>

namespace sim {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDeg = kPi / 180.0;
constexpr double kDeltaT_s = 69.0;

double sind(double d) { return std::sin(d * kDeg); }
double cosd(double d) { return std::cos(d * kDeg); }
double norm360(double d) {
    d = std::fmod(d, 360.0);
    return d < 0.0 ? d + 360.0 : d;
}

// One periodic term of tables 47.A / 47.B: multiples of D, M, M', F and the coefficient (1e-6 degree, 1e-3 km).
struct Term {
    signed char d, m, mp, f;
    double coeff;
};

// Table 47.A, longitude (sine terms) and distance (cosine terms), every term with |Σl| >= 2000 or |Σr| >= 5000.
constexpr Term kLongitude[] = {
    {0, 0, 1, 0, 6288774}, {2, 0, -1, 0, 1274027}, {2, 0, 0, 0, 658314}, {0, 0, 2, 0, 213618},
    {0, 1, 0, 0, -185116}, {0, 0, 0, 2, -114332},  {2, 0, -2, 0, 58793}, {2, -1, -1, 0, 57066},
    {2, 0, 1, 0, 53322},   {2, -1, 0, 0, 45758},   {0, 1, -1, 0, -40923}, {1, 0, 0, 0, -34720},
    {0, 1, 1, 0, -30383},  {2, 0, 0, -2, 15327},   {0, 0, 1, 2, -12528}, {0, 0, 1, -2, 10980},
    {4, 0, -1, 0, 10675},  {0, 0, 3, 0, 10034},    {4, 0, -2, 0, 8548},  {2, 1, -1, 0, -7888},
    {2, 1, 0, 0, -6766},   {1, 0, -1, 0, -5163},   {1, 1, 0, 0, 4987},   {2, -1, 1, 0, 4036},
    {2, 0, 2, 0, 3994},    {4, 0, 0, 0, 3861},     {2, 0, -3, 0, 3665},  {0, 1, -2, 0, -2689},
    {2, 0, -1, 2, -2602},  {2, -1, -2, 0, 2390},   {1, 0, 1, 0, -2348},  {2, -2, 0, 0, 2236},
    {0, 1, 2, 0, -2120},   {0, 2, 0, 0, -2069},
};
constexpr Term kDistance[] = {
    {0, 0, 1, 0, -20905355}, {2, 0, -1, 0, -3699111}, {2, 0, 0, 0, -2955968}, {0, 0, 2, 0, -569925},
    {0, 1, 0, 0, 48888},     {0, 0, 0, 2, -3149},     {2, 0, -2, 0, 246158},  {2, -1, -1, 0, -152138},
    {2, 0, 1, 0, -170733},   {2, -1, 0, 0, -204586},  {0, 1, -1, 0, -129620}, {1, 0, 0, 0, 108743},
    {0, 1, 1, 0, 104755},    {2, 0, 0, -2, 10321},    {0, 0, 1, -2, 79661},   {4, 0, -1, 0, -34782},
    {0, 0, 3, 0, -23210},    {4, 0, -2, 0, -21636},   {2, 1, -1, 0, 24208},   {2, 1, 0, 0, 30824},
    {1, 0, -1, 0, -8379},    {1, 1, 0, 0, -16675},    {2, -1, 1, 0, -12831},  {2, 0, 2, 0, -10445},
    {4, 0, 0, 0, -11650},    {2, 0, -3, 0, 14403},    {0, 1, -2, 0, -7003},   {2, -1, -2, 0, 10056},
    {1, 0, 1, 0, 6322},      {2, -2, 0, 0, -9884},    {0, 1, 2, 0, 5751},
};
// Table 47.B, latitude (sine terms), every term with |Σb| >= 1500.
constexpr Term kLatitude[] = {
    {0, 0, 0, 1, 5128122}, {0, 0, 1, 1, 280602}, {0, 0, 1, -1, 277693}, {2, 0, 0, -1, 173237},
    {2, 0, -1, 1, 55413},  {2, 0, -1, -1, 46271}, {2, 0, 0, 1, 32573},  {0, 0, 2, 1, 17198},
    {2, 0, 1, -1, 9266},   {0, 0, 2, -1, 8822},  {2, -1, 0, -1, 8216},  {2, 0, -2, -1, 4324},
    {2, 0, 1, 1, 4200},    {2, 1, 0, -1, -3359}, {2, -1, -1, 1, 2463},  {2, -1, 0, 1, 2211},
    {2, -1, -1, -1, 2065}, {0, 1, -1, -1, -1870}, {4, 0, -1, -1, 1828}, {0, 1, 0, 1, -1794},
};

struct Arguments {
    double T, Lp, D, M, Mp, F, E;
};

Arguments argumentsAt(double jde) {
    Arguments a;
    const double T = (jde - 2451545.0) / 36525.0;
    a.T = T;
    a.Lp = norm360(218.3164477 + T * (481267.88123421 + T * (-0.0015786 + T * (1.0 / 538841.0 - T / 65194000.0))));
    a.D = norm360(297.8501921 + T * (445267.1114034 + T * (-0.0018819 + T * (1.0 / 545868.0 - T / 113065000.0))));
    a.M = norm360(357.5291092 + T * (35999.0502909 + T * (-0.0001536 + T / 24490000.0)));
    a.Mp = norm360(134.9633964 + T * (477198.8675055 + T * (0.0087414 + T * (1.0 / 69699.0 - T / 14712000.0))));
    a.F = norm360(93.2720950 + T * (483202.0175233 + T * (-0.0036539 + T * (-1.0 / 3526000.0 + T / 863310000.0))));
    a.E = 1.0 - T * (0.002516 + 0.0000074 * T);
    return a;
}

double argumentOf(const Term& t, const Arguments& a) { return t.d * a.D + t.m * a.M + t.mp * a.Mp + t.f * a.F; }
// Terms with M are multiplied by E (E squared for 2M): the eccentricity of the Earth's orbit decreases.
double eccentricityFactor(const Term& t, const Arguments& a) {
    const int m = t.m < 0 ? -t.m : t.m;
    return m == 1 ? a.E : m == 2 ? a.E * a.E : 1.0;
}

}  // namespace

LunarEcliptic lunarEclipticAtJde(double jde) {
    const Arguments a = argumentsAt(jde);
    double sl = 0.0, sb = 0.0, sr = 0.0;
    for (const Term& t : kLongitude) sl += t.coeff * eccentricityFactor(t, a) * sind(argumentOf(t, a));
    for (const Term& t : kDistance) sr += t.coeff * eccentricityFactor(t, a) * cosd(argumentOf(t, a));
    for (const Term& t : kLatitude) sb += t.coeff * eccentricityFactor(t, a) * sind(argumentOf(t, a));
    // Additive terms: Venus (A1), Jupiter (A2) and the flattening of the Earth (L').
    const double A1 = norm360(119.75 + 131.849 * a.T), A2 = norm360(53.09 + 479264.290 * a.T),
                 A3 = norm360(313.45 + 481266.484 * a.T);
    sl += 3958.0 * sind(A1) + 1962.0 * sind(a.Lp - a.F) + 318.0 * sind(A2);
    sb += -2235.0 * sind(a.Lp) + 382.0 * sind(A3) + 175.0 * sind(A1 - a.F) + 175.0 * sind(A1 + a.F) +
          127.0 * sind(a.Lp - a.Mp) - 115.0 * sind(a.Lp + a.Mp);
    LunarEcliptic e;
    e.longitude_deg = norm360(a.Lp + sl / 1e6);
    e.latitude_deg = sb / 1e6;
    e.distance_km = 385000.56 + sr / 1000.0;
    return e;
}

double lunarIlluminatedAtJde(double jde) {
    const Arguments a = argumentsAt(jde);
    const double i = norm360(180.0 - a.D - 6.289 * sind(a.Mp) + 2.100 * sind(a.M) - 1.274 * sind(2 * a.D - a.Mp) -
                             0.658 * sind(2 * a.D) - 0.214 * sind(2 * a.Mp) - 0.110 * sind(a.D));
    return (1.0 + cosd(i)) / 2.0;
}

double localSiderealTimeDeg(Time t, double lon_deg) {
    const double jd = static_cast<double>(t) / (86400.0 * 1e6) + 2440587.5;  // UT
    const double Tu = (jd - 2451545.0) / 36525.0;
    return norm360(280.46061837 + 360.98564736629 * (jd - 2451545.0) + Tu * Tu * (0.000387933 - Tu / 38710000.0) + lon_deg);
}

LunarPosition lunarPosition(Time t, double lat_deg, double lon_deg) {
    const double jd = static_cast<double>(t) / (86400.0 * 1e6) + 2440587.5;  // UT
    const double jde = jd + kDeltaT_s / 86400.0;
    const LunarEcliptic ec = lunarEclipticAtJde(jde);
    const double T = (jde - 2451545.0) / 36525.0;
    const double eps = 23.4392911 - 0.0130042 * T;  // mean obliquity (ch. 22, the T term)
    const double lam = ec.longitude_deg, bet = ec.latitude_deg;
    LunarPosition p;
    p.rightAscension_deg = norm360(std::atan2(sind(lam) * cosd(eps) - std::tan(bet * kDeg) * sind(eps), cosd(lam)) / kDeg);
    p.declination_deg = std::asin(sind(bet) * cosd(eps) + cosd(bet) * sind(eps) * sind(lam)) / kDeg;
    p.distance_km = ec.distance_km;
    const double H = localSiderealTimeDeg(t, lon_deg) - p.rightAscension_deg;
    const double sinAlt = sind(lat_deg) * sind(p.declination_deg) + cosd(lat_deg) * cosd(p.declination_deg) * cosd(H);
    const double alt = std::asin(sinAlt) / kDeg;
    // Horizontal parallax: the Moon is ~60 Earth radii away, so it stands up to ~1 degree lower than from the centre.
    const double parallax = std::asin(6378.14 / ec.distance_km) / kDeg;
    p.elevation_deg = alt - parallax * cosd(alt);
    p.azimuth_deg = norm360(std::atan2(sind(H), cosd(H) * sind(lat_deg) - std::tan(p.declination_deg * kDeg) * cosd(lat_deg)) / kDeg + 180.0);
    p.illuminated = lunarIlluminatedAtJde(jde);
    p.waxing = lunarIlluminatedAtJde(jde + 0.25) > p.illuminated;
    return p;
}

}  // namespace sim
