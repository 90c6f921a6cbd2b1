/**
 * "Tersimpan" where the admin is looking: a confirmation fixed at the bottom of the window, so it
 * shows whether the form is scrolled to the top or the bottom, and never pushes the page down.
 * It fades after a few seconds (styles.css .toast) and is read out by screen readers.
 */
export function Toast({ text }: { text: string }) {
  return (
    <div className="toast" role="status" aria-live="polite" data-testid="toast">
      {text}
    </div>
  );
}
