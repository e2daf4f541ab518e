// Stands in for cli-table3 in the bundle (see build.mjs): marked-terminal imports it at start, but
// our tables are laid out by src/render/table.ts, so it, @colors/colors and an older string-width
// (about 110 KB that V8 parsed at every start) are a separate file, required if a table is ever
// made through it.
let real;
module.exports = function Table(...options) {
	real ??= require('./lazy-table.cjs');
	return new real(...options);
};
