import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { href } from '../../app/router';
import { useApp } from '../../app/StoreContext';
import { fromJsDate } from '../../domain/dates';
import type { Employee } from '../../domain/pegawai';
import { printedName } from '../../domain/pegawai';
import { buildWorklist } from '../../domain/worklist';
import { buildUnitTree, flattenTree } from '../../domain/unit';
import { useT } from '../../i18n/i18n';
import { distributionWarningText } from '../penilaian/evalText';
import { periodKey, periodTitle } from '../../domain/periods';
import { useActivePack, useChosenPeriod } from '../penilaian/usePenilaianData';
import { PeriodSelect } from '../penilaian/PeriodSelect';
import type { PegawaiData } from '../pegawai/usePegawaiData';
import { UnitOptions } from '../pegawai/UnitOptions';

const SHOWN = 8;

/** What is left to do this year, for the whole office or one unit (issue #5 §9). */
export function Worklist({ data }: { data: PegawaiData }) {
  const t = useT();
  const { store, profile } = useApp();
  const year = profile.settings.activeYear;
  const pack = useActivePack();
  // The period chosen on any screen (Penilaian, Cetak…) is the one the worklist is about.
  const chosen = useChosenPeriod();
  const current = chosen.period;
  const [unitId, setUnitId] = useState('');
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const skps = useLiveQuery(() => store.skps.listByYear(year), [store, year]);
  const evaluations = useLiveQuery(() => store.evaluations.listByYear(year), [store, year]);
  const results = useLiveQuery(() => store.evaluations.unitResults(year), [store, year]);
  const work = useMemo(() => {
    if (!skps || !evaluations || !results || !data.loaded) return null;
    return buildWorklist({
      pack,
      year,
      today: fromJsDate(new Date()),
      currentPeriodId: current ? periodKey(current) : null,
      employees: data.employees,
      skps,
      evaluations: evaluations.map((e) => ({ ...e, pembinaan: e.rekomendasi.pembinaan })),
      unitResults: results,
      unitId: unitId || null,
    });
  }, [skps, evaluations, results, data, pack, year, current, unitId]);
  if (!work) return null;

  const people = (key: string, ids: string[], to: (e: Employee) => string) => {
    const list = ids.map((id) => data.employeeById.get(id)).filter((e): e is Employee => Boolean(e));
    const all = expanded.has(key);
    return (
      <ul className="names">
        {(all ? list : list.slice(0, SHOWN)).map((e) => (
          <li key={e.id}>
            <a href={to(e)}>{printedName(e)}</a>
          </li>
        ))}
        {list.length > SHOWN && !all ? (
          <li>
            <button type="button" className="link" onClick={() => setExpanded((cur) => new Set([...cur, key]))}>
              {t('home.work.more', { count: list.length - SHOWN })}
            </button>
          </li>
        ) : null}
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
          {work.noCapaian.map((id) => (
            <li key={id}>
              <a href={href('penilaian', 'distribusi')}>{unitName(id)}</a>
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'distribution',
      count: work.distribution.length,
      title: t('home.work.distribution', { count: work.distribution.length, periode }),
      body: (
        <ul className="names">
          {work.distribution.map((d) => (
            <li key={d.unitId}>
              <a href={href('penilaian', 'distribusi')}>{unitName(d.unitId)}</a>
              {d.justified ? ` (${t('home.work.justified')})` : ''}: {d.warnings.map((w) => distributionWarningText(t, pack, d.capaian, w)).join(' ')}
            </li>
          ))}
        </ul>
      ),
    },
    { key: 'poorFollowUp', count: work.poorFollowUp.length, title: t('home.work.poor', { count: work.poorFollowUp.length }), body: people('poorFollowUp', work.poorFollowUp, () => href('penilaian')) },
  ].filter((g) => g.count > 0);

  return (
    <section className="card" data-testid="worklist">
      <h2>{t('home.work.title', { year, periode })}</h2>
      <div className="toolbar">
        <PeriodSelect state={chosen} />
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
}
