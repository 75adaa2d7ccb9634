// Builds the server into dist/server with esbuild: the `tenfold` command (cli.js) and the worker
// threads' entry (worker.js), so `npm start` and `tenfold check` run JavaScript instead of
// compiling TypeScript through tsx at each start (docs/benchmarks.md "Starting"). Runs at
// `npm install` (prepare) with the pages' build; bin/tenfold.mjs falls back to the TypeScript
// sources through tsx when dist/server is missing (a fresh clone before install) or when
// TENFOLD_FROM_SOURCE=1.
//
// The packages in node_modules stay outside the bundle (`packages: "external"`). The commands a
// subcommand loads lazily (serve, simulate, backup, …) are separate chunks, so `tenfold check`
// loads little more than the scenario checks.
//
// A module that finds a file next to its source (`new URL("../examples/yiyuan.json",
// import.meta.url)`) gets, in the bundle, the URL of its source file instead of the bundle's: every
// file here sits directly in dist/server, so the source is a fixed relative path away.
import { build } from "esbuild";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(ROOT, "dist", "server");

/** `import.meta.url` in a source module → the URL of that source, found from the bundle's place. */
const sourceUrls = {
  name: "source-urls",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (!text.includes("import.meta.url") || args.path.includes("node_modules")) return undefined;
      const from = relative(DIST, args.path).split("\\").join("/");
      return { contents: text.replaceAll("import.meta.url", `new URL(${JSON.stringify(from)}, import.meta.url).href`), loader: "ts" };
    });
  },
};

/**
 * Every package stays in node_modules but the schema checks' (ajv and what it loads, TypeBox):
 * ajv is a hundred small CommonJS files, and finding and reading them was a third of `tenfold
 * check`'s time; in the bundle they are one file read.
 */
const BUNDLED = /^(ajv|ajv-formats|fast-uri|fast-deep-equal|json-schema-traverse|require-from-string|@sinclair\/typebox)(\/|$)/;
const externalPackages = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED.test(args.path) ? undefined : { path: args.path, external: true }));
  },
};

/**
 * The scenario schema's ajv validator, compiled here to JavaScript (ajv's standalone code) rather
 * than at each start: compiling it was most of `tenfold check`'s time. Written to `file`.
 */
async function writeScenarioValidator(file) {
  const { tsImport } = await import("tsx/esm/api");
  const { Ajv, _ } = await import("ajv");
  const { default: standalone } = await import("ajv/dist/standalone/index.js");
  const { default: addFormats } = await import("ajv-formats");
  const { ScenarioSchema } = await tsImport("../shared/scenario/schema.ts", import.meta.url);
  // The same options as shared/scenario/validate.ts, and its one format.
  const ajv = new Ajv({ allErrors: true, strict: true, code: { source: true, esm: true, formats: _`formats` } });
  addFormats(ajv, ["date-time"]);
  const code = standalone(ajv, ajv.compile(ScenarioSchema));
  writeFileSync(file, `import { fullFormats as formats } from "ajv-formats/dist/formats.js";\n${code}`);
}

/** In the bundle, shared/scenario/validate.ts takes the validator compiled at build. */
function compiledValidator(file) {
  const VALIDATE = join(ROOT, "shared", "scenario", "validate.ts");
  const START = "// ajv-formats is CommonJS";
  const END = "const validateSchema = ajv.compile<Scenario>(ScenarioSchema);";
  return {
    name: "compiled-validator",
    setup(b) {
      b.onLoad({ filter: /validate\.ts$/ }, (args) => {
        if (args.path !== VALIDATE) return undefined;
        const text = readFileSync(args.path, "utf8");
        const from = text.indexOf(START);
        const to = text.indexOf(END);
        if (from < 0 || to < 0) throw new Error(`server/build.mjs: ${VALIDATE} no longer compiles its validator as this build expects`);
        const swap = `import compiledValidator from ${JSON.stringify(file)};\nconst validateSchema = compiledValidator as unknown as import("ajv").ValidateFunction<Scenario>;`;
        const contents = (text.slice(0, from) + swap + text.slice(to + END.length)).replace(/^import \{ Ajv \} from "ajv";\n|^import \* as addFormatsModule from "ajv-formats";\n/gm, "");
        return { contents, loader: "ts" };
      });
    },
  };
}

/** Builds into a fresh folder, then puts it in place of the old one. */
export async function buildServer() {
  const out = `${DIST}.${process.pid}.tmp`;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const validator = join(out, "scenario-validator.generated.mjs");
  await writeScenarioValidator(validator);
  await build({
    entryPoints: [
      { in: join(ROOT, "server", "cli.ts"), out: "cli" },
      { in: join(ROOT, "server", "workers", "worker.ts"), out: "worker" },
    ],
    outdir: out,
    entryNames: "[name]",
    chunkNames: "[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    plugins: [compiledValidator(validator), sourceUrls, externalPackages],
    sourcemap: true,
    // worker/pool.ts starts worker.js when this is set, the .ts tasks through tsx when not.
    define: { TENFOLD_COMPILED_WORKER: JSON.stringify(relative(join(ROOT, "server", "workers"), join(DIST, "worker.js")).split("\\").join("/")) },
    logLevel: "warning",
  });
  rmSync(validator);
  rmSync(DIST, { recursive: true, force: true });
  renameSync(out, DIST);
  return DIST;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildServer();
