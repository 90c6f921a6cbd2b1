// Exits 0 when the running Node satisfies package.json "engines.node" (a ">=X.Y.Z" floor), 1
// otherwise. .ci/run uses it to decide whether to fetch the project's Node; plain CJS so it runs on
// any old Node.
const floor = require('../package.json').engines.node.replace(/^>=\s*/, '').split('.').map(Number);
const have = process.versions.node.split('.').map(Number);
let ok = true;
for (let i = 0; i < 3; i++) {
  if ((have[i] ?? 0) !== (floor[i] ?? 0)) { ok = (have[i] ?? 0) > (floor[i] ?? 0); break; }
}
process.exit(ok ? 0 : 1);
