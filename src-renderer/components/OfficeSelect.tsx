import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useApp } from './StoreContext';
import { ownerOf } from '../domain/sync/access';
import type { SyncDoc } from '../domain/sync/merge';
import { useT } from '../i18n/i18n';

export interface HeldOffice {
  id: string;
  nama: string;
}

/**
 * The offices whose records of `table` are held here. An office installation holds only its own;
 * a BKD holds copies of several, and its lists and dashboard can then be narrowed to one.
 */
export function useHeldOffices(table: string, docs: readonly object[]): HeldOffice[] {
  const { store } = useApp();
  const offices = useLiveQuery(() => store.sync.offices(), [store]);
  return useMemo(() => {
    const ids = new Set(docs.map((d) => ownerOf(table, d as SyncDoc)));
    return (offices ?? []).filter((o) => ids.has(o.id)).map((o) => ({ id: o.id, nama: o.namaKantor }));
  }, [table, docs, offices]);
}

/** "Kantor: Semua" and each held office; nothing when only one office's records are here. */
export function OfficeSelect({ offices, value, onChange }: { offices: readonly HeldOffice[]; value: string; onChange(officeId: string): void }) {
  const t = useT();
  if (offices.length < 2) return null;
  return (
    <select aria-label={t('pegawai.filter.office')} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">
        {t('pegawai.filter.office')}: {t('common.all')}
      </option>
      {offices.map((o) => (
        <option key={o.id} value={o.id}>
          {o.nama}
        </option>
      ))}
    </select>
  );
}
