#!/usr/bin/env node
// Entry point of the `ecocredit` command: runs the compiled CLI (built by `npm install` / `npm run build`).
require('../dist/src/cli/main.js');
