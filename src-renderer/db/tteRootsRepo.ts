import type { KinerjaDb, TteRootsSettings } from './schema';

type Root = TteRootsSettings['roots'][number];

/** The trusted roots for electronic signatures (#31): one settings row, kept on this computer. */
export class TteRootsRepo {
  constructor(private readonly db: KinerjaDb) {}

  async list(): Promise<Root[]> {
    return ((await this.db.settings.get('tteRoots')) as TteRootsSettings | undefined)?.roots ?? [];
  }

  /** Adds a root (a second copy of the same one is ignored). */
  async add(root: Omit<Root, 'addedAt'>, at = new Date()): Promise<Root[]> {
    return this.db.transaction('rw', this.db.settings, async () => {
      const roots = await this.list();
      const next = roots.some((r) => r.fingerprint === root.fingerprint) ? roots : [...roots, { ...root, addedAt: at.toISOString() }];
      await this.db.settings.put({ key: 'tteRoots', roots: next });
      return next;
    });
  }

  async remove(fingerprint: string): Promise<Root[]> {
    return this.db.transaction('rw', this.db.settings, async () => {
      const next = (await this.list()).filter((r) => r.fingerprint !== fingerprint);
      await this.db.settings.put({ key: 'tteRoots', roots: next });
      return next;
    });
  }
}
