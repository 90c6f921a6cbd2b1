import type { KinerjaDb, ServerSettings } from './schema';

const EMPTY: ServerSettings = { key: 'server', url: '', user: '', auto: true, lastSuccessAt: null, lastSent: 0, lastApplied: 0 };

/** The "Server BKD" card's settings row (issue #28). */
export class ServerRepo {
  constructor(private readonly db: KinerjaDb) {}

  async get(): Promise<ServerSettings> {
    return ((await this.db.settings.get('server')) as ServerSettings | undefined) ?? { ...EMPTY };
  }

  async save(patch: Partial<Omit<ServerSettings, 'key'>>): Promise<ServerSettings> {
    return this.db.transaction('rw', this.db.settings, async () => {
      const next = { ...(await this.get()), ...patch, key: 'server' as const };
      await this.db.settings.put(next);
      return next;
    });
  }

  /** A run that ended well: when, packets sent, and packets applied here. */
  async noteSuccess(at: Date, sent: number, applied: number): Promise<ServerSettings> {
    return this.save({ lastSuccessAt: at.toISOString(), lastSent: sent, lastApplied: applied });
  }
}
