import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { errorMessage } from '../../app/errors';
import { href } from '../../app/router';
import { useApp } from '../../app/StoreContext';
import { Notice } from '../../components/Field';
import { checkDistribution, countPredikat } from '../../domain/distribution';
import type { Evaluation, UnitResult } from '../../domain/evaluation';
import { CAPAIAN_ORGANISASI, PREDIKATS, type CapaianOrganisasi, type Predikat, type RulePack } from '../../domain/rulepack';
import { buildUnitTree, flattenTree, type Unit } from '../../domain/unit';
import { useT } from '../../i18n/i18n';
import { distributionRuleText } from './evalText';
import { DistributionWarnings } from './DistributionWarnings';
import { PeriodSelect } from './PeriodSelect';
import { useActivePack, useChosenPeriod } from './usePenilaianData';

/**
 * Capaian kinerja organisasi per unit and period, and the distribution check (§7): the
 * guideline's warnings are listed and a justification can be recorded; nothing is blocked.
 */
export function DistribusiScreen() {
  const t = useT();
  const { store, profile } = useApp();
  const year = profile.settings.activeYear;
  const pack = useActivePack();
  const chosen = useChosenPeriod();
  const { period, periodId: pid } = chosen;
  const units = useLiveQuery(() => store.units.list(), [store]);
  const evaluations = useLiveQuery(() => store.evaluations.listByPeriod(pid), [store, pid]);
  const results = useLiveQuery(() => store.evaluations.unitResults(year), [store, year]);
  if (!units || !evaluations || !results || !period) return <p className="loading">{t('app.loading')}</p>;

  const byUnit = new Map<string, Evaluation[]>();
  for (const ev of evaluations) if (ev.unitId) byUnit.set(ev.unitId, [...(byUnit.get(ev.unitId) ?? []), ev]);
  const shown = flattenTree(buildUnitTree(units.filter((u) => u.aktif || byUnit.has(u.id))));

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('dist.title', { year })}</h1>
        <span className="spacer" />
        <a className="button" href={href('penilaian')}>
          {t('common.back')}
        </a>
      </div>
      <p className="lead">{t('dist.intro')}</p>
      <div className="toolbar">
        <PeriodSelect state={chosen} />
      </div>
      {shown.map(({ unit, depth }) => (
        <UnitCard
          // Results are read before the cards mount, so each card starts from the stored justification.
          key={`${unit.id}:${pid}`}
          unit={unit}
          depth={depth}
          pack={pack}
          periodId={pid}
          evaluations={byUnit.get(unit.id) ?? []}
          result={results.find((r) => r.unitId === unit.id && r.periodId === pid)}
        />
      ))}
    </div>
  );
}

function UnitCard({ unit, depth, pack, periodId, evaluations, result }: { unit: Unit; depth: number; pack: RulePack; periodId: string; evaluations: Evaluation[]; result: UnitResult | undefined }) {
  const t = useT();
  const { store } = useApp();
  const capaian = result?.capaian ?? '';
  const [justifikasi, setJustifikasi] = useState(result?.justifikasi ?? '');
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const rated = evaluations.map((e) => e.predikat).filter((p): p is Predikat => p !== '');
  const counts = countPredikat(rated);
  const warnings = capaian ? checkDistribution(pack, capaian, rated) : [];
  const save = async (patch: { capaian?: CapaianOrganisasi | ''; justifikasi?: string }, done: string) => {
    try {
      await store.evaluations.setUnitResult(unit.id, periodId, patch);
      setMsg({ kind: 'success', text: done });
    } catch (err) {
      setMsg({ kind: 'error', text: errorMessage(t, err) });
    }
  };

  return (
    <section className="card dist-card" data-testid="dist-unit" data-unit={unit.nama} style={{ marginLeft: depth * 16 }}>
      <div className="page-head">
        <h2>{unit.nama}</h2>
        <span className="spacer" />
        <label className="inline-field">
          <span>{t('eval.capaian')}</span>
          <select aria-label={`${t('eval.capaian')} — ${unit.nama}`} value={capaian} onChange={(e) => void save({ capaian: e.target.value as CapaianOrganisasi | '' }, t('dist.capaian.saved'))}>
            <option value="">{t('dist.capaian.none')}</option>
            {CAPAIAN_ORGANISASI.map((c) => (
              <option key={c} value={c}>
                {pack.capaianLabels[c]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className="dist-table">
        <thead>
          <tr>
            {PREDIKATS.map((p) => (
              <th key={p}>{pack.predikatLabels[p]}</th>
            ))}
            <th>{t('dist.total')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            {PREDIKATS.map((p) => (
              <td key={p}>
                {counts[p]}
                {rated.length > 0 ? <span className="muted"> ({Math.round((counts[p] / rated.length) * 100)}%)</span> : null}
              </td>
            ))}
            <td>{t('dist.rated', { rated: rated.length, all: evaluations.length })}</td>
          </tr>
        </tbody>
      </table>
      {capaian ? (
        <p className="field-hint">
          {t('dist.guideline', { capaian: pack.capaianLabels[capaian] })} {pack.distribution[capaian].map((r) => distributionRuleText(t, pack, r)).join('; ')}.
        </p>
      ) : null}
      {!capaian && rated.length > 0 ? <Notice kind="warning">{t('dist.capaian.missing')}</Notice> : null}
      {warnings.length > 0 ? (
        <DistributionWarnings pack={pack} capaian={capaian} warnings={warnings} note={t('dist.warnOnly')} testId="dist-warnings" />
      ) : capaian && rated.length > 0 ? (
        <p className="ok-text">{t('dist.ok')}</p>
      ) : null}
      {warnings.length > 0 || result?.justifikasi ? (
        <div>
          <label className="field">
            <span>{t('dist.justifikasi')}</span>
            <textarea rows={2} aria-label={`${t('dist.justifikasi')} — ${unit.nama}`} value={justifikasi} onChange={(e) => setJustifikasi(e.target.value)} />
          </label>
          <button type="button" className="small" disabled={justifikasi.trim() === (result?.justifikasi ?? '')} onClick={() => void save({ justifikasi }, t('dist.justifikasi.saved'))}>
            {t('dist.justifikasi.save')}
          </button>
        </div>
      ) : null}
      {msg ? <Notice kind={msg.kind}>{msg.text}</Notice> : null}
    </section>
  );
}
