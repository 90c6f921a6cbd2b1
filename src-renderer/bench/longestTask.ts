/** Shared by the bench sections (its own file: bench.ts and the sections used to import each other). */

/** Longest main-thread task (Long Tasks API) while `work` runs. */
export async function longestTask<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; longestMs: number }> {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  return { result, ms, longestMs: longest };
}
