/**
 * The one contract between the renderer, the preload bridge and the main process.
 * Channel names live here only; main validates every payload against these shapes
 * (validators.ts), the preload exposes exactly `KinerjaBridge`, the renderer calls it through
 * src-renderer/platform.
 */
export const IPC_CHANNELS = {
  openFile: 'kinerja:open-file',
  saveFile: 'kinerja:save-file',
  openPdf: 'kinerja:open-pdf',
  appInfo: 'kinerja:app-info',
  showDataFolder: 'kinerja:show-data-folder',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** The global name of the bridge object: `window.kinerja`. */
export const BRIDGE_KEY = 'kinerja';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenFileRequest {
  title: string;
  filters: FileFilter[];
  /** Files larger than this are refused in main, before they are read. */
  maxBytes: number;
}

export type OpenFileResult =
  | { status: 'cancelled' }
  | { status: 'tooLarge'; name: string; size: number; maxBytes: number }
  | { status: 'ok'; name: string; bytes: Uint8Array };

export interface SaveFileRequest {
  title: string;
  suggestedName: string;
  filters: FileFilter[];
  bytes: Uint8Array;
}

export type SaveFileResult = { status: 'cancelled' } | { status: 'saved'; path: string };

export interface OpenPdfRequest {
  fileName: string;
  bytes: Uint8Array;
}

export interface AppInfo {
  version: string;
  dataFolder: string;
  platform: string;
}

export interface KinerjaBridge {
  openFile(req: OpenFileRequest): Promise<OpenFileResult>;
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  /** Writes the PDF to a temporary file and opens it in the system viewer for printing. */
  openPdf(req: OpenPdfRequest): Promise<void>;
  appInfo(): Promise<AppInfo>;
  showDataFolder(): Promise<void>;
}

export const MAX_TRANSFER_BYTES = 200 * 1024 * 1024;
