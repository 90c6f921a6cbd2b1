import { useState } from 'react';
import { errorMessage } from '../../components/errors';
import { formatSigningTime } from '../../components/format';
import { formatTanggal, fromJsDate } from '../../domain/dates';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { formatNip } from '../../domain/nip';
import { useT } from '../../i18n/i18n';
import { getPlatform } from '../../platform/platform';
import type { SignatureCheck, Verification } from '../../tte/verify';
import { verifyCode, type VerifyResult } from './printData';
import { ResultView } from './VerifyResultView';

const MAX_PDF = 100 * 1024 * 1024;
const day = (d: Date) => formatTanggal(fromJsDate(d));

/** What one signature says, with the honest labels of #31: BSrE only through an installed BSrE root. */
function SignatureView({ s, codes }: { s: SignatureCheck; codes: { code: string; result: VerifyResult }[] }) {
  const t = useT();
  const whole = s.intact && s.coversWholeFile;
  return (
    <div className={`verify-result ${whole ? 'ok' : 'bad'}`} data-testid="tte-result" role="status">
      <h2>{!s.intact ? t('tte.verify.altered') : !s.coversWholeFile ? t('tte.verify.appended') : t('tte.verify.intact')}</h2>
      {s.intact ? <p data-testid="tte-trust"><strong>{s.trust === 'bsre' ? t('tte.verify.bsre') : s.trust === 'trusted' ? t('tte.verify.trusted', { root: s.root ?? '' }) : t('tte.verify.unknown')}</strong></p> : null}
      <p>{t('tte.verify.revocation')}</p>
      {s.signer ? (
        <ul>
          <li>{t('tte.verify.signer', { name: s.signer.name })}</li>
          <li>{s.signer.nip ? t('tte.verify.nip', { nip: formatNip(s.signer.nip) }) : t('tte.verify.noNip')}</li>
          {s.signingTime ? <li>{t('tte.verify.at', { at: formatSigningTime(s.signingTime) })}</li> : null}
          <li>{t('tte.verify.issuer', { issuer: s.signer.issuer })}</li>
          <li>{t('tte.verify.validity', { from: day(s.signer.notBefore), to: day(s.signer.notAfter) })}</li>
          {!s.validAtSigning ? <li className="note-warn">{t('tte.verify.expiredAtSigning')}</li> : null}
        </ul>
      ) : null}
      {codes.length === 0 ? <p>{t('tte.verify.noCodes')}</p> : <p>{t('tte.verify.codes')}</p>}
      {codes.map((c) => (
        <div key={c.code}>
          <p className="mono small-code">{c.code}</p>
          <ResultView r={c.result} />
        </div>
      ))}
    </div>
  );
}

/**
 * Verifikasi: an electronically signed PDF is checked offline (#31). The codes the signature names
 * are checked against today's records too, so a signed paper and its QR must tell the same story.
 */
export function SignedPdfCheck() {
  const t = useT();
  const { store } = useApp();
  const [result, setResult] = useState<{ v: Verification; codes: { code: string; result: VerifyResult }[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const open = async () => {
    setError(null);
    const res = await getPlatform().openFile({ title: t('tte.verify.choose'), filters: [{ name: 'PDF', extensions: ['pdf'] }], maxBytes: MAX_PDF });
    if (res.status !== 'ok') return;
    // The last file's verdict goes at once: it must never stand beside the next file's name.
    setResult(null);
    try {
      const { verifySignedPdf, rootDer } = await import('../../tte/verify');
      const roots = (await store.tteRoots.list()).map((r) => rootDer(r.der));
      const v = await verifySignedPdf(res.bytes, roots);
      const named = v.state === 'signed' ? [...new Set(v.signatures.filter((s) => s.intact).flatMap((s) => s.codes))] : [];
      setResult({ v, codes: await Promise.all(named.map(async (code) => ({ code, result: await verifyCode(store, code) }))) });
    } catch (err) {
      setError(errorMessage(t, err));
    }
  };

  return (
    <section className="card" data-testid="tte-verify">
      <h2>{t('tte.verify.title')}</h2>
      <p>{t('tte.verify.intro')}</p>
      <button type="button" onClick={() => void open()}>
        {t('tte.verify.choose')}
      </button>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {result?.v.state === 'notPdf' ? <Notice kind="error">{t('tte.verify.notPdf')}</Notice> : null}
      {result?.v.state === 'unsigned' ? <Notice kind="warning">{t('tte.verify.unsigned')}</Notice> : null}
      {result?.v.state === 'signed' ? result.v.signatures.map((s, i) => <SignatureView key={i} s={s} codes={s.intact ? result.codes.filter((c) => s.codes.includes(c.code)) : []} />) : null}
    </section>
  );
}
