// The public facts the pages boot from (GET /api/v1/directory): sites, their points and where they
// are, and the published call-up times. No personal data: names of buildings, never of people.
import type { Shelter } from "../../shared/scenario/schema.ts";

export interface DirectoryPoint {
  id: string;
  name: string;
  shelter: Shelter;
  desks: number;
  location?: { lat: number; lng: number };
}

export interface DirectoryCallup {
  building: string;
  buildingName: string;
  point: string;
  start: string;
  end: string;
}

export interface DirectorySite {
  id: string;
  name: string;
  timezone: string;
  district?: string;
  city?: string;
  poolSize: number;
  points: DirectoryPoint[];
  /** The plan in force, if one is published. */
  published?: { id: string; revision: number } | null;
  /** Call-ups of the published plan, when there is one. */
  callups: DirectoryCallup[];
}

export interface Directory {
  /** The server's clock when it answered (ms), so "now" follows a simulated day too. */
  now: number;
  sites: DirectorySite[];
}

/**
 * Buildings being called to each point at an instant.
 * @example callingAt([{building:"b1",buildingName:"1号楼",point:"n",start:"…07:00…",end:"…07:30…"}], t) // {n:["1号楼"]}
 */
export function callingAt(callups: DirectoryCallup[], at: number): Record<string, string[]> {
  const calling: Record<string, string[]> = {};
  for (const c of callups) {
    if (Date.parse(c.start) <= at && at < Date.parse(c.end)) {
      const names = (calling[c.point] ??= []);
      if (!names.includes(c.buildingName)) names.push(c.buildingName);
    }
  }
  return calling;
}
