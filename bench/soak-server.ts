// The soak's server (docs/reliability.md): `tenfold serve` as bin/tenfold.mjs runs it — the same store, app
// and logger — but on a clock running SOAK_SPEED times fast from SOAK_START, shared with the
// simulator through SOAK_WALL0, so a whole day passes in minutes against a real child process.
import { pino } from "pino";
import { configFromEnv } from "../server/config.ts";
import { openStore } from "../server/store/index.ts";
import { createApp } from "../server/app.ts";
import { bootstrap } from "../server/bootstrap.ts";
import type { Clock } from "../shared/clock.ts";

const start = Number(process.env.SOAK_START);
const wall0 = Number(process.env.SOAK_WALL0);
const speed = Number(process.env.SOAK_SPEED);
if (![start, wall0, speed].every(Number.isFinite)) throw new Error("set SOAK_START, SOAK_WALL0 and SOAK_SPEED");

/** Simulated time: `speed` simulated ms for each wall ms since `wall0`. */
const clock: Clock = { now: () => start + (Date.now() - wall0) * speed };

// Sign-ins must outlast the simulated day, whose hours pass in wall minutes.
const config = { ...configFromEnv(process.env), tokenTtlSeconds: 48 * 3600 };
const logger = pino({ level: config.logLevel });
const store = openStore(config.db);
bootstrap(store, { ...config, seed: false }, clock.now());
const tenfold = createApp({ store, config, logger, clock });
const port = await tenfold.listen(config.port);
process.stdout.write(`tenfold is running at http://localhost:${port} (clock ×${speed})\n`);
process.on("SIGTERM", () => {
  tenfold.close().then(
    () => process.exit(0),
    (err) => {
      logger.error({ err }, "shutdown failed");
      process.exit(1);
    },
  );
});
