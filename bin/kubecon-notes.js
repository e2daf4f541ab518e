#!/usr/bin/env node
// CommonJS (bin/package.json says so), as is the launcher it runs: an ES module entry costs node its
// module loader (about 9 ms). The path stays bin/kubecon-notes.js: scripts and tools run it.
require('../dist/cli.cjs');
