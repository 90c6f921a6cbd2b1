import { useLiveQuery } from 'dexie-react-hooks';
import { IMPORT_UNDO_DAYS } from '../../db/importRepo';
import { useState } from 'react';
import { errorMessage } from '../../components/errors';
import type { ExportRequest } from '../../jobs/exportClient';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { periodTitle } from '../../domain/periods';
import { useT } from '../../i18n/i18n';
import { PeriodSelect } from '../../components/PeriodSelect';
import { useActivePack, useChosenPeriod } from '../../components/usePenilaianData';
import { exportAndSave, useExportMeta } from '../../components/exportActions';
import { unitChoices } from '../../exchange/pegawaiImport';
import { ImportWizard } from './ImportWizard';
import { WorkTemplates } from './WorkTemplates';

export function ImporEksporScreen() {
  const t = useT();
  const { store, profile } = useApp();
  const year = profile.settings.activeYear;
  const meta = useExportMeta();
  const pack = useActivePack();
  const chosen = useChosenPeriod();
  const { period } = chosen;
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const log = useLiveQuery(() => store.imports.log(), [store]);

  const run = async (make: () => Promise<{ req: ExportRequest; file: string }>) => {
    setBusy(true);
    setMsg(null);
    try {
      const { req, file } = await make();
      await exportAndSave(req, file, t('export.save'));
      setMsg({ kind: 'success', text: t('export.done', { file }) });
    } catch (err) {
      setMsg({ kind: 'error', text: errorMessage(t, err) });
    } finally {
      setBusy(false);
    }
  };
  const units = () => store.units.list();

  return (
    <div className="page">
      <h1>{t('nav.imporEkspor')}</h1>
      <div className="columns">
        <div className="stack">
          <ImportWizard />
          <section className="card">
            <h2>{t('import.log')}</h2>
            {!log || log.length === 0 ? <p className="muted">{t('import.log.empty')}</p> : null}
            <ul className="history" data-testid="import-log">
              {(log ?? []).map((e) => (
                <li key={e.id}>
                  <div className="history-head">
                    {new Date(e.at).toLocaleString('id-ID')} — {e.fileName} ({e.actor})
                  </div>
                  <div>
                    {t('import.log.counts', { baru: e.counts.baru ?? 0, berubah: e.counts.berubah ?? 0, tidakBerubah: e.counts.tidakBerubah ?? 0, galat: e.counts.galat ?? 0 })}{' '}
                    <span className="mono small-code" title="SHA-256">
                      {e.sha256.slice(0, 12)}…
                    </span>
                  </div>
                  {e.undoneAt ? (
                    <div className="muted">{t('import.log.undone', { at: new Date(e.undoneAt).toLocaleString('id-ID') })}</div>
                  ) : !e.undoable ? (
                    <div className="muted">{t('import.log.undoExpired', { days: IMPORT_UNDO_DAYS })}</div>
                  ) : (
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        if (!window.confirm(t('import.undo.confirm', { file: e.fileName }))) return;
                        store.imports.undo(e.id).then(
                          () => setMsg({ kind: 'success', text: t('import.undo.done') }),
                          (err: unknown) => setMsg({ kind: 'error', text: errorMessage(t, err) }),
                        );
                      }}
                    >
                      {t('import.undo')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        </div>
        <div className="stack">
          <section className="card">
            <h2>{t('export.templates')}</h2>
            <p>{t('export.templates.intro')}</p>
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(async () => ({ req: { kind: 'template', template: 'pegawai', meta: meta(), unitNames: unitChoices(await units()) }, file: 'templat-pegawai.xlsx' }))}
            >
              {t('export.template.pegawai')}
            </button>
                        <button
              type="button"
              disabled={busy}
              onClick={() => void run(async () => ({ req: { kind: 'template', template: 'unit', meta: meta(), unitNames: unitChoices(await units()) }, file: 'templat-unit-kerja.xlsx' }))}
            >
              {t('export.template.unit')}
            </button>
            <WorkTemplates busy={busy} run={(make) => void run(make)} />
          </section>
          <section className="card">
            <h2>{t('export.title')}</h2>
            <div className="stack-tight">
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    const [all, us] = await Promise.all([store.employees.listAll(), units()]);
                    return { req: { kind: 'pegawai', list: all.filter((e) => e.aktif), all, units: us, meta: meta() }, file: `pegawai-aktif-${new Date().toISOString().slice(0, 10)}.xlsx` };
                  })
                }
              >
                {t('export.pegawai')}
              </button>
              <div className="inline-add">
<PeriodSelect state={chosen} />
                <button
                  type="button"
                  disabled={busy || !period}
                  onClick={() =>
                    void run(async () => {
                      const pid = chosen.periodId;
                      const [evaluations, us, results] = await Promise.all([store.evaluations.listByPeriod(pid), units(), store.evaluations.unitResults(year)]);
                      const title = period ? `${periodTitle(period)} ${year}` : '';
                      return {
                        req: { kind: 'rekap', rekap: { periode: title, evaluations, units: us, results: results.filter((r) => r.periodId === pid), pack, instansi: `${profile.office.namaKantor} — ${profile.office.namaInstansi}` } },
                        file: `rekap-penilaian-${pid.toLowerCase()}.xlsx`,
                      };
                    })
                  }
                >
                  {t('export.rekap')}
                </button>
              </div>
            </div>
            {busy ? <p className="muted">{t('export.busy')}</p> : null}
          </section>
          {msg ? <Notice kind={msg.kind}>{msg.text}</Notice> : null}
        </div>
      </div>
    </div>
  );
}
