import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorScreen } from './app/ErrorBoundary';
import './app/styles.css';
import { DataStore } from './db/store';
import { translate } from './i18n/i18n';
import { requestPersistentStorage } from './platform/platform';

const root = createRoot(document.getElementById('root') as HTMLElement);

async function start() {
  try {
    const store = await DataStore.open();
    void requestPersistentStorage();
    root.render(
      <StrictMode>
        <App store={store} />
      </StrictMode>,
    );
  } catch (err) {
    const detail = translate('id', 'error.storage', { detail: err instanceof Error ? err.message : String(err) });
    root.render(<ErrorScreen lang="id" detail={detail} />);
  }
}

void start();
