// WBGT from standard weather by the model of Liljegren, Carhart, Lawday, Tschopp & Sharp (2008),
// J. Occup. Environ. Hyg. 5(10):645–655 (docs/domain.md "Heat", "WBGT from weather (Liljegren
// 2008)"): the black globe and the natural wet-bulb wick each in a heat balance of convection,
// long-wave radiation from sky and ground, sunshine (direct and diffuse) and, for the wick,
// evaporation, solved by relaxation; then WBGT = 0.7·Tnwb + 0.2·Tg + 0.1·Ta. The constants are
// those of the paper and of Argonne's reference code (WBGT v1.1, minimum wind 0.5 m/s).
import { CP, dewPointK, diffusivity, heatOfEvaporation, M_AIR, M_H2O, PRANDTL, R_AIR, saturationHpa, skyEmissivity, thermalConductivity, viscosity } from "./air.ts";

/** Weather as the model takes it. */
export interface WbgtInput {
  tempC: number;
  /** Relative humidity, %. */
  humidity: number;
  /** Wind at 2 m, m/s. */
  windMs: number;
  pressureHpa: number;
  /** Global horizontal irradiance, W/m². */
  solarWm2: number;
  /** Cosine of the solar zenith angle (0 at night). */
  cosZenith: number;
  /** Earth–sun distance, AU (1 if unknown). */
  distanceAu?: number;
  /** No direct beam (a shaded point): only the diffuse part of `solarWm2` reaches the instruments. */
  shaded?: boolean;
}

export interface WbgtResult {
  wbgt: number;
  globeC: number;
  natWetBulbC: number;
  /** The share of the irradiance in the direct beam the model used. */
  directFraction: number;
}

const STEFAN_BOLTZMANN = 5.6696e-8; // W/(m²·K⁴), as in the reference code
const SOLAR_CONSTANT = 1367; // W/m²
const MIN_SPEED = 0.5; // m/s: the reference code's floor on wind (v1.1; 0.13 m/s in the 2008 paper)
const COS_ZENITH_MIN = 0.00873; // the sun less than 0.5° up counts as set (reference code)
const NORM_SOLAR_MAX = 0.85; // irradiance capped at 85 % of the top of the atmosphere (reference code)
const D_GLOBE = 0.0508, EMIS_GLOBE = 0.95, ALB_GLOBE = 0.05; // 2-inch black globe
const D_WICK = 0.007, L_WICK = 0.0254, EMIS_WICK = 0.95, ALB_WICK = 0.4; // wick 7 mm × 25.4 mm
const EMIS_SFC = 0.999, ALB_SFC = 0.45; // the ground
const CONVERGENCE = 0.02; // K
const MAX_ITER = 200;

/**
 * The irradiance the model accepts and its direct-beam fraction: capped at 85 % of the top of the
 * atmosphere, the beam share from the clearness index by Liljegren et al.'s eq. 13,
 * `f = exp(3 − 1.34·s − 1.65/s)`, at most 0.9.
 * @example solarSplit(900, 0.93, 1.015) // { solarWm2: 900, directFraction: 0.79 }
 */
export function solarSplit(solarWm2: number, cosZenith: number, distanceAu = 1): { solarWm2: number; directFraction: number } {
  if (cosZenith < COS_ZENITH_MIN || solarWm2 <= 0) return { solarWm2: 0, directFraction: 0 };
  const top = (SOLAR_CONSTANT * cosZenith) / (distanceAu * distanceAu);
  const norm = Math.min(solarWm2 / top, NORM_SOLAR_MAX);
  const f = Math.exp(3 - 1.34 * norm - 1.65 / norm);
  return { solarWm2: norm * top, directFraction: Math.max(0, Math.min(0.9, f)) };
}

/**
 * Convective heat transfer coefficient of a sphere in air, W/(m²·K): Nu = 2 + 0.6·Re^½·Pr^⅓
 * (Bird, Stewart & Lightfoot 1960).
 */
function hSphere(diameter: number, tk: number, pressureHpa: number, speed: number): number {
  const density = (pressureHpa * 100) / (R_AIR * tk);
  const re = (Math.max(speed, MIN_SPEED) * density * diameter) / viscosity(tk);
  const nu = 2 + 0.6 * Math.sqrt(re) * PRANDTL ** 0.3333;
  return (nu * thermalConductivity(tk)) / diameter;
}

/** The same for a long cylinder in cross flow: Nu = 0.281·Re^0.6·Pr^0.44 (Bedingfield & Drew 1950). */
function hCylinder(diameter: number, tk: number, pressureHpa: number, speed: number): number {
  const density = (pressureHpa * 100) / (R_AIR * tk);
  const re = (Math.max(speed, MIN_SPEED) * density * diameter) / viscosity(tk);
  const nu = 0.281 * re ** 0.6 * PRANDTL ** 0.44;
  return (nu * thermalConductivity(tk)) / diameter;
}

/**
 * Black-globe temperature (°C): the 2-inch globe's balance of convection, long-wave exchange with sky
 * and ground (each seen by half the globe), and absorbed sunshine, direct (as a sphere's cross-section)
 * plus diffuse and ground-reflected (Liljegren et al. 2008 eq. 4).
 * @example globeC(309.15, 0.5, 1000, 1.5, 900, 0.78, 0.93) // 53.0
 */
export function globeC(tk: number, rh: number, pressureHpa: number, speed: number, solar: number, fdir: number, cosZenith: number): number {
  const cz = Math.max(cosZenith, 0.01); // fdir is 0 whenever the sun is this low; this only avoids 1/0
  const sky = 0.5 * (skyEmissivity(tk, rh, pressureHpa) * tk ** 4 + EMIS_SFC * tk ** 4); // ground at air temperature
  const sun = (solar / (2 * EMIS_GLOBE * STEFAN_BOLTZMANN)) * (1 - ALB_GLOBE) * (fdir * (1 / (2 * cz) - 1) + 1 + ALB_SFC);
  let prev = tk, next = tk;
  for (let i = 0; i < MAX_ITER; i++) {
    const h = hSphere(D_GLOBE, 0.5 * (prev + tk), pressureHpa, speed);
    next = Math.max(0, sky - (h / (EMIS_GLOBE * STEFAN_BOLTZMANN)) * (prev - tk) + sun) ** 0.25;
    if (Math.abs(next - prev) < CONVERGENCE) break;
    prev = 0.9 * prev + 0.1 * next; // relaxation, as the reference code does
  }
  return next - 273.15;
}

/**
 * Natural wet-bulb temperature (°C): the wick's balance of convection, evaporation (the Chilton–
 * Colburn analogy, (Pr/Sc)^0.56) and radiation, long-wave and solar on a vertical cylinder
 * (Liljegren et al. 2008 eq. 7–9); the first guess is the dew point.
 * @example natWetBulbC(309.15, 0.5, 1000, 1.5, 900, 0.78, 0.93) // 28.9
 */
export function natWetBulbC(tk: number, rh: number, pressureHpa: number, speed: number, solar: number, fdir: number, cosZenith: number): number {
  const eAir = rh * saturationHpa(tk, pressureHpa);
  const zenith = Math.acos(Math.min(1, Math.max(0, cosZenith)));
  const ratio = (CP * M_AIR) / M_H2O;
  const sky = 0.5 * (skyEmissivity(tk, rh, pressureHpa) * tk ** 4 + EMIS_SFC * tk ** 4);
  const sunTerm = (1 - ALB_WICK) * solar * ((1 - fdir) * (1 + (0.25 * D_WICK) / L_WICK)
    + fdir * (Math.tan(zenith) / Math.PI + (0.25 * D_WICK) / L_WICK) + ALB_SFC);
  let prev = dewPointK(Math.max(eAir, 1e-6), pressureHpa), next = prev;
  for (let i = 0; i < MAX_ITER; i++) {
    const tref = 0.5 * (prev + tk);
    const h = hCylinder(D_WICK, tref, pressureHpa, speed);
    const fatm = STEFAN_BOLTZMANN * EMIS_WICK * (sky - prev ** 4) + sunTerm;
    const eWick = saturationHpa(prev, pressureHpa);
    const density = (pressureHpa * 100) / (R_AIR * tref);
    const schmidt = viscosity(tref) / (density * diffusivity(tref, pressureHpa));
    next = tk - (heatOfEvaporation(tref) / ratio) * ((eWick - eAir) / (pressureHpa - eWick)) * (PRANDTL / schmidt) ** 0.56 + fatm / h;
    if (Math.abs(next - prev) < CONVERGENCE) break;
    prev = 0.9 * prev + 0.1 * next;
  }
  return next - 273.15;
}

/**
 * Outdoor WBGT from weather (°C), with its globe and natural wet-bulb temperatures. `shaded`: the
 * direct beam is blocked, the diffuse part of the irradiance remains.
 * @example liljegrenWbgt({ tempC: 36, humidity: 50, windMs: 1.5, pressureHpa: 1000, solarWm2: 900, cosZenith: 0.93 }).wbgt // 34.5
 * @example liljegrenWbgt({ tempC: 27, humidity: 80, windMs: 1, pressureHpa: 1000, solarWm2: 0, cosZenith: 0 }).wbgt // 24.9
 */
export function liljegrenWbgt(w: WbgtInput): WbgtResult {
  const tk = w.tempC + 273.15;
  const rh = w.humidity / 100;
  let { solarWm2: solar, directFraction: fdir } = solarSplit(w.solarWm2, w.cosZenith, w.distanceAu ?? 1);
  const usedFdir = fdir;
  if (w.shaded) { solar *= 1 - fdir; fdir = 0; }
  const cz = solar > 0 ? w.cosZenith : 0;
  const tg = globeC(tk, rh, w.pressureHpa, w.windMs, solar, fdir, cz);
  const tnwb = natWetBulbC(tk, rh, w.pressureHpa, w.windMs, solar, fdir, cz);
  return { wbgt: 0.7 * tnwb + 0.2 * tg + 0.1 * w.tempC, globeC: tg, natWetBulbC: tnwb, directFraction: w.shaded ? 0 : usedFdir };
}
