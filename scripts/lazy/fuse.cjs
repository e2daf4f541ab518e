// Stands in for fuse.js in the bundle (see build.mjs, conf.cjs): the session index is built after
// the first frame; fuse.js is in dist/lazy-later.cjs.
module.exports = function Fuse(...args) {
	const Real = require('./lazy-later.cjs').Fuse;
	return new Real(...args);
};
