// Roster import from Excel (docs/api.md C9): the lead's page posts the .xlsx bytes; a worker thread
// checks the zip (inflated size, rows) and reads the first sheet with exceljs (server/workers/xlsx.ts),
// and the answer is the scenario's `staff` with every row it could not read.
import express, { type Express } from "express";
import type { AppContext } from "../context.ts";
import { allow } from "../auth/guard.ts";
import { errors } from "../errors.ts";
import type { RosterOptions } from "../../shared/roster/rows.ts";
import type { XlsxLimits } from "../workers/xlsx.ts";

export { cellText } from "../workers/xlsx.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const LIMIT = "2mb";

/** A roster of 10,000 staff (the scenario's most) with room for headers and notes; its XML well under 50 MB. */
export const XLSX_LIMITS: XlsxLimits = { maxUncompressedBytes: 50_000_000, maxRows: 10_100 };

export function mountRoster(app: Express, context: AppContext): void {
  app.post("/api/v1/roster/parse", allow(context, ["lead"]), express.raw({ type: [XLSX, "application/octet-stream"], limit: LIMIT }), async (req, res) => {
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw errors.notXlsx(`send the .xlsx file itself as the body, with Content-Type: ${XLSX}`);
    const options: RosterOptions = {
      day: typeof req.query.day === "string" && /^\d{4}-\d{2}-\d{2}$/.test(req.query.day) ? req.query.day : undefined,
      offset: typeof req.query.offset === "string" && /^(Z|[+-]\d{2}:\d{2})$/.test(req.query.offset) ? req.query.offset : undefined,
    };
    res.json(await context.workers.roster(req.body, options, XLSX_LIMITS));
  });
}
