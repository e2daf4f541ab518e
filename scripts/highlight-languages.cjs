// Stands in for `highlight.js` in the bundle (see build.mjs): its core with the languages notes
// use, instead of all 190, which cost about 150 ms at every start of the printed path.
const hljs = require('highlight.js/lib/core');

const languages = {
	bash: ['sh', 'shell', 'zsh'],
	c: ['h'],
	cpp: ['cc', 'c++', 'hpp'],
	csharp: ['cs'],
	css: [],
	diff: ['patch'],
	dockerfile: ['docker'],
	go: ['golang'],
	ini: ['toml'],
	java: [],
	javascript: ['js', 'jsx', 'mjs'],
	json: [],
	kotlin: [],
	lua: [],
	makefile: ['mk'],
	markdown: ['md'],
	nginx: [],
	perl: [],
	php: [],
	plaintext: ['text', 'txt'],
	protobuf: ['proto'],
	python: ['py'],
	ruby: ['rb'],
	rust: ['rs'],
	scala: [],
	shell: ['console'],
	sql: [],
	swift: [],
	typescript: ['ts', 'tsx'],
	xml: ['html', 'svg'],
	yaml: ['yml'],
};
// Each required by name, so esbuild bundles it: a `${name}` template would be left to resolve at
// run time, from a node_modules the installed package may not have.
const definitions = {
	bash: require('highlight.js/lib/languages/bash'),
	c: require('highlight.js/lib/languages/c'),
	cpp: require('highlight.js/lib/languages/cpp'),
	csharp: require('highlight.js/lib/languages/csharp'),
	css: require('highlight.js/lib/languages/css'),
	diff: require('highlight.js/lib/languages/diff'),
	dockerfile: require('highlight.js/lib/languages/dockerfile'),
	go: require('highlight.js/lib/languages/go'),
	ini: require('highlight.js/lib/languages/ini'),
	java: require('highlight.js/lib/languages/java'),
	javascript: require('highlight.js/lib/languages/javascript'),
	json: require('highlight.js/lib/languages/json'),
	kotlin: require('highlight.js/lib/languages/kotlin'),
	lua: require('highlight.js/lib/languages/lua'),
	makefile: require('highlight.js/lib/languages/makefile'),
	markdown: require('highlight.js/lib/languages/markdown'),
	nginx: require('highlight.js/lib/languages/nginx'),
	perl: require('highlight.js/lib/languages/perl'),
	php: require('highlight.js/lib/languages/php'),
	plaintext: require('highlight.js/lib/languages/plaintext'),
	protobuf: require('highlight.js/lib/languages/protobuf'),
	python: require('highlight.js/lib/languages/python'),
	ruby: require('highlight.js/lib/languages/ruby'),
	rust: require('highlight.js/lib/languages/rust'),
	scala: require('highlight.js/lib/languages/scala'),
	shell: require('highlight.js/lib/languages/shell'),
	sql: require('highlight.js/lib/languages/sql'),
	swift: require('highlight.js/lib/languages/swift'),
	typescript: require('highlight.js/lib/languages/typescript'),
	xml: require('highlight.js/lib/languages/xml'),
	yaml: require('highlight.js/lib/languages/yaml'),
};
for (const [name, aliases] of Object.entries(languages)) {
	hljs.registerLanguage(name, definitions[name]);
	if (aliases.length > 0) hljs.registerAliases(aliases, {languageName: name});
}
module.exports = hljs;
