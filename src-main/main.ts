/**
 * Electron main process: a thin shell. It serves the built renderer from app://kinerja, keeps the
 * window locked to it, and offers a handful of validated file operations through IPC. All
 * product logic lives in the renderer (src-renderer), which also runs in a plain browser.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell, type IpcMainInvokeEvent } from 'electron';
import { randomUUID } from 'node:crypto';
import { promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import { mimeType, resolveAppFile } from './app-files';
import { CONTENT_SECURITY_POLICY } from './csp';
import { IPC_CHANNELS, type AppInfo, type OpenFileResult, type SaveFileResult } from './ipc-contract';
import { buildMenuTemplate } from './menu';
import { ServerLink } from './server-link';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  isAllowedNavigation,
  isAllowedPermission,
  isTrustedSender,
  validateNoArgs,
  validateOpenFileRequest,
  validateOpenPdfRequest,
  validateSaveFileRequest,
  validateServerConfigure,
  validateServerRequest,
} from './validators';
import { crashRecovery, mainWindowOptions } from './window-options';

const RENDERER_DIR = path.join(__dirname, '..', '..', 'dist');
const PRELOAD = path.join(__dirname, 'preload.js');

// Must run before `ready`: a standard, secure scheme gives IndexedDB a stable origin.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
]);

let mainWindow: BrowserWindow | null = null;

function handle<T>(channel: string, validate: (arg: unknown) => T, run: (arg: T) => Promise<unknown>): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, arg: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame?.url, frame !== null && frame === event.sender.mainFrame)) {
      throw new Error('IPC refused: untrusted sender');
    }
    return run(validate(arg));
  });
}

function registerIpc(): void {
  handle(IPC_CHANNELS.openFile, validateOpenFileRequest, async (req): Promise<OpenFileResult> => {
    const options = { title: req.title, filters: req.filters, properties: ['openFile' as const] };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    const file = result.filePaths[0];
    if (result.canceled || !file) return { status: 'cancelled' };
    const stat = await fs.stat(file);
    const name = path.basename(file);
    if (stat.size > req.maxBytes) return { status: 'tooLarge', name, size: stat.size, maxBytes: req.maxBytes };
    return { status: 'ok', name, bytes: new Uint8Array(await fs.readFile(file)) };
  });

  handle(IPC_CHANNELS.saveFile, validateSaveFileRequest, async (req): Promise<SaveFileResult> => {
    const options = {
      title: req.title,
      defaultPath: path.join(app.getPath('documents'), req.suggestedName),
      filters: req.filters,
    };
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { status: 'cancelled' };
    await fs.writeFile(result.filePath, req.bytes);
    return { status: 'saved', path: result.filePath };
  });

  handle(IPC_CHANNELS.openPdf, validateOpenPdfRequest, async (req) => {
    const dir = path.join(TEMP_PDF_DIR(), randomUUID());
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, req.fileName);
    await fs.writeFile(file, req.bytes);
    const error = await shell.openPath(file);
    if (error) throw new Error(error);
  });

  handle(IPC_CHANNELS.appInfo, validateNoArgs, async (): Promise<AppInfo> => ({
    version: app.getVersion(),
    dataFolder: app.getPath('userData'),
    platform: process.platform,
  }));

  handle(IPC_CHANNELS.showDataFolder, validateNoArgs, async () => {
    await shell.openPath(app.getPath('userData'));
  });

  // The BKD server (issue #28): the one place the app makes network requests, to that server only.
  const server = new ServerLink(app.getPath('userData'), safeStorage);
  handle(IPC_CHANNELS.serverConfigure, validateServerConfigure, (req) => server.configure(req));
  handle(IPC_CHANNELS.serverStatus, validateNoArgs, () => server.status());
  handle(IPC_CHANNELS.serverRequest, validateServerRequest, (req) => server.request(req));
}

function lockDown(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((wc, permission, callback, details) => callback(isAllowedPermission(permission, details.requestingUrl ?? wc.getURL())));
  ses.setPermissionCheckHandler((_wc, permission, origin) => isAllowedPermission(permission, origin));
  // Nothing leaves the machine: only the app's own scheme and in-memory URLs load.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = /^(app|blob|data|devtools):/.test(details.url);
    callback({ cancel: !ok });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.on('will-navigate', (e, url) => {
      if (!isAllowedNavigation(url)) e.preventDefault();
    });
    contents.on('will-redirect', (e, url) => {
      if (!isAllowedNavigation(url)) e.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** Forms opened for printing hold personal data: they live here and are removed when the app quits. */
const TEMP_PDF_DIR = () => path.join(app.getPath('temp'), 'kinerja-luring');

function createWindow(): void {
  mainWindow = new BrowserWindow(mainWindowOptions(PRELOAD, undefined, !app.isPackaged));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.webContents.on('render-process-gone', (_e, details) => {
    const { reload, message } = crashRecovery(details.reason);
    if (!reload || !mainWindow) return;
    mainWindow.reload();
    void dialog.showMessageBox(mainWindow, { type: 'warning', title: 'Kinerja Luring', message });
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(APP_ENTRY_URL);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  void app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, async (request) => {
      const file = resolveAppFile(RENDERER_DIR, request.url);
      if (!file) return new Response('Tidak ditemukan', { status: 404 });
      try {
        const data = await fs.readFile(file);
        return new Response(new Uint8Array(data), {
          headers: { 'content-type': mimeType(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
        });
      } catch {
        return new Response('Tidak ditemukan', { status: 404 });
      }
    });
    lockDown();
    registerIpc();
    app.on('will-quit', () => {
      // Synchronous: the process is about to end and an awaited removal would never finish.
      rmSync(TEMP_PDF_DIR(), { recursive: true, force: true });
    });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate(
          { isMac: process.platform === 'darwin', isDev: !app.isPackaged },
          {
            backup: () => {
              const modifier = process.platform === 'darwin' ? 'meta' : 'control';
              for (const type of ['keyDown', 'keyUp'] as const) mainWindow?.webContents.sendInputEvent({ type, keyCode: 'S', modifiers: [modifier, 'shift'] });
            },
            showDataFolder: () => void shell.openPath(app.getPath('userData')),
            showAbout: () =>
              void dialog.showMessageBox({
                type: 'info',
                title: 'Tentang Kinerja Luring',
                message: `Kinerja Luring ${app.getVersion()}`,
                detail: 'Pengelolaan kinerja ASN tanpa jaringan.',
              }),
          },
        ),
      ),
    );
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
