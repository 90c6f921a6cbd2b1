// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { useLiveFor } from './useLiveFor';

interface Row {
  id: string;
  periodId: string;
}

class TestDb extends Dexie {
  rows!: Dexie.Table<Row, string>;
  constructor() {
    super(`live-for-${Math.random()}`);
    this.version(1).stores({ rows: 'id, periodId' });
  }
}

let db: TestDb | undefined;
afterEach(async () => {
  await db?.delete();
});

describe('useLiveFor', () => {
  it('says "loading" after the key changes instead of returning the previous period’s rows', async () => {
    db = new TestDb();
    await db.rows.bulkAdd([
      { id: 'q1', periodId: 'Q1' },
      { id: 'akhir', periodId: 'AKHIR' },
    ]);
    // The AKHIR read is held back, as on a busy computer, so the moment between the switch and its answer can be seen.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const table = db.rows;
    const { result, rerender } = renderHook(({ pid }: { pid: string }) =>
      useLiveFor(pid, async () => {
        if (pid === 'AKHIR') await held;
        return table.where('periodId').equals(pid).toArray();
      }, []),
      { initialProps: { pid: 'Q1' } },
    );
    await waitFor(() => expect(result.current?.map((r) => r.id)).toEqual(['q1']));

    rerender({ pid: 'AKHIR' });
    expect(result.current).toBeUndefined();

    await act(async () => release());
    await waitFor(() => expect(result.current?.map((r) => r.id)).toEqual(['akhir']));
  });

  it('follows changes to the records of the same key', async () => {
    db = new TestDb();
    const table = db.rows;
    const { result } = renderHook(() => useLiveFor('Q1', () => table.where('periodId').equals('Q1').toArray(), []));
    await waitFor(() => expect(result.current).toEqual([]));
    await act(async () => {
      await table.add({ id: 'new', periodId: 'Q1' });
    });
    await waitFor(() => expect(result.current?.map((r) => r.id)).toEqual(['new']));
  });
});
