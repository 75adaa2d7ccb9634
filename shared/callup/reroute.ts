// Rerouting (docs/api.md `callups`): a building whose own point cannot open at all is sent to the
// point with the most room to spare, nearest with room first, naming its own in `reroutedFrom`.
import type { Building, Point } from "../scenario/schema.ts";

export interface PointRoom {
  point: Point;
  /** People the point's staffed desks can serve through the day (0: it cannot open). */
  capacity: number;
  /** Expected people already called there. */
  load: number;
}

export interface Route {
  building: Building;
  point: string;
  reroutedFrom?: string;
}

/** Great-circle distance in km, for "nearest" among points with locations. */
function distanceKm(a: Point, b: Point): number {
  if (!a.location || !b.location) return Infinity;
  const rad = Math.PI / 180;
  const dLat = (b.location.lat - a.location.lat) * rad, dLng = (b.location.lng - a.location.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.location.lat * rad) * Math.cos(b.location.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

/**
 * Each building's point: its own when that point can open; else the nearest open point with room
 * left for it (capacity minus expected people), or the one with most room when none has enough;
 * its own if no point can open.
 * @example routeBuildings(yiyuan.buildings, yiyuan.points.map((point) => ({ point, capacity: point.id === "south-gate" ? 0 : 5000, load: 0 })), 0.93).find((r) => r.reroutedFrom) // { building: { id: "b09" }, point: "north-gate", reroutedFrom: "south-gate" } (south gate cannot open)
 */
export function routeBuildings(buildings: Building[], rooms: PointRoom[], attendance: number): Route[] {
  const byId = new Map(rooms.map((r) => [r.point.id, { ...r }]));
  const routes: Route[] = [];
  const open = [...byId.values()].filter((r) => r.capacity > 0);
  for (const b of buildings) {
    const own = byId.get(b.point);
    if (!own || own.capacity > 0 || open.length === 0) {
      routes.push({ building: b, point: b.point });
      continue;
    }
    const people = b.residents * attendance;
    const room = (r: PointRoom) => r.capacity - r.load;
    const fits = open.filter((r) => room(r) >= people);
    const best = fits.length
      ? [...fits].sort((x, y) => distanceKm(own.point, x.point) - distanceKm(own.point, y.point) || room(y) - room(x))[0]
      : [...open].sort((x, y) => room(y) - room(x))[0];
    best.load += people;
    routes.push({ building: b, point: best.point.id, reroutedFrom: b.point });
  }
  return routes;
}
