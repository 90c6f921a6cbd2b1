import { useLiveQuery } from 'dexie-react-hooks';
import { href } from '../../components/router';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { printedName } from '../../domain/pegawai';
import { buildMatriks, groupedRhk, rhkLabel } from '../../domain/skp';
import { useT } from '../../i18n/i18n';
import { usePegawaiData } from '../../components/usePegawaiData';
import { useLiveFor } from '../../components/useLiveFor';
import { useGateLoading } from '../../components/LoadGate';

/** The supervisor's RHK across the top, subordinates down the side (§4.9). */
export function MatriksScreen({ id }: { id: string }) {
  const t = useT();
  const { store } = useApp();
  const data = usePegawaiData();
  const skp = useLiveFor(id, async () => (await store.skps.get(id)) ?? null, [store]);
  const yearSkps = useLiveQuery(async () => (skp ? await store.skps.listByYear(skp.year) : []), [store, skp?.year]);
  // Held behind the screen's gate until its reads answer: no loading line, then the screen.
  useGateLoading(skp === undefined || !yearSkps);
  if (skp === undefined || !yearSkps) return <p className="loading">{t('app.loading')}</p>;
  if (skp === null) return <div className="page"><Notice kind="error">{t('error.notFound')}</Notice></div>;

  const subordinates = data.employees
    .filter((e) => e.aktif && e.atasanId === skp.employeeId)
    .sort((a, b) => a.nama.localeCompare(b.nama, 'id'))
    .map((e) => ({
      employeeId: e.id,
      nama: printedName(e),
      jabatan: e.jabatan,
      skp: yearSkps.filter((s) => s.employeeId === e.id).sort((a, b) => b.mulai.localeCompare(a.mulai))[0] ?? null,
    }));
  const m = buildMatriks(skp, subordinates);
  const colLabel = new Map(groupedRhk(skp.rhk).flatMap((g) => g.items.map((it) => [it.rhk.id, rhkLabel(g.group, it.no)] as const)));

  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>{t('skp.matriks.title', { nama: skp.pegawai.nama })}</h1>
        <a className="button" href={href('skp', skp.id)}>
          {t('common.back')}
        </a>
      </div>
      <p className="lead">{t('skp.matriks.intro')}</p>
      {m.rows.length === 0 ? (
        <p className="muted">{t('skp.matriks.noBawahan')}</p>
      ) : (
        <table className="matriks" data-testid="matriks">
          <thead>
            <tr>
              <th>{t('skp.matriks.bawahan')}</th>
              {m.columns.map((c) => (
                <th key={c.id}>
                  {colLabel.get(c.id)} {c.teks}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.rows.map((r) => (
              <tr key={r.employeeId} className={r.tanpaCascading ? 'flag' : ''} data-testid="matriks-row">
                <td>
                  <strong>{r.nama}</strong>
                  <div className="muted">{r.jabatan}</div>
                  {r.skpId ? (
                    r.tanpaCascading ? <div className="muted-warn">{t('skp.matriks.noCascade')}</div> : null
                  ) : (
                    <div className="muted-warn">{t('skp.matriks.noSkp')}</div>
                  )}
                </td>
                {r.cells.map((c, i) => (
                  <td key={i} className={c.rhk.length ? '' : 'empty-cell'}>
                    {c.rhk.length ? c.rhk.map((x) => <div key={x.id}>{x.teks}</div>) : '×'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
