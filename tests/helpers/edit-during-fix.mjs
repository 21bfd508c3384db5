// Preloaded (`node --import`) by tests/e2e/fix.test.ts: a writer who saves the memo in their
// editor at the worst moment of `memo lint --fix` — after memo read the file and wrote its fix
// to the temporary file (the fsync of that file), right before the rename. MEMOKIT_EDIT_FILE
// names the memo; MEMOKIT_EDIT is what the writer does: `append` a line, `touch` it (new times,
// same bytes), or `remove` it.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const file = process.env.MEMOKIT_EDIT_FILE;
const edit = process.env.MEMOKIT_EDIT;
const fsyncSync = fs.fsyncSync;
let edited = false;

fs.fsyncSync = (fd) => {
  fsyncSync(fd);
  if (edited || !file) return;
  edited = true;
  if (edit === 'append') fs.appendFileSync(file, '\nA line the writer added.\n');
  else if (edit === 'touch') fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
  else if (edit === 'remove') fs.unlinkSync(file);
};
// The CLI imports fsyncSync by name from node:fs; this updates that binding.
syncBuiltinESMExports();
