import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { navigate } from '../../components/router';
import { useApp } from '../../components/StoreContext';
import { BackupProgress } from '../../components/BackupProgress';
import { Notice } from '../../components/Field';
import { useGateLoading } from '../../components/LoadGate';
import { MAX_BACKUP_BYTES } from '../../components/RestoreBackup';
import { archivableYears } from '../../domain/archive';
import { safeFileName } from '../../domain/fileNames';
import { BackupSession, type BackupProgressEvent } from '../../jobs/backupClient';
import { useT } from '../../i18n/i18n';
import { getPlatform } from '../../platform/platform';
import { showArchive } from '../../components/openArchive';
import { fileSize } from './BackupCard';
import { YearOptions } from '../../components/YearOptions';

/** "Arsip Kinerja Luring Kecamatan Curug 2022.zip" */
export function archiveFileName(namaKantor: string, year: number): string {
  return safeFileName(`Arsip Kinerja Luring ${namaKantor} ${year}.zip`);
}

/** Pengaturan › Arsip tahunan: a closed year to a signed file and out of this PC; an archive opened to view and print. */
export function ArchiveCard() {
  const t = useT();
  const { store, profile } = useApp();
  const active = profile.settings.activeYear;
  const filters = [{ name: t('archive.fileFilter'), extensions: ['zip'] }];
  const years = useLiveQuery(async () => archivableYears(active, await store.archives.yearsWithRecords(), (await store.archives.archived()).map((a) => a.year)), [store, active]);
  const archived = useLiveQuery(() => store.archives.archived(), [store]);
  useGateLoading(years === undefined || archived === undefined);
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen !== null && years?.includes(chosen) ? chosen : (years?.[0] ?? null);
  const plan = useLiveQuery(() => (year === null ? null : store.archives.overview(year)), [store, year]);
  const [confirming, setConfirming] = useState(false);
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [progress, setProgress] = useState<BackupProgressEvent | null>(null);
  const session = useRef<BackupSession | null>(null);
  useEffect(() => () => session.current?.close(), []);
  const busy = progress !== null;

  /** One worker session for one step; closed at the end whatever happened. */
  const [working, setWorking] = useState('');
  const inWorker = async <T,>(label: string, work: (s: BackupSession) => Promise<T>): Promise<T | null> => {
    setWorking(label);
    const s = new BackupSession(store.db.name, setProgress);
    session.current = s;
    setProgress({ type: 'progress', stage: 'pack', done: 0, total: 1 });
    try {
      return await work(s);
    } catch (err) {
      setMsg({ kind: 'error', text: errorMessage(t, err) });
      return null;
    } finally {
      s.close();
      session.current = null;
      setProgress(null);
    }
  };

  const archive = async (y: number) => {
    setConfirming(false);
    setMsg(null);
    const file = archiveFileName(profile.office.namaKantor, y);
    const made = await inWorker(t('archive.working'), (s) => s.createArchive(y));
    if (!made) return;
    const saved = await getPlatform().saveFile({ title: t('archive.make', { year: y }), suggestedName: file, filters, bytes: made.bytes, mime: 'application/zip' });
    if (saved.status !== 'saved') return setMsg({ kind: 'error', text: t('archive.notSaved', { year: y }) });
    const entry = await inWorker(t('archive.working'), (s) => s.removeArchived(y, made.bytes, file));
    if (!entry) return;
    const records = Object.values(entry.counts).reduce((a, b) => a + b, 0);
    setMsg({ kind: 'success', text: t('archive.done', { year: y, file, size: fileSize(made.bytes.length), records }) });
  };

  const open = async () => {
    setMsg(null);
    const res = await getPlatform().openFile({ title: t('archive.open'), filters, maxBytes: MAX_BACKUP_BYTES });
    if (res.status === 'tooLarge') return setMsg({ kind: 'error', text: t('backup.error.tooLarge', { mb: Math.round(MAX_BACKUP_BYTES / 1024 ** 2) }) });
    if (res.status !== 'ok') return;
    const summary = await inWorker(t('archive.opening'), (s) => s.openArchive(res.bytes));
    if (!summary) return;
    await showArchive(store.db.name, summary);
    navigate('arsip');
  };

  return (
    <section className="card stack" aria-labelledby="archive-title" data-testid="archive-card">
      <h2 id="archive-title">{t('archive.title')}</h2>
      <p className="field-hint">{t('archive.intro')}</p>
      {years && years.length > 0 && year !== null ? (
        <>
          <div className="toolbar">
            <label className="inline-field">
              <span>{t('archive.year')}</span>
              <select aria-label={t('archive.year')} value={year} disabled={busy} onChange={(e) => (setChosen(Number(e.target.value)), setConfirming(false))}>
                <YearOptions years={years} />
              </select>
            </label>
            <button type="button" disabled={busy || confirming} onClick={() => setConfirming(true)}>
              {t('archive.make', { year })}
            </button>
          </div>
          {plan ? <p data-testid="archive-plan">{t('archive.plan', { year, ...plan.counts })}{plan.drafts > 0 ? ` ${t('archive.drafts', { n: plan.drafts, year })}` : ''}</p> : null}
          {confirming ? (
            <div className="notice notice-warning stack" role="alertdialog" aria-label={t('archive.make', { year })}>
              <p>{t('archive.confirm', { year })}</p>
              <div className="toolbar">
                <button type="button" className="primary" onClick={() => void archive(year)}>
                  {t('archive.confirm.yes')}
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : null}
        </>
      ) : (
        <p className="muted">{t('archive.none', { active })}</p>
      )}
      {busy ? <BackupProgress progress={progress} writing={working} /> : null}
      {msg ? <Notice kind={msg.kind}>{msg.text}</Notice> : null}
      {archived && archived.length > 0 ? (
        <ul data-testid="archive-list">
          {archived.map((a) => (
            <li key={a.year}>{t('archive.list', { year: a.year, tanggal: formatDateTime(a.at, 'long'), actor: a.actor, skps: a.counts.skps ?? 0, evaluations: a.counts.evaluations ?? 0 })}</li>
          ))}
        </ul>
      ) : null}
      <div className="toolbar">
        <button type="button" disabled={busy} onClick={() => void open()}>
          {t('archive.open')}
        </button>
      </div>
    </section>
  );
}
