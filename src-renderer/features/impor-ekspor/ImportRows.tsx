import { useMemo, useState } from 'react';
import { matchesFilter, PREVIEW_COLUMN_OF_FIELD, ROW_FILTERS, type PreviewColumn, type RowFilter, type RowPreview } from '../../exchange/importRows';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { FIELD_LABELS } from '../../components/fieldText';
import { employeeValueText, importErrorText } from './importText';

/** Rows drawn at a time: a 12,000-row sheet stays quick, and "more" adds the next page. */
const PAGE = 100;

/** The table's columns: a second value sits under the first, so 1024 px shows the whole row. */
const COLUMNS: { header: MessageKey; fields: readonly PreviewColumn[] }[] = [
  { header: 'pegawai.nip', fields: ['nip'] },
  { header: 'import.rows.nama', fields: ['nama', 'jabatan'] },
  { header: 'pegawai.tanggalLahir', fields: ['tanggalLahir'] },
  { header: 'import.rows.golongan', fields: ['golongan', 'tmtGolongan'] },
  { header: 'pegawai.unit', fields: ['unitId'] },
  { header: 'import.rows.atasan', fields: ['atasanId'] },
];

/**
 * Every row of an employee sheet as the import read it (#30 item 3): what happens to it, its values
 * as understood (a date in words shows whether 03-11 was read as November), old → new for a changed
 * row, and its errors and warnings on the row itself. Filters narrow 12,000 rows to the few to read.
 */
export function ImportRows({ rows }: { rows: readonly RowPreview[] }) {
  const t = useT();
  const [filter, setFilter] = useState<RowFilter>('semua');
  const [limit, setLimit] = useState(PAGE);
  const counts = useMemo(() => Object.fromEntries(ROW_FILTERS.map((f) => [f, rows.filter((r) => matchesFilter(r, f)).length])) as Record<RowFilter, number>, [rows]);
  const matching = useMemo(() => rows.filter((r) => matchesFilter(r, filter)), [rows, filter]);
  const shown = matching.slice(0, limit);
  return (
    <section className="import-rows" data-testid="import-rows">
      <h3>{t('import.rows.title', { count: rows.length })}</h3>
      <p className="field-hint">{t('import.rows.intro')}</p>
      <div className="filter-chips" role="group" aria-label={t('import.rows.filter')}>
        {ROW_FILTERS.map((f) => (
          <button key={f} type="button" aria-pressed={filter === f} disabled={f !== 'semua' && counts[f] === 0} onClick={() => { setFilter(f); setLimit(PAGE); }}>
            {t(`import.rows.filter.${f}`, { count: counts[f] })}
          </button>
        ))}
      </div>
      <div className="table-scroll">
        <table className="error-table import-row-table">
          <thead>
            <tr>
              <th>{t('import.errors.row')}</th>
              <th>{t('import.rows.outcome')}</th>
              {COLUMNS.map((c) => (
                <th key={c.header}>{t(c.header)}</th>
              ))}
            </tr>
          </thead>
          {shown.map((r) => (
            <RowBody key={r.row} r={r} />
          ))}
        </table>
      </div>
      {matching.length === 0 ? <p className="muted">{t('import.rows.none')}</p> : null}
      {matching.length > limit ? (
        <p className="muted">
          {t('import.rows.shown', { shown: shown.length, count: matching.length })}{' '}
          <button type="button" onClick={() => setLimit(limit + PAGE)}>
            {t('import.rows.more', { count: Math.min(PAGE, matching.length - limit) })}
          </button>
        </p>
      ) : null}
    </section>
  );
}

/** One sheet row: its cells, then a line for its changes and problems when it has any. */
function RowBody({ r }: { r: RowPreview }) {
  const t = useT();
  const changes = r.changes ?? [];
  const changed = new Set(changes.map((c) => PREVIEW_COLUMN_OF_FIELD[c.field]));
  const refused = new Set(r.refused);
  const notes = [
    ...(r.errors ?? []).map((e) => ({ kind: 'error', text: t('import.rows.issue', { column: e.column || '—', text: importErrorText(t, e) }) })),
    ...(r.warnings ?? []).map((e) => ({ kind: 'warn', text: t('import.rows.issue', { column: e.column || '—', text: importErrorText(t, e) }) })),
    ...changes.map((c) => ({ kind: 'change', text: t('import.rows.change', { label: t(FIELD_LABELS[c.field]), from: employeeValueText(t, c.field, c.from), to: employeeValueText(t, c.field, c.to) }) })),
  ];
  return (
    <tbody data-testid="import-row" data-outcome={r.outcome}>
      <tr>
        <td>{r.row}</td>
        <td>
          <span className={`outcome outcome-${r.outcome}`}>{t(`import.outcome.${r.outcome}`)}</span>
        </td>
        {COLUMNS.map((col) => (
          <td key={col.header}>
            {col.fields.map((c, i) => {
              const text = refused.has(c) ? r.cells[c] || '—' : employeeValueText(t, c, r.cells[c]);
              // The second value of a column is muted; an empty one is left out.
              if (i > 0 && r.cells[c] === '' && !refused.has(c)) return null;
              return (
                <div key={c} className={[i > 0 ? 'sub' : '', refused.has(c) ? 'cell-refused' : changed.has(c) ? 'cell-changed' : ''].join(' ').trim() || undefined} title={refused.has(c) ? t('import.rows.refused') : undefined}>
                  {c === 'tmtGolongan' ? t('import.rows.tmt', { date: text }) : text}
                </div>
              );
            })}
          </td>
        ))}
      </tr>
      {notes.length > 0 ? (
        <tr className="row-notes">
          <td />
          <td colSpan={COLUMNS.length + 1}>
            <ul>
              {notes.map((n, i) => (
                <li key={i} className={`note-${n.kind}`}>
                  {n.text}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}
