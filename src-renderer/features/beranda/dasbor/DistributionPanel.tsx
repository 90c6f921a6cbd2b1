import { Bar, BarChart, CartesianGrid, Cell, ReferenceArea, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { DistributionView } from '../../../domain/dashboard';
import { expectedBands } from '../../../domain/distributionScope';
import { PREDIKATS, type RulePack } from '../../../domain/rulepack';
import { useT } from '../../../i18n/i18n';
import { BAND_COLOR, PREDIKAT_COLORS } from '../../../print/palette';
import { DistributionWarnings } from '../../../components/DistributionWarnings';
import { groupEmptyText, groupGuidelineText } from '../../../components/evalText';
import { HeadRow } from '../../../components/HeadRow';
import { ChartCard, CountButton, PredikatHead, type Selection } from './ChartCard';

/** A group's predikat against the guideline's band for its capaian (§7.2), with its numbers beneath. */
export function DistributionPanel({ view, pack, title, testId, onSelect }: { view: DistributionView; pack: RulePack; title: string; testId: string; onSelect(s: Selection): void }) {
  const t = useT();
  const { check } = view;
  const bands = check.state === 'checked' ? expectedBands(check.rules, check.n) : {};
  const data = PREDIKATS.map((p) => ({ p, label: pack.predikatLabels[p], count: check.counts[p] }));
  const open = (p: (typeof PREDIKATS)[number]) => onSelect({ title: `${title}: ${pack.predikatLabels[p]}`, ids: view.ids[p] });
  const guideline = groupGuidelineText(t, pack, check);
  const empty = check.state === 'empty' ? groupEmptyText(t, check) : '';
  return (
    <ChartCard
      title={title}
      testId={testId}
      empty={empty}
      chart={
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" interval={0} tick={{ fontSize: 10 }} angle={-18} textAnchor="end" height={44} />
            <YAxis allowDecimals={false} interval={0} tick={{ fontSize: 11 }} />
            {data.map((d) => {
              const band = bands[d.p];
              return band ? <ReferenceArea key={d.p} x1={d.label} x2={d.label} y1={band[0]} y2={Math.max(band[1], 0.15)} fill={BAND_COLOR} fillOpacity={0.3} stroke={BAND_COLOR} ifOverflow="extendDomain" /> : null;
            })}
            <Bar dataKey="count" name={t('dash.count')} isAnimationActive={false} cursor="pointer" onClick={(_, i) => open(data[i]!.p)}>
              {data.map((d) => (
                <Cell key={d.p} fill={PREDIKAT_COLORS[d.p]} data-testid={`bar-${d.p}`} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <>
          <table className="dist-table">
            <HeadRow cells={[...data.map((d) => <PredikatHead key={d.p} pack={pack} predikat={d.p} />), t('dist.total')]} />
            <tbody>
              <tr>
                {data.map((d) => (
                  <td key={d.p} data-predikat={d.p}>
                    <CountButton count={d.count} label={`${title}: ${d.label}`} onOpen={() => open(d.p)} />
                    {bands[d.p] ? <span className="muted"> ({t('dash.band', { lo: bands[d.p]![0], hi: bands[d.p]![1] })})</span> : null}
                  </td>
                ))}
                <td>{t('dist.rated', { rated: check.n, all: check.all })}</td>
              </tr>
            </tbody>
          </table>
          {check.state === 'noCapaian' ? <p className="muted-warn">{groupEmptyText(t, check)}</p> : null}
          {guideline ? <p className="field-hint">{guideline}</p> : null}
          {check.state === 'checked' && check.warnings.length > 0 ? (
            <DistributionWarnings pack={pack} capaian={check.capaian} warnings={check.warnings} testId={`${testId}-warnings`} />
          ) : check.state === 'checked' ? (
            <p className="ok-text">{t('dist.ok')}</p>
          ) : null}
        </>
      }
    />
  );
}
