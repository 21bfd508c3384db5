// Compile the config and template JSON Schemas to plain JavaScript with ajv's standalone mode,
// after tsc and before esbuild. src/io/schema.ts loads dist/validators.cjs when it is there, so
// checking a .memorc.yaml at start-up does not load or run the ajv compiler.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Ajv2020 } = require('ajv/dist/2020.js');
const standaloneCode = require('ajv/dist/standalone').default;
const { configSchema } = await import('../dist/config/config.js');
const { templateSchema } = await import('../dist/templates/structure.js');

const ajv = new Ajv2020({ allErrors: false, strict: false, code: { source: true } });
ajv.addSchema(configSchema).addSchema(templateSchema);
const code = standaloneCode(ajv, { [configSchema.$id]: configSchema.$id, [templateSchema.$id]: templateSchema.$id });
writeFileSync(new URL('../dist/validators.cjs', import.meta.url), code);
