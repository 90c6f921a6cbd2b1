import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useApp } from './StoreContext';
import type { SyncMeta } from '../domain/records';
import { bringsNews, onRevision, openSession, saveOf, typedPaths, type EditSession, type LocalEdit } from '../domain/sync/localEdit';
import { writerOf } from '../domain/sync/access';
import { useT } from '../i18n/i18n';
import { useInstallation } from './useInstallation';
import { pathLabel } from './syncText';

export interface EditDraft<D extends object> {
  draft: D;
  /** Sets some fields of the draft. */
  change(patch: Partial<D>): void;
  /** Anything typed that is not saved. */
  dirty: boolean;
  /**
   * Saves through `write` with the typed fields and what the person saw (db/write.ts); the draft
   * then shows the saved record. Returns what `write` returned.
   */
  save<R extends SyncMeta>(write: (fields: Partial<D>, edit: LocalEdit) => Promise<R>): Promise<R>;
  /** "Rating dari laptop Camat diterima saat Anda menyunting; isian Anda tetap", or null. */
  arrival: string | null;
}

interface State<D extends object> {
  session: EditSession<D>;
  arrival: { paths: string[]; from: string; typed: boolean; clash: boolean } | null;
  /** This editor's own save is under way: the revision it writes is not an arrival. */
  saving: boolean;
}

/**
 * The one editor scaffold (evaluation, SKP, employee, follow-up, unit grid): a draft of some fields
 * of a stored record, the version the person saw, and what happens when a new revision lands
 * while the editor is open — a package received, another window's save. Untouched fields take the
 * new values, typed fields stay, and `arrival` says what came from whom. Saving writes only the
 * typed paths (domain/sync/localEdit.ts), so nothing that arrived is reverted.
 */
export function useEditDraft<S extends SyncMeta, D extends object>(table: string, found: S | null, pick: (doc: S) => D, empty?: () => D): EditDraft<D> {
  const t = useT();
  const { store } = useApp();
  const installations = useLiveQuery(() => store.sync.installations(), [store]);
  const self = useInstallation();
  // A new record (nothing stored yet) is edited against its empty fields; key the editor by id.
  const [blank] = useState(() => (found ? null : ({ id: '', rev: '', createdAt: '', updatedAt: '', updatedBy: '', deleted: false, ...empty?.() } as unknown as S)));
  const stored = found ?? blank!;
  const [state, setState] = useState<State<D>>(() => ({ session: openSession(stored, pick), arrival: null, saving: false }));

  // A new revision under the editor (not this editor's own save, which resets it below).
  if (!state.saving && bringsNews(state.session.shown, stored)) {
    const typed = typedPaths(table, state.session).length > 0;
    const r = onRevision(table, state.session, stored, pick);
    // Told only of what another installation wrote (this PC's own Finalkan in this screen is no news).
    const foreign = r.arrived.map((p) => ({ p, by: writerOf(stored, p) })).filter((x) => x.by !== self?.id);
    const arrival = foreign.length > 0 ? { paths: foreign.map((x) => x.p), from: foreign[0]!.by, typed, clash: r.clashed.length > 0 } : state.arrival;
    setState({ session: r.session, arrival, saving: false });
  }
  const { session } = state;
  const dirty = typedPaths(table, session).length > 0;

  let arrival: string | null = null;
  if (state.arrival) {
    const fields = [...new Set(state.arrival.paths.filter((p) => !p.includes('#')).map((p) => pathLabel(t, p)))].join(', ');
    const from = installations?.find((i) => i.id === state.arrival!.from)?.nama ?? t('edit.arrived.other');
    const key = state.arrival.clash ? 'edit.arrived.clash' : state.arrival.typed ? 'edit.arrived.kept' : 'edit.arrived.shown';
    arrival = t(key, { fields, from });
  }

  return {
    draft: session.draft,
    dirty,
    arrival,
    change: (patch) => setState((s) => ({ ...s, session: { ...s.session, draft: { ...s.session.draft, ...patch } } })),
    save: async (write) => {
      const { fields, edit } = saveOf(table, session);
      setState((s) => ({ ...s, saving: true }));
      try {
        const saved = await write(fields, edit);
        setState({ session: openSession(saved as unknown as S, pick), arrival: null, saving: false });
        return saved;
      } catch (err) {
        // Refused: the draft stays as typed.
        setState((s) => ({ ...s, saving: false }));
        throw err;
      }
    },
  };
}
