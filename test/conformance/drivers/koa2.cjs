// Conformance driver for @fasttodo/koa on Koa 2 (the older supported major): the same app.
module.exports = require('./koa.cjs').koaDriver(require('koa2'));
