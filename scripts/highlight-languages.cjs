// Stands in for `highlight.js` in the bundle (see build.mjs): its core with the languages notes
// use, instead of all 190, which cost about 150 ms at every start of the printed path.
const hljs = require('highlight.js/lib/core');

const languages = {
	bash: ['sh', 'shell', 'zsh'], c: ['h'], cpp: ['cc', 'c++', 'hpp'], csharp: ['cs'], css: [], diff: ['patch'],
	dockerfile: ['docker'], go: ['golang'], ini: ['toml'], java: [], javascript: ['js', 'jsx', 'mjs'], json: [],
	kotlin: [], lua: [], makefile: ['mk'], markdown: ['md'], nginx: [], perl: [], php: [], plaintext: ['text', 'txt'],
	protobuf: ['proto'], python: ['py'], ruby: ['rb'], rust: ['rs'], scala: [], shell: ['console'], sql: [],
	swift: [], typescript: ['ts', 'tsx'], xml: ['html', 'svg'], yaml: ['yml'],
};
for (const [name, aliases] of Object.entries(languages)) {
	hljs.registerLanguage(name, require(`highlight.js/lib/languages/${name}`));
	if (aliases.length > 0) hljs.registerAliases(aliases, {languageName: name});
}
module.exports = hljs;
