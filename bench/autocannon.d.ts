// autocannon ships no types; the bench uses a handful of its options and results.
declare module "autocannon" {
  interface Result {
    duration: number;
    non2xx: number;
    latency: { p50: number; p99: number };
  }
  function autocannon(options: Record<string, unknown>): Promise<Result>;
  export default autocannon;
}
