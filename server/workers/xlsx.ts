// Reading an uploaded .xlsx safely (docs/api.md C9; docs/reliability.md "Security"): an .xlsx is a
// zip, and a small one can expand to gigabytes of XML. Before exceljs sees it, every entry is
// inflated here with a ceiling on the bytes it may produce (a size the zip declares can lie), and
// the rows of its sheets are counted; only a workbook inside both limits is parsed. Runs in a
// worker thread (server/workers/pool.ts).
import { inflateRawSync } from "node:zlib";
import type ExcelJS from "exceljs";
import { errors } from "../errors.ts";
import { staffFromRows, type Roster, type RosterOptions } from "../../shared/roster/rows.ts";
import { wallClock } from "../../shared/time.ts";

export interface XlsxLimits {
  /** All entries of the zip together, inflated. */
  maxUncompressedBytes: number;
  /** Rows over all worksheets. */
  maxRows: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const notXlsx = () => errors.notXlsx("the file is not an Excel workbook (.xlsx); save it as .xlsx or as CSV");

/**
 * Checks a zip against the limits without trusting its declared sizes; throws the catalogue's
 * NOT_XLSX, XLSX_TOO_LARGE or XLSX_TOO_MANY_ROWS.
 */
export function checkXlsx(bytes: Buffer, limits: XlsxLimits): void {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--)
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw notXlsx();
  const entries = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  let budget = limits.maxUncompressedBytes;
  let rows = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw notXlsx();
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const declared = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (declared > budget) throw errors.workbookTooLarge(limits.maxUncompressedBytes);
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) throw notXlsx();
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + compressed > bytes.length) throw notXlsx();
    const data = bytes.subarray(start, start + compressed);
    let content: Buffer;
    if (method === 0) content = data;
    else if (method === 8) {
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (err) {
        if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) throw errors.workbookTooLarge(limits.maxUncompressedBytes);
        throw notXlsx();
      }
    } else throw notXlsx();
    budget -= content.length;
    if (budget < 0) throw errors.workbookTooLarge(limits.maxUncompressedBytes);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      rows += countRows(content);
      if (rows > limits.maxRows) throw errors.workbookTooManyRows(limits.maxRows);
    }
  }
}

/** `<row ` and `<row>` elements of a sheet's XML (any namespace prefix). */
function countRows(xml: Buffer): number {
  let n = 0;
  for (let i = xml.indexOf("row"); i >= 0; i = xml.indexOf("row", i + 3)) {
    const before = xml[i - 1];
    const after = xml[i + 3];
    if ((before === 0x3c || before === 0x3a) && (after === 0x20 || after === 0x3e || after === 0x2f)) n++;
  }
  return n;
}

/** The staff of the first worksheet of an .xlsx file, once it is inside the limits. */
export async function rosterFromXlsx(bytes: Buffer, options: RosterOptions, limits: XlsxLimits): Promise<Roster> {
  checkXlsx(bytes, limits);
  // Loaded here, not at the top: the main thread imports this module for cellText, and exceljs is a
  // few hundred modules it need not load at start (docs/benchmarks.md "Starting").
  const { default: Excel } = await import("exceljs");
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw notXlsx();
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
