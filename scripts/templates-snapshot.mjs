// Parse the built-in templates' front matter at build time into dist/templates-snapshot.json,
// which src/templates/load.ts reads instead of parsing their YAML on every run (a run that
// needs no other YAML then never loads the `yaml` package). Each entry keeps the text it was
// made from; a template edited since is parsed at run time as before.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parseDocument } from 'yaml';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const folder = new URL('../templates/', import.meta.url);
const snapshot = {};
for (const name of readdirSync(folder)
  .filter((file) => file.endsWith('.md') && !file.startsWith('.'))
  .sort()) {
  const yaml = FRONT_MATTER.exec(readFileSync(new URL(name, folder), 'utf8'))?.[1];
  if (yaml === undefined) continue;
  const document = parseDocument(yaml, { uniqueKeys: true });
  // A broken built-in is left to the run-time parse, which reports it.
  if (document.errors.length === 0) snapshot[name] = { yaml, data: document.toJS() };
}
writeFileSync(new URL('../dist/templates-snapshot.json', import.meta.url), `${JSON.stringify(snapshot)}\n`);
