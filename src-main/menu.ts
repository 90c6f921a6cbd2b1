import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** Starts "Cadangkan data" in the window (it sends the page the same Ctrl+Shift+S the page handles). */
  backup(): void;
  showDataFolder(): void;
  showAbout(): void;
}

/** Indonesian application menu with the usual shortcuts (roles keep the OS accelerators). */
export function buildMenuTemplate(opts: { isMac: boolean; isDev: boolean }, actions: MenuActions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: 'Muat Ulang' },
    { type: 'separator' },
    { role: 'resetZoom', label: 'Ukuran Asli' },
    { role: 'zoomIn', label: 'Perbesar' },
    { role: 'zoomOut', label: 'Perkecil' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Layar Penuh' },
  ];
  if (opts.isDev) view.push({ role: 'toggleDevTools', label: 'Alat Pengembang' });
  return [
    {
      label: 'Berkas',
      submenu: [
        // Not registered as a menu accelerator: the page itself handles Ctrl+Shift+S (also in a browser).
        { label: 'Cadangkan Data…', accelerator: 'CommandOrControl+Shift+S', registerAccelerator: false, click: () => actions.backup() },
        { label: 'Buka Folder Data', click: () => actions.showDataFolder() },
        { type: 'separator' },
        opts.isMac ? { role: 'close', label: 'Tutup Jendela' } : { role: 'quit', label: 'Keluar' },
      ],
    },
    {
      label: 'Sunting',
      submenu: [
        { role: 'undo', label: 'Urungkan' },
        { role: 'redo', label: 'Ulangi' },
        { type: 'separator' },
        { role: 'cut', label: 'Potong' },
        { role: 'copy', label: 'Salin' },
        { role: 'paste', label: 'Tempel' },
        { role: 'selectAll', label: 'Pilih Semua' },
      ],
    },
    { label: 'Tampilan', submenu: view },
    { label: 'Bantuan', submenu: [{ label: 'Tentang Kinerja Luring', click: () => actions.showAbout() }] },
  ];
}
