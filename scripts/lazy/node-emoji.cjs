// Stands in for node-emoji in the bundle (see build.mjs). marked-terminal imports it at start, but
// we render with `emoji: false`, so its 200 KB of emoji data loads only if something ever asks.
let real;
const load = () => (real ??= require('node-emoji'));
module.exports = {
	get: name => load().get(name),
	emojify: text => load().emojify(text),
};
