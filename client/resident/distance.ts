// How far a point is from the resident: great-circle distance, shown in metres or kilometres.

export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * Metres between two places on the Earth (haversine, mean radius 6,371 km).
 * @example metresBetween({lat: 34.8208, lng: 113.2853}, {lat: 34.8174, lng: 113.2861}) // ≈ 385
 */
export function metresBetween(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371000 * Math.asin(Math.min(1, Math.sqrt(s)));
}

/**
 * A distance as people read it.
 * @example distanceLabel(385) // "390 m"
 * @example distanceLabel(1520) // "1.5 km"
 */
export function distanceLabel(metres: number): string {
  if (metres < 1000) return `${Math.round(metres / 10) * 10} m`;
  return `${(metres / 1000).toFixed(1)} km`;
}
