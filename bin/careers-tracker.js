#!/usr/bin/env node
// Runs the command line straight from the TypeScript sources (tsx compiles them on the fly).
require('tsx/cjs/api').register();
require('../src/node/cli.ts').main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
