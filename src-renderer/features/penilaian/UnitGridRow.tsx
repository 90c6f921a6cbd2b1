import type { KeyboardEvent } from 'react';
import { href } from '../../components/router';
import { validateEvaluation, type Evaluation } from '../../domain/evaluation';
import { printedName, type Employee } from '../../domain/pegawai';
import { RATINGS, type Rating, type RulePack } from '../../domain/rulepack';
import type { Skp } from '../../domain/skp';
import { useT } from '../../i18n/i18n';

export interface GridRowData {
  e: Employee;
  skp: Skp;
  evaluation: Evaluation | undefined;
}

/**
 * One employee on the unit grid: how much realisasi is in, the two ratings, the predikat they give,
 * and Finalkan. Enter moves to the same column on the next row, Shift+Enter back, as in Excel.
 */
export function UnitGridRow({ row, index, pack, busy, onRate, onFinal }: {
  row: GridRowData;
  index: number;
  pack: RulePack;
  busy: boolean;
  onRate(row: GridRowData, field: 'ratingHasil' | 'ratingPerilaku', value: Rating | ''): void;
  onFinal(row: GridRowData): void;
}) {
  const t = useT();
  const ev = row.evaluation;
  const filled = row.skp.rhk.filter((r) => ev?.hasil[r.id]?.realisasi.trim()).length;
  const final = ev?.status === 'FINAL';
  const issues = ev ? validateEvaluation(ev, row.skp) : [];
  const nama = printedName(row.e);
  const move = (e: KeyboardEvent<HTMLSelectElement>, column: string) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const next = document.querySelector<HTMLSelectElement>(`[data-grid-cell="${column}:${index + (e.shiftKey ? -1 : 1)}"]`);
    next?.focus();
  };
  const ratingSelect = (field: 'ratingHasil' | 'ratingPerilaku', column: string) => (
    <select
      aria-label={`${t(field === 'ratingHasil' ? 'eval.ratingHasil' : 'eval.ratingPerilaku')} — ${nama}`}
      data-grid-cell={`${column}:${index}`}
      value={ev?.[field] ?? ''}
      disabled={final}
      onChange={(e) => onRate(row, field, e.target.value as Rating | '')}
      onKeyDown={(e) => move(e, column)}
    >
      <option value="">—</option>
      {RATINGS.map((r) => (
        <option key={r} value={r}>
          {pack.ratingLabels[r]}
        </option>
      ))}
    </select>
  );
  return (
    <tr data-testid="grid-row" data-nama={row.e.nama}>
      <th scope="row">
        {nama}
        <div className="muted small">{row.e.jabatan}</div>
      </th>
      <td>
        {t('grid.realisasi', { filled, all: row.skp.rhk.length })}{' '}
        {ev ? <a href={href('penilaian', ev.id)}>{t(final ? 'eval.open' : 'grid.fill')}</a> : null}
      </td>
      <td>{ratingSelect('ratingHasil', 'h')}</td>
      <td>{ratingSelect('ratingPerilaku', 'p')}</td>
      <td data-testid="grid-predikat">{ev?.predikat ? pack.predikatLabels[ev.predikat] : '—'}</td>
      <td>
        {final ? (
          <span className="status status-FINAL">{t('eval.state.FINAL')}</span>
        ) : (
          <button type="button" className="small" disabled={busy || !ev || issues.length > 0} title={issues.length > 0 ? t('grid.notReady', { count: issues.length }) : undefined} onClick={() => onFinal(row)}>
            {t('eval.action.FINALKAN')}
          </button>
        )}
      </td>
    </tr>
  );
}
