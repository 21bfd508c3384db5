// JSON Schema validation with ajv (2020-12 dialect), shared by templates, config and exports.
// Compiled validators are cached per schema object so each is compiled once per process.
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { isIsoDate } from '../util/iso-date.js';

// ajv is loaded on first use only: a lint run without a config or project templates never
// needs it, and it costs a noticeable part of start-up.
const require = createRequire(import.meta.url);
let ajv: Ajv2020 | undefined;
const cache = new WeakMap<object, ValidateFunction>();

/**
 * Validators compiled at build time (scripts/validators.mjs, ajv's standalone code) for the
 * schemas every run may check — config and templates — so a run with a .memorc.yaml does not
 * load and compile ajv. Missing (tests on the sources), ajv compiles them as usual.
 */
let precompiled: Record<string, ValidateFunction> | null | undefined;

function precompiledFor(schema: object): ValidateFunction | undefined {
  if (precompiled === undefined) {
    try {
      precompiled = require('../validators.cjs') as Record<string, ValidateFunction>;
    } catch {
      precompiled = null;
    }
  }
  const id = (schema as { $id?: unknown }).$id;
  return typeof id === 'string' ? precompiled?.[id] : undefined;
}

export function validator(schema: object): ValidateFunction {
  const validate = cache.get(schema) ?? precompiledFor(schema);
  if (!validate) {
    if (!ajv) {
      const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
      ajv = new Ajv({ allErrors: false, strict: false });
      // The one format our schemas use; defined here so ajv neither warns nor ignores it.
      ajv.addFormat('date', { type: 'string', validate: isIsoDate });
    }
    const compiled = ajv.compile(schema);
    cache.set(schema, compiled);
    return compiled;
  }
  return validate;
}

/** One readable line for the first error: `sections/0: must have required property 'heading'`. */
export function describeSchemaError(errors: ErrorObject[] | null | undefined): string {
  const error = errors?.[0];
  if (!error) return 'invalid';
  const where = error.instancePath ? error.instancePath.slice(1) : '';
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'additionalProperties')
    message = `unknown field "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  if (error.keyword === 'enum')
    message = `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return where ? `${where}: ${message}` : message;
}
