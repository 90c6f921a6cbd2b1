import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installPasteGuard } from './app/pasteGuard';
import { ErrorScreen } from './app/ErrorBoundary';
import './app/styles.css';
import { DataStore } from './db/store';
import { translate } from './i18n/i18n';
import { requestPersistentStorage } from './platform/platform';

const root = createRoot(document.getElementById('root') as HTMLElement);
installPasteGuard();

async function start() {
  try {
    const store = await DataStore.open(undefined, {
      onBlocked: () => root.render(<ErrorScreen lang="id" detail={translate('id', 'error.storageBlocked')} />),
    });
    void requestPersistentStorage();
    root.render(
      <StrictMode>
        <App store={store} />
      </StrictMode>,
    );
  } catch (err) {
    const detail = storageOpenMessage(err);
    root.render(<ErrorScreen lang="id" detail={detail} />);
  }
}

/** Why the data could not be opened, in words an admin can act on. */
function storageOpenMessage(err: unknown): string {
  const name = (err as { name?: string; inner?: { name?: string } } | null)?.name;
  const inner = (err as { inner?: { name?: string } } | null)?.inner?.name;
  if (name === 'VersionError' || inner === 'VersionError') return translate('id', 'error.storageNewer');
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return translate('id', 'error.quotaExceeded');
  return translate('id', 'error.storage', { detail: err instanceof Error ? err.message : String(err) });
}

void start();
