// The public directory the pages boot from (GET /api/v1/directory): sites, their points and where
// they are, and the published call-ups. No personal data: names of buildings, never of people.
import type { Role, Shelter, Workload } from "../scenario/schema.ts";

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
  /** The site's workload class per role (docs/api.md "Defaults": `rules.workload`): staff pages judge heat and drink by it. */
  workload?: Partial<Record<Role, Workload>>;
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
