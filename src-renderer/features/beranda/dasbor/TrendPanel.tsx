import type { TrendRow } from '../../../domain/dashboard';
import { PREDIKATS, type RulePack } from '../../../domain/rulepack';
import { useT } from '../../../i18n/i18n';
import { PREDIKAT_COLORS } from '../../../print/palette';
import { ChartCard, PredikatHead } from './ChartCard';
import { HeadRow } from '../../../components/HeadRow';
import { StackedBars } from './StackedBars';

const pct = (count: number, n: number) => (n ? `${Math.round((count / n) * 100)}%` : '–');

/** The office's predikat across the periods of the year, as shares (periods differ in size). */
export function TrendPanel({ rows, pack }: { rows: readonly TrendRow[]; pack: RulePack }) {
  const t = useT();
  const rated = rows.filter((r) => r.n > 0);
  const data = rows.map((r) => ({ title: r.title, ...Object.fromEntries(PREDIKATS.map((p) => [p, r.n ? (r.counts[p] / r.n) * 100 : 0])) }));
  return (
    <ChartCard
      title={t('dash.trend')}
      testId="dash-trend"
      empty={rated.length === 0 ? t('dash.trend.empty') : ''}
      chart={
        <StackedBars data={data} category="title" height={180} percent series={PREDIKATS.map((p) => ({ key: p, name: pack.predikatLabels[p], color: PREDIKAT_COLORS[p] }))} />
      }
      table={
        <table className="compact">
          <HeadRow cells={[t('eval.period'), ...PREDIKATS.map((p) => <PredikatHead key={p} pack={pack} predikat={p} />), t('dist.total')]} />
          <tbody>
            {rows.map((r) => (
              <tr key={r.periodId}>
                <td>{r.title}</td>
                {PREDIKATS.map((p) => (
                  <td key={p}>
                    {r.counts[p]} <span className="muted">({pct(r.counts[p], r.n)})</span>
                  </td>
                ))}
                <td>{r.n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
