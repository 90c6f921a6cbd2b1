import { useState } from 'react';
import { errorMessage } from '../../app/errors';
import { useApp } from '../../app/StoreContext';
import type { ApplyReport } from '../../db/syncRepo';
import type { Envelope } from '../../exchange/package';
import type { ExchangeRecord } from '../../exchange/records';
import { hasMessage, useT } from '../../i18n/i18n';
import { openPackage, problemParams } from './packageFiles';
import { PreviewPanel } from './PreviewPanel';

type Notify = (kind: 'success' | 'error' | 'warning', text: string) => void;
type Opened = { envelope: Envelope; records: ExchangeRecord[] };
type Step = { kind: 'idle' } | { kind: 'reading' } | { kind: 'preview'; pkg: Opened; report: ApplyReport } | { kind: 'intro'; pkg: Opened };

/** "Terima paket": read and verify the file, show what applying would do, then apply it. */
export function ReceiveCard({ notify }: { notify: Notify }) {
  const t = useT();
  const { store } = useApp();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const from = (e: Envelope) => [e.from.officeName, e.from.installName].filter(Boolean).join(', ');

  const pick = async () => {
    setStep({ kind: 'reading' });
    try {
      const res = await openPackage(t('sync.receive'));
      if (!res.ok) {
        setStep({ kind: 'idle' });
        if (res.code !== 'cancelled') notify('error', hasMessage(res.code) ? t(res.code, problemParams(t, res.params)) : res.code);
        return;
      }
      const pkg = { envelope: res.envelope, records: res.records };
      if (res.envelope.kind === 'pendaftaran') return setStep({ kind: 'intro', pkg });
      setStep({ kind: 'preview', pkg, report: await store.packages.preview(pkg.envelope, pkg.records) });
    } catch (err) {
      setStep({ kind: 'idle' });
      notify('error', errorMessage(t, err));
    }
  };

  const apply = async (pkg: Opened) => {
    try {
      const r = await store.packages.receive(pkg.envelope, pkg.records);
      setStep({ kind: 'idle' });
      notify('success', r.alreadyReceived ? t('sync.preview.already') : t('sync.applied', { created: r.created, updated: r.updated, conflicts: r.conflicts }));
      for (const c of r.clockAhead) notify('warning', t('sync.clockAhead', { nama: c.nama }));
      if (r.rekeyed) notify('warning', t('sync.rekeyed'));
    } catch (err) {
      setStep({ kind: 'idle' });
      notify('error', errorMessage(t, err));
    }
  };

  const acceptIntro = async (pkg: Opened) => {
    try {
      await store.packages.acceptIntroduction(pkg.envelope, pkg.records);
      setStep({ kind: 'idle' });
      notify('success', t('sync.intro.accepted', { from: from(pkg.envelope) }));
    } catch (err) {
      setStep({ kind: 'idle' });
      notify('error', errorMessage(t, err));
    }
  };

  return (
    <section className="card" data-testid="sync-receive">
      <h2>{t('sync.receive')}</h2>
      {step.kind === 'idle' ? (
        <button type="button" className="primary" onClick={() => void pick()}>
          {t('sync.receive')}
        </button>
      ) : null}
      {step.kind === 'reading' ? <p className="muted">{t('sync.reading')}</p> : null}
      {step.kind === 'intro' ? (
        <div className="notice notice-info" data-testid="sync-intro">
          <strong>{t('sync.intro.title', { from: from(step.pkg.envelope) })}</strong>
          <p>{t('sync.intro.body')}</p>
          <button type="button" className="primary" onClick={() => void acceptIntro(step.pkg)}>
            {t('sync.intro.accept')}
          </button>{' '}
          <button type="button" onClick={() => setStep({ kind: 'idle' })}>
            {t('sync.preview.cancel')}
          </button>
        </div>
      ) : null}
      {step.kind === 'preview' ? (
        <PreviewPanel from={from(step.pkg.envelope)} report={step.report} onApply={() => void apply(step.pkg)} onCancel={() => setStep({ kind: 'idle' })} />
      ) : null}
    </section>
  );
}
