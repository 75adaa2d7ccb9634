// Roster import from Excel (docs/api.md C9): the lead's page posts the .xlsx bytes, the server reads
// the first sheet with exceljs and answers the scenario's `staff` with every row it could not read.
import express, { type Express } from "express";
import ExcelJS from "exceljs";
import type { AppContext } from "../context.ts";
import { allow } from "../auth/guard.ts";
import { errors } from "../errors.ts";
import { staffFromRows, type Roster, type RosterOptions } from "../../shared/roster/rows.ts";
import { wallClock } from "../../shared/time.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const LIMIT = "2mb";

export function mountRoster(app: Express, context: AppContext): void {
  app.post("/api/v1/roster/parse", allow(context, ["lead"]), express.raw({ type: [XLSX, "application/octet-stream"], limit: LIMIT }), async (req, res) => {
    if (!Buffer.isBuffer(req.body) || req.body.length === 0)
      throw errors.notXlsx(`send the .xlsx file itself as the body, with Content-Type: ${XLSX}`);
    const options: RosterOptions = {
      day: typeof req.query.day === "string" && /^\d{4}-\d{2}-\d{2}$/.test(req.query.day) ? req.query.day : undefined,
      offset: typeof req.query.offset === "string" && /^(Z|[+-]\d{2}:\d{2})$/.test(req.query.offset) ? req.query.offset : undefined,
    };
    res.json(await rosterFromXlsx(req.body, options));
  });
}

/** The staff of the first worksheet of an .xlsx file. */
export async function rosterFromXlsx(bytes: Buffer, options: RosterOptions): Promise<Roster> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw errors.notXlsx("the file is not an Excel workbook (.xlsx); save it as .xlsx or as CSV");
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw errors.notXlsx("the workbook has no sheet");
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell.value)));
    rows[n - 1] = Array.from(cells, (c) => c ?? "");
  });
  return staffFromRows(Array.from(rows, (r) => r ?? []), options);
}

/**
 * A cell as text. Excel dates have no zone: exceljs gives the wall time as if UTC, so it is written
 * back without an offset and the roster's offset (the site's) is added.
 * @example cellText(new Date("2021-08-03T07:00:00Z")) // "2021-08-03T07:00:00"
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  // A time-only cell is a time on Excel's day zero (1899-12-30): keep just the clock time.
  if (value instanceof Date) return value.getUTCFullYear() < 1900 ? wallClock(value.toISOString()) : value.toISOString().slice(0, 19);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    return "";
  }
  return String(value);
}
