import { createPortal } from 'react-dom';

/**
 * "Tersimpan" where the admin is looking, hiding nothing. On a screen with an action bar the
 * confirmation takes a line of its own at the top of the bar (ToastSlot), so it never covers
 * Cetak, Ajukan or Finalkan; elsewhere it is fixed at the bottom right of the window. Either way it
 * never pushes the page down, fades after a few seconds (styles.css .toast) and is read out by
 * screen readers.
 */
export function Toast({ text }: { text: string }) {
  // A toast follows a user's action, so the bar it belongs in is on the page by then.
  const slot = typeof document === 'undefined' ? null : document.querySelector('[data-toast-slot]');
  const toast = (
    <div className={slot ? 'toast toast-inline' : 'toast'} role="status" aria-live="polite" data-testid="toast">
      {text}
    </div>
  );
  return slot ? createPortal(toast, slot) : toast;
}

/** An action bar's spacer, and the line a toast takes at the top of the bar, above its buttons. */
export function ToastSlot() {
  return (
    <>
      <span className="spacer" />
      <span className="toast-slot" data-toast-slot="" />
    </>
  );
}
