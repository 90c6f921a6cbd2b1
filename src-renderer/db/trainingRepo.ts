import type { Training } from '../domain/evaluation';
import { RepoError } from './errors';
import type { KinerjaDb } from './schema';
import { saveDoc, type WriteContext } from './write';

export type TrainingInput = Pick<Training, 'nama' | 'mulai' | 'selesai' | 'jp'>;

/** Competency-development records per employee and year (§9.4). */
export class TrainingRepo {
  constructor(
    private readonly db: KinerjaDb,
    private readonly context: () => Promise<WriteContext>,
  ) {}

  async forEmployee(employeeId: string, year: number): Promise<Training[]> {
    const list = await this.db.trainings.where('[employeeId+year]').equals([employeeId, year]).toArray();
    return list.filter((t) => !t.deleted).sort((a, b) => a.mulai.localeCompare(b.mulai));
  }

  async add(employeeId: string, year: number, input: TrainingInput): Promise<Training> {
    const nama = input.nama.trim();
    if (!nama) throw new RepoError('trainingNameRequired');
    if (!Number.isFinite(input.jp) || input.jp <= 0 || input.jp > 1000) throw new RepoError('trainingJpInvalid');
    if (!input.mulai || (input.selesai && input.selesai < input.mulai)) throw new RepoError('trainingDatesInvalid');
    return this.db.transaction('rw', this.db.trainings, this.db.auditLog, this.db.settings, async () => {
      const ctx = await this.context();
      return saveDoc<Training>(this.db, 'trainings', undefined, { employeeId, year, nama, mulai: input.mulai, selesai: input.selesai || input.mulai, jp: input.jp }, ctx);
    });
  }

  async remove(id: string): Promise<void> {
    await this.db.transaction('rw', this.db.trainings, this.db.auditLog, this.db.settings, async () => {
      const ctx = await this.context();
      const prev = await this.db.trainings.get(id);
      if (!prev || prev.deleted) throw new RepoError('notFound');
      await saveDoc<Training>(this.db, 'trainings', prev, {}, ctx, { action: 'delete' });
    });
  }
}
