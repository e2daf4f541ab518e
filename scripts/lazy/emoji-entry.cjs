// Entry of dist/chunks/lazy-emoji.cjs (see build.mjs).
module.exports = require('node-emoji');
