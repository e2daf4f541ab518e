// Stands in for conf in the bundle (see build.mjs): the store writes through it only after the
// first frame, so conf, ajv, ajv-formats, fast-uri, semver and the rest (about 200 KB that V8
// parsed at every start) are in dist/lazy-later.cjs, required on first use.
module.exports = function Conf(options) {
	const Real = require('./lazy-later.cjs').Conf;
	return new Real(options);
};
