// Entry of dist/lazy-highlight.cjs (see build.mjs).
module.exports = require('cli-highlight');
