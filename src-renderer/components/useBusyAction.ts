import { useState } from 'react';

/**
 * One action at a time: `busy` while it runs (buttons disable), and anything it throws handed to
 * `onError` as the sentence to show.
 */
export function useBusyAction(onError: (err: unknown) => void): { busy: boolean; run: (work: () => Promise<void>) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
