import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** Electron's security checklist items 2–4, 6, 8–10: fixed here and asserted by unit tests. */
export function secureWebPreferences(preloadPath: string, devTools = true): WebPreferences {
  return {
    preload: preloadPath,
    // A packaged app has no developer tools at all (not only a hidden menu entry).
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  };
}

export function mainWindowOptions(preloadPath: string, iconPath?: string, devTools = true): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Kinerja Luring',
    show: false,
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: false,
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: secureWebPreferences(preloadPath, devTools),
  };
}

/**
 * What to do when the page's renderer process dies (a crash, out of memory on a hostile file):
 * reload it and say why, instead of leaving a blank window. Every write is one transaction, so
 * nothing half-saved is left behind. A clean exit (the window closing) needs nothing.
 */
export function crashRecovery(reason: string): { reload: boolean; message: string } {
  if (reason === 'clean-exit') return { reload: false, message: '' };
  const why = reason === 'oom' ? 'kehabisan memori' : reason === 'killed' ? 'dihentikan oleh sistem' : 'berhenti tiba-tiba';
  return {
    reload: true,
    message: `Halaman aplikasi ${why} dan dimuat ulang. Data yang sudah tersimpan tetap utuh; periksa kembali isian terakhir Anda. Bila terjadi saat membuka berkas, berkas itu kemungkinan rusak atau terlalu besar.`,
  };
}
