import { ToastSlot } from '../../components/Toast';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { errorMessage } from '../../components/errors';
import { href, useUnsavedGuard } from '../../components/router';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { RepoError } from '../../db/errors';
import type { JenjangJf } from '../../domain/pegawai';
import {
  CAPAIAN_ORGANISASI, PREDIKATS, RATINGS, type CapaianOrganisasi, type DistributionRule, type Rating, type RulePack, type RulePackIssue,
} from '../../domain/rulepack';
import { useT } from '../../i18n/i18n';
import { distributionRuleText } from '../../components/evalText';
import { MatrixTable } from '../../components/PredikatExplained';
import { useGateLoading } from '../../components/LoadGate';

/** Shares are stored as fractions and shown as percentages; 0.7 × 100 must read 70, not 70.00000000000001. */
const toPct = (x: number) => Math.round(x * 10000) / 100;
const fromPct = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')) / 100);
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));

/**
 * The active rule pack (§14.22): which regulation's tables are in force, and the tables an admin
 * may adjust without a new app release. Saving makes a new version; evaluations keep the version
 * they were made with.
 */
export function RulePackScreen() {
  const t = useT();
  const { store } = useApp();
  const active = useLiveQuery(() => store.rulePacks.active(), [store]);
  // Held behind the screen's gate until its reads answer: no loading line, then the screen.
  useGateLoading(!active);
  if (!active) return <p className="loading">{t('app.loading')}</p>;
  return <RulePackEditor key={active.version} active={active} />;
}

function RulePackEditor({ active }: { active: RulePack }) {
  const t = useT();
  const { store } = useApp();
  const [draft, setDraft] = useState<RulePack>(() => structuredClone(active));
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string; issues?: RulePackIssue[] } | null>(null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(active);
  useUnsavedGuard(dirty, t('common.unsaved'));
  const edit = (fn: (p: RulePack) => void) => {
    setDraft((d) => {
      const next = structuredClone(d);
      fn(next);
      return next;
    });
    setMsg(null);
  };
  const run = async (step: () => Promise<RulePack>) => {
    try {
      const saved = await step();
      setMsg({ kind: 'success', text: t('rules.saved', { version: saved.version }) });
    } catch (err) {
      setMsg({ kind: 'error', text: errorMessage(t, err), ...(err instanceof RepoError && err.code === 'rulePackInvalid' ? { issues: err.params.issues as RulePackIssue[] } : {}) });
    }
  };

  const labelInputs = <K extends 'predikatLabels' | 'ratingLabels' | 'capaianLabels'>(key: K, codes: readonly (keyof RulePack[K])[]) => (
    <div className="form">
      {codes.map((c) => (
        <label key={String(c)} className="field">
          <span className="mono small-code">{String(c)}</span>
          <input
            aria-label={`${t(`rules.${key}`)} ${String(c)}`}
            value={draft[key][c] as string}
            onChange={(e) => edit((p) => ((p[key] as Record<string, string>)[String(c)] = e.target.value))}
          />
        </label>
      ))}
    </div>
  );

  const shareOf = (r: DistributionRule) => (r.kind === 'dominant' ? r.maxShare : r.kind === 'atLeastOne' ? null : r.share);
  const setShare = (c: CapaianOrganisasi, i: number, value: number) =>
    edit((p) => {
      const r = p.distribution[c][i];
      if (!r) return;
      const next: DistributionRule = r.kind === 'dominant' ? { ...r, maxShare: value } : r.kind === 'atLeastOne' ? r : { ...r, share: value };
      p.distribution = { ...p.distribution, [c]: p.distribution[c].map((x, j) => (j === i ? next : x)) };
    });

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('rules.title')}</h1>
        <span className="spacer" />
        <a className="button" href={href('pengaturan')}>
          {t('common.back')}
        </a>
      </div>
      <p className="lead" data-testid="rules-active">
        {t('rules.active', { nama: active.nama, version: active.version })}
      </p>
      <Notice kind="info">{t('rules.intro')}</Notice>

      <section className="card">
        <h2>{t('rules.matrix')}</h2>
        <p className="field-hint">{t('rules.matrix.fixed')}</p>
        <MatrixTable pack={draft} />
      </section>

      <section className="card">
        <h2>{t('rules.labels')}</h2>
        <h3>{t('rules.predikatLabels')}</h3>
        {labelInputs('predikatLabels', PREDIKATS)}
        <h3>{t('rules.ratingLabels')}</h3>
        {labelInputs('ratingLabels', RATINGS)}
        <h3>{t('rules.capaianLabels')}</h3>
        {labelInputs('capaianLabels', CAPAIAN_ORGANISASI)}
      </section>

      <section className="card">
        <h2>{t('rules.distribution')}</h2>
        <table className="rules-table">
          <tbody>
            {CAPAIAN_ORGANISASI.map((c) =>
              draft.distribution[c].map((r, i) => {
                const share = shareOf(r);
                return (
                  <tr key={`${c}-${i}`}>
                    <th scope="row">{i === 0 ? draft.capaianLabels[c] : ''}</th>
                    <td>{distributionRuleText(t, draft, r)}</td>
                    <td>
                      {share !== null ? (
                        <input
                          className="narrow"
                          type="number"
                          min={0}
                          max={100}
                          step={1}
                          aria-label={`${draft.capaianLabels[c]} ${i + 1} (%)`}
                          value={Number.isNaN(share) ? '' : toPct(share)}
                          onChange={(e) => setShare(c, i, fromPct(e.target.value))}
                        />
                      ) : null}
                      {share !== null ? ' %' : ''}
                    </td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
        <div className="form">
          <label className="field">
            <span>{t('rules.rounding.min')}</span>
            <select value={draft.rounding.min} onChange={(e) => edit((p) => (p.rounding.min = e.target.value as RulePack['rounding']['min']))}>
              {(['ceil', 'round', 'floor'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`rules.rounding.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('rules.rounding.max')}</span>
            <select value={draft.rounding.max} onChange={(e) => edit((p) => (p.rounding.max = e.target.value as RulePack['rounding']['max']))}>
              {(['floor', 'round', 'ceil'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`rules.rounding.${m}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <h3>{t('rules.leaderRating')}</h3>
        <div className="form">
          {CAPAIAN_ORGANISASI.map((c) => (
            <label key={c} className="field">
              <span>{draft.capaianLabels[c]}</span>
              <select aria-label={`${t('rules.leaderRating')} ${draft.capaianLabels[c]}`} value={draft.leaderRating[c]} onChange={(e) => edit((p) => (p.leaderRating[c] = e.target.value as Rating))}>
                {RATINGS.map((r) => (
                  <option key={r} value={r}>
                    {draft.ratingLabels[r]}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      </section>

      <section className="card">
        <h2>{t('rules.angkaKredit')}</h2>
        <div className="columns">
          <div className="form">
            {PREDIKATS.map((p) => (
              <label key={p} className="field">
                <span>{t('rules.ak.conversion', { predikat: draft.predikatLabels[p] })}</span>
                <input type="number" min={0} step={5} aria-label={t('rules.ak.conversion', { predikat: draft.predikatLabels[p] })} value={Number.isNaN(draft.angkaKredit.conversion[p]) ? '' : toPct(draft.angkaKredit.conversion[p])} onChange={(e) => edit((x) => (x.angkaKredit.conversion[p] = fromPct(e.target.value)))} />
              </label>
            ))}
            <label className="field">
              <span>{t('rules.ak.cap')}</span>
              <input type="number" min={0} step={5} value={Number.isNaN(draft.angkaKredit.yearlyCap) ? '' : toPct(draft.angkaKredit.yearlyCap)} onChange={(e) => edit((x) => (x.angkaKredit.yearlyCap = fromPct(e.target.value)))} />
            </label>
          </div>
          <div className="form">
            {(Object.keys(draft.angkaKredit.coefficient) as JenjangJf[]).map((j) => (
              <label key={j} className="field">
                <span>{t('rules.ak.coefficient', { jenjang: t(`pegawai.jenjang.${j}`) })}</span>
                <input type="number" min={0} step={0.25} aria-label={t('rules.ak.coefficient', { jenjang: t(`pegawai.jenjang.${j}`) })} value={Number.isNaN(draft.angkaKredit.coefficient[j]) ? '' : draft.angkaKredit.coefficient[j]} onChange={(e) => edit((x) => (x.angkaKredit.coefficient[j] = num(e.target.value)))} />
              </label>
            ))}
          </div>
        </div>
        <h3>{t('rules.jp')}</h3>
        <div className="form">
          <label className="field">
            <span>{t('rules.jp.pns')}</span>
            <input type="number" min={0} value={Number.isNaN(draft.jamPelajaran.pnsMinimum) ? '' : draft.jamPelajaran.pnsMinimum} onChange={(e) => edit((x) => (x.jamPelajaran.pnsMinimum = num(e.target.value)))} />
          </label>
          <label className="field">
            <span>{t('rules.jp.pppk')}</span>
            <input type="number" min={0} value={Number.isNaN(draft.jamPelajaran.pppkMaximum) ? '' : draft.jamPelajaran.pppkMaximum} onChange={(e) => edit((x) => (x.jamPelajaran.pppkMaximum = num(e.target.value)))} />
          </label>
        </div>
      </section>

      <section className="card">
        <h2>{t('rules.berakhlak')}</h2>
        <ol>
          {draft.berakhlak.map((v) => (
            <li key={v.code}>
              <strong>{v.nama}</strong> — {v.makna}
              <ul>
                {v.panduan.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>

      {msg ? (
        <Notice kind={msg.kind}>
          {msg.text}
          {msg.issues ? (
            <ul>
              {msg.issues.map((i) => (
                <li key={i.path}>{t(`rules.issue.${i.code}`, { path: i.path })}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      <div className="action-bar">
        <button type="button" className="link" onClick={() => window.confirm(t('rules.reset.confirm')) && void run(() => store.rulePacks.resetToBuiltIn())}>
          {t('rules.reset')}
        </button>
        <ToastSlot />
        <button type="button" className="primary" disabled={!dirty} onClick={() => void run(() => store.rulePacks.saveAdjusted(draft))}>
          {t('rules.save')}
        </button>
      </div>
    </div>
  );
}
