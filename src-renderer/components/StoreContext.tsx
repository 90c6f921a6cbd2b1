import { createContext, useContext } from 'react';
import type { Profile } from '../db/settingsRepo';
import type { DataStore } from '../db/store';

export interface AppContextValue {
  store: DataStore;
  profile: Profile;
}

const AppContext = createContext<AppContextValue | null>(null);
export const AppContextProvider = AppContext.Provider;

export function useApp(): AppContextValue {
  const v = useContext(AppContext);
  if (!v) throw new Error('useApp outside AppContextProvider');
  return v;
}
