// Stands in for cli-highlight in the bundle (see build.mjs): it and parse5 load on the first code
// block that is highlighted, not at every start of the printed path.
let real;
const load = () => (real ??= require('cli-highlight'));
module.exports = {
	highlight: (code, options) => load().highlight(code, options),
	supportsLanguage: name => load().supportsLanguage(name),
	listLanguages: () => load().listLanguages(),
	plain: text => text,
	get DEFAULT_THEME() {
		return load().DEFAULT_THEME;
	},
};
