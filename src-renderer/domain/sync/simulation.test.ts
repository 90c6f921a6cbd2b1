import { describe, expect, it } from 'vitest';
import { runSimulation } from './simulation.testkit';

/**
 * Several installations, random edits/deletes/Final/reopen, skewed clocks, lossy courier; then a
 * final all-to-all exchange. `SIM_SEED`, `SIM_RUNS` and `SIM_STEPS` make a longer run for release
 * checks (README › Sinkronisasi).
 */
const SEED = Number(process.env.SIM_SEED ?? 20261201);
const RUNS = Number(process.env.SIM_RUNS ?? 24);
const STEPS = Number(process.env.SIM_STEPS ?? 400);

describe('simulation of installations exchanging files', () => {
  it(`converges to identical copies and conflicts, loses no write, never applies a forbidden one (seed ${SEED}, ${RUNS} runs × ${STEPS} steps)`, () => {
    let totals = { writes: 0, batches: 0, lost: 0, duplicated: 0, wraps: 0, conflicts: 0 };
    for (let run = 0; run < RUNS; run++) {
      const installations = 2 + (run % 4);
      const res = runSimulation({ seed: SEED + run, installations, steps: STEPS });
      expect(res.problems, `seed ${SEED + run} with ${installations} installations`).toEqual([]);
      totals = {
        writes: totals.writes + res.writes.length, batches: totals.batches + res.sentBatches, lost: totals.lost + res.lost,
        duplicated: totals.duplicated + res.duplicated, wraps: totals.wraps + res.counterWraps, conflicts: totals.conflicts + res.conflicts,
      };
    }
    console.log(`sync simulation: seed ${SEED}, ${RUNS} runs × ${STEPS} steps, 2–5 installations: ${totals.writes} writes, ${totals.batches} batches (${totals.lost} lost, ${totals.duplicated} duplicated), ${totals.wraps} counter wraps, ${totals.conflicts} conflicts left open`);
    // The scenario must actually exercise the hard parts, or the checks above prove little.
    expect(totals.lost).toBeGreaterThan(0);
    expect(totals.duplicated).toBeGreaterThan(0);
    expect(totals.wraps).toBeGreaterThan(0);
    expect(totals.conflicts).toBeGreaterThan(0);
    // Generous: a loaded 2-core box; the release run (SIM_RUNS=300) takes about a minute.
  }, 60_000 + RUNS * STEPS * 20);

  it(`with a Byzantine laptop (forged stamps, replays), honest installations still converge and no field takes a value its writer may not write (seed ${SEED})`, () => {
    let refused = 0;
    let forged = 0;
    let replays = 0;
    for (let run = 0; run < RUNS; run++) {
      const installations = 2 + (run % 4);
      const res = runSimulation({ seed: SEED + 7919 * (run + 1), installations, steps: STEPS, byzantine: true });
      // Every forged stamp is in the ground truth as forged: the checks fail if one took effect.
      expect(res.problems, `seed ${SEED + 7919 * (run + 1)} with ${installations} installations`).toEqual([]);
      refused += res.refusedBatches;
      forged += res.byzantine.forged;
      replays += res.byzantine.replays;
    }
    console.log(`byzantine simulation: seed ${SEED}, ${RUNS} runs × ${STEPS} steps: ${forged} forged stamps, ${replays} replays, ${refused} packages refused whole`);
    expect(forged).toBeGreaterThan(0);
    expect(replays).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 60_000 + RUNS * STEPS * 20);

  it(`through a server with random network failures (issue #28), the same invariants hold: converged, no write lost, none forbidden (seed ${SEED})`, () => {
    const net = { pushFailures: 0, pullFailures: 0, pullsCut: 0, redelivered: 0 };
    let writes = 0;
    for (let run = 0; run < RUNS; run++) {
      const installations = 2 + (run % 4);
      const res = runSimulation({ seed: SEED + run, installations, steps: STEPS, carrier: 'server' });
      expect(res.problems, `seed ${SEED + run} with ${installations} installations through the server`).toEqual([]);
      for (const k of Object.keys(net) as (keyof typeof net)[]) net[k] += res.network[k];
      writes += res.writes.length;
    }
    console.log(`server simulation: seed ${SEED}, ${RUNS} runs × ${STEPS} steps: ${writes} writes, ${net.pushFailures} failed pushes, ${net.pullFailures} failed pulls, ${net.pullsCut} pulls cut off, ${net.redelivered} mirrors lost (every packet again)`);
    expect(net.pushFailures).toBeGreaterThan(0);
    expect(net.pullFailures).toBeGreaterThan(0);
    expect(net.pullsCut).toBeGreaterThan(0);
    expect(net.redelivered).toBeGreaterThan(0);
  }, 60_000 + RUNS * STEPS * 20);

  /**
   * Known defects the server's order of delivery brings out (150 seeds tried: these 3 fail, the file
   * courier none). Not network defects: the merge and the relay rule give a different result for
   * the same batches applied in another order. Each `it.fails` turns red once it is fixed, so the
   * case then moves into the test above.
   *  - 20261208, a Byzantine laptop, 5 installations: a kantor refuses every package of the camat's
   *    laptop for good (it carries a write the kantor's merge refused), so the laptop's later writes
   *    never reach it;
   *  - 20261284 (5 installations) and 20261302 (3): two writes are left shown in conflict although
   *    the later one's author had seen the earlier (a counter burst in the first).
   */
  it.fails.each([
    [20261208, 5, true],
    [20261284, 5, false],
    [20261302, 3, false],
  ])('known defect, seed %i with %i installations through the server (Byzantine: %s): does not converge cleanly', (seed, installations, byzantine) => {
    expect(runSimulation({ seed, installations, steps: 400, carrier: 'server', byzantine }).problems).toEqual([]);
  });
});
