// The one place the local port is chosen: `npm run web`, `npm start`'s browser fallback and the
// e2e suite all serve on 127.0.0.1 at PORT (default 4173), so another program on 4173 is avoided
// by setting PORT once.
const DEFAULT_PORT = 4173;

/** @returns {number} */
function appPort() {
  const raw = process.env.PORT;
  if (!raw) return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new Error(`PORT=${raw} is not a usable port (1024–65535).`);
  }
  return port;
}

module.exports = { appPort, DEFAULT_PORT };
