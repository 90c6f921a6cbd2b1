import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../components/errors';
import { href, navigate } from '../../components/router';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { VirtualRows } from '../../components/VirtualRows';
import type { Evaluation } from '../../domain/evaluation';
import { matchesQuery, parseSearchQuery } from '../../domain/pegawai';
import { toIsoRange } from '../../domain/periods';
import type { Skp } from '../../domain/skp';
import { useAppraisedHere } from '../../components/useAppraisedHere';
import { useT } from '../../i18n/i18n';
import { UnitFilterSelect } from '../../components/UnitOptions';
import { usePegawaiData, type EmployeeRow } from '../../components/usePegawaiData';
import { PeriodSelect } from '../../components/PeriodSelect';
import { useActivePack, useChosenPeriod } from '../../components/usePenilaianData';
import { useGateLoading } from '../../components/LoadGate';
import { useLiveFor } from '../../components/useLiveFor';

const ROW_HEIGHT = 48;
type RowState = 'NO_SKP' | 'SKP_NOT_APPROVED' | 'NOT_STARTED' | 'DRAF' | 'FINAL';

interface Row extends EmployeeRow {
  skp: Skp | undefined;
  evaluation: Evaluation | undefined;
  state: RowState;
}

/** Employees of the active year with the state of their evaluation in the chosen period. */
export function PenilaianList() {
  const t = useT();
  const { store, profile } = useApp();
  const year = profile.settings.activeYear;
  const pack = useActivePack();
  const data = usePegawaiData();
  const chosen = useChosenPeriod();
  const { period, periodId: pid } = chosen;
  const skps = useLiveQuery(() => store.skps.listByYear(year), [store, year]);
  const evaluations = useLiveFor(pid, () => store.evaluations.listByPeriod(pid), [store]);
  // The period and unit pickers widen as their lists arrive: the screen is shown once they are read.
  useGateLoading(!data.loaded || skps === undefined || !chosen.loaded || (period !== undefined && evaluations === undefined));
  const [query, setQuery] = useState('');
  const [unitId, setUnitId] = useState('');
  const [state, setState] = useState<RowState | ''>('');
  const [error, setError] = useState<string | null>(null);

  const appraised = useAppraisedHere();
  const loaded = data.loaded && skps !== undefined && evaluations !== undefined && period !== undefined && appraised !== undefined;
  const rows = useMemo(() => {
    if (!loaded || !period) return [];
    const range = toIsoRange(period);
    // The SKP that covers the period (someone who changed position has more than one).
    const skpOf = new Map<string, Skp>();
    for (const s of skps ?? []) {
      if (s.selesai < range.mulai || s.mulai > range.selesai) continue;
      const cur = skpOf.get(s.employeeId);
      if (!cur || s.mulai > cur.mulai) skpOf.set(s.employeeId, s);
    }
    const evalOf = new Map((evaluations ?? []).map((e) => [e.skpId, e]));
    return data.rows
      .filter((r) => r.e.aktif && appraised!(r.e.id))
      .map((r): Row => {
        const skp = skpOf.get(r.e.id);
        const evaluation = skp ? evalOf.get(skp.id) : undefined;
        const state: RowState = !skp ? 'NO_SKP' : skp.status !== 'DISETUJUI' ? 'SKP_NOT_APPROVED' : !evaluation ? 'NOT_STARTED' : evaluation.status;
        return { ...r, skp, evaluation, state };
      })
      .sort((a, b) => a.e.nama.localeCompare(b.e.nama, 'id'));
  }, [loaded, period, skps, evaluations, data.rows, appraised]);

  const counts: Record<RowState, number> = { NO_SKP: 0, SKP_NOT_APPROVED: 0, NOT_STARTED: 0, DRAF: 0, FINAL: 0 };
  for (const r of rows) counts[r.state]++;
  const q = parseSearchQuery(query);
  const visible = rows.filter((r) => (!unitId || r.e.unitId === unitId) && (!state || r.state === state) && matchesQuery(q, r.e.nip, r.text));

  const start = async (skp: Skp) => {
    setError(null);
    try {
      const ev = await store.evaluations.start(skp.id, pid);
      navigate('penilaian', ev.id);
    } catch (err) {
      setError(errorMessage(t, err));
    }
  };

  return (
    <div className="page page-full">
      <div className="page-head">
        <h1>{t('eval.title', { year })}</h1>
        <span className="spacer" />
        <a className="button" href={href('penilaian', 'unit')}>
          {t('grid.open')}
        </a>
        <a className="button" href={href('penilaian', 'distribusi')}>
          {t('eval.distribusi.open')}
        </a>
      </div>
      <p className="lead">{t('eval.intro')}</p>
      <div className="toolbar">
        <PeriodSelect state={chosen} />
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <div className="summary" data-testid="eval-summary">
        {(['FINAL', 'DRAF', 'NOT_STARTED', 'SKP_NOT_APPROVED', 'NO_SKP'] as const).map((s) => (
          <span key={s} className={`pill ${s === 'FINAL' ? 'ok' : counts[s] > 0 && s !== 'DRAF' ? 'warn' : 'plain'}`}>
            {t(`eval.summary.${s}`, { count: counts[s] })}
          </span>
        ))}
      </div>
      <div className="toolbar">
        <input type="search" className="search" aria-label={t('common.search')} placeholder={t('pegawai.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <UnitFilterSelect units={data.units} value={unitId} onChange={setUnitId} />
        <select aria-label={t('eval.filter.state')} value={state} onChange={(e) => setState(e.target.value as RowState | '')}>
          <option value="">{t('eval.filter.state')}: {t('common.all')}</option>
          {(['NO_SKP', 'SKP_NOT_APPROVED', 'NOT_STARTED', 'DRAF', 'FINAL'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`eval.state.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="grid-table eval-table" role="table">
        <div className="grid-row grid-head" role="row">
          <div role="columnheader">{t('pegawai.col.nama')}</div>
          <div role="columnheader">{t('pegawai.col.unit')}</div>
          <div role="columnheader">{t('eval.col.state')}</div>
          <div role="columnheader">{t('eval.col.predikat')}</div>
          <div role="columnheader" />
        </div>
        <VirtualRows
          count={visible.length}
          rowHeight={ROW_HEIGHT}
          attrs={{ 'data-testid': 'eval-list' }}
          empty={loaded ? <p className="empty">{t('pegawai.noMatch')}</p> : null}
          renderRow={(index, style) => {
            const r = visible[index];
            if (!r) return null;
            return (
              <div key={r.e.id} role="row" className="grid-row" style={style} data-testid="eval-row">
                <div role="cell" className="name" title={`${r.name} — ${r.e.jabatan}`}>
                  {r.name}
                </div>
                <div role="cell" title={r.e.unitId ? (data.unitById.get(r.e.unitId)?.nama ?? '') : ''}>
                  {r.e.unitId ? (data.unitById.get(r.e.unitId)?.nama ?? '') : ''}
                </div>
                <div role="cell">
                  <span className={`status status-${r.state}`}>{t(`eval.state.${r.state}`)}</span>
                </div>
                <div role="cell">{r.evaluation?.predikat ? pack.predikatLabels[r.evaluation.predikat] : '—'}</div>
                <div role="cell" className="row-actions">
                  {r.evaluation ? (
                    <a className="button small" href={href('penilaian', r.evaluation.id)}>
                      {t('eval.open')}
                    </a>
                  ) : r.state === 'NOT_STARTED' && r.skp ? (
                    <button type="button" className="small" onClick={() => void start(r.skp!)}>
                      {t('eval.start')}
                    </button>
                  ) : r.skp ? (
                    <a className="button small" href={href('skp', r.skp.id)}>
                      {t('eval.openSkp')}
                    </a>
                  ) : (
                    <a className="button small" href={href('skp')}>
                      {t('eval.makeSkp')}
                    </a>
                  )}
                </div>
              </div>
            );
          }}
        />
      </div>
    </div>
  );
}
