// Entry of dist/chunks/lazy-table.cjs (see build.mjs).
module.exports = require('cli-table3');
