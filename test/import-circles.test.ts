// No module imports itself back, however long the way round: a circle ties the modules on it into
// one, so none of them can be read, tested or loaded alone. Type-only imports count too: a type
// taken from the module that imports you back is the same knot, and the style guide names it.
import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "dist" ? [] : sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

// `import … from "./x.ts"`, `import type … from`, `export … from`, and `import "./x.ts"`, over
// several lines; comments are removed first so an example in a comment is not an edge.
const IMPORT = /(?:^|[;\n])\s*(?:import|export)\s+(?:type\s+)?(?:[^;'"]*?\s+from\s+)?["'](\.{1,2}\/[^"']+)["']/g;

/** The relative modules a file imports, as absolute paths. */
export function importsOf(file: string, text = readFileSync(file, "utf8")): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
  return [...code.matchAll(IMPORT)].map((m) => resolve(dirname(file), m[1]));
}

/** The circles in a graph, each as the list of modules round it (one per strongly connected set). */
export function circles(graph: Map<string, string[]>): string[][] {
  // Tarjan's strongly connected components: a component of more than one module, or a module
  // importing itself, is a circle.
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.reverse());
    }
  };
  for (const v of graph.keys()) if (!order.has(v)) visit(v);
  return found;
}

describe("import circles", () => {
  it("finds a circle of two modules and of one module importing itself", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["a", "c"]],
      ["c", []],
      ["d", ["d"]],
    ]);
    expect(circles(graph).map((c) => [...c].sort())).to.have.deep.members([["a", "b"], ["d"]]);
  });

  it("reads static, type-only, re-export and multi-line imports but not comments", () => {
    const text = [
      'import { a } from "./a.ts";',
      'import type { B } from "../b.ts";',
      'export { c } from "./c.ts";',
      'export * from "./d.ts";',
      "import {",
      "  e,",
      '} from "./e.ts";',
      'import "./f.ts";',
      '// import { g } from "./g.ts";',
      'import express from "express";',
    ].join("\n");
    const found = importsOf("/x/y/z.ts", text).map((p) => p.replace(/\\/g, "/"));
    expect(found).to.deep.equal(["/x/y/a.ts", "/x/b.ts", "/x/y/c.ts", "/x/y/d.ts", "/x/y/e.ts", "/x/y/f.ts"]);
  });

  for (const folder of ["server", "shared", "client"]) {
    it(`has none in ${folder}/`, () => {
      const graph = new Map(sources(join(ROOT, folder)).map((file) => [file, importsOf(file)]));
      const named = circles(graph).map((c) => c.map((f) => relative(ROOT, f)).join(" → "));
      expect(named, `import circles:\n${named.join("\n")}`).to.deep.equal([]);
    });
  }
});
