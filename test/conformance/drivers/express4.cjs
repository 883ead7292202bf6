// Conformance driver for @fasttodo/express on Express 4 (the older supported major): the same app.
module.exports = require('./express.cjs').expressDriver(require('express4'));
