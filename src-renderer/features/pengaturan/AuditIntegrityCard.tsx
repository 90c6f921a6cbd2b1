import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { errorMessage } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { useBusyAction } from '../../components/useBusyAction';
import type { ChainCheck } from '../../domain/auditChain';
import type { AuditEntry } from '../../db/schema';
import type { AuditCheckMode } from '../../db/audit';
import { tableName, useT, type Translate } from '../../i18n/i18n';

/** One sentence for the result of a chain check, naming the first broken entry. */
export function auditCheckText(t: Translate, check: ChainCheck & { entry?: AuditEntry }): string {
  if (check.ok) return t('audit.check.ok', { count: check.count });
  const b = check.broken;
  const e = check.entry;
  const about = { tanggal: e ? formatDateTime(e.at) : '-', actor: e?.actor ?? '-', table: e ? tableName(t, e.table) : '-' };
  switch (b.kind) {
    case 'edited':
      return t('audit.check.edited', { seq: b.seq, ...about });
    case 'missing':
      return t('audit.check.missing', { from: b.expectedSeq, to: b.seq - 1 });
    case 'truncated':
      return t('audit.check.truncated', { from: b.seq + 1, to: b.expectedSeq });
    case 'relinked':
      return t('audit.check.relinked', { seq: b.seq });
    case 'unlinked':
      return t('audit.check.unlinked', about);
    case 'anchor':
      return t('audit.check.anchor', { seq: b.seq, nama: b.nama, tanggal: formatDateTime(b.at) });
    case 'record':
      return t('audit.check.record', { label: b.label, table: tableName(t, b.table) });
  }
}

/**
 * Pengaturan › "Periksa keutuhan riwayat": the whole audit hash chain and every record on demand,
 * or only what was written since the last check found it whole (issue #33: years of history).
 */
export function AuditIntegrityCard() {
  const t = useT();
  const { store } = useApp();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const checkpoint = useLiveQuery(() => store.auditCheckpoint(), [store]);
  const { busy, run } = useBusyAction((err) => setResult({ ok: false, text: errorMessage(t, err) }));
  const check = (mode: AuditCheckMode) =>
    run(async () => {
      const res = await store.verifyAudit(mode);
      const since = res.ok && res.resumedFrom ? t('audit.check.okSince', { checked: res.checked, count: res.count, tanggal: formatDateTime(res.resumedFrom.at) }) : null;
      setResult({ ok: res.ok, text: since ?? auditCheckText(t, res) });
    });
  return (
    <section className="card" aria-labelledby="audit-check-title" data-testid="audit-check-card">
      <h2 id="audit-check-title">{t('audit.check.title')}</h2>
      <p className="field-hint">{t('audit.check.intro')}</p>
      <p className="field-hint" data-testid="audit-check-last">
        {checkpoint?.fullAt ? t('audit.check.lastFull', { tanggal: formatDateTime(checkpoint.fullAt) }) : t('audit.check.neverFull')}
      </p>
      <div className="toolbar">
        <button type="button" disabled={busy} onClick={() => void check('full')}>
          {busy ? t('audit.check.running') : t('audit.check.run')}
        </button>
        {checkpoint ? (
          <button type="button" disabled={busy} onClick={() => void check('sinceLast')}>
            {t('audit.check.runSince')}
          </button>
        ) : null}
      </div>
      {result ? <Notice kind={result.ok ? 'success' : 'error'}>{result.text}</Notice> : null}
    </section>
  );
}
