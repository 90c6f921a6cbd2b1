import { createContext, useContext, useId, useLayoutEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';

interface Gate {
  subscribe(listener: () => void): () => void;
  shown(): boolean;
  report(id: string, loading: boolean): void;
  /** Every part mounted with the screen has reported (called after their layout effects). */
  check(): void;
}

function createGate(): Gate {
  const pending = new Set<string>();
  const listeners = new Set<() => void>();
  let checked = false;
  let shown = false;
  const update = () => {
    if (shown || !checked || pending.size > 0) return;
    shown = true;
    for (const l of listeners) l();
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    shown: () => shown,
    report(id, loading) {
      if (loading) pending.add(id);
      else pending.delete(id);
      update();
    },
    check() {
      checked = true;
      update();
    },
  };
}

const GateContext = createContext<Gate | null>(null);

/**
 * A screen made of parts that read the database on their own (Pengaturan's cards, an editor's
 * panels) is shown once every part has its data. Drawn part by part, each answer arriving pushed
 * the parts beneath it down, and a click aimed at a button landed on whatever took its place.
 * The parts are laid out hidden while they read, so the first thing seen is the finished screen;
 * once shown, the screen is not hidden again (a live query's later answers only change text).
 */
export function LoadGate({ children }: { children: ReactNode }) {
  const t = useT();
  const [gate] = useState(createGate);
  const shown = useSyncExternalStore(gate.subscribe, gate.shown);
  // Children's layout effects run before this one, so by now every part has said whether it reads;
  // the store's change re-renders before the browser paints.
  useLayoutEffect(() => gate.check(), [gate]);
  return (
    <GateContext.Provider value={gate}>
      {shown ? null : (
        <p className="loading" data-testid="load-gate">
          {t('app.loading')}
        </p>
      )}
      <div className="load-gate" hidden={!shown} aria-busy={!shown}>
        {children}
      </div>
    </GateContext.Provider>
  );
}

/** A part of a LoadGate says it is still reading (outside a gate it does nothing). */
export function useGateLoading(loading: boolean): void {
  const gate = useContext(GateContext);
  const id = useId();
  useLayoutEffect(() => {
    gate?.report(id, loading);
  }, [gate, id, loading]);
  useLayoutEffect(() => () => gate?.report(id, false), [gate, id]);
}
