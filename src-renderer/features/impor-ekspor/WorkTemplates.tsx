import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useApp } from '../../components/StoreContext';
import { buildUnitTree, flattenTree } from '../../domain/unit';
import { unitChoices } from '../../exchange/pegawaiImport';
import { employeesInScope } from '../../exchange/skpTemplate';
import type { ExportRequest } from '../../jobs/exportClient';
import { useT } from '../../i18n/i18n';
import { safeFileName } from '../../domain/fileNames';
import { useExportMeta } from '../../components/exportActions';
import { PeriodSelect } from '../../components/PeriodSelect';
import { useChosenPeriod } from '../../components/usePenilaianData';

/**
 * The appraisal work done in Excel, for a unit (with its sub-units) or the whole office: the SKP
 * template of the active year and the lembar penilaian of a period, each pre-filled, for a kasi to
 * fill and send back.
 */
export function WorkTemplates({ busy, run }: { busy: boolean; run: (make: () => Promise<{ req: ExportRequest; file: string }>) => void }) {
  const t = useT();
  const { store, profile } = useApp();
  const year = profile.settings.activeYear;
  const meta = useExportMeta();
  const [unitId, setUnitId] = useState('');
  const units = useLiveQuery(() => store.units.list(), [store]) ?? [];
  const tree = flattenTree(buildUnitTree(units.filter((u) => !u.deleted && u.aktif)));
  const chosen = useChosenPeriod();
  const makeLembar = async () => {
    const period = chosen.period!;
    const [employees, skps, evaluations, pack] = await Promise.all([store.employees.listAll(), store.skps.listByYear(year), store.evaluations.listByPeriod(chosen.periodId), store.rulePacks.active()]);
    const unitName = units.find((u) => u.id === unitId)?.nama ?? profile.office.namaKantor;
    return {
      req: {
        kind: 'lembar' as const,
        lembar: {
          meta: { ...meta(), kind: 'realisasi' as const, year, periodId: chosen.periodId, ...(unitId ? { unitId } : {}) },
          period,
          employees,
          units,
          skps,
          evaluations,
          unitNames: unitChoices(units),
          pack,
        },
      },
      file: safeFileName(`lembar-penilaian-${chosen.periodId.toLowerCase()}-${unitName}.xlsx`),
    };
  };
  const make = async () => {
    const [employees, skps, pack] = await Promise.all([store.employees.listAll(), store.skps.listByYear(year), store.rulePacks.active()]);
    const scope = employeesInScope(employees, units, unitId || null);
    const unitName = units.find((u) => u.id === unitId)?.nama ?? profile.office.namaKantor;
    return {
      req: {
        kind: 'skp' as const,
        template: { meta: { ...meta(), kind: 'skp' as const, year, ...(unitId ? { unitId } : {}) }, employees: scope, skps, unitNames: unitChoices(units), berakhlak: pack.berakhlak },
      },
      file: safeFileName(`templat-skp-${year}-${unitName}.xlsx`),
    };
  };
  return (
    <div className="inline-add" data-testid="work-templates">
      <label className="inline-field">
        <span>{t('export.skp.unit')}</span>
        <select value={unitId} onChange={(e) => setUnitId(e.target.value)} aria-label={t('export.skp.unit')}>
          <option value="">{t('export.skp.allUnits')}</option>
          {tree.map((n) => (
            <option key={n.unit.id} value={n.unit.id}>
              {'\u00a0\u00a0'.repeat(n.depth)}
              {n.unit.nama}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={busy} onClick={() => run(make)}>
        {t('export.skp', { year })}
      </button>
      <PeriodSelect state={chosen} />
      <button type="button" disabled={busy || !chosen.period} onClick={() => run(makeLembar)}>
        {t('export.lembar')}
      </button>
    </div>
  );
}
