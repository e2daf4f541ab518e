// Stands in for chokidar in the bundle (see build.mjs, conf.cjs): live reload starts after the
// first frame; chokidar and readdirp are in dist/lazy-later.cjs.
exports.watch = (...args) => require('./lazy-later.cjs').watch(...args);
