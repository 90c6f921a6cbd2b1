import { href } from '../../../components/router';
import type { Employee } from '../../../domain/pegawai';
import { printedName } from '../../../domain/pegawai';
import type { Unit } from '../../../domain/unit';
import { useT } from '../../../i18n/i18n';
import { LIST_ROWS, useShowAll, type Selection } from './ChartCard';

/** The employees behind a bar or a count, each opening their record. */
export function EmployeeListPanel({ selection, employees, units, onClose }: { selection: Selection; employees: ReadonlyMap<string, Employee>; units: readonly Unit[]; onClose(): void }) {
  const t = useT();
  const unitName = new Map(units.map((u) => [u.id, u.nama]));
  const list = [...new Set(selection.ids)].map((id) => employees.get(id)).filter((e): e is Employee => e !== undefined);
  const { shown, toggle } = useShowAll(list, LIST_ROWS);
  return (
    <section className="card" data-testid="dash-list" aria-live="polite">
      <div className="page-head">
        <h3>
          {selection.title} ({list.length})
        </h3>
        <span className="spacer" />
        <button type="button" className="small" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <ul className="plain-list">
        {shown.map((e) => (
          <li key={e.id}>
            <a href={href('pegawai', e.id)}>{printedName(e)}</a> <span className="muted">— {e.jabatan || '-'}, {(e.unitId && unitName.get(e.unitId)) || t('dash.noUnit')}</span>
          </li>
        ))}
      </ul>
      {toggle}
    </section>
  );
}
