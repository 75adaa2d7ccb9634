// `tenfold serve`: reads the environment, opens the store, starts the server, stops cleanly.
import { pino } from "pino";
import { configFromEnv } from "./config.ts";
import { openStore } from "./store/index.ts";
import { createApp } from "./app.ts";
import { bootstrap } from "./bootstrap.ts";
import { scheduleBackups } from "./store/backup-schedule.ts";
import { systemClock } from "../shared/clock.ts";

export async function serve(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = configFromEnv(env);
  const logger = pino({ level: config.logLevel });
  const store = openStore(config.db);
  const first = bootstrap(store, config, systemClock.now());
  const tenfold = createApp({ store, config, logger, clock: systemClock });
  const stopBackups = config.backup && config.db !== ":memory:" ? scheduleBackups(store.db, config.backup, logger) : undefined;
  const port = await tenfold.listen(config.port);
  const base = `http://localhost:${port}`;
  const lines = [
    `tenfold is running at ${base}`,
    `  residents' queue board  ${base}/`,
    `  staff page              ${base}/staff`,
    `  lead page               ${base}/lead`,
    `  database                ${config.db}`,
  ];
  if (config.backup) lines.push(`  backups                 every ${config.backup.everyMs / 60_000} min to ${config.backup.dir} (newest ${config.backup.keep} kept)`);
  if (first.generatedLeadCode) lines.push(`  lead access code        ${first.generatedLeadCode}   (shown once: note it now)`);
  else if (config.leadCode && store.codes.find(config.leadCode)?.role === "lead")
    lines.push(`  lead access code        from TENFOLD_LEAD_CODE${first.leadCodeReplaced ? " (new: the old code and its sign-ins have ended)" : ""}`);
  else if (config.leadCode) lines.push("  lead access code        as rotated last (TENFOLD_LEAD_CODE is not in force until it changes)");
  else lines.push("  lead access code        as printed at first start (or set TENFOLD_LEAD_CODE)");
  if (first.seeded) {
    lines.push(`  example site "${first.seeded.site.id}" loaded; its codes (shown once):`);
    lines.push(`    lab  ${first.seeded.codes.lab}`);
    for (const [staff, code] of Object.entries(first.seeded.codes.staff)) lines.push(`    ${staff.padEnd(16)} ${code}`);
  }
  process.stdout.write(lines.join("\n") + "\n");

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    Promise.resolve(stopBackups?.())
      .then(() => tenfold.close())
      .then(
        () => process.exit(0),
        (err) => {
          logger.error({ err }, "shutdown failed");
          process.exit(1);
        },
      );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
