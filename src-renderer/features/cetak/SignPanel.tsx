import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../components/errors';
import { formatSigningTime } from '../../components/format';
import { Notice } from '../../components/Field';
import type { PaperSize } from '../../domain/office';
import { useT } from '../../i18n/i18n';
import { getPlatform } from '../../platform/platform';
import type { PengesahanDoc } from '../../print/pengesahan';
import { PrintRun } from '../../jobs/printClient';
import { READY_SUFFIX, SIGNED_SUFFIX, withSuffix } from '../../domain/fileNames';
import { saveOutput, type MadeOutput } from './saveOutput';

const MAX_P12 = 512 * 1024;

interface Props {
  output: MadeOutput;
  docs: PengesahanDoc[];
  paper: PaperSize;
  location: string;
  /** The signed file replaces what Cetak made; Simpan then saves it. */
  onSigned(bytes: Uint8Array, fileName: string, pages: number): void;
}

/**
 * "Tandatangani secara elektronik" under a made form or batch (#31). The .p12 and its passphrase
 * stay in this panel's state until the signature is made, then are dropped; the print worker opens
 * the key, signs and ends.
 */
export function SignPanel({ output, docs, paper, location, onSigned }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [p12, setP12] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [allowExpired, setAllowExpired] = useState(false);
  const [askExpired, setAskExpired] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // One worker gets the signing code and fonts loaded while the person picks the file and types.
  const run = useRef<PrintRun | null>(null);
  useEffect(() => {
    if (!open) return;
    const r = new PrintRun();
    r.prepareSigning();
    run.current = r;
    return () => {
      r.cancel();
      if (run.current === r) run.current = null;
    };
  }, [open]);

  const choose = async () => {
    setError(null);
    const res = await getPlatform().openFile({ title: t('tte.sign.choose'), filters: [{ name: t('tte.file.certificate'), extensions: ['p12', 'pfx'] }], maxBytes: MAX_P12 });
    if (res.status === 'cancelled') return;
    if (res.status === 'tooLarge') return setError(t('tte.p12.tooLarge', { maxKb: MAX_P12 / 1024 }));
    setP12({ name: res.name, bytes: res.bytes });
  };

  const sign = async () => {
    if (!p12) return;
    setBusy(true);
    setError(null);
    try {
      const now = new Date();
      const signedAt = formatSigningTime(now);
      const outcome = await (run.current ?? new PrintRun()).sign({ p12: p12.bytes, passphrase, allowExpired, output: { bytes: output.bytes, zip: output.zip }, docs, paper, location, now, signedAt });
      if (!outcome.ok) {
        if (outcome.code === 'expired') setAskExpired(true);
        setError(t(`tte.p12.${outcome.code}`));
        return;
      }
      setP12(null);
      setPassphrase('');
      setOpen(false);
      setDone(`${t('tte.sign.done', { name: outcome.signer.name, issuer: outcome.signer.issuer })}${outcome.expired ? ` ${t('tte.sign.doneExpired')}` : ''}`);
      onSigned(outcome.bytes, withSuffix(output.fileName, SIGNED_SUFFIX), outcome.pages);
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  // For the instansi's online esign service: the same pages, an empty field where the stamp goes.
  const ready = async () => {
    setError(null);
    try {
      const now = new Date();
      const bytes = await new PrintRun().prepareForEsign({ output: { bytes: output.bytes, zip: output.zip }, docs, paper, location, now, signedAt: '' });
      await saveOutput(t('tte.ready'), { bytes, zip: output.zip, fileName: withSuffix(output.fileName, READY_SUFFIX) });
    } catch (err) {
      setError(errorMessage(t, err));
    }
  };

  if (!open) {
    return (
      <div data-testid="tte-sign">
        {done ? <Notice kind="success">{done}</Notice> : null}
        {done ? null : (
          <div className="toolbar">
            <button type="button" onClick={() => setOpen(true)}>
              {t('tte.sign.open')}
            </button>
            <button type="button" onClick={() => void ready()} title={t('tte.ready.hint')}>
              {t('tte.ready')}
            </button>
          </div>
        )}
        {error ? <Notice kind="error">{error}</Notice> : null}
      </div>
    );
  }
  return (
    <fieldset className="plain-fieldset stack-tight" data-testid="tte-sign">
      <legend>{t('tte.sign.title')}</legend>
      <p className="field-hint">{t('tte.sign.intro')}</p>
      <div className="toolbar">
        <button type="button" onClick={() => void choose()} disabled={busy}>
          {t('tte.sign.choose')}
        </button>
        {p12 ? <span>{t('tte.sign.chosen', { file: p12.name })}</span> : null}
      </div>
      <label className="field">
        <span>{t('tte.sign.passphrase')}</span>
        <input type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} disabled={busy} />
      </label>
      {askExpired ? (
        <label className="check">
          <input type="checkbox" checked={allowExpired} onChange={(e) => setAllowExpired(e.target.checked)} /> {t('tte.sign.allowExpired')}
        </label>
      ) : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      <div className="actions">
        <button type="button" onClick={() => setOpen(false)} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={busy || !p12} onClick={() => void sign()}>
          {busy ? t('tte.sign.busy') : t('tte.sign.submit')}
        </button>
      </div>
    </fieldset>
  );
}
