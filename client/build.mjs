// Builds the three pages into client/dist with esbuild: bundled, minified, no CDN (issue 6).
// Runs at `npm install` (prepare) so a fresh clone serves its pages with no further step.
import { build } from "esbuild";
import { cpSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const root = fileURLToPath(new URL(".", import.meta.url));
const dist = join(root, "dist");
mkdirSync(dist, { recursive: true });

const pages = ["resident", "staff", "lead"].filter((p) => existsSync(join(root, p, "main.ts")));
if (pages.length) {
  await build({
    entryPoints: Object.fromEntries(pages.map((p) => [p, join(root, p, "main.ts")])),
    outdir: dist,
    bundle: true,
    minify: true,
    format: "esm",
    target: ["es2020", "chrome80", "safari13"],
    sourcemap: false,
    legalComments: "none",
    logLevel: "warning",
  });
}
// Static files (HTML, CSS, icons) sit in client/static and are copied as they are.
const assets = join(root, "static");
if (existsSync(assets)) for (const f of readdirSync(assets)) cpSync(join(assets, f), join(dist, f), { recursive: true });
