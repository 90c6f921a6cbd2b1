import { RepoError } from '../db/errors';
import { hasMessage, type Translate } from '../i18n/i18n';

/** A readable sentence for anything a save may throw. */
export function errorMessage(t: Translate, err: unknown): string {
  if (err instanceof RepoError) {
    // Codes of the exchange contract (package.*, exchange.*) are message keys themselves.
    const key = hasMessage(err.code) ? err.code : `error.${err.code}`;
    if (hasMessage(key)) {
      const params = Object.fromEntries(
        Object.entries(err.params).filter(([, v]) => typeof v === 'string' || typeof v === 'number'),
      ) as Record<string, string | number>;
      return t(key, params);
    }
  }
  return t('error.unknown', { detail: err instanceof Error ? err.message : String(err) });
}
