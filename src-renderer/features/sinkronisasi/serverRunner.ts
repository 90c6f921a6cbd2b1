import { useEffect, useSyncExternalStore } from 'react';
import { useApp } from '../../components/StoreContext';
import { RepoError } from '../../db/errors';
import type { DataStore } from '../../db/store';
import { NetworkSession } from '../../jobs/networkClient';
import type { NetworkProgress, NetworkReport } from '../../jobs/networkSync';
import { getPlatform } from '../../platform/platform';

/** Minutes between automatic runs while online (issue #28: "every few minutes"). */
export const AUTO_SYNC_MINUTES = 5;

export interface ServerRunState {
  running: boolean;
  progress: NetworkProgress | null;
  /** The last run's outcome: its report, or the refusal that stopped it. */
  report: NetworkReport | null;
  error: { code: string; params: Record<string, unknown> } | null;
}

/** What stopped a run or a trust, as the card's message key and parameters. */
function failureOf(err: unknown): NonNullable<ServerRunState['error']> {
  return err instanceof RepoError ? { code: err.code, params: err.params } : { code: 'error.unknown', params: { detail: String(err) } };
}

/**
 * One sync with the server at a time for the whole app: the card's button and the automatic timer
 * share it, so a click during an automatic run waits for nothing and starts nothing twice.
 */
class ServerRunner {
  private state: ServerRunState = { running: false, progress: null, report: null, error: null };
  private readonly listeners = new Set<() => void>();

  subscribe = (f: () => void) => {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  };

  snapshot = () => this.state;

  private set(patch: Partial<ServerRunState>) {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((f) => f());
  }

  async run(store: DataStore): Promise<void> {
    if (this.state.running) return;
    // Cleared before anything is awaited: the last run's result never shows as this one's.
    this.set({ running: true, progress: null, error: null, report: null });
    let session: NetworkSession | null = null;
    try {
      const settings = await store.server.get();
      if (!settings.url || !(await getPlatform().serverStatus())) return this.set({ error: { code: 'network.notConfigured', params: {} } });
      session = new NetworkSession(store.db.name, (progress) => this.set({ progress }));
      const report = await session.sync(settings.url);
      await store.server.noteSuccess(new Date(), report.sent, report.applied);
      this.set({ report });
    } catch (err) {
      this.set({ error: failureOf(err) });
    } finally {
      session?.close();
      this.set({ running: false, progress: null });
    }
  }

  /** A person compared the code of a packet's sender: trusted, then the packet goes in on the next run. */
  async trust(store: DataStore, database: string, packet: string): Promise<void> {
    const session = new NetworkSession(store.db.name);
    try {
      await session.trust((await store.server.get()).url, database, packet);
      if (this.state.report) this.set({ report: { ...this.state.report, refused: this.state.report.refused.filter((r) => r.packet !== packet) } });
    } catch (err) {
      return this.set({ error: failureOf(err) });
    } finally {
      session.close();
    }
    await this.run(store);
  }
}

export const serverRunner = new ServerRunner();

export function useServerRun(): ServerRunState {
  return useSyncExternalStore(serverRunner.subscribe, serverRunner.snapshot);
}

/**
 * Automatic runs while the app is open: every few minutes when the browser says it is online, and
 * as soon as the connection comes back. Nothing happens without a server and `auto` on.
 */
export function useServerAutoSync(): void {
  const { store } = useApp();
  useEffect(() => {
    const tick = async () => {
      const s = await store.server.get();
      if (s.url && s.auto && navigator.onLine) await serverRunner.run(store);
    };
    const timer = setInterval(() => void tick(), AUTO_SYNC_MINUTES * 60_000);
    const online = () => void tick();
    window.addEventListener('online', online);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', online);
    };
  }, [store]);
}
