// The worker threads' entry in the compiled server (server/build.mjs bundles it into
// dist/server/worker.js); under tsx the threads start at entry.mjs instead.
import { runTask } from "./tasks.ts";

export default runTask;
