// Stands in for proper-lockfile in the bundle (see build.mjs, conf.cjs): in dist/lazy-later.cjs.
const load = () => require('./lazy-later.cjs').lockfile;
for (const name of ['lock', 'unlock', 'check', 'lockSync', 'unlockSync', 'checkSync'])
	module.exports[name] = (...args) => load()[name](...args);
