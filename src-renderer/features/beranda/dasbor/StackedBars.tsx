import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';

export interface StackedSeries<K extends string> {
  key: K;
  name: string;
  color: string;
}

/**
 * The dashboard's stacked bar chart: one bar per row (a unit, a period), one segment per series.
 * `vertical` lays the bars sideways with the row names on the left (long unit names). Every axis
 * sets `interval={0}`: otherwise recharts measures each tick label in the DOM to thin them out,
 * and on a page this size every measurement is a full layout (npm run bench).
 */
export function StackedBars<K extends string>({
  data,
  category,
  series,
  height,
  vertical = false,
  percent = false,
  onBar,
}: {
  data: readonly object[];
  category: string;
  series: readonly StackedSeries<K>[];
  height: number;
  vertical?: boolean;
  /** Values are shares of 100 (the trend across periods of different size). */
  percent?: boolean;
  onBar?: (row: number, key: K) => void;
}) {
  const valueAxis = { allowDecimals: false, interval: 0, tick: { fontSize: 11 }, ...(percent ? { unit: '%', domain: [0, 100] } : {}) } as const;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={[...data]} layout={vertical ? 'vertical' : 'horizontal'} margin={{ top: 4, right: 8, bottom: 0, left: vertical ? 8 : -16 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={!vertical} vertical={vertical} />
        {vertical ? <XAxis type="number" {...valueAxis} /> : <XAxis dataKey={category} interval={0} tick={{ fontSize: 11 }} />}
        {vertical ? <YAxis type="category" dataKey={category} width={150} interval={0} tick={{ fontSize: 11 }} /> : <YAxis {...valueAxis} />}
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} stackId="s" fill={s.color} isAnimationActive={false} cursor={onBar ? 'pointer' : undefined} onClick={onBar ? (_, i) => onBar(i, s.key) : undefined} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
