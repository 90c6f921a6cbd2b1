import { sha256 } from '../exchange/bytes';
import type { Envelope } from '../exchange/package';
import { generateSigningKey, keyCodeOf, type PublicKeyInfo, type Signer, signText, type SigningKey } from '../exchange/signature';
import type { KnownSigner } from '../exchange/backupFile';
import { findFork, type ChainLinkRef } from '../domain/sync/trust';
import { chainHead } from './audit';
import { RepoError } from './errors';
import { readInstall, readLocal } from './identity';
import type { AnchorSettings, ForkSettings, KinerjaDb, PackageChainSettings, PeerState } from './schema';

/** Links kept per installation: enough overlap between two packages months apart, and small in the envelope. */
export const LINKS_KEPT = 100;

/**
 * What this installation knows about trust (issue #25): its own signing key and package chain,
 * the keys a person confirmed for other installations, the anchors they hold of this one's audit
 * chain, and the identities found on two PCs. The rules live in domain/sync/trust.ts.
 */
export class TrustRepo {
  constructor(private readonly db: KinerjaDb) {}

  private async installId(): Promise<string> {
    const local = await readLocal(this.db);
    if (!local) throw new RepoError('notSetUp');
    return (await readInstall(this.db, local)).installId;
  }

  /**
   * This installation's key, made the first time it is needed: at setup, joining, or after a
   * restore or re-key (which drop the old one). Never inside a write transaction (WebCrypto).
   */
  async signingKey(): Promise<SigningKey> {
    const id = await this.installId();
    const row = await this.db.keys.get(id);
    if (row?.privateKey) return row as SigningKey;
    const fresh = await generateSigningKey();
    await this.db.keys.put({ id, ...fresh, createdAt: new Date().toISOString() });
    return fresh;
  }

  async signer(): Promise<Signer> {
    const key = await this.signingKey();
    return { key: { alg: key.alg, pub: key.pub }, sign: (text) => signText(key, text) };
  }

  /** The short code people compare on this PC's screen and the other's. */
  async ownKeyCode(): Promise<string> {
    const k = await this.signingKey();
    return keyCodeOf(k);
  }

  /** Extends this installation's package chain by one package; returns what its envelope carries. */
  async nextLink(packageId: string, at: string): Promise<Envelope['chain']> {
    const installId = await this.installId();
    const row = (await this.db.settings.get('packageChain')) as PackageChainSettings | undefined;
    const prev = row?.installId === installId ? row : { key: 'packageChain' as const, installId, seq: 0, links: [] };
    const audit = await chainHead(this.db);
    const last = prev.links[prev.links.length - 1];
    const seq = prev.seq + 1;
    const hash = (await sha256(`${last?.hash ?? ''}\n${seq}\n${packageId}\n${at}\n${audit.seq}\n${audit.hash}`)).slice(0, 32);
    const links = [...prev.links, { seq, hash, at }].slice(-LINKS_KEPT);
    await this.db.settings.put({ key: 'packageChain', installId, seq, links });
    return { seq, links, audit };
  }

  async peer(id: string): Promise<PeerState | undefined> {
    return this.db.peers.get(id);
  }

  /** A person compared the code: packages signed with this key are taken from `installId` from now on. */
  async trustKey(installId: string, key: PublicKeyInfo, predecessor: string | null): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.peers, async () => {
      const prev = (await db.peers.get(installId)) ?? { id: installId, confirmed: {} };
      await db.peers.put({ ...prev, key, ...(predecessor ? { successorOf: predecessor } : {}) });
      if (predecessor) {
        const old = (await db.peers.get(predecessor)) ?? { id: predecessor, confirmed: {} };
        // What the old identity had confirmed is what the new one holds: its next package is incremental.
        await db.peers.put({ ...old, retiredAt: old.retiredAt ?? new Date().toISOString() });
        await db.peers.put({ ...prev, key, successorOf: predecessor, confirmed: { ...old.confirmed, ...prev.confirmed } });
      }
    });
  }

  /**
   * After a package was applied: its links and audit head remembered, the anchor it brought of
   * this installation's audit chain kept. Returns the fork when its links clash with those seen
   * before (two PCs write under one identity).
   */
  async noteReceived(envelope: Envelope): Promise<{ seq: number; since: ChainLinkRef | null } | null> {
    const { db } = this;
    const from = envelope.from.installId;
    const prev = (await db.peers.get(from)) ?? { id: from, confirmed: {} };
    const fork = findFork(prev.links ?? [], envelope.chain.links);
    const merged = new Map((prev.links ?? []).map((l) => [l.seq, l]));
    if (!fork) for (const l of envelope.chain.links) merged.set(l.seq, l);
    const links = [...merged.values()].sort((a, b) => a.seq - b.seq).slice(-LINKS_KEPT);
    const newer = !prev.audit || envelope.chain.audit.seq >= prev.audit.seq;
    await db.peers.put({ ...prev, links, ...(newer ? { audit: envelope.chain.audit } : {}) });
    if (envelope.anchor && envelope.anchor.seq > 0) {
      const row = ((await db.settings.get('anchors')) as AnchorSettings | undefined) ?? { key: 'anchors' as const, byPeer: {} };
      const nama = [envelope.from.officeName, envelope.from.installName].filter(Boolean).join(', ');
      await db.settings.put({ ...row, byPeer: { ...row.byPeer, [from]: { ...envelope.anchor, at: envelope.createdAt, nama } } });
    }
    return fork;
  }

  async anchors(): Promise<AnchorSettings['byPeer']> {
    return (((await this.db.settings.get('anchors')) as AnchorSettings | undefined) ?? { byPeer: {} }).byPeer;
  }

  async forks(): Promise<ForkSettings> {
    return ((await this.db.settings.get('forks')) as ForkSettings | undefined) ?? { key: 'forks', since: {}, found: [] };
  }

  /** Remembers an identity found on two PCs: from `sinceMs` on, its writes are concurrent (never last-writer-wins). */
  async noteFork(installId: string, nama: string, sinceMs: number, packages: string[]): Promise<void> {
    const row = await this.forks();
    const since = { ...row.since, [installId]: Math.min(row.since[installId] ?? Infinity, sinceMs) };
    const found = [...row.found.filter((f) => f.installId !== installId), { installId, nama, packages, at: new Date().toISOString() }];
    await this.db.settings.put({ key: 'forks', since, found });
  }

  /**
   * The key this installation knows for `installId`: one of its own (current or from before a
   * restore or re-key) or one a person confirmed for another installation. For checking a
   * backup's signer (issue #27).
   */
  async knownSigner(installId: string): Promise<KnownSigner | null> {
    const own = await this.db.keys.get(installId);
    if (own) return { key: { alg: own.alg, pub: own.pub }, nama: '', self: true, since: own.createdAt };
    const peer = await this.db.peers.get(installId);
    if (!peer?.key) return null;
    const inst = await this.db.installations.get(installId);
    const office = inst ? await this.db.offices.get(inst.officeId) : undefined;
    return { key: peer.key, nama: [office?.namaKantor, inst?.nama].filter(Boolean).join(', ') || installId, self: false };
  }
}

/**
 * After a restore or re-key the old identity signs nothing more: its private half is dropped. Its
 * public half stays, so this PC still verifies the backups it made under that identity.
 */
export async function retireOwnKeys(db: KinerjaDb, at: string): Promise<void> {
  await db.keys.toCollection().modify((k) => {
    delete k.privateKey;
    k.retiredAt ??= at;
  });
}
