// Entry of dist/chunks/lazy-highlight.cjs (see build.mjs).
module.exports = require('cli-highlight');
