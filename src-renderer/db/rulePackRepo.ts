import { BUILT_IN_PACKS, PERMENPANRB_6_2022, validateRulePack, type RulePack, type StoredRulePack } from '../domain/rulepack';
import { RepoError } from './errors';
import type { KinerjaDb } from './schema';
import { saveDoc, type WriteContext } from './write';

/**
 * The active rule pack: the built-in PermenPANRB 6/2022 tables, or the office's newest adjusted
 * version of them. Old versions stay readable so an evaluation is always explained by the pack it
 * recorded.
 */
export class RulePackRepo {
  constructor(
    private readonly db: KinerjaDb,
    private readonly context: () => Promise<WriteContext>,
  ) {}

  async active(): Promise<RulePack> {
    const stored = (await this.db.rulePacks.where('[packId+version]').between([PERMENPANRB_6_2022.id, 0], [PERMENPANRB_6_2022.id, Infinity]).toArray())
      .filter((p) => !p.deleted)
      .sort((a, b) => b.version - a.version)[0];
    return stored?.pack ?? PERMENPANRB_6_2022;
  }

  /** The pack an SKP or evaluation recorded; falls back to the built-in one of that id. */
  async get(ref: { id: string; version: number }): Promise<RulePack> {
    const stored = await this.db.rulePacks.where('[packId+version]').equals([ref.id, ref.version]).first();
    if (stored && !stored.deleted) return stored.pack;
    return BUILT_IN_PACKS.find((p) => p.id === ref.id) ?? PERMENPANRB_6_2022;
  }

  /** Saves adjusted tables as the next version of the pack; later evaluations use it. */
  async saveAdjusted(pack: RulePack): Promise<RulePack> {
    const issues = validateRulePack(pack);
    if (issues.length > 0) throw new RepoError('rulePackInvalid', { issues, count: issues.length });
    return this.db.transaction('rw', this.db.rulePacks, this.db.auditLog, this.db.settings, async () => {
      const ctx = await this.context();
      const current = await this.active();
      const next: RulePack = structuredClone({ ...pack, id: current.id, version: current.version + 1 });
      await saveDoc<StoredRulePack>(this.db, 'rulePacks', undefined, { packId: next.id, version: next.version, pack: next }, ctx, {
        note: `Tabel aturan diubah menjadi versi ${next.version}`,
      });
      return next;
    });
  }

  /** Back to the regulation's own tables, as a new version (history is kept). */
  async resetToBuiltIn(): Promise<RulePack> {
    return this.saveAdjusted(PERMENPANRB_6_2022);
  }
}
