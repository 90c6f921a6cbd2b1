import { useState, type ReactNode } from 'react';
import type { Predikat, RulePack } from '../../../domain/rulepack';
import { useT } from '../../../i18n/i18n';

/**
 * One dashboard panel: title, the chart (or why it is empty), and its numbers in a table beneath.
 * Every chart axis sets `interval={0}`: otherwise recharts measures each tick label in the DOM to
 * thin them out, and on a page this size every measurement is a full layout (npm run bench).
 */
export function ChartCard({ title, testId, empty, chart, table, footer }: { title: string; testId: string; empty: string; chart: ReactNode; table: ReactNode; footer?: ReactNode }) {
  return (
    <section className="card dash-card" data-testid={testId}>
      <h3>{title}</h3>
      {empty ? (
        <p className="muted dash-empty" data-testid={`${testId}-empty`}>
          {empty}
        </p>
      ) : (
        <>
          <div className="dash-chart">{chart}</div>
          <div className="dash-table">{table}</div>
          {footer}
        </>
      )}
    </section>
  );
}

/** A number in a table that opens the list of those employees (every bar has one). */
export function CountButton({ count, label, onOpen }: { count: number; label: string; onOpen(): void }) {
  if (count === 0) return <>0</>;
  return (
    <button type="button" className="link-button" aria-label={label} onClick={onOpen}>
      {count}
    </button>
  );
}

export interface Selection {
  title: string;
  ids: string[];
}

/** A panel's rows shown at first: enough to read at a glance, few enough to draw at once. */
export const PANEL_ROWS = 12;
/** Names listed at first behind a bar (the Baik bar of a large office holds thousands). */
export const LIST_ROWS = 50;

/**
 * The first PANEL_ROWS rows and a "Tampilkan semua (N)" button: an office of hundreds of units or
 * appraisers would otherwise draw thousands of elements on every period switch.
 */
export function useShowAll<T>(rows: readonly T[], limit = PANEL_ROWS): { shown: readonly T[]; toggle: ReactNode } {
  const t = useT();
  const [all, setAll] = useState(false);
  if (rows.length <= limit) return { shown: rows, toggle: null };
  return {
    shown: all ? rows : rows.slice(0, limit),
    toggle: (
      <button type="button" className="link" onClick={() => setAll(!all)}>
        {all ? t('dash.showFewer', { count: limit }) : t('dash.showAll', { count: rows.length })}
      </button>
    ),
  };
}

/**
 * A predikat as a column heading: the short form (SB, B, BP, K/M, SK) so that a half-width panel's
 * table fits at 1024 px, the full label as its tooltip and for screen readers.
 */
export function PredikatHead({ pack, predikat }: { pack: RulePack; predikat: Predikat }) {
  const t = useT();
  return <abbr title={pack.predikatLabels[predikat]}>{t(`dash.short.${predikat}`)}</abbr>;
}
