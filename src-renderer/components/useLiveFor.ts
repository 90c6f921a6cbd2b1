import { useLiveQuery } from 'dexie-react-hooks';

/**
 * A live query that belongs to one key (a period, a record id). Dexie's hook keeps returning the
 * previous key's result until the new query answers, so a screen switched from Triwulan I to AKHIR
 * would for a moment list Triwulan I's evaluations under AKHIR — with their "Buka" links. Here the
 * answer is `undefined` (loading) until it is the chosen key's own.
 */
export function useLiveFor<T>(key: string | number, query: () => Promise<T> | T, deps: readonly unknown[]): T | undefined {
  const tagged = useLiveQuery(async () => ({ key, value: await query() }), [key, ...deps]);
  return tagged && tagged.key === key ? tagged.value : undefined;
}
