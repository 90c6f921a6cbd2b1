import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';

/** An area whose work has not landed yet says what it will hold; it never shows fake data. */
export function ComingSoon({ title, body }: { title: MessageKey; body: MessageKey }) {
  const t = useT();
  return (
    <div className="page">
      <h1>{t(title)}</h1>
      <section className="card coming">
        <h2>{t('common.comingTitle')}</h2>
        <p>{t(body)}</p>
      </section>
    </div>
  );
}
