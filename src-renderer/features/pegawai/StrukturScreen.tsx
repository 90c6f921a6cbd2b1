import { useLiveQuery } from 'dexie-react-hooks';
import { href } from '../../components/router';
import { useApp } from '../../components/StoreContext';
import { externalPenilaiOf } from '../../domain/skp';
import { printedName, type Employee } from '../../domain/pegawai';
import { buildUnitTree, flattenTree } from '../../domain/unit';
import { useT } from '../../i18n/i18n';
import { PegawaiTabs } from './PegawaiTabs';
import { usePegawaiData } from '../../components/usePegawaiData';

/** Who appraises whom, unit by unit; what is missing is highlighted: the to-do list before SKP season. */
export function StrukturScreen() {
  const t = useT();
  const { store, profile } = useApp();
  const data = usePegawaiData();
  const year = profile.settings.activeYear;
  const external = externalPenilaiOf(useLiveQuery(() => store.skps.listByYear(year), [store, year]) ?? [], year);
  const active = data.employees.filter((e) => e.aktif);
  const nodes = flattenTree(buildUnitTree(data.units.filter((u) => u.aktif)));
  const byUnit = new Map<string | null, Employee[]>();
  for (const e of active) {
    const key = e.unitId && data.unitById.get(e.unitId)?.aktif ? e.unitId : null;
    byUnit.set(key, [...(byUnit.get(key) ?? []), e]);
  }
  const noAtasan = active.filter((e) => !e.atasanId && !external.has(e.id)).length;
  const noHead = nodes.filter((n) => !n.unit.headId).length;

  const member = (e: Employee, headId: string | null) => {
    const atasan = e.atasanId ? data.employeeById.get(e.atasanId) : undefined;
    const outside = external.get(e.id);
    return (
      <li key={e.id} className={atasan || outside ? '' : 'flag'} data-testid="struktur-member">
        <a href={href('pegawai', e.id)}>{printedName(e)}</a>
        {e.id === headId || !e.jabatan ? null : <span className="muted"> — {e.jabatan}</span>}
        <span className="muted"> · </span>
        {atasan ? (
          <span className="muted">{t('struktur.dinilaiOleh', { nama: printedName(atasan) })}</span>
        ) : outside ? (
          <span className="muted">{t('struktur.dinilaiOlehLuar', { nama: outside.nama, jabatan: outside.jabatan })}</span>
        ) : (
          <span className="muted-warn">{t('struktur.tanpaAtasan')}</span>
        )}
      </li>
    );
  };

  return (
    <div className="page">
      <h1>{t('pegawai.title')}</h1>
      <PegawaiTabs active="struktur" />
      <p className="lead">{t('struktur.intro')}</p>
      <div className="summary">
        <span className={noAtasan ? 'pill warn' : 'pill ok'} data-testid="struktur-no-atasan">
          {t('struktur.noAtasan', { count: noAtasan })}
        </span>
        <span className={noHead ? 'pill warn' : 'pill ok'} data-testid="struktur-no-head">
          {t('struktur.noHead', { count: noHead })}
        </span>
      </div>
      {nodes.map(({ unit, depth }) => {
        const head = unit.headId ? data.employeeById.get(unit.headId) : undefined;
        const members = (byUnit.get(unit.id) ?? []).sort((a, b) => (a.id === unit.headId ? -1 : b.id === unit.headId ? 1 : a.nama.localeCompare(b.nama, 'id')));
        return (
          <section key={unit.id} className={`card struktur-unit${head ? '' : ' flag'}`} style={{ marginLeft: depth * 24 }} data-testid="struktur-unit">
            <h2>{unit.nama}</h2>
            <p className={head ? 'muted' : 'muted-warn'}>{head ? t('struktur.head', { nama: printedName(head) }) : t('unit.noHead')}</p>
            {members.length === 0 ? <p className="muted">{t('struktur.noMembers')}</p> : <ul className="plain-list">{members.map((e) => member(e, unit.headId))}</ul>}
          </section>
        );
      })}
      {(byUnit.get(null) ?? []).length > 0 ? (
        <section className="card struktur-unit flag">
          <h2>{t('struktur.unplaced')}</h2>
          <ul className="plain-list">{(byUnit.get(null) ?? []).map((e) => member(e, null))}</ul>
        </section>
      ) : null}
    </div>
  );
}
