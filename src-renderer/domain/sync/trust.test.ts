import { describe, expect, it } from 'vitest';
import { formatHlc } from '../hlc';
import { writeLocal, type SyncDoc } from './merge';
import { findFork, introductionAllowed, keyCode, mayCarry, type Party, relayViolations } from './trust';

const kantor: Party = { id: 'ikantor', officeId: 'curug', role: 'KANTOR' };
const cadangan: Party = { id: 'icadangan', officeId: 'curug', role: 'KANTOR' };
const laptop: Party = { id: 'ilaptop', officeId: 'curug', role: 'PENILAI' };
const laptop2: Party = { id: 'ilaptop2', officeId: 'curug', role: 'PENILAI' };
const bkd: Party = { id: 'ibkd', officeId: 'bkd', role: 'BKD' };
const pauh: Party = { id: 'ipauh', officeId: 'pauh', role: 'KANTOR' };

describe('the relay rule: who may carry whose writes', () => {
  it.each([
    // sender, writer, receiver, may carry
    [laptop, laptop, kantor, true],
    [laptop, kantor, cadangan, false],
    [laptop, laptop2, kantor, false],
    [laptop, bkd, kantor, false],
    [kantor, kantor, laptop, true],
    [kantor, laptop2, laptop, true],
    [kantor, cadangan, bkd, true],
    [kantor, bkd, laptop, true],
    [kantor, pauh, bkd, false],
    [bkd, bkd, kantor, true],
    [bkd, pauh, kantor, true],
    [bkd, laptop, kantor, false],
    [bkd, kantor, pauh, true],
    // Nobody carries the receiver's own writes, or an installation the receiver does not know.
    [kantor, laptop, laptop, false],
    [bkd, kantor, kantor, false],
    [kantor, undefined, bkd, false],
  ] as const)('%o carrying %o to %o: %s', (sender, writer, receiver, allowed) => {
    expect(mayCarry(sender, writer, receiver)).toBe(allowed);
  });
});

describe('relayViolations: what a package may hold of writes its sender may not carry', () => {
  const rev = (node: string, ms: number) => formatHlc({ wallMs: Date.UTC(2026, 10, 1) + ms, counter: 0, node });
  const base = writeLocal<SyncDoc>('employees', undefined, { nama: 'Asep', jabatan: 'Camat' }, { rev: rev('ikantor', 1), nowIso: '', id: 'e1' });
  const carryOnlyLaptop = (w: string) => w === 'ilaptop';
  const party = () => undefined;

  it('takes the kantor’s own writes back unchanged, and older ones it has since overwritten', () => {
    expect(relayViolations('employees', base, structuredClone(base), carryOnlyLaptop, party)).toEqual([]);
    const newer = writeLocal<SyncDoc>('employees', base, { ...base, jabatan: 'Camat Curug' }, { rev: rev('ikantor', 5), nowIso: '', id: 'e1' });
    expect(relayViolations('employees', newer, structuredClone(base), carryOnlyLaptop, party)).toEqual([]);
  });

  it('names a write stamped with the kantor’s id that the kantor never made', () => {
    const forged = writeLocal<SyncDoc>('employees', base, { ...base, jabatan: 'Bupati' }, { rev: rev('ikantor', 9), nowIso: '', id: 'e1' });
    expect(relayViolations('employees', base, forged, carryOnlyLaptop, party)).toEqual([{ path: 'jabatan', writer: 'ikantor', why: 'notCarried' }]);
    // The same value under an existing rev is still a forgery.
    const sameRev = { ...structuredClone(base), jabatan: 'Bupati' };
    expect(relayViolations('employees', base, sameRev, carryOnlyLaptop, party).map((v) => v.path)).toEqual(['jabatan']);
    // A record the receiver never had, created under another's name.
    expect(relayViolations('employees', undefined, base, carryOnlyLaptop, party).length).toBeGreaterThan(0);
  });

  it('refuses writes under a retired identity made after it was retired, not those before', () => {
    const retired = (id: string): Party | undefined => (id === 'ikantor' ? { ...kantor, retiredAt: '2026-11-01T00:00:00.003Z' } : undefined);
    const before = writeLocal<SyncDoc>('employees', undefined, { nama: 'Asep' }, { rev: rev('ikantor', 2), nowIso: '', id: 'e2' });
    const after = writeLocal<SyncDoc>('employees', undefined, { nama: 'Asep' }, { rev: rev('ikantor', 9), nowIso: '', id: 'e3' });
    expect(relayViolations('employees', undefined, before, () => true, retired)).toEqual([]);
    expect(relayViolations('employees', undefined, after, () => true, retired)[0]?.why).toBe('retired');
  });
});

describe('introductions', () => {
  it.each([
    [kantor, bkd, 'ok'],
    [bkd, kantor, 'ok'],
    [bkd, pauh, 'ok'],
    [kantor, pauh, 'notBkd'],
    [kantor, { ...cadangan }, 'ownOffice'],
    [kantor, { ...laptop }, 'ownOffice'],
    [bkd, { ...laptop, officeId: 'pauh' }, 'notBkd'],
    [kantor, { ...bkd, officeId: 'curug', role: 'KANTOR' as const }, 'ownOffice'],
  ] as const)('%o introduced to %o: %s', (receiver, introduced, verdict) => {
    expect(introductionAllowed(receiver, introduced)).toBe(verdict);
  });
});

describe('forks: two copies of one profile', () => {
  const l = (seq: number, hash: string) => ({ seq, hash, at: `2026-12-0${seq}T08:00:00.000Z` });
  it.each([
    ['one chain, later package', [l(1, 'a'), l(2, 'b')], [l(1, 'a'), l(2, 'b'), l(3, 'c')], null],
    ['a replay of an older package', [l(1, 'a'), l(2, 'b'), l(3, 'c')], [l(1, 'a'), l(2, 'b')], null],
    ['no overlap (months apart)', [l(1, 'a')], [l(5, 'e')], null],
    ['two copies after package 2', [l(1, 'a'), l(2, 'b'), l(3, 'c')], [l(1, 'a'), l(2, 'b'), l(3, 'x')], { seq: 3, since: l(2, 'b') }],
    ['clash at the first shared link', [l(4, 'd')], [l(4, 'z'), l(5, 'y')], { seq: 4, since: null }],
  ] as const)('%s', (_name, known, incoming, fork) => {
    expect(findFork(known, incoming)).toEqual(fork);
  });

  it('shows a key as four groups of four', () => {
    expect(keyCode('0123456789abcdef0000')).toBe('0123-4567-89AB-CDEF');
  });
});
