import { describe, expect, it } from 'vitest';
import { en } from './en';
import { hasMessage, translate } from './i18n';
import { id } from './messages';
import { NIP_ISSUE_CODES } from '../domain/nip';
import { FIELD_ISSUE_CODES } from '../domain/pegawai';
import { SYNCED_TABLES } from '../domain/tableFacts';
import { tableLabelKey } from './tableNames';

describe('message catalog', () => {
  it('English has exactly the Indonesian keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it('both languages use the same placeholders for each key', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(holes(en[key]), key).toEqual(holes(id[key]));
    }
  });

  it('fills placeholders and defaults to Indonesian', () => {
    expect(translate('id', 'error.atasanCycle', { chain: 'A → B → A' })).toBe(
      'Atasan ini membuat rantai penilaian berputar: A → B → A. Pilih atasan lain.',
    );
    expect(translate('en', 'nav.pegawai')).toBe('Employees');
    expect(hasMessage('nip.error.length')).toBe(true);
    expect(hasMessage('nip.error.nope')).toBe(false);
  });

  it('a name ending in a full stop ends the sentence once (“S.E.” not “S.E..”)', () => {
    expect(translate('id', 'error.nipDuplicate', { nama: 'Fitri Handayani, S.E.' })).toBe('NIP ini sudah dipakai oleh Fitri Handayani, S.E. Satu NIP hanya untuk satu pegawai.');
    expect(translate('id', 'home.welcome', { nama: 'Siti' })).toBe('Selamat bekerja, Siti.');
  });

  it('every NIP and employee issue code has a message', () => {
    for (const c of NIP_ISSUE_CODES) expect(hasMessage(`nip.error.${c}`), c).toBe(true);
    for (const c of FIELD_ISSUE_CODES) expect(hasMessage(`employee.issue.${c}`), c).toBe(true);
  });

  it('every synced table (domain/tables.ts) has the name people see, and a name the catalog lacks has none', () => {
    for (const t of SYNCED_TABLES) expect(tableLabelKey(t), t).toBe(`paket.tabel.${t}`);
    expect(tableLabelKey('toString')).toBeNull();
    expect(tableLabelKey('tabelBaru')).toBeNull();
  });
});
