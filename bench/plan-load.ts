// `/healthz` while a large plan is made and stored (docs/reliability.md "Security"): a real
// `tenfold serve` in a child process on a temp file, a 200-point district (600 desks, 2,000 staff,
// ~400,000 residents) as a site, one POST …/plans, and a probe asking /healthz every 20 ms from this
// process until the plan is stored. Targets: p99 < 100 ms, max < 250 ms.
// `npm run bench -- --only planload`; `--root DIR` runs another checkout's server (e.g. the code
// before the planner moved to worker threads) with this bench.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { districtScenario } from "./planner.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const LEAD_CODE = "BENCH-LEAD-CODE-2026";

export interface PlanLoadFigures {
  root: string;
  points: number;
  staff: number;
  /** Time from the POST to its answer (the plan made and stored), ms. */
  planMs: number;
  planStatus: number;
  probes: number;
  /** Probes whose connection was reset. */
  resets: number;
  healthzP50Ms: number;
  healthzP99Ms: number;
  healthzMaxMs: number;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

export async function benchPlanLoad(root = argRoot() ?? ROOT, points = 200, staff = 2000): Promise<PlanLoadFigures> {
  const dir = mkdtempSync(join(tmpdir(), "tenfold-planload-"));
  const child = spawn(process.execPath, [join(root, "bin/tenfold.mjs"), "serve"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", PORT: "0", TENFOLD_DB: join(dir, "t.db"), TENFOLD_LEAD_CODE: LEAD_CODE, TENFOLD_SEED: "0", TENFOLD_LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
      child.stdout!.on("data", (c: Buffer) => {
        out += c.toString();
        const m = /running at http:\/\/localhost:(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${m[1]}`);
        }
      });
      child.once("exit", (code) => reject(new Error(`server exited (${code}):\n${out}`)));
    });
    const json = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(base + path, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const { token } = (await json("/api/v1/login", { code: LEAD_CODE })).body as { token: string };
    const scenario = districtScenario(20220714, points, staff);
    const created = await json("/api/v1/sites", scenario, token);
    if (created.status !== 201) throw new Error(`site not created: ${JSON.stringify(created.body).slice(0, 500)}`);
    for (let i = 0; i < 20; i++) await fetch(`${base}/healthz`).then((r) => r.arrayBuffer());

    let planning = true;
    const latencies: number[] = [];
    let resets = 0;
    const probe = (async () => {
      while (planning) {
        const t = performance.now();
        // A keep-alive socket the server closed the moment it woke up is a reset, not an answer:
        // it is counted, and its time kept (the request waited that long for nothing).
        await fetch(`${base}/healthz`).then((r) => r.arrayBuffer(), () => void resets++);
        latencies.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/sites/${scenario.site.id}/plans`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: "{}",
    });
    await res.arrayBuffer();
    const planMs = performance.now() - t0;
    planning = false;
    await probe;
    const sorted = [...latencies].sort((a, b) => a - b);
    const r1 = (x: number) => Math.round(x * 10) / 10;
    return {
      root,
      points,
      staff,
      planMs: Math.round(planMs),
      planStatus: res.status,
      probes: sorted.length,
      resets,
      healthzP50Ms: r1(pct(sorted, 0.5)),
      healthzP99Ms: r1(pct(sorted, 0.99)),
      healthzMaxMs: r1(sorted.at(-1) ?? 0),
    };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    rmSync(dir, { recursive: true, force: true });
  }
}

function argRoot(): string | undefined {
  const at = process.argv.indexOf("--root");
  return at >= 0 ? process.argv[at + 1] : undefined;
}
