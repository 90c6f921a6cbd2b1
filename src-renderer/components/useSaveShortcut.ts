import { useEffect, useRef } from 'react';
import { SAVE_REQUEST_EVENT } from './shortcuts';

/** Ctrl+S saves the editor on screen (components/shortcuts.ts sends the request); `enabled` false ignores it. */
export function useSaveShortcut(save: () => void, enabled: boolean): void {
  const latest = useRef(save);
  useEffect(() => {
    latest.current = save;
  });
  useEffect(() => {
    if (!enabled) return;
    const onSave = () => latest.current();
    window.addEventListener(SAVE_REQUEST_EVENT, onSave);
    return () => window.removeEventListener(SAVE_REQUEST_EVENT, onSave);
  }, [enabled]);
}
