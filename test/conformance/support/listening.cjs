// For drivers whose framework serves through its own `app.listen()` (Express, Koa).
const { once } = require('node:events');

/**
 * Resolves `{ server }` once the server `app.listen()` returned is listening; `onClose` runs when it has closed
 * (for these frameworks closing that server is the whole close path the health drain takes).
 */
async function listening(server, onClose) {
  server.once('close', onClose);
  await once(server, 'listening');
  return { server };
}

module.exports = { listening };
