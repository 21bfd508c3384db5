#!/usr/bin/env node
// Thin launcher: the CLI is compiled and bundled into dist/bundle/ by `npm run build` (run on install).
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(process.argv);
