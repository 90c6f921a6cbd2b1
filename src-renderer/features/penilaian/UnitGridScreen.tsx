import { UnitFinalise } from './UnitFinalise';
import { effectiveCapaian } from '../../domain/capaian';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { errorMessage } from '../../components/errors';
import { href } from '../../components/router';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { countPredikat } from '../../domain/distribution';
import { checkGroup, distributionScopeOf, groupOfUnit } from '../../domain/distributionScope';
import { PREDIKATS, type CapaianOrganisasi, type Predikat, type Rating } from '../../domain/rulepack';
import { buildUnitTree, flattenTree } from '../../domain/unit';
import { employeesInScope, skpOf } from '../../exchange/skpTemplate';
import { useT } from '../../i18n/i18n';
import { UnitOptions } from '../../components/UnitOptions';
import { DistributionWarnings } from '../../components/DistributionWarnings';
import { PeriodSelect } from '../../components/PeriodSelect';
import { UnitGridRow, type GridRowData } from './UnitGridRow';
import { useActivePack, useChosenPeriod } from '../../components/usePenilaianData';
import { useLiveFor } from '../../components/useLiveFor';
import { useGateLoading } from '../../components/LoadGate';

/**
 * "Nilai satu unit": every employee of a unit (and its sub-units) for a period on one screen, rated
 * with the keyboard, the predikat shown as the ratings are chosen, and the unit's spread against the
 * guideline above the table, so an appraiser does not open fifteen editors.
 */
export function UnitGridScreen() {
  const t = useT();
  const { store, profile } = useApp();
  const year = profile.settings.activeYear;
  const pack = useActivePack();
  const scope = distributionScopeOf(profile.office);
  const chosen = useChosenPeriod();
  const pid = chosen.periodId;
  const units = useLiveQuery(() => store.units.list(), [store]);
  const employees = useLiveQuery(() => store.employees.listAll(), [store]);
  const skps = useLiveQuery(() => store.skps.listByYear(year), [store, year]);
  const evaluations = useLiveFor(pid, () => store.evaluations.listByPeriod(pid), [store]);
  const [unitId, setUnitId] = useState('');
  const results = useLiveQuery(() => store.evaluations.unitResults(year), [store, year]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Held behind the screen's gate until its reads answer: no loading line, then the screen.
  useGateLoading(!units || !employees || !skps || !evaluations || !results || !chosen.period);
  if (!units || !employees || !skps || !evaluations || !results || !chosen.period) return <p className="loading">{t('app.loading')}</p>;

  const live = units.filter((u) => !u.deleted);
  const tree = flattenTree(buildUnitTree(live.filter((u) => u.aktif)));
  const current = unitId || tree[0]?.unit.id || '';
  const rows: GridRowData[] = employeesInScope(employees, live, current || null).flatMap((e) => {
    const skp = skpOf(skps, e.id, year);
    return skp && skp.status === 'DISETUJUI' ? [{ e, skp, evaluation: evaluations.find((ev) => ev.skpId === skp.id) }] : [];
  });
  const rated = evaluations.filter((ev) => ev.unitId === current).map((ev) => ev.predikat).filter((p): p is Predikat => p !== '');
  const counts = countPredikat(rated);
  // A unit without its own capaian follows the one set above it (§7.6).
  const own = new Map(results.filter((r) => r.periodId === pid).map((r) => [r.unitId, r.capaian]));
  const capaian: CapaianOrganisasi | '' = current ? effectiveCapaian(live, own, current).capaian : '';
  // The guideline judges the group this unit belongs to under the office's scope (§7.4), not
  // necessarily the unit alone: under "seluruh kantor" a 3-person seksi is not warned on its own.
  const group = current ? groupOfUnit(scope, live, evaluations, current) : undefined;
  const groupCapaian = group?.unit ? effectiveCapaian(live, own, group.unit.id).capaian : '';
  const check = group ? checkGroup(pack, groupCapaian, group.members) : null;
  const warnings = check?.state === 'checked' ? check.warnings : [];

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  const rate = (row: GridRowData, field: 'ratingHasil' | 'ratingPerilaku', value: Rating | '') =>
    void act(async () => {
      // Rating someone not started yet starts the evaluation, as "Nilai" would.
      const ev = row.evaluation ?? (await store.evaluations.start(row.skp.id, pid));
      // One field, read against the row as the person saw it (a rating that arrived is not reverted).
      await store.evaluations.save(ev.id, { [field]: value }, { seen: ev, paths: [field] });
    });
  const finalise = (row: GridRowData) => void act(() => store.evaluations.transition(row.evaluation!.id, 'FINALKAN'));

  return (
    <div className="page page-full">
      <div className="page-head">
        <h1>{t('grid.title', { year })}</h1>
        <span className="spacer" />
        <a className="button" href={href('penilaian')}>
          {t('common.back')}
        </a>
      </div>
      <div className="toolbar">
        <PeriodSelect state={chosen} />
        <label className="inline-field">
          <span>{t('pegawai.col.unit')}</span>
          <select aria-label={t('pegawai.col.unit')} value={current} onChange={(e) => setUnitId(e.target.value)}>
            <UnitOptions nodes={tree} />
          </select>
        </label>
      </div>
      <p className="field-hint">{t('grid.keys')}</p>
      {rows.length > 0 ? <UnitFinalise key={`${current}:${pid}`} rows={rows} unitNama={live.find((u) => u.id === current)?.nama ?? ''} /> : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      <div className="summary" data-testid="grid-summary">
        {PREDIKATS.map((p) => (
          <span key={p} className="pill plain">
            {pack.predikatLabels[p]}: {counts[p]}
          </span>
        ))}
        <span className="pill plain">{capaian ? t('grid.capaian', { capaian: pack.capaianLabels[capaian] }) : t('grid.capaian.none')}</span>
      </div>
      <DistributionWarnings pack={pack} capaian={groupCapaian} warnings={warnings} note={group?.key === 'KANTOR' ? t('grid.officeGroup', { unit: group.unit?.nama ?? '' }) : undefined} testId="grid-warnings" />
      {rows.length === 0 ? <p className="empty">{t('grid.empty')}</p> : null}
      <table className="grid-rate" data-testid="unit-grid" hidden={rows.length === 0}>
        <thead>
          <tr>
            <th>{t('pegawai.col.nama')}</th>
            <th>{t('grid.col.realisasi')}</th>
            <th>{t('eval.ratingHasil')}</th>
            <th>{t('eval.ratingPerilaku')}</th>
            <th>{t('eval.col.predikat')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <UnitGridRow key={row.e.id} row={row} index={i} pack={pack} busy={busy} onRate={rate} onFinal={finalise} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
