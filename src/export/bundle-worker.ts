// A bundle worker thread (see io/pool.ts): reads and parses the memos it is sent, and sends them back.
import { workerLoop } from '../io/pool.js';
import { readBundleMemo } from './bundle-read.js';

workerLoop(readBundleMemo);
