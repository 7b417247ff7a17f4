#!/usr/bin/env node
// Entry point of the `ecocredit` command: runs the compiled CLI (built by `npm install` / `npm run build`).
/* global __dirname, console, process */
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const main = join(__dirname, '../dist/src/cli/main.js');
if (!existsSync(main)) {
  console.error('error: the hub is not built (dist/ is missing): run "npm run build" in ' + join(__dirname, '..'));
  process.exit(1);
}
require(main);
