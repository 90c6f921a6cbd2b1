import { useMemo, useState } from 'react';
import { errorMessage } from '../../components/errors';
import { usePerfMark } from '../../components/perf';
import { href } from '../../components/router';
import { EMPLOYEE_STATUSES, formatPangkatGolongan, GOLONGAN_PNS, GOLONGAN_PPPK, pangkatOf } from '../../domain/golongan';
import { formatNip } from '../../domain/nip';
import { JENIS_JABATAN, printedName } from '../../domain/pegawai';
import { OfficeSelect, useHeldOffices } from '../../components/OfficeSelect';
import { VirtualRows } from '../../components/VirtualRows';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { applyFilters, DEFAULT_FILTERS, type ListFilters, type Sort, type SortKey } from './listModel';
import { exportAndSave, useExportMeta } from '../../components/exportActions';
import { PegawaiTabs } from './PegawaiTabs';
import { UnitFilterSelect } from '../../components/UnitOptions';
import { useGateLoading } from '../../components/LoadGate';
import { usePegawaiData } from '../../components/usePegawaiData';

const ROW_HEIGHT = 48;
const COLUMNS: { key: SortKey | 'atasan'; label: MessageKey }[] = [
  { key: 'nama', label: 'pegawai.col.nama' },
  { key: 'nip', label: 'pegawai.col.nip' },
  { key: 'golongan', label: 'pegawai.col.golongan' },
  { key: 'jabatan', label: 'pegawai.col.jabatan' },
  { key: 'unit', label: 'pegawai.col.unit' },
  { key: 'atasan', label: 'pegawai.col.atasan' },
];

/** The code first, so it survives a narrow column: "III/b · Penata Muda Tk. I". */
function golonganCell(code: string): string {
  const pangkat = pangkatOf(code);
  if (!code) return '-';
  return pangkat ? `${code} · ${pangkat.replace('Tingkat I', 'Tk. I')}` : code;
}

export function PegawaiList() {
  const t = useT();
  const data = usePegawaiData();
  // The unit filter widens as the units arrive and pushed the filters beside it: shown once read.
  useGateLoading(!data.loaded);
  usePerfMark('kinerja-interactive', data.loaded);
  usePerfMark('pegawai-list-painted', data.loaded);
  const [filters, setFilters] = useState<ListFilters>(DEFAULT_FILTERS);
  const [sort, setSort] = useState<Sort>({ key: 'nama', dir: 1 });

  const unitName = useMemo(() => {
    const byId = data.unitById;
    return (id: string | null) => (id ? (byId.get(id)?.nama ?? '') : '');
  }, [data.unitById]);
  const meta = useExportMeta();
  const [exporting, setExporting] = useState(false);
  const visible = useMemo(() => applyFilters(data.rows, filters, sort, unitName), [data.rows, filters, sort, unitName]);
  // At a BKD the list holds several offices' employees: one of them can be chosen.
  const owners = useHeldOffices('employees', data.employees);

  const set = <K extends keyof ListFilters>(key: K, value: ListFilters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const toggleSort = (key: SortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === 1 ? -1 : 1 } : { key, dir: 1 }));

  return (
    <div className="page page-full">
      <div className="page-head">
        <h1>{t('pegawai.title')}</h1>
        <span className="spacer" />
        <button
          type="button"
          disabled={exporting || visible.length === 0}
          onClick={() => {
            setExporting(true);
            // Exactly the rows on screen: search, filters and sort included.
            exportAndSave({ kind: 'pegawai', list: visible.map((r) => r.e), all: data.employees, units: data.units, meta: meta() }, `pegawai-${new Date().toISOString().slice(0, 10)}.xlsx`, t('export.save'))
              .catch((err: unknown) => window.alert(errorMessage(t, err)))
              .finally(() => setExporting(false));
          }}
        >
          {exporting ? t('export.busy') : t('pegawai.export', { count: visible.length.toLocaleString('id-ID') })}
        </button>
        <a className="button primary" href={href('pegawai', 'baru')}>
          {t('pegawai.add')}
        </a>
      </div>
      <PegawaiTabs active="list" />
      <div className="toolbar">
        <input
          type="search"
          className="search"
          aria-label={t('common.search')}
          placeholder={t('pegawai.searchPlaceholder')}
          value={filters.query}
          onChange={(e) => set('query', e.target.value)}
          autoFocus
        />
        <OfficeSelect offices={owners} value={filters.office} onChange={(id) => set('office', id)} />
        <UnitFilterSelect units={data.units} value={filters.unitId} onChange={(id) => set('unitId', id)} />
        <select aria-label={t('pegawai.filter.golongan')} value={filters.golongan} onChange={(e) => set('golongan', e.target.value)}>
          <option value="">{t('pegawai.filter.golongan')}: {t('common.all')}</option>
          {[...GOLONGAN_PNS.map((g) => g.code), ...GOLONGAN_PPPK].map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
        <select aria-label={t('pegawai.filter.status')} value={filters.status} onChange={(e) => set('status', e.target.value as ListFilters['status'])}>
          <option value="">{t('pegawai.filter.status')}: {t('common.all')}</option>
          {EMPLOYEE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`pegawai.status.${s}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('pegawai.filter.jenisJabatan')}
          value={filters.jenisJabatan}
          onChange={(e) => set('jenisJabatan', e.target.value as ListFilters['jenisJabatan'])}
        >
          <option value="">{t('pegawai.filter.jenisJabatan')}: {t('common.all')}</option>
          {JENIS_JABATAN.map((j) => (
            <option key={j} value={j}>
              {t(`pegawai.jenisJabatan.${j}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('pegawai.filter.aktif')} value={filters.aktif} onChange={(e) => set('aktif', e.target.value as ListFilters['aktif'])}>
          <option value="aktif">{t('pegawai.filter.aktif.aktif')}</option>
          <option value="nonaktif">{t('pegawai.filter.aktif.nonaktif')}</option>
          <option value="semua">{t('pegawai.filter.aktif.semua')}</option>
        </select>
        <label className="check">
          <input type="checkbox" checked={filters.tanpaAtasan} onChange={(e) => set('tanpaAtasan', e.target.checked)} />
          {t('pegawai.filter.tanpaAtasan')}
        </label>
      </div>
      <p className="count" data-testid="pegawai-count">
        {t('pegawai.count', { shown: visible.length.toLocaleString('id-ID'), total: data.employees.length.toLocaleString('id-ID') })}
      </p>
      <div className="grid-table" role="table" aria-rowcount={visible.length + 1}>
        <div className="grid-row grid-head" role="row">
          {COLUMNS.map((c) =>
            c.key === 'atasan' ? (
              <div key={c.key} role="columnheader">
                {t(c.label)}
              </div>
            ) : (
              <div key={c.key} role="columnheader" aria-sort={sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                <button type="button" className="sort" onClick={() => toggleSort(c.key as SortKey)} title={t('pegawai.sortBy', { col: t(c.label) })}>
                  {t(c.label)} {sort.key === c.key ? (sort.dir === 1 ? '▲' : '▼') : ''}
                </button>
              </div>
            ),
          )}
        </div>
        <VirtualRows
          count={visible.length}
          rowHeight={ROW_HEIGHT}
          attrs={{ 'data-testid': 'pegawai-list', 'data-query': filters.query, 'data-shown': visible.length }}
          empty={data.loaded ? <p className="empty">{data.employees.length === 0 ? t('pegawai.empty') : t('pegawai.noMatch')}</p> : null}
          renderRow={(index, style) => {
            const row = visible[index];
            if (!row) return null;
            const { e } = row;
            const atasan = e.atasanId ? data.employeeById.get(e.atasanId) : undefined;
            return (
              <a key={e.id} role="row" className={`grid-row${e.aktif ? '' : ' inactive'}`} href={href('pegawai', e.id)} style={style} data-testid="pegawai-row">
                <div role="cell" className="name" title={row.name}>
                  {row.name}
                  {e.aktif ? null : <span className="badge">{t('pegawai.nonaktifBadge')}</span>}
                </div>
                <div role="cell" className="mono">
                  {formatNip(e.nip)}
                </div>
                <div role="cell" title={formatPangkatGolongan(e.golongan)}>
                  {golonganCell(e.golongan)}
                </div>
                <div role="cell" title={e.jabatan}>
                  {e.jabatan}
                </div>
                <div role="cell" title={unitName(e.unitId)}>
                  {unitName(e.unitId)}
                </div>
                <div role="cell" title={atasan ? printedName(atasan) : t('pegawai.tanpaAtasan')}>
                  {atasan ? printedName(atasan) : <span className="muted-warn">{t('pegawai.tanpaAtasan')}</span>}
                </div>
              </a>
            );
          }}
        />
      </div>
    </div>
  );
}
