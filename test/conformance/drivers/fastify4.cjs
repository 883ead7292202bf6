// Conformance driver for @fasttodo/fastify on Fastify 4 (the older supported major): the same app. Fastify 4
// takes router options at the top level (5 deprecates that for `routerOptions`).
module.exports = require('./fastify.cjs').fastifyDriver(require('fastify4'), { maxParamLength: 8192 });
