// Reads the `@example` lines of the shared/ modules, and the fixtures they may name.
//
// The convention (one line each, checked by test/examples.test.ts):
//   @example <expression> // <expected>
//   @example <expression> // <expected> (a note)
// - Both sides are JavaScript, evaluated with the module's own exports and the fixtures below in
//   scope (a name the module exports wins).
// - A number in <expected> is matched to the decimals it is written with (0.1956 matches
//   0.19562…); "≈" in front says so to the reader and changes nothing.
// - An object in <expected> lists the fields it shows: the actual value may have more. Arrays and
//   typed arrays are matched element by element and must have the same length.
// - A trailing "(…)" after <expected> is a note for the reader, not compared.
// - A block example: `@example` alone, then the lines up to the end of the block; lines beginning
//   with "//" are captions.
import { readFileSync } from "node:fs";

export interface Example {
  file: string;
  line: number;
  expression: string;
  expected?: string;
}

/** The examples of one source file, in order. */
export function examplesOf(file: string, text = readFileSync(file, "utf8")): Example[] {
  const lines = text.split("\n");
  const found: Example[] = [];
  lines.forEach((raw, i) => {
    const m = /^\s*\*\s*@example\b(.*)$/.exec(raw);
    if (!m) return;
    let body = m[1].trim();
    if (!body) {
      const block: string[] = [];
      for (let j = i + 1; j < lines.length; j++) {
        const l = /^\s*\*(?!\/)\s?(.*)$/.exec(lines[j]);
        if (!l || l[1].startsWith("@")) break;
        if (!l[1].trim().startsWith("//")) block.push(l[1].trim());
      }
      body = block.join(" ");
    } else {
      // A long example may go on over the next lines, up to the next tag or the end of the block.
      for (let j = i + 1; j < lines.length; j++) {
        const l = /^\s*\*(?!\/)\s?(.*)$/.exec(lines[j]);
        if (!l || l[1].startsWith("@") || !l[1].trim()) break;
        body += ` ${l[1].trim()}`;
      }
    }
    const split = splitExpected(body);
    found.push({ file, line: i + 1, ...split });
  });
  return found;
}

/** Splits "expr // expected" at the first `//` outside a string. */
function splitExpected(body: string): { expression: string; expected?: string } {
  let quote: string | undefined;
  for (let i = 0; i < body.length - 1; i++) {
    const c = body[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "/" && body[i + 1] === "/") return { expression: body.slice(0, i).trim(), expected: body.slice(i + 2).trim() };
  }
  return { expression: body.trim() };
}

/** Evaluates JavaScript with names in scope. */
export function evaluate(source: string, scope: Record<string, unknown>): unknown {
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function(...names, `"use strict"; return (${source});`)(...names.map((n) => scope[n]));
}

/** The expected value of an example, without a leading "≈" or a trailing note. */
export function expectedValue(expected: string, scope: Record<string, unknown>): unknown {
  const text = expected.replace(/^≈\s*/, "");
  try {
    return evaluate(text, scope);
  } catch (err) {
    const note = /^(.*?)\s+\([^()]*(?:\([^()]*\)[^()]*)*\)$/.exec(text);
    if (note) return evaluate(note[1], scope);
    throw err;
  }
}

/** Where `actual` differs from what an example shows, or undefined when it matches. */
export function mismatch(actual: unknown, expected: unknown, path = "result"): string | undefined {
  if (typeof expected === "number") {
    if (typeof actual !== "number") return `${path}: ${String(actual)}, expected ${expected}`;
    const decimals = (String(expected).split(".")[1] ?? "").length;
    const factor = 10 ** decimals;
    return Math.round(actual * factor) / factor === expected || actual === expected ? undefined : `${path}: ${actual}, expected ${expected}`;
  }
  if (ArrayBuffer.isView(expected) || Array.isArray(expected)) {
    const want = Array.from(expected as ArrayLike<unknown>);
    if (!(ArrayBuffer.isView(actual) || Array.isArray(actual))) return `${path}: ${JSON.stringify(actual)}, expected a list`;
    const got = Array.from(actual as ArrayLike<unknown>);
    if (got.length !== want.length) return `${path}: ${got.length} items, expected ${want.length}`;
    for (let i = 0; i < want.length; i++) {
      const m = mismatch(got[i], want[i], `${path}[${i}]`);
      if (m) return m;
    }
    return undefined;
  }
  if (expected instanceof Map) {
    if (!(actual instanceof Map)) return `${path}: expected a Map`;
    for (const [k, v] of expected) {
      const m = mismatch(actual.get(k), v, `${path}.get(${JSON.stringify(k)})`);
      if (m) return m;
    }
    return undefined;
  }
  if (typeof expected === "object" && expected !== null) {
    if (typeof actual !== "object" || actual === null) return `${path}: ${JSON.stringify(actual)}, expected an object`;
    for (const [k, v] of Object.entries(expected)) {
      const m = mismatch((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
      if (m) return m;
    }
    return undefined;
  }
  return Object.is(actual, expected) ? undefined : `${path}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;
}
