import { useState } from 'react';
import { useApp } from '../../components/StoreContext';
import { Field } from '../../components/Field';
import { useT } from '../../i18n/i18n';
import { getPlatform } from '../../platform/platform';
import { normalizeServerUrl } from '../../../src-main/ipc-contract';

/** The server's address and this PC's password (the user name is this installation's id). */
export function ServerForm({ url, user, onSaved, onCancel }: { url: string; user: string; onSaved(): void; onCancel: (() => void) | null }) {
  const t = useT();
  const { store } = useApp();
  const [address, setAddress] = useState(url);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ url?: string; password?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const normal = normalizeServerUrl(address);
    if (!normal) return setError({ url: t('server.badUrl') });
    if (!password) return setError({ password: t('server.noPassword') });
    setBusy(true);
    try {
      if (!(await getPlatform().serverConfigure({ url: normal, user, password }))) return setError({ form: t('server.notKept') });
      await store.server.save({ url: normal, user });
      setError({});
      onSaved();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="stack"
      data-testid="server-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label={t('server.url')} hint={t('server.urlHint')} error={error.url} required>
        {(p) => <input {...p} type="url" value={address} onChange={(e) => setAddress(e.target.value)} placeholder="https://" autoComplete="url" />}
      </Field>
      <Field label={t('server.password')} error={error.password} required>
        {(p) => <input {...p} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />}
      </Field>
      {error.form ? <p className="notice notice-error" role="alert">{error.form}</p> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('server.save')}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('server.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
