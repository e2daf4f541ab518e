// Entry of dist/lazy-yaml.cjs (see build.mjs).
module.exports = require('yaml');
