// Stands in for node-emoji in the bundle (see build.mjs). marked-terminal imports it at start, but
// we render with `emoji: false`: its 200 KB of emoji data is a separate file
// (dist/lazy-emoji.cjs), loaded only if something ever asks.
let real;
const load = () => (real ??= require('./lazy-emoji.cjs'));
module.exports = {
	get: (name) => load().get(name),
	emojify: (text) => load().emojify(text),
};
