// Properties of moist air that the Liljegren WBGT model needs (docs/domain.md "Heat", "WBGT from
// weather (Liljegren 2008)"): saturation vapour pressure, dew point, viscosity, conductivity,
// vapour diffusivity, heat of evaporation. Temperatures in kelvin, pressures in hPa.

/** Molar masses of dry air and water (g/mol), the gas constant (J/(kmol·K)), cp of air (J/(kg·K)). */
export const M_AIR = 28.97;
export const M_H2O = 18.015;
export const R_GAS = 8314.34;
export const R_AIR = R_GAS / M_AIR;
export const CP = 1003.5;
/** Prandtl number of air, cp/(cp + 1.25·R_air) (Liljegren et al. 2008, from Bird, Stewart & Lightfoot). */
export const PRANDTL = CP / (CP + 1.25 * R_AIR);

/**
 * Saturation vapour pressure over water (hPa) by Buck (1981, J. Appl. Meteorol. 20:1527–1532), with
 * his enhancement factor 1.0007 + 3.46e-6·P for moist air.
 * @example saturationHpa(303.15, 1010) // 42.6
 */
export function saturationHpa(tk: number, pressureHpa: number): number {
  const y = (tk - 273.15) / (tk - 32.18);
  return 6.1121 * Math.exp(17.502 * y) * (1.0007 + 3.46e-6 * pressureHpa);
}

/**
 * The dew point (K) of vapour pressure `e` (hPa): Buck's formula inverted.
 * @example dewPointK(saturationHpa(303.15, 1010), 1010) // 303.15
 */
export function dewPointK(e: number, pressureHpa: number): number {
  const z = Math.log(e / (6.1121 * (1.0007 + 3.46e-6 * pressureHpa)));
  return 273.15 + (240.97 * z) / (17.502 - z);
}

/**
 * Viscosity of air (kg/(m·s)) by the Chapman–Enskog kinetic theory with Lennard-Jones constants
 * σ = 3.617 Å, ε/κ = 97 K (Bird, Stewart & Lightfoot 1960, as in Liljegren et al. 2008).
 * @example viscosity(300) // 1.84e-5
 */
export function viscosity(tk: number): number {
  const omega = ((tk / 97 - 2.9) / 0.4) * -0.034 + 1.048; // collision integral, linearised
  return (2.6693e-6 * Math.sqrt(M_AIR * tk)) / (3.617 * 3.617 * omega);
}

/**
 * Thermal conductivity of air (W/(m·K)) by the Eucken formula: (cp + 1.25·R_air)·μ.
 * @example thermalConductivity(300) // 0.0251
 */
export function thermalConductivity(tk: number): number {
  return (CP + 1.25 * R_AIR) * viscosity(tk);
}

/**
 * Diffusivity of water vapour in air (m²/s), Bird, Stewart & Lightfoot (1960) eq. 16.3-1 with the
 * critical constants of air (132 K, 36.4 atm) and water (647.3 K, 218 atm).
 * @example diffusivity(300, 1013.25) // 2.63e-5
 */
export function diffusivity(tk: number, pressureHpa: number): number {
  const pcrit13 = (36.4 * 218) ** (1 / 3);
  const tcrit512 = (132 * 647.3) ** (5 / 12);
  const tcrit12 = Math.sqrt(132 * 647.3);
  const mmix = Math.sqrt(1 / M_AIR + 1 / M_H2O);
  return ((3.64e-4 * (tk / tcrit12) ** 2.334 * pcrit13 * tcrit512 * mmix) / (pressureHpa / 1013.25)) * 1e-4;
}

/**
 * Heat of evaporation of water (J/kg) by Meyra, Kuz & Zarragoicoechea (2004, Fluid Phase Equilibria
 * 218:205–207): critical 647.3 K, triple point 273.16 K with 2 500 900 J/kg, Zc = 0.292.
 * @example heatOfEvaporation(300) // ≈ 2446011
 */
export function heatOfEvaporation(tk: number): number {
  const zc = 0.292, tc = 647.3, tt = 273.16;
  return 2500900 * ((tc - tk) / (tc - tt)) ** (zc * zc * ((tk - tt) / (tc - tt)) + zc);
}

/**
 * Emissivity of the clear sky from its vapour pressure, 0.575·e^(1/7) (Oke 1978, after Brutsaert).
 * @example skyEmissivity(303.15, 0.5, 1010) // 0.89
 */
export function skyEmissivity(tk: number, rh: number, pressureHpa: number): number {
  return 0.575 * (rh * saturationHpa(tk, pressureHpa)) ** 0.143;
}
