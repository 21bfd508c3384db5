// An export worker thread (see io/pool.ts): exports the memos it is sent to their files.
import { workerLoop } from '../io/pool.js';
import { exportToFile } from './batch.js';

workerLoop(exportToFile);
