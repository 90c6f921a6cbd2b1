import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../app/errors';
import { href } from '../../app/router';
import { useApp } from '../../app/StoreContext';
import { Notice } from '../../components/Field';
import type { ContentChange } from '../../domain/verification';
import { useT, type Translate } from '../../i18n/i18n';
import { verifyCode, type VerifyResult } from './printData';
import { SignedPdfCheck } from './SignedPdfCheck';

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
export function VerifikasiScreen({ initial }: { initial?: string }) {
  const t = useT();
  const { store } = useApp();
  const [code, setCode] = useState(initial ?? '');
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const check = async (raw: string) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await verifyCode(store, raw));
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setBusy(false);
      input.current?.select();
    }
  };

  // A link from the print log opens the screen with the code already checked.
  const first = useRef(initial);
  useEffect(() => {
    if (first.current) void verifyCode(store, first.current).then(setResult);
  }, [store]);

  return (
    <div className="page">
      <h1>{t('verify.title')}</h1>
      <p className="toolbar">
        <a href={href('cetak')}>{t('verify.back')}</a>
      </p>
      <section className="card">
        <p>{t('verify.intro')}</p>
        <form
          className="toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            if (code.trim()) void check(code);
          }}
        >
          <input
            ref={input}
            className="verify-input"
            aria-label={t('verify.code')}
            placeholder="KL-EVA-199003152015031002-2026TW1-7K3F9Q2M"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoFocus
            spellCheck={false}
            autoComplete="off"
            size={48}
          />
          <button type="submit" className="primary" disabled={busy || !code.trim()}>
            {t('verify.check')}
          </button>
        </form>
        {error ? <Notice kind="error">{error}</Notice> : null}
        {result ? <ResultView r={result} /> : null}
      </section>
      <SignedPdfCheck />
    </div>
  );
}
