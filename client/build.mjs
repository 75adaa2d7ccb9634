// Builds the three pages into client/dist with esbuild: bundled, minified, no CDN (docs/api.md C9).
// Runs at `npm install` (prepare) so a fresh clone serves its pages with no further step.
//
// Scripts and styles get a content hash in their names (`resident-3KX7Q2ZC.js`) so the server can
// let phones keep them for a year: a new build has new names, and the HTML (never cached) points
// to them. Every text file is also written pre-compressed, brotli and gzip, so the server sends the
// smallest one the phone accepts without compressing on each request (docs/benchmarks.md
// "Pages on the wire").
//
// `node client/build.mjs --sizes` prints each page's JS + CSS as sent to a phone (brotli, and gzip).
import { build } from "esbuild";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { basename, join } from "node:path";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";

const root = fileURLToPath(new URL(".", import.meta.url));
const dist = join(root, "dist");
const assets = join(root, "static");
// A clean folder each build: old hashed names would otherwise pile up.
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

/** Page → its script entry and the style sheets its HTML links, in order. */
const PAGES = {
  resident: { html: "index.html", styles: ["tenfold"] },
  staff: { html: "staff.html", styles: ["tenfold", "staff"] },
  lead: { html: "lead.html", styles: ["tenfold", "lead"] },
};
const pages = Object.keys(PAGES).filter((p) => existsSync(join(root, p, "main.ts")));
const styles = [...new Set(pages.flatMap((p) => PAGES[p].styles))].filter((s) => existsSync(join(assets, `${s}.css`)));

const result = await build({
  // An array, not an object: a page and its style sheet share a name (`staff.js`, `staff.css`).
  entryPoints: [
    ...pages.map((p) => ({ in: join(root, p, "main.ts"), out: p })),
    ...styles.map((s) => ({ in: join(assets, `${s}.css`), out: s })),
  ],
  outdir: dist,
  entryNames: "[name]-[hash]",
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  // Phones from about 2020 on: Android's Chrome 80, iOS 15.
  target: ["es2020", "chrome80", "safari15"],
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
});

/** Plain name (`resident.js`, `tenfold.css`) → hashed file name in dist. */
const manifest = {};
for (const [out, meta] of Object.entries(result.metafile.outputs)) {
  if (!meta.entryPoint) continue;
  const file = basename(out);
  const plain = file.replace(/-[A-Z0-9]{8}\.(js|css)$/, ".$1");
  manifest[plain] = file;
}

// HTML, the service worker and any other static file are copied, with every plain asset name
// replaced by its hashed one.
const hashed = (text) => text.replace(/\/([a-z]+\.(?:js|css))(?=["'])/g, (m, plain) => (manifest[plain] ? `/${manifest[plain]}` : m));
if (existsSync(assets)) {
  for (const f of readdirSync(assets)) {
    if (f.endsWith(".css")) continue; // built above
    const from = join(assets, f);
    if (/\.(html|js)$/.test(f)) {
      let text = hashed(readFileSync(from, "utf8"));
      // The offline shell's cache is named after what it holds, so a new build replaces it.
      if (f === "sw.js") text = text.replace("tenfold-shell-v1", `tenfold-shell-${createHash("sha256").update(text).digest("hex").slice(0, 8)}`);
      writeFileSync(join(dist, f), text);
    } else cpSync(from, join(dist, f), { recursive: true });
  }
}
writeFileSync(join(dist, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");

// Pre-compressed copies beside each text file (express-static-gzip serves them by Accept-Encoding).
const brotli = (buf) =>
  brotliCompressSync(buf, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: buf.length } });
const sizes = {};
for (const f of readdirSync(dist)) {
  if (!/\.(js|css|html|json|svg)$/.test(f)) continue;
  const buf = readFileSync(join(dist, f));
  const br = brotli(buf);
  const gz = gzipSync(buf, { level: 9 });
  writeFileSync(join(dist, `${f}.br`), br);
  writeFileSync(join(dist, `${f}.gz`), gz);
  sizes[f] = { raw: buf.length, br: br.length, gz: gz.length };
}

if (process.argv.includes("--sizes")) {
  for (const p of pages) {
    const files = [`${p}.js`, ...PAGES[p].styles.map((s) => `${s}.css`)].map((f) => manifest[f]);
    const sum = (k) => files.reduce((n, f) => n + sizes[f][k], 0);
    console.log(`${p}: js + css ${sum("raw")} B raw, ${sum("br")} B brotli, ${sum("gz")} B gzip (html ${sizes[PAGES[p].html].br} B brotli)`);
  }
}
