/**
 * Sandboxed preload: exposes exactly one object, `window.kinerja`, typed by the shared contract.
 * No raw ipcRenderer reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, IPC_CHANNELS, type KinerjaBridge } from './ipc-contract';

const bridge = {
  openFile: (req) => ipcRenderer.invoke(IPC_CHANNELS.openFile, req),
  saveFile: (req) => ipcRenderer.invoke(IPC_CHANNELS.saveFile, req),
  openPdf: (req) => ipcRenderer.invoke(IPC_CHANNELS.openPdf, req),
  appInfo: () => ipcRenderer.invoke(IPC_CHANNELS.appInfo),
  showDataFolder: () => ipcRenderer.invoke(IPC_CHANNELS.showDataFolder),
  serverConfigure: (req) => ipcRenderer.invoke(IPC_CHANNELS.serverConfigure, req),
  serverStatus: () => ipcRenderer.invoke(IPC_CHANNELS.serverStatus),
  serverRequest: (req) => ipcRenderer.invoke(IPC_CHANNELS.serverRequest, req),
} satisfies KinerjaBridge;

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
