/**
 * What a document remembers about who wrote each of its paths, so that any two installations can
 * merge their copies without talking to each other.
 *
 * Every path holds one or more *heads*: writes that no other known write has seen. A write carries
 * its rev (HLC, so it names its installation) and a context: for each other installation, the
 * newest rev of it that the author had seen for that path. A write whose rev is covered by another
 * head's context (or by a later write of the same installation) is superseded; two heads that have
 * not seen each other are a conflict. The head with the greater rev wins, so every installation
 * shows the same value; the others stay beside it until someone writes the path again, having seen
 * them all. Merging is a set union followed by dropping superseded heads: the same result in any
 * order, any grouping, any number of times.
 *
 * Stored compactly beside the document's values (field `sv`): `b` is the rev that wrote every path
 * without an entry of its own (the creating write, or the last write of a document from before
 * sync); `f` holds an entry per path written since, with its other heads in `alt`.
 */

/** Installation → newest rev of it that the author had seen. */
export type Context = Readonly<Record<string, string>>;

export interface Head {
  r: string;
  c?: Context;
  /** The path was removed by this write. */
  d?: 1;
  /** The value, stored only where the document cannot show it (other heads, removed items). */
  v?: unknown;
}

export interface FieldVersion extends Head {
  alt?: Head[];
}

export interface SyncVersions {
  b: string;
  f: Record<string, FieldVersion>;
}
