// Group commit: writes that arrive in the same turn of the event loop are run in one outer
// transaction, so they share one fsync (synchronous=FULL, docs/api.md C11) instead of paying one
// each. Every write still runs in its own savepoint: one that throws is undone alone, and each
// caller is answered only after the whole group is on disk.
import type { Store } from "./index.ts";

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export class CommitGroup {
  private pending: Pending[] = [];

  constructor(private readonly store: Store) {}

  /**
   * Runs `work` (synchronous store writes) in the next group; resolves once the group committed.
   * As in `await context.commits.run(() => store.queue.add("yiyuan", "north-gate", now, { headcount: 40 }, null))`.
   */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  private flush(): void {
    const group = this.pending;
    this.pending = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; err: unknown })[] = [];
    try {
      this.store.transaction(() => {
        for (const { work } of group) {
          try {
            outcomes.push({ ok: true, value: this.store.transaction(work) });
          } catch (err) {
            outcomes.push({ ok: false, err });
          }
        }
      });
    } catch (err) {
      // The commit itself failed (disk full, I/O error): nobody's write is kept.
      for (const p of group) p.reject(err);
      return;
    }
    group.forEach((p, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) p.resolve(outcome.value);
      else p.reject(outcome.err);
    });
  }
}
