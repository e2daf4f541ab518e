// Stands in for cli-highlight in the bundle (see build.mjs): it, highlight.js and parse5 are a
// separate file (dist/lazy-highlight.cjs) required on the first code block highlighted. In
// the bundle V8 would parse their 400 KB at every start without the code cache, even if never run.
let real;
const load = () => (real ??= require('./lazy-highlight.cjs'));
module.exports = {
	highlight: (code, options) => load().highlight(code, options),
	supportsLanguage: (name) => load().supportsLanguage(name),
	listLanguages: () => load().listLanguages(),
	plain: (text) => text,
	get DEFAULT_THEME() {
		return load().DEFAULT_THEME;
	},
};
