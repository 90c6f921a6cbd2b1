import { useEffect, useSyncExternalStore } from 'react';

/**
 * Hash routing (#/pegawai/123): works the same from app://, http:// and file://, needs no server.
 * A screen with unsaved changes registers a guard; leaving then asks for confirmation, whether
 * the user clicked a link, used Back, or closed the window.
 */
let guardMessage: string | null = null;
let currentHash = typeof location === 'undefined' ? '' : location.hash;
const listeners = new Set<() => void>();

function onHashChange() {
  if (location.hash === currentHash) return;
  if (guardMessage && !window.confirm(guardMessage)) {
    history.replaceState(null, '', currentHash || '#/');
    return;
  }
  guardMessage = null;
  currentHash = location.hash;
  listeners.forEach((l) => l());
}

if (typeof window !== 'undefined') window.addEventListener('hashchange', onHashChange);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentPath(): string[] {
  return currentHash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

let cachedHash = '';
let cachedPath: string[] = [];
function snapshot(): string[] {
  if (cachedHash !== currentHash) {
    cachedHash = currentHash;
    cachedPath = currentPath();
  }
  return cachedPath;
}

export function useRoute(): string[] {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

export function href(...segments: string[]): string {
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}

export function navigate(...segments: string[]): void {
  location.hash = href(...segments).slice(1);
}

/** Drop the guard without asking (after a successful save), then go. */
export function navigateAfterSave(...segments: string[]): void {
  guardMessage = null;
  navigate(...segments);
}

export function useUnsavedGuard(dirty: boolean, message: string): void {
  useEffect(() => {
    if (!dirty) return;
    guardMessage = message;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      if (guardMessage === message) guardMessage = null;
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [dirty, message]);
}
