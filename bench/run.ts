// `npm run bench`: every speed figure of docs/benchmarks.md as one JSON object on stdout, and a
// short table on stderr. Servers, load and sockets run in child processes on loopback; each HTTP
// figure is a ratio to a baseline measured in the same run, since this machine is shared and noisy.
// `npm run bench -- --only http,push` runs some parts.
import { benchPlannerAlone, benchRotationQuality } from "./offline.ts";
import { benchIngest } from "./ingest.ts";
import { benchHttp } from "./http.ts";
import { benchPush } from "./push.ts";
import { benchCrossNode } from "./crossnode.ts";
import { benchPages } from "./pages.ts";
import { benchStartup } from "./startup.ts";
import { stopLoad } from "./load.ts";
import { benchPlanLoad } from "./plan-load.ts";
import { figureRows } from "./figures.ts";
import { formatTable } from "./table.ts";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// The servers the bench starts run the compiled server (bin/tenfold.mjs → dist/server): build it
// from the sources first, so a figure never comes from an older build.
execFileSync(process.execPath, [fileURLToPath(new URL("../server/build.mjs", import.meta.url))], { stdio: "inherit" });

const PARTS = {
  planner: benchPlannerAlone,
  rotation: benchRotationQuality,
  ingest: () => benchIngest(),
  http: benchHttp,
  push: () => benchPush(5000),
  crossnode: () => benchCrossNode(),
  pages: benchPages,
  startup: benchStartup,
  planload: () => benchPlanLoad(),
} as const;

const onlyAt = process.argv.indexOf("--only");
const only = onlyAt >= 0 ? process.argv[onlyAt + 1]?.split(",") : undefined;
const chosen = (Object.keys(PARTS) as (keyof typeof PARTS)[]).filter((part) => !only || only.includes(part));
const started = performance.now();
const figures: Record<string, unknown> = { date: new Date().toISOString() };
try {
  for (const part of chosen) {
    const t0 = performance.now();
    process.stderr.write(`bench: ${part}…`);
    figures[part] = await PARTS[part]();
    process.stderr.write(` ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
} finally {
  await stopLoad();
}
figures.seconds = Math.round((performance.now() - started) / 1000);
console.log(JSON.stringify(figures, null, 2));
process.stderr.write("\n" + formatTable(figureRows(figures)) + "\n");
// Every child and socket is closed; nothing else should keep the process.
process.exit(0);
