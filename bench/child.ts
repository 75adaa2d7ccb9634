// Child processes of the bench: every server, load generator and socket crowd runs in its own
// process, so one's work never shares an event loop (or a peak RSS) with another's.
import { fork, type ChildProcess } from "node:child_process";

/** Forks a bench module in one of its roles, with tsx loaded and an IPC channel. */
export function forkBench(module: string | URL, role: string, execArgv: string[] = []): ChildProcess {
  const path = typeof module === "string" ? module : new URL(module).pathname;
  return fork(path, [role], { execArgv: ["--import", "tsx", ...execArgv], stdio: ["ignore", "inherit", "inherit", "ipc"] });
}

/**
 * Sends one message and resolves to the child's next reply; rejects if the child exits first or
 * does not answer within `timeoutMs` (every bench step is bounded in time).
 */
export function ask<T>(proc: ChildProcess, message: Record<string, unknown>, timeoutMs = 120_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      proc.off("message", onMessage);
      proc.off("exit", onExit);
    };
    const onMessage = (m: unknown) => {
      done();
      const error = (m as { error?: string }).error;
      if (error) reject(new Error(error));
      else resolve(m as T);
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`bench child exited (${code}) before answering ${JSON.stringify(message)}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`bench child gave no answer to ${Object.keys(message)[0]} within ${timeoutMs} ms`));
    }, timeoutMs);
    proc.on("message", onMessage);
    proc.once("exit", onExit);
    proc.send(message);
  });
}

/** Answers the parent's messages with `handler`'s result; a thrown error is sent back as `{error}`. */
export function serveParent(handler: (message: any) => Promise<unknown> | unknown): void {
  process.on("message", async (m) => {
    try {
      process.send!((await handler(m)) ?? { ok: true });
    } catch (err) {
      process.send!({ error: (err as Error).stack ?? String(err) });
    }
  });
  // The parent gone, nothing is left to do.
  process.on("disconnect", () => process.exit(0));
  process.once("SIGTERM", () => process.exit(0));
}

/** Ends a child and waits for it to go (SIGKILL after a grace period). */
export async function stopChild(proc: ChildProcess, graceMs = 3000): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  proc.kill("SIGTERM");
  const timer = setTimeout(() => proc.kill("SIGKILL"), graceMs);
  await gone;
  clearTimeout(timer);
}

/** The p-th percentile of an ascending list (nearest rank). */
export const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN;

/** Rounds to `digits` decimals. */
export const round = (x: number, digits = 0): number => Math.round(x * 10 ** digits) / 10 ** digits;
