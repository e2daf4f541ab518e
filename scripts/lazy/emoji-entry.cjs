// Entry of dist/lazy-emoji.cjs (see build.mjs).
module.exports = require('node-emoji');
