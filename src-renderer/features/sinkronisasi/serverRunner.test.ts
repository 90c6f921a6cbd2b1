// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DataStore } from '../../db/store';
import { serverRunner } from './serverRunner';

let store: DataStore | null = null;
afterEach(() => store?.close());

describe('one server run at a time (issue #28)', () => {
  it('clears the last outcome the moment a run starts, so the card never shows it as the new one', async () => {
    store = await DataStore.open(`runner-${Math.random()}`);
    // No server configured: the run ends with that sentence.
    await serverRunner.run(store);
    expect(serverRunner.snapshot()).toMatchObject({ running: false, error: { code: 'network.notConfigured' } });
    const next = serverRunner.run(store);
    // Before anything was awaited: running, and the previous outcome gone.
    expect(serverRunner.snapshot()).toMatchObject({ running: true, error: null, report: null });
    // A second click while it runs starts nothing.
    await serverRunner.run(store);
    await next;
    expect(serverRunner.snapshot()).toMatchObject({ running: false, error: { code: 'network.notConfigured' } });
  });
});
