import { memo, useMemo, useState } from 'react';
import { href } from '../../components/router';
import { useApp } from '../../components/StoreContext';
import { fromJsDate } from '../../domain/dates';
import type { Employee } from '../../domain/pegawai';
import { printedName } from '../../domain/pegawai';
import { distributionScopeOf } from '../../domain/distributionScope';
import { buildWorklist, type Worklist as WorklistData } from '../../domain/worklist';
import { useAppraisedHere } from '../../components/useAppraisedHere';
import { useGateLoading } from '../../components/LoadGate';
import { buildUnitTree, flattenTree } from '../../domain/unit';
import { useT } from '../../i18n/i18n';
import { distributionWarningText, groupTitle } from '../../components/evalText';
import { periodKey, periodTitle, type PeriodDef } from '../../domain/periods';
import { useActivePack } from '../../components/usePenilaianData';
import type { PegawaiData } from '../../components/usePegawaiData';
import { UnitOptions } from '../../components/UnitOptions';
import type { YearRecords } from './dasbor/useDashboard';

const SHOWN = 8;

/**
 * The year's pending work for the whole office ('') or one unit, for the period shown: the one
 * source of Beranda's worklist and of its first card's "nothing to fix".
 */
export function useWorklist(data: PegawaiData, current: PeriodDef | undefined, records: YearRecords | undefined, unitId: string): WorklistData | null {
  const { profile } = useApp();
  const year = profile.settings.activeYear;
  const scope = distributionScopeOf(profile.office);
  const pack = useActivePack();
  // On a penilai laptop: his appraisees' work, not his own SKP (his atasan's to set).
  const appraised = useAppraisedHere();
  useGateLoading(appraised === undefined);
  return useMemo(() => {
    if (!records || !data.loaded || !appraised) return null;
    const { skps, evaluations, unitResults: results } = records;
    return buildWorklist({
      pack,
      year,
      today: fromJsDate(new Date()),
      currentPeriodId: current ? periodKey(current) : null,
      employees: data.employees.filter((e) => appraised(e.id)),
      skps,
      evaluations: evaluations.map((e) => ({ ...e, pembinaan: e.rekomendasi.pembinaan })),
      unitResults: results,
      scope,
      units: data.units,
      unitId: unitId || null,
    });
  }, [records, data, pack, year, current, unitId, scope, appraised]);
}

/** What is left to do this year, for the whole office or one unit (issue #5 §9). */
export const Worklist = memo(function Worklist({ data, period: current, records, office }: { data: PegawaiData; period: PeriodDef | undefined; records: YearRecords | undefined; office: WorklistData | null }) {
  const t = useT();
  const { profile } = useApp();
  const year = profile.settings.activeYear;
  const pack = useActivePack();
  const [unitId, setUnitId] = useState('');
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  // The whole office's list is Beranda's (computed once for its first card too); one unit's is computed here.
  const ofUnit = useWorklist(data, current, unitId ? records : undefined, unitId);
  const work = unitId ? ofUnit : office;
  if (!work) return null;

  // Every list shows its first few and "dan N lainnya", which opens the rest.
  const capped = <T,>(key: string, list: readonly T[]): readonly T[] => (expanded.has(key) ? list : list.slice(0, SHOWN));
  const more = (key: string, length: number) =>
    length > SHOWN && !expanded.has(key) ? (
      <li>
        <button type="button" className="link" onClick={() => setExpanded((cur) => new Set([...cur, key]))}>
          {t('home.work.more', { count: length - SHOWN })}
        </button>
      </li>
    ) : null;
  const people = (key: string, ids: string[], to: (e: Employee) => string) => {
    const list = ids.map((id) => data.employeeById.get(id)).filter((e): e is Employee => Boolean(e));
    return (
      <ul className="names">
        {capped(key, list).map((e) => (
          <li key={e.id}>
            <a href={to(e)}>{printedName(e)}</a>
          </li>
        ))}
        {more(key, list.length)}
      </ul>
    );
  };
  const unitName = (id: string) => data.unitById.get(id)?.nama ?? '';
  const periode = current ? periodTitle(current) : '';
  const groups = [
    { key: 'noSkp', count: work.noSkp.length, title: t('home.work.noSkp', { count: work.noSkp.length, year }), body: people('noSkp', work.noSkp, () => href('skp')) },
    { key: 'skpLate', count: work.skpLate.length, title: t('home.work.skpLate', { count: work.skpLate.length }), body: people('skpLate', work.skpLate, () => href('skp')) },
    { key: 'notEvaluated', count: work.notEvaluated.length, title: t('home.work.notEvaluated', { count: work.notEvaluated.length, periode }), body: people('notEvaluated', work.notEvaluated, () => href('penilaian')) },
    {
      key: 'noCapaian',
      count: work.noCapaian.length,
      title: t('home.work.noCapaian', { count: work.noCapaian.length, periode }),
      body: (
        <ul className="names">
          {capped('noCapaian', work.noCapaian).map((id) => (
            <li key={id}>
              <a href={href('penilaian', 'distribusi')}>{unitName(id)}</a>
            </li>
          ))}
          {more('noCapaian', work.noCapaian.length)}
        </ul>
      ),
    },
    {
      key: 'distribution',
      count: work.distribution.length,
      title: t('home.work.distribution', { count: work.distribution.length, periode }),
      body: (
        <ul className="names">
          {capped('distribution', work.distribution).map((d) => (
            <li key={d.unitId}>
              <a href={href('penilaian', 'distribusi')}>{groupTitle(t, unitName(d.unitId), d.office)}</a>
              {d.justified ? ` (${t('home.work.justified')})` : ''}: {d.warnings.map((w) => distributionWarningText(t, pack, d.capaian, w)).join(' ')}
            </li>
          ))}
          {more('distribution', work.distribution.length)}
        </ul>
      ),
    },
    { key: 'poorFollowUp', count: work.poorFollowUp.length, title: t('home.work.poor', { count: work.poorFollowUp.length }), body: people('poorFollowUp', work.poorFollowUp, () => href('penilaian')) },
  ].filter((g) => g.count > 0);

  return (
    <section className="card" data-testid="worklist">
      <h2>{t('home.work.title', { year, periode })}</h2>
      <div className="toolbar">
        <select className="auto-width" aria-label={t('pegawai.filter.unit')} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          <option value="">{t('home.work.allUnits')}</option>
          <UnitOptions nodes={flattenTree(buildUnitTree(data.units.filter((u) => u.aktif)))} />
        </select>
      </div>
      {groups.length === 0 ? (
        <p className="ok-text">{t('home.work.empty')}</p>
      ) : (
        groups.map((g) => (
          <details key={g.key} className="work-group" data-testid={`work-${g.key}`} open={g.key === 'distribution' || g.key === 'poorFollowUp'}>
            <summary className="muted-warn">{g.title}</summary>
            {g.body}
          </details>
        ))
      )}
    </section>
  );
});
