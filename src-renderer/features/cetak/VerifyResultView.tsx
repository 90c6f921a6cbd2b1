import { Notice } from '../../components/Field';
import type { ContentChange } from '../../domain/verification';
import { useT, type Translate } from '../../i18n/i18n';
import type { VerifyResult } from './printData';

// What Verifikasi shows for a code or a signed PDF: the form it belongs to and any change since
// printing. Its own file so SignedPdfCheck and VerifikasiScreen share it without a cycle.

function titleCase(code: string): string {
  return code
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** A canonical-content key in words: "rhk.A1.realisasi" → "RHK A.1 — realisasi". */
export function contentKeyLabel(t: Translate, key: string): string {
  const rhk = /^rhk\.([AB])(\d+)\.(teks|intervensi|penugasan|perspektif|iki|realisasi|umpanBalik|iki(\d+))$/.exec(key);
  if (rhk) {
    const part = rhk[4] ? t('verify.key.ikiN', { n: rhk[4] }) : t(`verify.key.rhk.${rhk[3] as 'teks' | 'intervensi' | 'penugasan' | 'perspektif' | 'iki' | 'realisasi' | 'umpanBalik'}`);
    return `RHK ${rhk[1]}.${rhk[2]} — ${part}`;
  }
  const person = /^(pegawai|penilai|atasanPenilai)\.(nama|nip|pangkat|jabatan|unit)$/.exec(key);
  if (person) return `${t(`verify.key.role.${person[1] as 'pegawai' | 'penilai' | 'atasanPenilai'}`)} — ${t(`verify.key.person.${person[2] as 'nama' | 'nip' | 'pangkat' | 'jabatan' | 'unit'}`)}`;
  const value = /^(ekspektasi|perilaku)\.(\w+)$/.exec(key);
  if (value) return `${t(`verify.key.${value[1] as 'ekspektasi' | 'perilaku'}`)} — ${titleCase(value[2]!)}`;
  const listed = /^daftar\.(.+)$/.exec(key);
  if (listed) return t('verify.key.daftar', { nip: listed[1]! });
  const simple = ['jenis', 'periode', 'status', 'capaian', 'ratingHasil', 'ratingPerilaku', 'predikat', 'catatan', 'unit', 'kepala', 'justifikasi', 'lampiran.dukungan', 'lampiran.skema', 'lampiran.konsekuensi'] as const;
  const k = simple.find((s) => s === key);
  return k ? t(`verify.key.${k}`) : key;
}

function ChangeTable({ changes }: { changes: ContentChange[] }) {
  const t = useT();
  const show = (v: string | undefined) => (v === undefined ? t('verify.absent') : v === '' ? t('verify.empty') : v);
  return (
    <table className="changes" data-testid="verify-changes">
      <thead>
        <tr>
          <th>{t('verify.col.field')}</th>
          <th>{t('verify.col.printed')}</th>
          <th>{t('verify.col.now')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={`${c.kind}-${c.key}`}>
            <td>{contentKeyLabel(t, c.key)}</td>
            <td>{show(c.kind === 'added' ? undefined : c.from)}</td>
            <td>{show(c.kind === 'removed' ? undefined : c.to)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ResultView({ r }: { r: VerifyResult }) {
  const t = useT();
  if (r.status === 'invalid') return <Notice kind="error">{t('verify.invalid')}</Notice>;
  if (r.status === 'archived') return <Notice kind="info" testId="verify-result">{t('verify.archived', { year: r.year })}</Notice>;
  if (r.status === 'notFound') return <Notice kind="warning">{t('verify.notFound', { code: r.code })}</Notice>;
  const printedAt = r.printed ? t('verify.printedAt', { at: new Date(r.printed.at).toLocaleString('id-ID'), actor: r.printed.actor }) : t('verify.printedElsewhere');
  if (r.status === 'match') {
    return (
      <div className="verify-result ok" data-testid="verify-result" role="status">
        <h2>{t('verify.match')}</h2>
        <p>{t('verify.doc', { title: r.title, nama: r.ownerNama })}</p>
        <p className="muted">{printedAt}</p>
      </div>
    );
  }
  return (
    <div className="verify-result bad" data-testid="verify-result" role="status">
      <h2>{r.deleted ? t('verify.deleted') : t('verify.changed')}</h2>
      <p>{t('verify.doc', { title: r.title, nama: r.ownerNama })}</p>
      <p className="muted">{printedAt}</p>
      {r.changes ? <ChangeTable changes={r.changes} /> : !r.deleted ? <p>{t('verify.noDetail')}</p> : null}
    </div>
  );
}

/**
 * Verifikasi dokumen: a code typed, pasted or typed by a USB scanner (which ends with Enter) is
 * checked against today's records; for prints from this computer the changes are listed.
 */
