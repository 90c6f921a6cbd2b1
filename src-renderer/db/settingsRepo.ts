import { DISTRIBUTION_SCOPES, type DistributionScope } from '../domain/distributionScope';
import { checkPrintImage, imageDataUrl, LOGO_MAX_BYTES } from '../domain/images';
import { invalidMargins, normalizeOfficeProfile, validateOfficeProfile, type Office, type OfficeProfileInput, type PrintPreferences } from '../domain/office';
import { diffFields } from '../domain/records';
import { appendAudit } from './audit';
import { RepoError } from './errors';
import type { KinerjaDb, LocalSettings } from './schema';
import type { WriteContext } from './write';
import type { Installation, InstallationRole } from '../domain/sync/access';
import { newInstallId, readInstallId, readLocal, setInstallId } from './identity';
import { saveDoc } from './write';

export interface Profile {
  settings: LocalSettings;
  office: Office;
}

export class SettingsRepo {
  constructor(
    private readonly db: KinerjaDb,
    private readonly makeContext: (officeId: string, installId: string, actor: string) => WriteContext,
    private readonly current: () => Promise<WriteContext>,
  ) {}

  async getLocal(): Promise<LocalSettings | undefined> {
    return readLocal(this.db);
  }

  /** This installation's id (the node of its revs) and the enrolment record that describes it. */
  async getInstallation(): Promise<Installation | null> {
    const local = await readLocal(this.db);
    if (!local) return null;
    const id = await readInstallId(this.db, local);
    return (await this.db.installations.get(id)) ?? null;
  }

  /** The office profile of this installation, or null before the first-run setup. */
  async getProfile(): Promise<Profile | null> {
    const settings = await readLocal(this.db);
    if (!settings) return null;
    const office = await this.db.offices.get(settings.officeId);
    return office ? { settings, office } : null;
  }

  /** First run: creates the office identity that marks every record this installation writes. */
  async setupOffice(raw: OfficeProfileInput, today: Date, opts: { role?: 'KANTOR' | 'BKD'; nama?: string } = {}): Promise<Profile> {
    const role = opts.role ?? 'KANTOR';
    // The name other computers know this one by ("PC Kasubag Umum"), chosen at setup.
    const nama = opts.nama?.trim().replace(/\s+/g, ' ').slice(0, 60) || (role === 'BKD' ? 'PC BKD' : 'PC admin');
    const input = normalizeOfficeProfile(raw);
    const errors = validateOfficeProfile(input);
    if (Object.keys(errors).length > 0) throw new RepoError('officeInvalid', { errors });
    const officeId = crypto.randomUUID();
    // Under a schema from before sync (upgrade tests) the office is set up as the app did then:
    // one id for office and installation, no enrolment record.
    const enrols = this.db.tables.some((t) => t.name === 'installations');
    const installId = enrols ? newInstallId() : officeId;
    const ctx = this.makeContext(officeId, installId, input.namaAdmin);
    const tables = [this.db.settings, this.db.offices, this.db.auditLog, ...(enrols ? [this.db.installations] : [])];
    return this.db.transaction('rw', tables, async () => {
      if (await this.db.settings.get('local')) throw new RepoError('alreadySetUp');
      if (enrols) await setInstallId(this.db, installId, undefined, role === 'BKD' ? { role } : undefined);
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
      // The first installation of an office is its admin PC (or the BKD's): it writes the office's own records.
      if (enrols) await saveDoc<Installation>(this.db, 'installations', undefined, { officeId, role, nama, penilaiEmployeeId: null }, ctx, { id: installId });
      return { settings, office };
    });
  }

  /**
   * A new installation of an existing office (a penilai laptop, a back-up PC) or a BKD's copy:
   * takes the identity its enrolment gave it. The office's records arrive by the first package.
   */
  async joinOffice(
    input: { officeId: string; installId: string; role: InstallationRole; penilaiEmployeeId: string | null; adminName: string; enrolledBy: Installation },
    today: Date,
  ): Promise<LocalSettings> {
    return this.db.transaction('rw', this.db.settings, this.db.installations, async () => {
      if (await this.db.settings.get('local')) throw new RepoError('alreadySetUp');
      // The enroller's own record, as it wrote it: the installation whose packages are trusted first.
      await this.db.installations.put(structuredClone(input.enrolledBy));
      const settings: LocalSettings = { key: 'local', officeId: input.officeId, adminName: input.adminName, language: 'id', activeYear: today.getFullYear() };
      await this.db.settings.put(settings);
      await setInstallId(this.db, input.installId, undefined, { role: input.role, penilaiEmployeeId: input.penilaiEmployeeId });
      return settings;
    });
  }

  async updateProfile(raw: OfficeProfileInput): Promise<Profile> {
    const input = normalizeOfficeProfile(raw);
    const errors = validateOfficeProfile(input);
    if (Object.keys(errors).length > 0) throw new RepoError('officeInvalid', { errors });
    return this.db.transaction('rw', this.db.settings, this.db.offices, this.db.auditLog, async () => {
      const current = await this.getProfile();
      if (!current) throw new RepoError('notSetUp');
      const ctx = { ...(await this.current()), actor: input.namaAdmin };
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

  /** Where the distribution guideline is applied; recorded on the office so every check and print says it. */
  setDistributionScope(scope: DistributionScope): Promise<Office> {
    if (!DISTRIBUTION_SCOPES.includes(scope)) throw new RepoError('scopeUnknown');
    return this.updateOffice({ cakupanDistribusi: scope });
  }

  /** The kop logo (PNG/JPEG by content, size-capped), or null to print the kop without one. */
  setLogo(bytes: Uint8Array | null): Promise<Office> {
    return this.setImage('logo', bytes);
  }

  /** The emblem (Garuda) printed above the DEKP title instead of the kop, or null for the kop. */
  setLambang(bytes: Uint8Array | null): Promise<Office> {
    return this.setImage('lambang', bytes);
  }

  private async setImage(field: 'logo' | 'lambang', bytes: Uint8Array | null): Promise<Office> {
    if (bytes) {
      const problem = checkPrintImage(bytes, LOGO_MAX_BYTES);
      if (problem) throw new RepoError(problem.code, problem);
    }
    return this.updateOffice({ [field]: bytes ? imageDataUrl(bytes) : null });
  }

  private async updateOffice(fields: Partial<Pick<Office, 'logo' | 'lambang' | 'cetak' | 'cakupanDistribusi'>>): Promise<Office> {
    return this.db.transaction('rw', this.db.settings, this.db.offices, this.db.auditLog, async () => {
      const current = await this.getProfile();
      if (!current) throw new RepoError('notSetUp');
      const ctx = await this.current();
      return saveDoc<Office>(this.db, 'offices', current.office, fields, ctx);
    });
  }

  async setPreferences(patch: Partial<Pick<LocalSettings, 'language' | 'activeYear'>>): Promise<LocalSettings> {
    return this.db.transaction('rw', this.db.settings, this.db.auditLog, async () => {
      const current = await readLocal(this.db);
      if (!current) throw new RepoError('notSetUp');
      return this.updateLocal(current, patch, await this.current());
    });
  }

  /** Local settings are not synced documents, but their changes are audited all the same. */
  private async updateLocal(current: LocalSettings, patch: Partial<LocalSettings>, ctx: WriteContext) {
    const next = { ...current, ...patch, key: 'local' as const };
    const changes = diffFields(current, next);
    if (changes.length === 0) return current;
    await this.db.settings.put(next);
    await appendAudit(this.db, [{
      id: crypto.randomUUID(),
      at: ctx.nowIso(),
      actor: ctx.actor,
      officeId: ctx.officeId,
      installId: ctx.installId,
      table: 'settings',
      docId: 'local',
      action: 'update',
      changes,
      rev: ctx.nextRev(),
    }]);
    return next;
  }
}
