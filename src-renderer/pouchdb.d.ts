/**
 * The PouchDB packages ship no types; these are the few calls the app and its tests make
 * (jobs/networkSync.ts types the database side it uses). pouchdb-browser imports Node's `events`;
 * the `events` dependency is the browser copy Vite bundles for it.
 */
declare module 'pouchdb-browser' {
  const PouchDB: import('./jobs/pouchTypes').PouchConstructor;
  export default PouchDB;
}
declare module 'pouchdb-core' {
  const PouchDB: import('./jobs/pouchTypes').PouchConstructor;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
