import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { errorMessage } from '../../components/errors';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { formatIsoTanggal } from '../../domain/dates';
import { useT } from '../../i18n/i18n';
import { getPlatform } from '../../platform/platform';

/**
 * The roots this office trusts for electronic signatures (#31). Empty by default: nothing is
 * "Tersertifikasi BSrE" until an admin installs BSrE's root from its official source.
 */
export function TteRootsCard() {
  const t = useT();
  const { store } = useApp();
  const roots = useLiveQuery(() => store.tteRoots.list(), [store]);
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const add = async () => {
    setMsg(null);
    const res = await getPlatform().openFile({ title: t('tte.roots.add'), filters: [{ name: t('tte.file.certificate'), extensions: ['cer', 'crt', 'pem', 'der'] }], maxBytes: 256 * 1024 });
    if (res.status !== 'ok') return res.status === 'tooLarge' ? setMsg({ kind: 'error', text: t('tte.roots.notCertificate') }) : undefined;
    try {
      const { readRootCertificate } = await import('../../tte/verify');
      const read = await readRootCertificate(res.bytes);
      if (!read.ok) return setMsg({ kind: 'error', text: t(`tte.roots.${read.code}`) });
      await store.tteRoots.add(read.root);
      setMsg({ kind: 'success', text: t('tte.roots.added', { name: read.root.name }) });
    } catch (err) {
      setMsg({ kind: 'error', text: errorMessage(t, err) });
    }
  };

  return (
    <section className="card" data-testid="tte-roots">
      <h2>{t('tte.roots.title')}</h2>
      <p className="field-hint">{t('tte.roots.intro')}</p>
      {roots && roots.length === 0 ? <p className="muted">{t('tte.roots.empty')}</p> : null}
      <ul className="history">
        {(roots ?? []).map((r) => (
          <li key={r.fingerprint}>
            <strong>{r.name}</strong> · {t('tte.roots.until', { date: formatIsoTanggal(r.notAfter.slice(0, 10)) })}{' '}
            <span className="mono small-code" title="SHA-256">
              {r.fingerprint.slice(0, 16)}…
            </span>{' '}
            <button type="button" className="link" onClick={() => void store.tteRoots.remove(r.fingerprint)}>
              {t('tte.roots.remove')}
            </button>
          </li>
        ))}
      </ul>
      {msg ? <Notice kind={msg.kind}>{msg.text}</Notice> : null}
      <button type="button" onClick={() => void add()}>
        {t('tte.roots.add')}
      </button>
    </section>
  );
}
