import { checkPrintImage, imageDataUrl, LOGO_MAX_BYTES } from '../domain/images';
import { invalidMargins, normalizeOfficeProfile, validateOfficeProfile, type Office, type OfficeProfileInput, type PrintPreferences } from '../domain/office';
import { diffFields } from '../domain/records';
import { RepoError } from './errors';
import type { KinerjaDb, LocalSettings } from './schema';
import type { WriteContext } from './write';
import { saveDoc } from './write';

export interface Profile {
  settings: LocalSettings;
  office: Office;
}

export class SettingsRepo {
  constructor(
    private readonly db: KinerjaDb,
    private readonly makeContext: (officeId: string, actor: string) => WriteContext,
  ) {}

  async getLocal(): Promise<LocalSettings | undefined> {
    return this.db.settings.get('local');
  }

  /** The office profile of this installation, or null before the first-run setup. */
  async getProfile(): Promise<Profile | null> {
    const settings = await this.db.settings.get('local');
    if (!settings) return null;
    const office = await this.db.offices.get(settings.officeId);
    return office ? { settings, office } : null;
  }

  /** First run: creates the office identity that marks every record this installation writes. */
  async setupOffice(raw: OfficeProfileInput, today: Date): Promise<Profile> {
    const input = normalizeOfficeProfile(raw);
    const errors = validateOfficeProfile(input);
    if (Object.keys(errors).length > 0) throw new RepoError('officeInvalid', { errors });
    const officeId = crypto.randomUUID();
    const ctx = this.makeContext(officeId, input.namaAdmin);
    return this.db.transaction('rw', this.db.settings, this.db.offices, this.db.auditLog, async () => {
      if (await this.db.settings.get('local')) throw new RepoError('alreadySetUp');
      const { namaAdmin, ...officeFields } = input;
      const settings: LocalSettings = {
        key: 'local',
        officeId,
        adminName: namaAdmin,
        language: 'id',
        activeYear: today.getFullYear(),
      };
      await this.db.settings.put(settings);
      // The office document's id is the office identity itself.
      const office = await saveDoc<Office>(this.db, 'offices', undefined, officeFields, ctx, { id: officeId });
      return { settings, office };
    });
  }

  async updateProfile(raw: OfficeProfileInput): Promise<Profile> {
    const input = normalizeOfficeProfile(raw);
    const errors = validateOfficeProfile(input);
    if (Object.keys(errors).length > 0) throw new RepoError('officeInvalid', { errors });
    return this.db.transaction('rw', this.db.settings, this.db.offices, this.db.auditLog, async () => {
      const current = await this.getProfile();
      if (!current) throw new RepoError('notSetUp');
      const ctx = this.makeContext(current.settings.officeId, input.namaAdmin);
      const { namaAdmin, ...officeFields } = input;
      const office = await saveDoc<Office>(this.db, 'offices', current.office, officeFields, ctx);
      const settings = await this.updateLocal(current.settings, { adminName: namaAdmin }, ctx);
      return { settings, office };
    });
  }

  /** Margins, name underline and evaluation signers used by every print. */
  async updatePrintPreferences(prefs: PrintPreferences): Promise<Office> {
    const bad = invalidMargins(prefs.margins);
    if (bad.length > 0) throw new RepoError('marginInvalid', { sides: bad });
    return this.updateOffice({ cetak: structuredClone(prefs) });
  }

  /** The kop logo (PNG/JPEG by content, size-capped), or null to print the kop without one. */
  async setLogo(bytes: Uint8Array | null): Promise<Office> {
    if (bytes) {
      const problem = checkPrintImage(bytes, LOGO_MAX_BYTES);
      if (problem) throw new RepoError(problem.code, problem);
    }
    return this.updateOffice({ logo: bytes ? imageDataUrl(bytes) : null });
  }

  private async updateOffice(fields: Partial<Pick<Office, 'logo' | 'cetak'>>): Promise<Office> {
    return this.db.transaction('rw', this.db.settings, this.db.offices, this.db.auditLog, async () => {
      const current = await this.getProfile();
      if (!current) throw new RepoError('notSetUp');
      const ctx = this.makeContext(current.settings.officeId, current.settings.adminName);
      return saveDoc<Office>(this.db, 'offices', current.office, fields, ctx);
    });
  }

  async setPreferences(patch: Partial<Pick<LocalSettings, 'language' | 'activeYear'>>): Promise<LocalSettings> {
    return this.db.transaction('rw', this.db.settings, this.db.auditLog, async () => {
      const current = await this.db.settings.get('local');
      if (!current) throw new RepoError('notSetUp');
      return this.updateLocal(current, patch, this.makeContext(current.officeId, current.adminName));
    });
  }

  /** Local settings are not synced documents, but their changes are audited all the same. */
  private async updateLocal(current: LocalSettings, patch: Partial<LocalSettings>, ctx: WriteContext) {
    const next = { ...current, ...patch, key: 'local' as const };
    const changes = diffFields(current as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>);
    if (changes.length === 0) return current;
    await this.db.settings.put(next);
    await this.db.auditLog.add({
      id: crypto.randomUUID(),
      at: ctx.nowIso(),
      actor: ctx.actor,
      officeId: ctx.officeId,
      table: 'settings',
      docId: 'local',
      action: 'update',
      changes,
      rev: ctx.nextRev(),
    });
    return next;
  }
}
