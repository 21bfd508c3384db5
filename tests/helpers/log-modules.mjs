// `node --import ./tests/helpers/log-modules.mjs ...`: append the URL of every ES module the
// process loads to the file named by MEMOKIT_MODULE_LOG, one per line (Node's module hooks).
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from 'node:fs';
    export async function load(url, context, nextLoad) {
      if (process.env.MEMOKIT_MODULE_LOG) appendFileSync(process.env.MEMOKIT_MODULE_LOG, url + '\\n');
      return nextLoad(url, context);
    }
  `)}`,
);
