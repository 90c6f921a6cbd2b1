import { DEFAULT_CADENCE, generatePeriods, type Cadence, type PerformanceYear, type PeriodDef } from '../domain/periods';
import { RepoError } from './errors';
import type { KinerjaDb } from './schema';
import { saveDoc, type WriteContext } from './write';

/** The periods of a performance year, generated from the cadence the office chose for it. */
export class YearRepo {
  constructor(
    private readonly db: KinerjaDb,
    private readonly context: () => Promise<WriteContext>,
  ) {}

  private async doc(year: number): Promise<PerformanceYear | undefined> {
    return (await this.db.periods.where('year').equals(year).toArray()).find((d) => !d.deleted);
  }

  async cadence(year: number): Promise<Cadence> {
    return (await this.doc(year))?.cadence ?? DEFAULT_CADENCE;
  }

  async periods(year: number): Promise<PeriodDef[]> {
    return generatePeriods(year, await this.cadence(year));
  }

  /** Changing the cadence once evaluations exist would orphan them, so it is refused then. */
  async setCadence(year: number, cadence: Cadence): Promise<void> {
    await this.db.transaction('rw', [this.db.periods, this.db.evaluations, this.db.auditLog, this.db.settings], async () => {
      const ctx = await this.context();
      const prev = await this.doc(year);
      if ((prev?.cadence ?? DEFAULT_CADENCE) === cadence) return;
      const used = await this.db.evaluations.where('periodId').startsWith(`${year}-`).filter((e) => !e.deleted).count();
      if (used > 0) throw new RepoError('cadenceInUse', { year, count: used });
      await saveDoc<PerformanceYear>(this.db, 'periods', prev, { year, cadence }, ctx);
    });
  }
}
