import { useState, type ReactNode } from 'react';
import { useApp } from '../../components/StoreContext';
import type { ApplyReport } from '../../db/syncRepo';
import type { Envelope } from '../../exchange/package';
import { useT } from '../../i18n/i18n';
import type { PackageSession } from '../../jobs/packageClient';
import { openPackage, packageError } from '../../components/packageFiles';
import { RepoError } from '../../db/errors';
import { keyCodeOf } from '../../exchange/signature';
import { PreviewPanel } from './PreviewPanel';
import { partText } from '../../components/syncText';

type Notify = (kind: 'success' | 'error' | 'warning', text: string) => void;
type Opened = { envelope: Envelope; session: PackageSession };
type Step =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'preview'; pkg: Opened; report: ApplyReport }
  | { kind: 'intro'; pkg: Opened; code: string }
  | { kind: 'newKey'; pkg: Opened; code: string };

/** "Terima paket": read and verify the file, show what applying would do, then apply it. */
export function ReceiveCard({ notify }: { notify: Notify }) {
  const t = useT();
  const { store } = useApp();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const from = (e: Envelope) => [e.from.officeName, e.from.installName].filter(Boolean).join(', ');

  const fail = (pkg: Opened | null, err: unknown) => {
    pkg?.session.close();
    setStep({ kind: 'idle' });
    notify('error', packageError(t, err));
  };

  const pick = async () => {
    setStep({ kind: 'reading' });
    let pkg: Opened | null = null;
    try {
      pkg = await openPackage(t, store.db.name, t('sync.receive'));
      if (!pkg) return setStep({ kind: 'idle' });
      if (pkg.envelope.kind === 'pendaftaran') return setStep({ kind: 'intro', pkg, code: await keyCodeOf(pkg.envelope.key) });
      await preview(pkg);
    } catch (err) {
      fail(pkg, err);
    }
  };

  /** The preview, or, for a key never seen from this sender, the codes to compare first. */
  const preview = async (pkg: Opened) => {
    try {
      setStep({ kind: 'preview', pkg, report: await pkg.session.preview() });
    } catch (err) {
      if (err instanceof RepoError && err.code === 'package.newKey') return setStep({ kind: 'newKey', pkg, code: String(err.params.code) });
      throw err;
    }
  };

  const trust = async (pkg: Opened) => {
    try {
      await pkg.session.trust();
      notify('success', t('sync.key.trusted', { from: from(pkg.envelope) }));
      await preview(pkg);
    } catch (err) {
      fail(pkg, err);
    }
  };

  const cancel = (pkg: Opened) => {
    pkg.session.close();
    setStep({ kind: 'idle' });
  };

  const apply = async (pkg: Opened) => {
    try {
      const r = await pkg.session.apply();
      pkg.session.close();
      setStep({ kind: 'idle' });
      notify('success', r.alreadyReceived ? t('sync.preview.already') : t('sync.applied', { created: r.created, updated: r.updated, conflicts: r.conflicts }));
      for (const c of r.clockAhead) notify('warning', t('sync.clockAhead', { nama: c.nama }));
      if (r.fork) notify('warning', t('sync.fork', { nama: r.fork.nama }));
      if (r.part) notify(r.part.missing.length > 0 ? 'warning' : 'success', partText(t, r.part));
      if (r.rekeyed) notify('warning', t('sync.rekeyed'));
    } catch (err) {
      fail(pkg, err);
    }
  };

  const acceptIntro = async (pkg: Opened) => {
    try {
      await pkg.session.introduce();
      pkg.session.close();
      setStep({ kind: 'idle' });
      notify('success', t('sync.intro.accepted', { from: from(pkg.envelope) }));
    } catch (err) {
      fail(pkg, err);
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
        <KeyPanel kind="info" testId="sync-intro" title={t('sync.intro.title', { from: from(step.pkg.envelope) })} code={t('sync.key.introCode', { code: step.code })} confirm={t('sync.intro.accept')} onConfirm={() => void acceptIntro(step.pkg)} onCancel={() => cancel(step.pkg)}>
          <p>{t('sync.intro.body')}</p>
        </KeyPanel>
      ) : null}
      {step.kind === 'newKey' ? (
        <KeyPanel kind="warning" testId="sync-new-key" title={t('sync.key.confirmTitle', { from: from(step.pkg.envelope) })} code={t('sync.key.confirmBody', { from: from(step.pkg.envelope), code: step.code })} confirm={t('sync.key.confirm')} onConfirm={() => void trust(step.pkg)} onCancel={() => cancel(step.pkg)} />
      ) : null}
      {step.kind === 'preview' ? (
        <PreviewPanel from={from(step.pkg.envelope)} part={step.pkg.envelope.part} report={step.report} onApply={() => void apply(step.pkg)} onCancel={() => cancel(step.pkg)} />
      ) : null}
    </section>
  );
}

/** A key to compare before anything of the package is taken: the code, then trust it or not. */
function KeyPanel(props: { kind: 'info' | 'warning'; testId: string; title: string; code: string; confirm: string; onConfirm(): void; onCancel(): void; children?: ReactNode }) {
  const t = useT();
  return (
    <div className={`notice notice-${props.kind}`} data-testid={props.testId}>
      <strong>{props.title}</strong>
      {props.children}
      <p data-testid="sync-key-code">{props.code}</p>
      <button type="button" className="primary" onClick={props.onConfirm}>
        {props.confirm}
      </button>{' '}
      <button type="button" onClick={props.onCancel}>
        {t('sync.preview.cancel')}
      </button>
    </div>
  );
}
