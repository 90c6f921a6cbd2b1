import { groupTitle, scopeLineText } from '../../components/evalText';
import { useLiveQuery } from 'dexie-react-hooks';
import { href } from '../../components/router';
import { useApp } from '../../components/StoreContext';
import { distributionGroups, distributionScopeOf, notEvaluatedIn } from '../../domain/distributionScope';
import { printedName } from '../../domain/pegawai';
import { buildUnitTree, flattenTree } from '../../domain/unit';
import type { Evaluation } from '../../domain/evaluation';
import { useT } from '../../i18n/i18n';
import { CapaianSelect, GroupCard, type InheritedCapaian } from './GroupCard';
import { effectiveCapaian } from '../../domain/capaian';
import { PeriodSelect } from '../../components/PeriodSelect';
import { useActivePack, useChosenPeriod } from '../../components/usePenilaianData';
import { useLiveFor } from '../../components/useLiveFor';
import { useGateLoading } from '../../components/LoadGate';

/**
 * Capaian kinerja organisasi per unit and period, and the distribution check (§7) on the groups the
 * office chose in Pengaturan (the whole office, each unit with its sub-units, or each unit alone):
 * warnings are listed and a justification can be recorded; nothing is blocked.
 */
export function DistribusiScreen() {
  const t = useT();
  const { store, profile } = useApp();
  const year = profile.settings.activeYear;
  const scope = distributionScopeOf(profile.office);
  const pack = useActivePack();
  const chosen = useChosenPeriod();
  const { period, periodId: pid } = chosen;
  const units = useLiveQuery(() => store.units.list(), [store]);
  const evaluations = useLiveFor(pid, () => store.evaluations.listByPeriod(pid), [store]);
  const results = useLiveQuery(() => store.evaluations.unitResults(year), [store, year]);
  const employees = useLiveQuery(() => store.employees.listAll(), [store]);
  // Held behind the screen's gate until its reads answer: no loading line, then the screen.
  useGateLoading(!units || !evaluations || !results || !employees || !period);
  if (!units || !evaluations || !results || !employees || !period) return <p className="loading">{t('app.loading')}</p>;

  const placed = new Set(evaluations.map((e) => e.unitId));
  const shownUnits = units.filter((u) => u.aktif || placed.has(u.id));
  const groups = distributionGroups<Evaluation>(scope, shownUnits, evaluations);
  const resultOf = (unitId: string) => results.find((r) => r.unitId === unitId && r.periodId === pid);
  const top = groups[0]?.unit;
  const evaluated = new Set(evaluations.filter((e) => !e.deleted).map((e) => e.employeeId));
  const staff = employees.filter((e) => !e.deleted);
  const missingOf = (g: (typeof groups)[number]) =>
    notEvaluatedIn(scope, shownUnits, g, staff, evaluated)
      // By name without gelar, as every list sorts: "Drs. Asep" under A.
      .sort((a, b) => a.nama.localeCompare(b.nama, 'id'))
      .map((e) => ({ id: e.id, nama: printedName(e) }));
  const own = new Map(results.filter((r) => r.periodId === pid).map((r) => [r.unitId, r.capaian]));
  // What a unit without its own value follows (§7.6), named by the unit it is set on.
  const inheritedOf = (unitId: string): InheritedCapaian | undefined => {
    const e = effectiveCapaian(units.filter((u) => !u.deleted), own, unitId);
    const from = e.fromUnitId && e.fromUnitId !== unitId ? units.find((u) => u.id === e.fromUnitId) : undefined;
    return e.capaian && from ? { capaian: e.capaian, from: from.nama } : undefined;
  };

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
        <span className="muted" data-testid="dist-scope">
          {scopeLineText(t, scope)} <a href={href('pengaturan')}>{t('dist.scope.change')}</a>
        </span>
      </div>
      {groups.map((g) =>
        g.unit ? (
          <GroupCard
            // Results are read before the cards mount, so each card starts from the stored justification.
            key={`${g.key}:${pid}`}
            title={groupTitle(t, g.unit.nama, g.key === 'KANTOR')}
            unit={g.unit}
            depth={g.depth}
            pack={pack}
            periodId={pid}
            members={g.members}
            result={resultOf(g.unit.id)}
            inherited={inheritedOf(g.unit.id)}
            missing={missingOf(g)}
          />
        ) : null,
      )}
      {scope === 'KANTOR' && shownUnits.length > 1 ? (
        <section className="card" data-testid="unit-capaian">
          <h2>{t('dist.unitCapaian')}</h2>
          <p className="field-hint">{t('dist.unitCapaian.hint')}</p>
          <ul className="plain-list capaian-list">
            {flattenTree(buildUnitTree(shownUnits))
              .filter((n) => n.unit.id !== top?.id)
              .map(({ unit: u, depth }) => (
                <li key={`${u.id}:${pid}`} style={{ paddingLeft: Math.max(0, depth - 1) * 16 }}>
                  <CapaianSelect unit={u} pack={pack} periodId={pid} capaian={resultOf(u.id)?.capaian ?? ''} inherited={inheritedOf(u.id)} />
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
