// Where the sun stands: NOAA's solar position algorithm (NOAA Global Monitoring Laboratory solar
// calculator, after Meeus, "Astronomical Algorithms" 1991), good to about 0.01° in elevation for
// 1800–2100; docs/domain.md "Heat", "WBGT from weather (Liljegren 2008)".

/** A place on the earth, in degrees (north and east positive). */
export interface LatLng {
  lat: number;
  lng: number;
}

/** The sun seen from a place at an instant. */
export interface SunPosition {
  /** Degrees above the horizon, corrected for atmospheric refraction; negative below it. */
  elevationDeg: number;
  /** Cosine of the zenith angle (the sine of the elevation), at least 0. */
  cosZenith: number;
  /** Earth–sun distance in astronomical units. */
  distanceAu: number;
}

const RAD = Math.PI / 180;
const mod360 = (x: number) => ((x % 360) + 360) % 360;

/**
 * The sun's position for a place at an instant (milliseconds since the epoch, UTC).
 * @example sunPosition({ lat: 34.82, lng: 113.29 }, Date.parse("2021-08-03T13:30:00+08:00")).elevationDeg // 68.5
 * @example sunPosition({ lat: 34.82, lng: 113.29 }, Date.parse("2021-08-03T00:00:00+08:00")).elevationDeg // -37.0
 */
export function sunPosition(at: LatLng, ms: number): SunPosition {
  const jd = ms / 86400000 + 2440587.5; // Julian day: the Unix epoch is JD 2440587.5
  const t = (jd - 2451545) / 36525; // Julian centuries since J2000.0
  const l0 = mod360(280.46646 + t * (36000.76983 + t * 0.0003032)); // geometric mean longitude, °
  const m = 357.52911 + t * (35999.05029 - 0.0001537 * t); // geometric mean anomaly, °
  const e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t); // eccentricity of the earth's orbit
  const c = Math.sin(m * RAD) * (1.914602 - t * (0.004817 + 0.000014 * t))
    + Math.sin(2 * m * RAD) * (0.019993 - 0.000101 * t) + Math.sin(3 * m * RAD) * 0.000289; // equation of centre, °
  const trueAnomaly = m + c;
  const distanceAu = (1.000001018 * (1 - e * e)) / (1 + e * Math.cos(trueAnomaly * RAD));
  const omega = 125.04 - 1934.136 * t; // longitude of the moon's ascending node, °
  const lambda = l0 + c - 0.00569 - 0.00478 * Math.sin(omega * RAD); // apparent longitude, °
  const eps0 = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60; // mean obliquity, °
  const eps = eps0 + 0.00256 * Math.cos(omega * RAD); // corrected obliquity, °
  const decl = Math.asin(Math.sin(eps * RAD) * Math.sin(lambda * RAD)); // declination, rad
  const y = Math.tan((eps / 2) * RAD) ** 2;
  const eqTime = 4 / RAD * (y * Math.sin(2 * l0 * RAD) - 2 * e * Math.sin(m * RAD)
    + 4 * e * y * Math.sin(m * RAD) * Math.cos(2 * l0 * RAD)
    - 0.5 * y * y * Math.sin(4 * l0 * RAD) - 1.25 * e * e * Math.sin(2 * m * RAD)); // equation of time, min
  const utcMinutes = (((ms / 60000) % 1440) + 1440) % 1440;
  const trueSolar = (((utcMinutes + eqTime + 4 * at.lng) % 1440) + 1440) % 1440; // 4 min per degree of longitude
  const hourAngle = trueSolar / 4 - 180; // °, 0 at solar noon
  const lat = at.lat * RAD;
  const cosZ = Math.min(1, Math.max(-1, Math.sin(lat) * Math.sin(decl) + Math.cos(lat) * Math.cos(decl) * Math.cos(hourAngle * RAD)));
  const geometric = 90 - Math.acos(cosZ) / RAD;
  const elevationDeg = geometric + refraction(geometric);
  return { elevationDeg, cosZenith: Math.max(0, Math.sin(elevationDeg * RAD)), distanceAu };
}

/**
 * Atmospheric refraction in degrees at a geometric elevation (NOAA's approximation, after Bennett):
 * about 0.57° at the horizon, under 0.01° above 85°.
 * @example refraction(0) // 0.48
 * @example refraction(45) // 0.0161
 */
export function refraction(elevationDeg: number): number {
  if (elevationDeg > 85) return 0;
  const te = Math.tan(elevationDeg * RAD);
  let arcsec: number;
  if (elevationDeg > 5) arcsec = 58.1 / te - 0.07 / te ** 3 + 0.000086 / te ** 5;
  else if (elevationDeg > -0.575) arcsec = 1735 + elevationDeg * (-518.2 + elevationDeg * (103.4 + elevationDeg * (-12.79 + elevationDeg * 0.711)));
  else arcsec = -20.772 / te;
  return arcsec / 3600;
}
