import { useState } from 'react';
import { pathLabel, recordLabel } from '../../components/syncText';
import type { SyncedTableName } from '../../db/schema';
import { revNode } from '../../domain/hlc';
import type { Installation } from '../../domain/sync/access';
import type { OpenConflict, SyncDoc } from '../../domain/sync/merge';
import { useT } from '../../i18n/i18n';
import { ConflictItem, type Resolve } from './ConflictItem';

/** Conflicts shown per page. */
const PAGE = 50;

export interface ConflictRecord {
  table: SyncedTableName;
  id: string;
  doc: SyncDoc;
  conflicts: OpenConflict[];
}

type Choice = { table: SyncedTableName; id: string; path: string; value?: unknown };

interface Row {
  key: string;
  table: SyncedTableName;
  doc: SyncDoc;
  c: OpenConflict;
  label: string;
  text: string;
}

/**
 * Open conflicts a person can get through: paged, searched and filtered (employee or unit, the
 * computer that wrote, the field), and settled many at once — 1,000 conflicts are not 1,000 clicks.
 */
export function ConflictList({ records, installations, resolve, resolveMany }: { records: readonly ConflictRecord[]; installations: Installation[]; resolve: Resolve; resolveMany(choices: Choice[], writer: string): void }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [writer, setWriter] = useState('');
  const [field, setField] = useState('');
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkWriter, setBulkWriter] = useState('');
  const nameOf = (node: string) => installations.find((i) => i.id === node)?.nama ?? node;

  const rows: Row[] = records.flatMap((r) =>
    r.conflicts.map((c) => {
      const label = recordLabel(t, r.table, r.doc);
      const unit = (r.doc.pegawai as { unit?: string } | undefined)?.unit ?? '';
      return { key: `${r.table}:${r.id}:${c.kind}:${c.path}`, table: r.table, doc: r.doc, c, label, text: `${label} ${unit}`.toLowerCase() };
    }),
  );
  const writers = [...new Set(rows.flatMap((r) => r.c.heads.map((h) => revNode(h.r))))];
  const fields = [...new Set(rows.map((r) => pathLabel(t, r.c.path)))].sort();
  const q = query.trim().toLowerCase();
  const shown = rows.filter((r) => (!q || r.text.includes(q)) && (!writer || r.c.heads.some((h) => revNode(h.r) === writer)) && (!field || pathLabel(t, r.c.path) === field));
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const at = Math.min(page, pages - 1);
  const onPage = shown.slice(at * PAGE, (at + 1) * PAGE);
  const choosable = shown.filter((r) => r.c.kind === 'field');
  const chosen = choosable.filter((r) => selected.has(r.key));
  const by = bulkWriter || writer || writers[0] || '';
  const toggle = (key: string, on: boolean) => setSelected((s) => { const n = new Set(s); if (on) n.add(key); else n.delete(key); return n; });

  const bulk = () => {
    const choices = chosen.flatMap((r): Choice[] => {
      const h = r.c.heads.find((x) => revNode(x.r) === by);
      return h ? [{ table: r.table, id: r.doc.id, path: r.c.path, value: h.d ? null : h.value }] : [];
    });
    resolveMany(choices, nameOf(by));
    setSelected(new Set());
  };

  return (
    <div data-testid="conflict-list">
      <div className="toolbar review-filters">
        <input aria-label={t('sync.review.search')} placeholder={t('sync.review.search')} value={query} onChange={(e) => { setQuery(e.target.value); setPage(0); }} />
        <label className="inline-field">
          {t('sync.review.filterWriter')}{' '}
          <select aria-label={t('sync.review.filterWriter')} value={writer} onChange={(e) => { setWriter(e.target.value); setPage(0); }}>
            <option value="">{t('sync.review.all')}</option>
            {writers.map((w) => <option key={w} value={w}>{nameOf(w)}</option>)}
          </select>
        </label>
        <label className="inline-field">
          {t('sync.review.filterField')}{' '}
          <select aria-label={t('sync.review.filterField')} value={field} onChange={(e) => { setField(e.target.value); setPage(0); }}>
            <option value="">{t('sync.review.all')}</option>
            {fields.map((f) => <option key={f} value={f}>{f}</option>)}
          </select>
        </label>
      </div>
      {choosable.length > 0 ? (
        <div className="toolbar review-bulk">
          <label className="inline-field">
            <input type="checkbox" checked={chosen.length === choosable.length} onChange={(e) => setSelected(e.target.checked ? new Set(choosable.map((r) => r.key)) : new Set())} />{' '}
            {t('sync.review.selectShown', { count: choosable.length })}
          </label>
          <select aria-label={t('sync.review.bulkWriter')} value={by} onChange={(e) => setBulkWriter(e.target.value)}>
            {writers.map((w) => <option key={w} value={w}>{nameOf(w)}</option>)}
          </select>
          <button type="button" disabled={chosen.length === 0} onClick={bulk}>
            {t('sync.review.bulk', { writer: nameOf(by), count: chosen.length })}
          </button>
        </div>
      ) : null}
      {shown.length === 0 ? <p>{t('sync.review.noneMatch')}</p> : null}
      {onPage.map((r) => (
        <div key={r.key} className="review-item">
          <h3>
            {r.c.kind === 'field' ? (
              <input type="checkbox" aria-label={`${t('sync.review.select')} ${r.label}`} checked={selected.has(r.key)} onChange={(e) => toggle(r.key, e.target.checked)} />
            ) : null}{' '}
            {r.label}
          </h3>
          <ConflictItem table={r.table} doc={r.doc} c={r.c} installations={installations} resolve={resolve} />
        </div>
      ))}
      {pages > 1 ? (
        <div className="toolbar">
          <button type="button" disabled={at === 0} onClick={() => setPage(at - 1)}>{t('sync.review.prev')}</button>
          <span>{t('sync.review.page', { page: at + 1, pages })}</span>
          <button type="button" disabled={at >= pages - 1} onClick={() => setPage(at + 1)}>{t('sync.review.next')}</button>
        </div>
      ) : null}
    </div>
  );
}
