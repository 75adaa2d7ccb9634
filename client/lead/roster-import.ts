// Roster import (docs/api.md C9): a CSV is read here in the browser; an .xlsx goes to the server
// (POST /api/v1/roster/parse), which reads it with exceljs. Both come back as the scenario's staff.
import { api } from "../common/api.ts";
import { csvRows, staffFromRows, type Roster, type RosterOptions } from "../../shared/roster/rows.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function importRoster(file: File, options: RosterOptions, token: string): Promise<Roster> {
  if (/\.xlsx$/i.test(file.name) || file.type === XLSX) {
    const query = new URLSearchParams(Object.entries(options).filter(([, v]) => v) as [string, string][]);
    return api<Roster>(`/api/v1/roster/parse?${query}`, { raw: { bytes: await file.arrayBuffer(), type: XLSX }, token });
  }
  return staffFromRows(csvRows(await file.text()), options);
}

/**
 * The day and offset of a scenario's first window, to complete roster times written as "07:00".
 * @example rosterDefaults("2021-08-03T07:00:00+08:00") // { day: "2021-08-03", offset: "+08:00" }
 */
export function rosterDefaults(firstWindowStart: string | undefined): RosterOptions {
  const m = /^(\d{4}-\d{2}-\d{2})T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.exec(firstWindowStart ?? "");
  return m ? { day: m[1], offset: m[2] } : {};
}
