import { formatDateTime } from './format';
import type { BackupSummary } from '../jobs/backupProtocol';
import { useT, type Translate } from '../i18n/i18n';

/** Who signed the backup, as far as this PC can tell (exchange/backupFile.ts SignerCheck). */
function signerLine(t: Translate, signer: BackupSummary['signer']): string {
  if (signer.kind === 'verified') return signer.self ? t('backup.confirm.signedSelf', { code: signer.code }) : t('backup.confirm.signedPeer', { nama: signer.nama, code: signer.code });
  if (signer.kind === 'unknown') return t('backup.confirm.signedUnknown', { code: signer.code });
  return t('backup.confirm.unsigned');
}

function auditLine(t: Translate, audit: BackupSummary['audit']): string {
  if (audit === null) return t('backup.confirm.auditOld');
  if (audit.ok) return t('backup.confirm.auditOk', { count: audit.count });
  const b = audit.broken;
  if (b.kind === 'record') return t('backup.confirm.auditRecord', { label: b.label, table: b.table });
  return t('backup.confirm.auditBroken', { seq: 'seq' in b ? b.seq : '?' });
}

/** What the backup holds, who made and signed it, and what it replaces here: read before "Ya, pulihkan". */
export function RestoreConfirm({ summary, replaces }: { summary: BackupSummary; replaces: Record<string, number> | null }) {
  const t = useT();
  const m = summary.manifest;
  const count = (table: string) => m.tables[table]?.count ?? 0;
  return (
    <>
      <p id="restore-title">
        <strong>{t('backup.confirm.title')}</strong>
      </p>
      <p>{t('backup.confirm.from', { kantor: m.office?.namaKantor ?? '-', tanggal: formatDateTime(m.createdAt, 'long'), version: m.appVersion })}</p>
      <p>{t('backup.confirm.contents', { pegawai: count('employees'), skp: count('skps'), evaluasi: count('evaluations'), lampiran: count('attachments') })}</p>
      <p data-testid="restore-signer">{signerLine(t, summary.signer)}</p>
      <p data-testid="restore-audit">{auditLine(t, summary.audit)}</p>
      {replaces ? <p>{t('backup.confirm.replace', { pegawai: replaces.employees ?? 0, skp: replaces.skps ?? 0, evaluasi: replaces.evaluations ?? 0 })}</p> : null}
    </>
  );
}
