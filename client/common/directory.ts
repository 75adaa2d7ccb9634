// The public facts the pages boot from (GET /api/v1/directory): sites, their points and where they
// are, and the published call-up times. No personal data: names of buildings, never of people.
import type { DirectoryCallup } from "../../shared/live/directory.ts";
import { isWithin } from "../../shared/time.ts";

export type { Directory, DirectoryCallup, DirectoryPoint, DirectorySite } from "../../shared/live/directory.ts";

/**
 * Buildings being called to each point at an instant.
 * @example callingAt([{ building: "b1", buildingName: "1号楼", point: "n", start: "2021-08-03T07:00:00+08:00", end: "2021-08-03T07:30:00+08:00" }], Date.parse("2021-08-03T07:10:00+08:00")) // { n: ["1号楼"] }
 */
export function callingAt(callups: DirectoryCallup[], at: number): Record<string, string[]> {
  const calling: Record<string, string[]> = {};
  for (const c of callups) {
    if (isWithin(at, c)) {
      const names = (calling[c.point] ??= []);
      if (!names.includes(c.buildingName)) names.push(c.buildingName);
    }
  }
  return calling;
}
