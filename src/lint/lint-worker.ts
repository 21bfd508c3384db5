// A lint worker thread (see io/pool.ts): lints the files it is sent.
import { workerLoop } from '../io/pool.js';
import { lintOneFile } from './one.js';

workerLoop(lintOneFile);
