// Builds the three pages into client/dist with esbuild: bundled, minified, no CDN (docs/api.md C9).
// Runs at `npm install` (prepare) so a fresh clone serves its pages with no further step.
// `node client/build.mjs --sizes` also prints each page's JS + CSS gzipped (the resident page must
// stay under 50 KB for a cheap phone).
import { build } from "esbuild";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

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
    platform: "browser",
    // Phones from about 2020 on: Android's Chrome 80, iOS 15.
    target: ["es2020", "chrome80", "safari15"],
    sourcemap: false,
    legalComments: "none",
    logLevel: "warning",
  });
}
// Static files (HTML, CSS, icons) sit in client/static and are copied as they are.
const assets = join(root, "static");
if (existsSync(assets)) for (const f of readdirSync(assets)) cpSync(join(assets, f), join(dist, f), { recursive: true });

if (process.argv.includes("--sizes")) {
  const gz = (f) => (existsSync(join(dist, f)) ? gzipSync(readFileSync(join(dist, f)), { level: 9 }).length : 0);
  const css = { resident: ["tenfold.css"], staff: ["tenfold.css", "staff.css"], lead: ["tenfold.css", "lead.css"] };
  const html = { resident: "index.html", staff: "staff.html", lead: "lead.html" };
  for (const p of pages) {
    const js = gz(`${p}.js`);
    const styles = css[p].reduce((n, f) => n + gz(f), 0);
    console.log(`${p}: js ${js} B + css ${styles} B = ${js + styles} B gzipped (html ${gz(html[p])} B)`);
  }
}
