import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../components/errors';
import { href } from '../../components/router';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { useT } from '../../i18n/i18n';
import { verifyCode, type VerifyResult } from './printData';
import { SignedPdfCheck } from './SignedPdfCheck';
import { ResultView } from './VerifyResultView';

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
