import { useEffect } from 'react';
import { navigate } from './router';

/**
 * Ctrl+Shift+S (and the desktop menu's "Cadangkan Data…", which sends that key) starts a backup
 * from any screen: Pengaturan opens and its backup card takes the request, whether it is already
 * on screen (the event) or mounts after the navigation (the pending flag).
 */
export const BACKUP_REQUEST_EVENT = 'kinerja:backup-request';
let pending = false;

export function requestBackup(): void {
  pending = true;
  navigate('pengaturan');
  window.dispatchEvent(new Event(BACKUP_REQUEST_EVENT));
}

/** True once per request: the card that starts the backup clears it. */
export function takeBackupRequest(): boolean {
  const was = pending;
  pending = false;
  return was;
}

export function isBackupShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 's';
}

/** Ctrl+S: the editor on screen saves (components/useSaveShortcut), instead of the browser's "save page". */
export const SAVE_REQUEST_EVENT = 'kinerja:save-request';

export function isSaveShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 's';
}

export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isSaveShortcut(e)) {
        e.preventDefault();
        // A field being edited commits its value first (React reads it on input, so nothing is lost).
        window.dispatchEvent(new Event(SAVE_REQUEST_EVENT));
        return;
      }
      if (!isBackupShortcut(e)) return;
      e.preventDefault();
      requestBackup();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
