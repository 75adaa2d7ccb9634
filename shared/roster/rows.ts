// A roster as a table (rows from Excel or CSV) turned into the scenario's `staff` (docs/api.md C9):
// headers in Chinese or English, roles by either name, availability as ISO spans or start/end columns.
import type { Role, Staff } from "../scenario/schema.ts";

export interface RosterProblem {
  /** 1-based row number as the spreadsheet shows it. */
  row: number;
  message: string;
}

export interface Roster {
  staff: Staff[];
  problems: RosterProblem[];
}

export interface RosterOptions {
  /** Offset added to times written without one, e.g. "+08:00". */
  offset?: string;
  /** Day added to times written as "07:00", e.g. "2021-08-03". */
  day?: string;
}

const HEADERS: Record<string, string[]> = {
  id: ["id", "staff", "staffid", "工号", "编号"],
  name: ["name", "姓名", "名字"],
  roles: ["roles", "role", "角色", "岗位"],
  available: ["available", "availability", "可用时间", "时段"],
  start: ["start", "from", "开始", "开始时间"],
  end: ["end", "to", "结束", "结束时间"],
  noOutdoorHeat: ["nooutdoorheat", "高温禁户外"],
};

const ROLE_NAMES: Record<string, Role> = {
  sampler: "sampler",
  采样员: "sampler",
  采样: "sampler",
  registrar: "registrar",
  登记员: "registrar",
  登记: "registrar",
  信息录入: "registrar",
  marshal: "marshal",
  秩序维护: "marshal",
  引导员: "marshal",
  courier: "courier",
  转运: "courier",
  转运员: "courier",
  lead: "lead",
  组长: "lead",
  // The grid team (三人小组): community worker, medic (a sampler), police officer.
  community: "community",
  社区工作者: "community",
  网格员: "community",
  police: "police",
  民警: "police",
  片警: "police",
  医生: "sampler",
  片医: "sampler",
};

const normal = (s: string) => s.trim().toLowerCase().replace(/[\s_-]/g, "");

/**
 * Which column holds which field, from the header row.
 * @example headerColumns(["工号", "姓名", "角色", "开始", "结束"]) // { id: 0, name: 1, roles: 2, start: 3, end: 4 }
 */
export function headerColumns(header: string[]): Partial<Record<keyof typeof HEADERS, number>> {
  const columns: Partial<Record<keyof typeof HEADERS, number>> = {};
  header.forEach((cell, i) => {
    const n = normal(cell);
    for (const [field, names] of Object.entries(HEADERS)) if (names.includes(n) && columns[field] === undefined) columns[field] = i;
  });
  return columns;
}

/**
 * A time as ISO 8601 with an offset, filling in the day and offset when the cell lacks them.
 * @example fullTime("07:00", { day: "2021-08-03", offset: "+08:00" }) // "2021-08-03T07:00:00+08:00"
 */
export function fullTime(text: string, options: RosterOptions): string | undefined {
  let s = text.trim().replace(" ", "T");
  if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(s)) {
    if (!options.day) return undefined;
    s = `${options.day}T${s.padStart(5, "0")}`;
  }
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (!m) return undefined;
  const offset = m[4] ?? options.offset;
  if (!offset) return undefined;
  return `${m[1]}${m[2] ? m[2].slice(0, 3) : ":00"}${offset === "Z" ? "Z" : offset.replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")}`;
}

/** The rows of a roster (the first is the header) as staff, with every row that could not be read. */
export function staffFromRows(rows: string[][], options: RosterOptions = {}): Roster {
  const problems: RosterProblem[] = [];
  const staff: Staff[] = [];
  const headerAt = rows.findIndex((r) => r.some((c) => c.trim() !== ""));
  if (headerAt < 0) return { staff, problems: [{ row: 1, message: "the roster is empty" }] };
  const col = headerColumns(rows[headerAt]);
  for (const need of ["id", "name", "roles"] as const)
    if (col[need] === undefined) problems.push({ row: headerAt + 1, message: `no "${need}" column (${HEADERS[need].join(", ")})` });
  if (col.available === undefined && (col.start === undefined || col.end === undefined))
    problems.push({ row: headerAt + 1, message: 'no availability: add an "available" column or "start" and "end" columns' });
  if (problems.length) return { staff, problems };

  const seen = new Set<string>();
  rows.slice(headerAt + 1).forEach((cells, i) => {
    const row = headerAt + i + 2;
    const cell = (c: number | undefined) => (c === undefined ? "" : (cells[c] ?? "").trim());
    if (cells.every((c) => !c || !c.trim())) return;
    const id = cell(col.id);
    const name = cell(col.name) || id;
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id)) return void problems.push({ row, message: `id "${id}" must be letters, digits, _ . -` });
    if (seen.has(id)) return void problems.push({ row, message: `id "${id}" appears twice` });
    const roles: Role[] = [];
    for (const word of cell(col.roles).split(/[;,，、|/\s]+/).filter(Boolean)) {
      const role = ROLE_NAMES[normal(word)] ?? ROLE_NAMES[word.trim()];
      if (!role) return void problems.push({ row, message: `role "${word}" is not one of sampler, registrar, marshal, courier, lead, community, police` });
      if (!roles.includes(role)) roles.push(role);
    }
    if (!roles.length) return void problems.push({ row, message: "no role" });
    const spans =
      col.available !== undefined && cell(col.available)
        ? cell(col.available).split(/[;\n，,]+/).filter((s) => s.trim()).map((s) => s.split(/\/|～|~|—|–/))
        : [[cell(col.start), cell(col.end)]];
    const available = [];
    for (const [from, to] of spans) {
      const start = fullTime(from ?? "", options);
      const end = fullTime(to ?? "", options);
      if (!start || !end || Date.parse(end) <= Date.parse(start))
        return void problems.push({ row, message: `availability "${from ?? ""}–${to ?? ""}" is not a start and a later end (ISO 8601, e.g. 2021-08-03T07:00+08:00)` });
      available.push({ start, end });
    }
    seen.add(id);
    const person: Staff = { id, name, roles, available };
    if (col.noOutdoorHeat !== undefined && /^(1|true|yes|是)$/i.test(cell(col.noOutdoorHeat))) person.noOutdoorHeat = true;
    staff.push(person);
  });
  return { staff, problems };
}

/**
 * Rows of a CSV text (RFC 4180 quoting; comma, semicolon or tab separated, guessed from the header).
 * @example csvRows('id,name\n"a,1",Li') // [["id","name"],["a,1","Li"]]
 */
export function csvRows(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
  const sep = [",", ";", "\t"].reduce((best, s) => (firstLine.split(s).length > firstLine.split(best).length ? s : best), ",");
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) row.push(cell), (cell = "");
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      row.push(cell), rows.push(row), (row = []), (cell = "");
    } else cell += ch;
  }
  if (cell !== "" || row.length) row.push(cell), rows.push(row);
  return rows;
}
