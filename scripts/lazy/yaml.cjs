// Stands in for yaml in the bundle (see build.mjs): front matter as posts write it is read without
// it (src/posts/front-matter-simple.ts), so the library (about 115 KB that V8 parsed at every start,
// and compiled for a first start's first frame) is dist/lazy-yaml.cjs, required by the first block
// that needs it.
const load = () => require('./lazy-yaml.cjs');
module.exports.parseDocument = (...args) => load().parseDocument(...args);
