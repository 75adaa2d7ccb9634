// The bench's short table: one line per figure, its value, the baseline and the target.
export interface Row {
  figure: string;
  value: string;
  baseline?: string;
  ratio?: number;
  target?: string;
  /** Whether the target is met (undefined: no target). */
  ok?: boolean;
}

/**
 * Formats rows as a fixed-width table.
 * @example formatTable([{ figure: "queue", value: "9,000/s", ratio: 0.9, target: "≥ 0.8", ok: true }])
 */
export function formatTable(rows: Row[]): string {
  const cells = rows.map((r) => [r.figure, r.value, r.baseline ?? "", r.ratio === undefined ? "" : r.ratio.toFixed(2), r.target ?? "", r.ok === undefined ? "" : r.ok ? "ok" : "MISSED"]);
  const head = ["figure", "value", "baseline (same run)", "ratio", "target", ""];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join("  ").trimEnd();
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

/** 12345 → "12,345". */
export const n = (x: number): string => Math.round(x).toLocaleString("en-US");
