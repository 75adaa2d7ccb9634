// The README's layout table names every folder a reader may look for: the top-level ones and the
// second level of server/, shared/, client/, test/ and bench/.
import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SKIP = new Set(["node_modules", "dist", "data", ".git"]);

const folders = (dir: string) =>
  readdirSync(resolve(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith("."))
    .map((e) => `${dir ? `${dir}/` : ""}${e.name}/`);

describe("the README's layout table", () => {
  it("lists every top-level folder and every folder one level inside server/, shared/, client/, test/ and bench/", () => {
    const readme = readFileSync(resolve(ROOT, "README.md"), "utf8");
    const layout = readme.slice(readme.indexOf("## Layout"), readme.indexOf("\n## ", readme.indexOf("## Layout") + 1));
    const listed = new Set([...layout.matchAll(/^\| `([^`]+\/)` \|/gm)].map((m) => m[1]));
    const expected = [...folders(""), ...["server", "shared", "client", "test", "bench"].flatMap(folders)];
    expect(expected.filter((f) => !listed.has(f))).to.deep.equal([]);
  });
});
