import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { AppraiserRow } from '../../../domain/appraiserSpread';
import { APPRAISER_MARKING } from '../../../domain/appraiserSpread';
import { PREDIKATS, type RulePack } from '../../../domain/rulepack';
import { useT } from '../../../i18n/i18n';
import { PREDIKAT_COLORS } from '../../../print/palette';
import { HeadRow } from '../../../components/HeadRow';
import { ChartCard, CountButton, PredikatHead, useShowAll, type Selection } from './ChartCard';

const fmt = (x: number) => (Number.isFinite(x) ? x.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : '–');

/**
 * Each pejabat penilai's average predikat (5 = Sangat Baik … 1 = Sangat Kurang) against the
 * office's, those far from it marked as a prompt for a conversation (domain/appraiserSpread.ts).
 */
export function AppraiserPanel({ rows: all, pack, withoutPenilai, onSelect }: { rows: readonly AppraiserRow[]; pack: RulePack; withoutPenilai: number; onSelect(s: Selection): void }) {
  const t = useT();
  // Marked appraisers first, so the ones worth a conversation are never behind "show all".
  const ordered = useMemo(() => [...all].sort((a, b) => Number(!!b.mark) - Number(!!a.mark)), [all]);
  const { shown: rows, toggle } = useShowAll(ordered);
  const officeMean = all[0]?.officeMean ?? Number.NaN;
  const data = rows.map((r) => ({ nama: r.nama, mean: Number(r.mean.toFixed(2)), mark: r.mark }));
  const open = (r: AppraiserRow) => onSelect({ title: t('dash.appraiser.list', { nama: r.nama }), ids: r.employeeIds });
  return (
    <ChartCard
      title={t('dash.appraiser')}
      testId="dash-appraiser"
      empty={all.length === 0 ? t('dash.appraiser.empty') : ''}
      footer={toggle}
      chart={
        <ResponsiveContainer width="100%" height={Math.max(134, 28 * rows.length + 54)}>
          <BarChart data={data} layout="vertical" margin={{ top: 18, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} interval={0} tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="nama" width={150} interval={0} tick={{ fontSize: 11 }} />
            <ReferenceLine x={officeMean} stroke="#333" strokeDasharray="4 2" label={{ value: t('dash.appraiser.office'), fontSize: 10, position: 'top' }} />
            <Bar dataKey="mean" name={t('dash.appraiser.mean')} isAnimationActive={false} cursor="pointer" onClick={(_, i) => open(rows[i]!)}>
              {data.map((d, i) => (
                <Cell key={i} fill={d.mark === 'LONGGAR' ? PREDIKAT_COLORS.SANGAT_BAIK : d.mark === 'KETAT' ? PREDIKAT_COLORS.KURANG_MISCONDUCT : '#9aa5b1'} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <>
          <table className="compact">
            <HeadRow cells={[t('dash.appraiser.name'), t('dash.appraiser.n'), ...PREDIKATS.map((p) => <PredikatHead key={p} pack={pack} predikat={p} />), t('dash.appraiser.mean'), t('dash.appraiser.note')]} />
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} data-testid="appraiser-row" data-mark={r.mark ?? ''} className={r.mark ? 'flag' : undefined}>
                  <td>{r.nama}</td>
                  <td>
                    <CountButton count={r.n} label={t('dash.appraiser.list', { nama: r.nama })} onOpen={() => open(r)} />
                  </td>
                  {PREDIKATS.map((p) => (
                    <td key={p}>{r.counts[p]}</td>
                  ))}
                  <td>
                    {fmt(r.mean)} <span className="muted">/ {fmt(r.officeMean)}</span>
                  </td>
                  <td>{r.mark ? <strong>{t(`dash.appraiser.mark.${r.mark}`)}</strong> : r.reason ? <span className="muted">{t(`dash.appraiser.reason.${r.reason}`, { min: APPRAISER_MARKING.minRatees })}</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="field-hint">{t('dash.appraiser.hint', { min: APPRAISER_MARKING.minRatees })}</p>
          {withoutPenilai > 0 ? <p className="muted-warn">{t('dash.appraiser.withoutPenilai', { count: withoutPenilai })}</p> : null}
        </>
      }
    />
  );
}
