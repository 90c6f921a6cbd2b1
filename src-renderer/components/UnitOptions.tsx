import { buildUnitTree, flattenTree, type Unit, type UnitNode } from '../domain/unit';
import { useT } from '../i18n/i18n';

/** `<option>`s for a unit tree, indented by depth (a select cannot nest). */
export function UnitOptions({ nodes }: { nodes: readonly UnitNode[] }) {
  return (
    <>
      {nodes.map((n) => (
        <option key={n.unit.id} value={n.unit.id}>
          {'\u00a0\u00a0'.repeat(n.depth)}
          {n.unit.nama}
        </option>
      ))}
    </>
  );
}

/**
 * "Unit kerja: Semua" and every unit in the office's own order (urutan, sub-units under their parent):
 * the unit filter of the SKP, Penilaian and Cetak screens.
 */
export function UnitFilterSelect({ units, value, onChange, disabled }: { units: readonly Unit[]; value: string; onChange(unitId: string): void; disabled?: boolean }) {
  const t = useT();
  return (
    <select aria-label={t('pegawai.filter.unit')} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
      <option value="">
        {t('pegawai.filter.unit')}: {t('common.all')}
      </option>
      <UnitOptions nodes={flattenTree(buildUnitTree(units))} />
    </select>
  );
}
