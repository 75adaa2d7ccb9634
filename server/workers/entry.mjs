// The entry of each worker thread (piscina): the TypeScript tasks load through tsx here as in the
// main thread (bin/tenfold.mjs registers it there; under mocha `--import tsx` is inherited too, and
// registering twice is harmless).
import { register } from "tsx/esm/api";

register();
const { runTask } = await import("./tasks.ts");
export default runTask;
