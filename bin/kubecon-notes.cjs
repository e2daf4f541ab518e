#!/usr/bin/env node
// CommonJS, as is the launcher it runs: an ES module entry costs node its module loader (about 9 ms).
require('../dist/cli.cjs');
