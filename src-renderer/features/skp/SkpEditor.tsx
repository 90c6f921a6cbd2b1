import { OwnerNotice } from '../../components/OwnerNotice';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../components/errors';
import { clearFlash, peekFlash } from '../../components/flash';
import { usePerfMark } from '../../components/perf';
import { href, useUnsavedGuard } from '../../components/router';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { RepoError } from '../../db/errors';
import type { SkpEditable } from '../../db/skpRepo';
import { formatTanggal, parseIsoDate } from '../../domain/dates';
import { PERMENPANRB_6_2022 } from '../../domain/rulepack';
import {
  ASPEK, emptyExternalPenilai, groupedRhk, isExternalPenilai, newRhk, PERSPEKTIF, type Indikator, type JenisRhk, type PersonSnapshot, type Rhk, type Skp, type SkpIssue, rhkLabel } from '../../domain/skp';
import { isSkpLocked, type SkpAction } from '../../domain/workflow';
import { useT } from '../../i18n/i18n';
import { DocHistory } from '../../components/DocHistory';
import { Identity } from '../../components/Identity';
import { PerilakuRow } from '../../components/PerilakuRow';
import { useReasonPrompt } from '../../components/ReasonDialog';
import { skpIssueText } from './skpText';
import { DateField } from '../../components/DateField';
import { Toast, ToastSlot } from '../../components/Toast';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import { useEditDraft } from '../../components/useEditDraft';
import { useWritable } from '../../components/useWritable';
import { useLiveFor } from '../../components/useLiveFor';
import { useGateLoading } from '../../components/LoadGate';

function editableOf(s: Skp): SkpEditable {
  const base = { mulai: s.mulai, selesai: s.selesai, pendekatan: s.pendekatan, jenis: s.jenis, rhk: s.rhk, ekspektasi: s.ekspektasi, lampiran: s.lampiran };
  return isExternalPenilai(s.penilai) ? { ...base, penilai: s.penilai ?? emptyExternalPenilai() } : base;
}

/** The appraiser typed in by hand when the employee has no atasan in this office. */
function ExternalPenilai({ value, onChange }: { value: PersonSnapshot; onChange(p: PersonSnapshot): void }) {
  const t = useT();
  const field = (k: 'nama' | 'nip' | 'pangkat' | 'jabatan' | 'unit', label: string) => (
    <label className="field">
      <span>{label}</span>
      <input name={`penilai-${k}`} aria-label={`${t('skp.penilai')} — ${label}`} value={value[k]} onChange={(e) => onChange({ ...value, [k]: e.target.value })} />
    </label>
  );
  return (
    <section>
      <h3>{t('skp.penilai')}</h3>
      <p className="field-hint">{t('skp.penilai.external')}</p>
      <div className="form">
        {field('nama', t('skp.id.nama'))}
        {field('nip', t('skp.penilai.externalNip'))}
        {field('pangkat', t('skp.id.pangkat'))}
        {field('jabatan', t('skp.id.jabatan'))}
        {field('unit', t('skp.id.instansi'))}
      </div>
    </section>
  );
}

const pack = PERMENPANRB_6_2022;

export function SkpEditorScreen({ id }: { id: string }) {
  const t = useT();
  const { store } = useApp();
  const skp = useLiveFor(id, async () => (await store.skps.get(id)) ?? null, [store]);
  const [notice, setNotice] = useState<string | null>(() => peekFlash(id));
  useEffect(() => clearFlash(id), [id]);
  // The screen's gate waits for the SKP too: without this it opened on the first answer-less render,
  // and the editor's own reads (the penilai's SKP, its hint) then pushed the indicator table down.
  useGateLoading(skp === undefined);
  if (skp === undefined) return <p className="loading">{t('app.loading')}</p>;
  if (skp === null) {
    return (
      <div className="page">
        <Notice kind="error">{t('error.notFound')}</Notice>
      </div>
    );
  }
  // Not remounted per revision: a package landing under an open editor is taken in (useEditDraft).
  return <SkpEditor key={skp.id} skp={skp} notice={notice} onNotice={setNotice} />;
}

function SkpEditor({ skp, notice, onNotice }: { skp: Skp; notice: string | null; onNotice(text: string | null): void }) {
  const t = useT();
  const { store } = useApp();
  const edit = useEditDraft('skps', skp, editableOf);
  const { draft, dirty } = edit;
  const [error, setError] = useState<{ text: string; issues?: SkpIssue[] } | null>(null);
  const [busy, setBusy] = useState(false);
  useUnsavedGuard(dirty, t('common.unsaved'));
  const locked = isSkpLocked(skp.status);
  // Not this installation's to write (a laptop, another office's SKP at the BKD): shown, not editable.
  const can = useWritable('skps', skp);
  const readOnly = !can.loading && !can.whole;
  const frozen = locked || readOnly;
  usePerfMark('skp-editor-ready', true);

  // Keyed by the penilai: after he changes, the old penilai's RHK are not offered for intervention.
  const penilaiSkps = useLiveFor(
    `${skp.penilai?.employeeId ?? ''}|${skp.year}`,
    async () => (skp.penilai ? await store.skps.forEmployee(skp.penilai.employeeId, skp.year) : []),
    [store],
  );
  const issuesRead = useLiveQuery(() => store.skps.issues({ ...skp, ...draft }), [store, skp, draft]);
  const issues = issuesRead ?? [];
  // The intervention choices lengthen the RHK rows: the editor is shown once they are known.
  useGateLoading(penilaiSkps === undefined || issuesRead === undefined);

  const change = (patch: Partial<SkpEditable>) => {
    edit.change(patch);
    if (notice) onNotice(null);
    setError(null);
  };
  const setRhk = (rid: string, patch: Partial<Rhk>) => change({ rhk: draft.rhk.map((r) => (r.id === rid ? { ...r, ...patch } : r)) });
  const setInd = (r: Rhk, iid: string, patch: Partial<Indikator>) =>
    setRhk(r.id, { indikator: r.indikator.map((i) => (i.id === iid ? { ...i, ...patch } : i)) });
  const addRhk = (jenis: JenisRhk) => change({ rhk: [...draft.rhk, newRhk(jenis, crypto.randomUUID(), crypto.randomUUID())] });

  const run = async <T,>(step: () => Promise<T>, done: (result: T) => string) => {
    setBusy(true);
    try {
      onNotice(done(await step()));
    } catch (err) {
      const issuesFound = err instanceof RepoError && err.code === 'skpInvalid' ? (err.params.issues as SkpIssue[]) : undefined;
      setError({ text: errorMessage(t, err), ...(issuesFound ? { issues: issuesFound } : {}) });
    } finally {
      setBusy(false);
    }
  };
  const write = () => edit.save((fields, seen) => store.skps.save(skp.id, cleaned(fields), seen));
  const save = () => run(write, () => t('skp.saved'));
  useSaveShortcut(() => void save(), !frozen && dirty && !busy);
  const transition = (action: SkpAction, reason?: string) =>
    run(async () => {
      if (dirty) await write();
      await store.skps.transition(skp.id, action, reason);
    }, () => t(`skp.done.${action}`));
  const reason = useReasonPrompt<SkpAction>((a) => t(`skp.action.${a}`), t('skp.reason.body'), (a, why) => void transition(a, why));
  const applyJabatan = () => {
    if (!window.confirm(t('skp.applyJabatan.confirm', { year: skp.year, jabatan: skp.pegawai.jabatan }))) return;
    void run(
      async () => {
        if (dirty) await write();
        return store.skps.applyRhkToSameJabatan(skp.id);
      },
      (counts) => `${t('skp.applyJabatan.done', counts)}${counts.unlinked > 0 ? ` ${t('skp.applyJabatan.unlinked', { count: counts.unlinked })}` : ''}`,
    );
  };

  const options = (penilaiSkps ?? []).flatMap((ps) => groupedRhk(ps.rhk).flatMap((g) => g.items.map((it) => ({ skpId: ps.id, rhk: it.rhk, label: `${rhkLabel(g.group, it.no)} ${it.rhk.teks}` }))));
  const approvedOn = parseIsoDate(skp.disetujuiPada);

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('skp.editor.title', { nama: skp.pegawai.nama, year: skp.year })}</h1>
        <span className={`status status-${skp.status}`} data-testid="skp-status">
          {t(`skp.status.${skp.status}`)}
        </span>
        <span className="spacer" />
        <a className="button" href={href('skp', skp.id, 'matriks')}>
          {t('skp.matriks')}
        </a>
        <a className="button" href={href('skp')}>
          {t('common.back')}
        </a>
      </div>
      <OwnerNotice table="skps" doc={skp} />
      {notice ? <Toast text={notice} /> : null}
      {edit.arrival ? <Notice kind="info" testId="edit-arrival">{edit.arrival}</Notice> : null}
      {locked && approvedOn ? <Notice kind="info">{t('skp.locked', { tanggal: formatTanggal(approvedOn) })}</Notice> : null}

      <section className="card identity">
        <Identity title={t('skp.pegawai')} p={skp.pegawai} />
        {draft.penilai && !frozen ? (
          <ExternalPenilai value={draft.penilai} onChange={(penilai) => change({ penilai })} />
        ) : (
          <Identity title={t('skp.penilai')} p={skp.penilai} empty={t('skp.penilai.none')} />
        )}
        {!frozen ? (
          <div>
            <button type="button" className="small" onClick={() => void run(() => store.skps.refreshSnapshots(skp.id), () => t('skp.saved'))}>
              {t('skp.refresh')}
            </button>
          </div>
        ) : null}
      </section>

      <fieldset disabled={frozen || busy} className="plain-fieldset">
        <section className="card">
          <div className="grid-4">
            <label className="field">
              <span>{t('skp.pendekatan')}</span>
              <select name="pendekatan" value={draft.pendekatan} onChange={(e) => change({ pendekatan: e.target.value as SkpEditable['pendekatan'] })}>
                <option value="KUANTITATIF">{t('skp.pendekatan.KUANTITATIF')}</option>
                <option value="KUALITATIF">{t('skp.pendekatan.KUALITATIF')}</option>
              </select>
            </label>
            <label className="field">
              <span>{t('skp.jenis')}</span>
              <select name="jenis" value={draft.jenis} onChange={(e) => change({ jenis: e.target.value as SkpEditable['jenis'] })}>
                <option value="JA_JF">{t('skp.jenis.JA_JF')}</option>
                <option value="JPT">{t('skp.jenis.JPT')}</option>
              </select>
            </label>
            <label className="field">
              <span>{t('skp.mulai')}</span>
              <DateField name="mulai" value={draft.mulai} onChange={(mulai) => change({ mulai })} />
            </label>
            <label className="field">
              <span>{t('skp.selesai')}</span>
              <DateField name="selesai" value={draft.selesai} onChange={(selesai) => change({ selesai })} />
            </label>
          </div>
        </section>

        <section className="card">
          <h2>{t('skp.hasilKerja')}</h2>
          {groupedRhk(draft.rhk).map(({ group, items }) => (
            <div key={group} data-testid={`rhk-group-${group}`}>
              <h3>{t(`skp.group.${group}`)}</h3>
              {items.length === 0 ? <p className="muted">{t('skp.emptyGroup')}</p> : null}
              {items.map(({ no, rhk }) => {
                const chosen = rhk.intervensi ? `${rhk.intervensi.skpId}:${rhk.intervensi.rhkId}` : '';
                const known = options.some((o) => `${o.skpId}:${o.rhk.id}` === chosen);
                return (
                  <div key={rhk.id} className="rhk-card" data-testid="rhk-card">
                    <div className="rhk-head">
                      <strong>{t('skp.rhk', { no })}</strong>
                      <button type="button" className="link" onClick={() => change({ rhk: draft.rhk.filter((r) => r.id !== rhk.id) })}>
                        {t('skp.rhk.remove')}
                      </button>
                    </div>
                    <textarea aria-label={t('skp.rhk', { no })} rows={2} value={rhk.teks} onChange={(e) => setRhk(rhk.id, { teks: e.target.value })} />
                    <div className="grid-2 tight">
                      <label className="field">
                        <span>{t('skp.intervensi')}</span>
                        <select
                          value={chosen}
                          onChange={(e) => {
                            const o = options.find((x) => `${x.skpId}:${x.rhk.id}` === e.target.value);
                            setRhk(rhk.id, { intervensi: o ? { skpId: o.skpId, rhkId: o.rhk.id, teks: o.rhk.teks } : null });
                          }}
                        >
                          <option value="">{t('skp.intervensi.none')}</option>
                          {!known && rhk.intervensi ? <option value={chosen}>{rhk.intervensi.teks}</option> : null}
                          {options.map((o) => (
                            <option key={`${o.skpId}:${o.rhk.id}`} value={`${o.skpId}:${o.rhk.id}`}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                        {penilaiSkps && penilaiSkps.length === 0 && skp.penilai ? <span className="field-hint">{t('skp.intervensi.noAtasanSkp')}</span> : null}
                      </label>
                      {draft.jenis === 'JPT' ? (
                        <label className="field">
                          <span>{t('skp.perspektif')}</span>
                          <select value={rhk.perspektif} onChange={(e) => setRhk(rhk.id, { perspektif: e.target.value as Rhk['perspektif'] })}>
                            <option value="">{t('skp.perspektif.none')}</option>
                            {PERSPEKTIF.map((p) => (
                              <option key={p} value={p}>
                                {t(`skp.perspektif.${p}`)}
                              </option>
                            ))}
                          </select>
                        </label>
                      ) : draft.pendekatan === 'KUALITATIF' ? (
                        <label className="field">
                          <span>{t('skp.penugasanDari')}</span>
                          <input value={rhk.penugasanDari} onChange={(e) => setRhk(rhk.id, { penugasanDari: e.target.value })} />
                        </label>
                      ) : null}
                    </div>
                    <table className="ind-table">
                      <thead>
                        <tr>
                          <th>{draft.pendekatan === 'KUANTITATIF' ? t('skp.aspek') : ''}</th>
                          <th>{t('skp.indikator')}</th>
                          <th title={t('skp.target.hint')}>{t('skp.target')}</th>
                          <th />
                        </tr>
                      </thead>
                      <tbody>
                        {rhk.indikator.map((ind, j) => (
                          <tr key={ind.id} data-testid="indikator-row">
                            <td>
                              {draft.pendekatan === 'KUANTITATIF' ? (
                                <select aria-label={`${t('skp.aspek')} ${j + 1}`} value={ind.aspek} onChange={(e) => setInd(rhk, ind.id, { aspek: e.target.value as Indikator['aspek'] })}>
                                  <option value="">{t('skp.aspek.none')}</option>
                                  {ASPEK.map((a) => (
                                    <option key={a} value={a}>
                                      {t(`skp.aspek.${a}`)}
                                    </option>
                                  ))}
                                </select>
                              ) : null}
                            </td>
                            <td>
                              <input aria-label={`${t('skp.indikator')} ${j + 1}`} value={ind.teks} onChange={(e) => setInd(rhk, ind.id, { teks: e.target.value })} />
                            </td>
                            <td>
                              <input aria-label={`${t('skp.target')} ${j + 1}`} placeholder={t('skp.target.hint')} value={ind.target} onChange={(e) => setInd(rhk, ind.id, { target: e.target.value })} />
                            </td>
                            <td>
                              <button type="button" className="link" title={t('skp.removeIndikator')} aria-label={t('skp.removeIndikator')} onClick={() => setRhk(rhk.id, { indikator: rhk.indikator.filter((x) => x.id !== ind.id) })}>
                                ✕
                              </button>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                    <button
                      type="button"
                      className="small"
                      onClick={() => setRhk(rhk.id, { indikator: [...rhk.indikator, { id: crypto.randomUUID(), aspek: '', teks: '', target: '' }] })}
                    >
                      {t('skp.addIndikator')}
                    </button>
                  </div>
                );
              })}
              <button type="button" onClick={() => addRhk(group)}>
                {t(`skp.addRhk.${group}`)}
              </button>
            </div>
          ))}
        </section>

        <section className="card">
          <h2>{t('skp.perilaku')}</h2>
          {pack.berakhlak.map((v, i) => (
            <PerilakuRow key={v.code} no={i + 1} value={v}>
              <label className="field">
                <span>{t('skp.ekspektasi')}</span>
                <textarea rows={3} aria-label={`${t('skp.ekspektasi')} — ${v.nama}`} value={draft.ekspektasi[v.code] ?? ''} onChange={(e) => change({ ekspektasi: { ...draft.ekspektasi, [v.code]: e.target.value } })} />
              </label>
            </PerilakuRow>
          ))}
        </section>

        <section className="card">
          <h2>{t('skp.lampiran')}</h2>
          <div className="grid-3">
            {(['dukungan', 'skema', 'konsekuensi'] as const).map((k) => (
              <label key={k} className="field">
                <span>{t(`skp.lampiran.${k}`)}</span>
                <textarea rows={5} value={draft.lampiran[k].join('\n')} onChange={(e) => change({ lampiran: { ...draft.lampiran, [k]: e.target.value.split('\n') } })} />
                <span className="field-hint">{t('skp.lampiran.hint')}</span>
              </label>
            ))}
          </div>
        </section>
      </fieldset>

      <section className="card" data-testid="skp-issues">
        <h2>{t('skp.issues.title')}</h2>
        {issues.length === 0 ? (
          <p className="ok-text">{t('skp.issues.none')}</p>
        ) : (
          <ul className="issues">
            {issues.map((i, k) => (
              <li key={k}>{skpIssueText(t, i, skp.year)}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="card">
        <h2>{t('skp.history')}</h2>
        <DocHistory load={() => store.skps.history(skp.id)} deps={[store, skp.id]} testId="skp-history" />
      </section>

      {error ? <Notice kind="error">{error.text}</Notice> : null}
      <div className="action-bar">
        {!frozen ? (
          <button type="button" className="link" onClick={applyJabatan} disabled={busy}>
            {t('skp.applyJabatan')}
          </button>
        ) : null}
        <ToastSlot />
        <a className="button" href={href('cetak', 'SKP', skp.id)}>
          {t('cetak.open.SKP')}
        </a>
        {!frozen && dirty ? (
          <button type="button" onClick={() => void save()} disabled={busy}>
            {t('common.save')}
          </button>
        ) : null}
        {!readOnly && skp.status === 'DRAF' ? (
          <button type="button" className="primary" disabled={busy} onClick={() => void transition('AJUKAN')}>
            {t('skp.action.AJUKAN')}
          </button>
        ) : null}
        {!readOnly && skp.status === 'DIAJUKAN' ? (
          <>
            <button type="button" disabled={busy} onClick={() => reason.ask('KEMBALIKAN')}>
              {t('skp.action.KEMBALIKAN')}
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void transition('SETUJUI')}>
              {t('skp.action.SETUJUI')}
            </button>
          </>
        ) : null}
        {!readOnly && skp.status === 'DISETUJUI' ? (
          <button type="button" disabled={busy} onClick={() => reason.ask('BUKA_KEMBALI')}>
            {t('skp.action.BUKA_KEMBALI')}
          </button>
        ) : null}
      </div>
      {reason.dialog}
    </div>
  );
}

/** Empty lampiran lines come from typing; they are not items. */
function cleaned(d: Partial<SkpEditable>): Partial<SkpEditable> {
  if (!d.lampiran) return d;
  const trim = (xs: string[]) => xs.map((x) => x.trim()).filter(Boolean);
  return { ...d, lampiran: { dukungan: trim(d.lampiran.dukungan), skema: trim(d.lampiran.skema), konsekuensi: trim(d.lampiran.konsekuensi) } };
}
