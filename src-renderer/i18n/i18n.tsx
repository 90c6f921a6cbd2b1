import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { en } from './en';
import { id, type Catalog, type MessageKey } from './messages';
import { tableLabelKey } from './tableNames';

export type Language = 'id' | 'en';
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const CATALOGS: Record<Language, Catalog> = { id, en };

export function translate(lang: Language, key: MessageKey, params?: Params): string {
  const template = CATALOGS[lang][key] ?? id[key] ?? key;
  if (!params) return template;
  // A value ending in a full stop ("Budi, S.E.") takes the place of the sentence's own: no "S.E..".
  return template.replace(/\{(\w+)\}(\.?)/g, (m, name: string, stop: string) => {
    if (!(name in params)) return m;
    const text = paramText(lang, params[name]!);
    return stop && text.endsWith('.') ? text : text + stop;
  });
}

/**
 * A parameter as text. Fractions get the language's decimal comma ("2,1 MB"); whole numbers are
 * left as they are, because many are years, NIPs or counts that must not gain a thousands dot.
 */
function paramText(lang: Language, v: string | number): string {
  if (typeof v === 'string' || Number.isInteger(v)) return String(v);
  return v.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 2 });
}

/** For codes coming from the domain or repositories, which are not statically known keys. */
export function hasMessage(key: string): key is MessageKey {
  return key in id;
}

/** A synced table by the name people see ("Evaluasi"); a table the catalog lacks by its own name. */
export function tableName(t: Translate, table: string): string {
  const key = tableLabelKey(table);
  return key ? t(key) : table;
}

const I18nContext = createContext<{ lang: Language; t: Translate }>({
  lang: 'id',
  t: (key, params) => translate('id', key, params),
});

export function I18nProvider({ lang, children }: { lang: Language; children: ReactNode }) {
  const t = useCallback<Translate>((key, params) => translate(lang, key, params), [lang]);
  const value = useMemo(() => ({ lang, t }), [lang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}

export function useLang(): Language {
  return useContext(I18nContext).lang;
}
