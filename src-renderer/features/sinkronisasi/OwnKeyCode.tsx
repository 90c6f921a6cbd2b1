import { useEffect, useState } from 'react';
import { useApp } from '../../components/StoreContext';
import { useT } from '../../i18n/i18n';

/**
 * This PC's key code, which other computers show the first time they receive its package: the
 * two screens must agree (issue #25). The line keeps its height while the code is read.
 */
export function OwnKeyCode() {
  const t = useT();
  const { store } = useApp();
  const [code, setCode] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void store.trust.ownKeyCode().then((c) => live && setCode(c), () => live && setCode('—'));
    return () => {
      live = false;
    };
  }, [store]);
  return (
    <p className="key-code" data-testid="own-key-code" title={t('sync.key.ownHint')}>
      {t('sync.key.own')}: <strong className="mono">{code ?? '····-····-····-····'}</strong>
      <span className="muted"> — {t('sync.key.ownHint')}</span>
    </p>
  );
}
