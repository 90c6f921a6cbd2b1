import { SKP_PROGRESS_KEYS, type EvaluationProgressRow, type SkpProgressRow } from '../../../domain/dashboard';
import { useT } from '../../../i18n/i18n';
import { EVALUATION_PROGRESS_COLORS, SKP_PROGRESS_COLORS } from '../../../print/palette';
import { ChartCard, CountButton, useShowAll, type Selection } from './ChartCard';
import { HeadRow } from '../../../components/HeadRow';
import { StackedBars } from './StackedBars';

/** SKP per unit: none yet, draft, submitted, approved (stacked), each segment opening its employees. */
export function SkpProgressPanel({ rows: all, onSelect }: { rows: readonly SkpProgressRow[]; onSelect(s: Selection): void }) {
  const t = useT();
  const { shown: rows, toggle } = useShowAll(all);
  const name = (r: SkpProgressRow) => r.nama || t('dash.noUnit');
  const data = rows.map((r) => ({ nama: name(r), ...r.counts }));
  const open = (r: SkpProgressRow, k: (typeof SKP_PROGRESS_KEYS)[number]) => onSelect({ title: `${t('dash.skp')} — ${name(r)}: ${t(`dash.skp.${k}`)}`, ids: r.ids[k] });
  return (
    <ChartCard
      title={t('dash.skp')}
      testId="dash-skp"
      empty={all.length === 0 ? t('dash.skp.empty') : ''}
      chart={
        <StackedBars data={data} category="nama" vertical height={Math.max(120, 28 * rows.length + 50)} series={SKP_PROGRESS_KEYS.map((k) => ({ key: k, name: t(`dash.skp.${k}`), color: SKP_PROGRESS_COLORS[k] }))} onBar={(i, k) => open(rows[i]!, k)} />
      }
      table={
        <table className="compact">
          <HeadRow cells={[t('dash.unit'), ...SKP_PROGRESS_KEYS.map((k) => t(`dash.skp.${k}`))]} />
          <tbody>
            {rows.map((r) => (
              <tr key={r.unitId ?? '-'}>
                <td style={{ paddingLeft: 6 + r.depth * 12 }}>{name(r)}</td>
                {SKP_PROGRESS_KEYS.map((k) => (
                  <td key={k}>
                    <CountButton count={r.counts[k]} label={`${name(r)}: ${t(`dash.skp.${k}`)}`} onOpen={() => open(r, k)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
      footer={toggle}
    />
  );
}

const EVAL_KEYS = ['belum', 'draf', 'final'] as const;

/** Evaluations per period of the year: not started, draft, final. */
export function EvaluationProgressPanel({ rows }: { rows: readonly EvaluationProgressRow[] }) {
  const t = useT();
  const any = rows.some((r) => r.draf + r.final > 0);
  return (
    <ChartCard
      title={t('dash.eval')}
      testId="dash-eval"
      empty={any ? '' : t('dash.eval.empty')}
      chart={
        <StackedBars data={rows} category="title" height={180} series={EVAL_KEYS.map((k) => ({ key: k, name: t(`dash.eval.${k}`), color: EVALUATION_PROGRESS_COLORS[k] }))} />
      }
      table={
        <table className="compact">
          <HeadRow cells={[t('eval.period'), ...EVAL_KEYS.map((k) => t(`dash.eval.${k}`))]} />
          <tbody>
            {rows.map((r) => (
              <tr key={r.periodId}>
                <td>{r.title}</td>
                {EVAL_KEYS.map((k) => (
                  <td key={k}>{r[k]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
