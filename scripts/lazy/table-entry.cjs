// Entry of dist/lazy-table.cjs (see build.mjs).
module.exports = require('cli-table3');
