import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../components/errors';
import { href, navigate } from '../../components/router';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { VirtualRows } from '../../components/VirtualRows';
import { formatTanggal, fromJsDate } from '../../domain/dates';
import { matchesQuery, parseSearchQuery } from '../../domain/pegawai';
import { isAfter, skpDeadline } from '../../domain/periods';
import type { Skp } from '../../domain/skp';
import type { SkpStatus } from '../../domain/workflow';
import { useAppraisedHere } from '../../components/useAppraisedHere';
import { useT } from '../../i18n/i18n';
import { UnitFilterSelect } from '../../components/UnitOptions';
import { useGateLoading } from '../../components/LoadGate';
import { usePegawaiData, type EmployeeRow } from '../../components/usePegawaiData';
import { BulkBar } from './BulkBar';

const ROW_HEIGHT = 48;
type StatusFilter = SkpStatus | 'NONE' | '';

interface Row extends EmployeeRow {
  skp: Skp | undefined;
  status: SkpStatus | 'NONE';
}

export function SkpList() {
  const t = useT();
  const { store, profile } = useApp();
  const year = profile.settings.activeYear;
  const data = usePegawaiData();
  const skps = useLiveQuery(() => store.skps.listByYear(year), [store, year]);
  const previousYearIds = useLiveQuery(async () => new Set((await store.skps.listByYear(year - 1)).map((s) => s.employeeId)), [store, year]);
  const [query, setQuery] = useState('');
  const [unitId, setUnitId] = useState('');
  const [status, setStatus] = useState<StatusFilter>('');
  const [error, setError] = useState<string | null>(null);
  // Ticked SKPs for Ajukan/Setujui at once (BulkBar).
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());

  const appraised = useAppraisedHere();
  const loaded = data.loaded && skps !== undefined && previousYearIds !== undefined && appraised !== undefined;
  // Shown once the SKPs are read: the deadline notice and the counts arriving later moved the list
  // and its buttons from under the pointer.
  useGateLoading(!loaded);
  const rows = useMemo(() => {
    // Until the SKPs are read, every row would wrongly offer "Buat SKP".
    if (!loaded) return [];
    const latest = new Map<string, Skp>();
    for (const s of skps ?? []) {
      const cur = latest.get(s.employeeId);
      if (!cur || s.mulai > cur.mulai) latest.set(s.employeeId, s);
    }
    return data.rows
      .filter((r) => r.e.aktif && appraised!(r.e.id))
      .map((r): Row => {
        const skp = latest.get(r.e.id);
        return { ...r, skp, status: skp?.status ?? 'NONE' };
      })
      .sort((a, b) => a.e.nama.localeCompare(b.e.nama, 'id'));
  }, [loaded, data.rows, skps, appraised]);

  const counts = { NONE: 0, DRAF: 0, DIAJUKAN: 0, DISETUJUI: 0 };
  for (const r of rows) counts[r.status]++;
  const q = parseSearchQuery(query);
  const visible = rows.filter((r) => (!unitId || r.e.unitId === unitId) && (!status || r.status === status) && matchesQuery(q, r.e.nip, r.text));
  const deadline = skpDeadline(year);
  const late = isAfter(fromJsDate(new Date()), deadline) ? rows.length - counts.DISETUJUI : 0;

  const tickable = visible.filter((r) => r.skp && (r.status === 'DRAF' || r.status === 'DIAJUKAN'));
  // An SKP that has been approved meanwhile drops out of the choice.
  const chosen = rows.flatMap((r) => (r.skp && ticked.has(r.skp.id) && (r.status === 'DRAF' || r.status === 'DIAJUKAN') ? [r.skp] : []));
  const allTicked = tickable.length > 0 && tickable.every((r) => ticked.has(r.skp!.id));
  const tick = (id: string, on: boolean) => setTicked((cur) => (on ? new Set([...cur, id]) : new Set([...cur].filter((x) => x !== id))));

  const act = async (fn: () => Promise<Skp>) => {
    setError(null);
    try {
      const skp = await fn();
      navigate('skp', skp.id);
    } catch (err) {
      setError(errorMessage(t, err));
    }
  };

  return (
    <div className="page page-full">
      <div className="page-head">
        <h1>{t('skp.title', { year })}</h1>
      </div>
      <p className="lead">{t('skp.intro', { deadline: formatTanggal(deadline) })}</p>
      {late > 0 ? <Notice kind="warning">{t('skp.deadlinePassed', { deadline: formatTanggal(deadline), count: late })}</Notice> : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      <div className="summary" data-testid="skp-summary">
        {(['NONE', 'DRAF', 'DIAJUKAN', 'DISETUJUI'] as const).map((s) => (
          <span key={s} className={`pill ${s === 'DISETUJUI' ? 'ok' : s === 'NONE' && counts.NONE > 0 ? 'warn' : 'plain'}`}>
            {s === 'NONE' ? t('skp.summary.none', { count: counts.NONE }) : t(`skp.summary.${s}`, { count: counts[s] })}
          </span>
        ))}
      </div>
      <div className="toolbar">
        <input type="search" className="search" aria-label={t('common.search')} placeholder={t('pegawai.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <UnitFilterSelect units={data.units} value={unitId} onChange={setUnitId} />
        <select aria-label={t('skp.filter.status')} value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
          <option value="">{t('skp.filter.status')}: {t('common.all')}</option>
          {(['NONE', 'DRAF', 'DIAJUKAN', 'DISETUJUI'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`skp.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <BulkBar chosen={chosen} nameOf={(skp) => skp.pegawai.nama} />
      <div className="grid-table skp-table" role="table">
        <div className="grid-row grid-head" role="row">
          <div role="columnheader">
            <input
              type="checkbox"
              aria-label={t('skp.bulk.all')}
              checked={allTicked}
              disabled={tickable.length === 0}
              onChange={(e) => setTicked(e.target.checked ? new Set(tickable.map((r) => r.skp!.id)) : new Set())}
            />
          </div>
          <div role="columnheader">{t('pegawai.col.nama')}</div>
          <div role="columnheader">{t('pegawai.col.jabatan')}</div>
          <div role="columnheader">{t('pegawai.col.unit')}</div>
          <div role="columnheader">{t('skp.col.status')}</div>
          <div role="columnheader" />
        </div>
        <VirtualRows
          count={visible.length}
          rowHeight={ROW_HEIGHT}
          attrs={{ 'data-testid': 'skp-list' }}
          empty={<p className="empty">{t('pegawai.noMatch')}</p>}
          renderRow={(index, style) => {
            const r = visible[index];
            if (!r) return null;
            return (
              <div key={r.e.id} role="row" className="grid-row" style={style} data-testid="skp-row">
                <div role="cell">
                  {r.skp ? (
                    <input
                      type="checkbox"
                      aria-label={t('skp.bulk.one', { nama: r.name })}
                      checked={ticked.has(r.skp.id) && r.status !== 'DISETUJUI'}
                      disabled={r.status === 'DISETUJUI'}
                      onChange={(e) => tick(r.skp!.id, e.target.checked)}
                    />
                  ) : null}
                </div>
                <div role="cell" className="name" title={r.name}>
                  {r.name}
                </div>
                <div role="cell" title={r.e.jabatan}>
                  {r.e.jabatan}
                </div>
                <div role="cell" title={r.e.unitId ? (data.unitById.get(r.e.unitId)?.nama ?? '') : ''}>
                  {r.e.unitId ? (data.unitById.get(r.e.unitId)?.nama ?? '') : ''}
                </div>
                <div role="cell">
                  <span className={`status status-${r.status}`}>{t(`skp.status.${r.status}`)}</span>
                </div>
                <div role="cell" className="row-actions">
                  {r.skp ? (
                    <a className="button small" href={href('skp', r.skp.id)}>
                      {t('skp.open')}
                    </a>
                  ) : (
                    <>
                      <button type="button" className="small" onClick={() => void act(() => store.skps.create(r.e.id, year))}>
                        {t('skp.create')}
                      </button>
                      {previousYearIds?.has(r.e.id) ? (
                        <button type="button" className="small" onClick={() => void act(() => store.skps.copyFromPrevious(r.e.id, year))}>
                          {t('skp.copy', { year: year - 1 })}
                        </button>
                      ) : null}
                    </>
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
