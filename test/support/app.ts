// Starts the real app in-process on a free port, with its own store and a fake clock.
import { createApp, type Tenfold } from "../../server/app.ts";
import { openStore, type Store } from "../../server/store/index.ts";
import { FakeClock } from "../../shared/clock.ts";
import type { Config } from "../../server/config.ts";

export interface RunningApp {
  tenfold: Tenfold;
  store: Store;
  clock: FakeClock;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startApp(
  { db = ":memory:", at = "2021-08-03T06:30:00+08:00", config = {} }: { db?: string; at?: string; config?: Partial<Config> } = {},
): Promise<RunningApp> {
  const store = openStore(db);
  const clock = new FakeClock(Date.parse(at));
  const tenfold = createApp({ store, clock, config: { logLevel: "silent", ...config } });
  const port = await tenfold.listen(0, "127.0.0.1");
  return { tenfold, store, clock, port, url: `http://127.0.0.1:${port}`, close: () => tenfold.close() };
}
