// `.memorc.yaml`: found from a folder upwards; configs cascade (the nearer one wins) until one
// says `root: true`. Invalid YAML or an unknown field is a MemoError (exit 2) naming the file
// and the line.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { yaml } from '../util/lazy-yaml.js';
import { MemoError } from '../io/errors.js';
import type { ConfigGlob } from '../io/find.js';
import { describeSchemaError, validator } from '../io/schema.js';
import { closeMatch } from '../util/suggest.js';
import { AUTHORITY_PATTERN } from '../util/tag-authority.js';

export const CONFIG_NAMES = ['.memorc.yaml', '.memorc.yml'];

export type Severity = 'off' | 'warn' | 'error';
export type RuleSetting =
  Severity | [Severity] | [Severity, Record<string, unknown>] | { severity?: Severity; options?: Record<string, unknown> };

export interface ExportSettings {
  /** `long` ("December 31, 2019") or `iso` ("2019-12-31"). */
  dateFormat?: 'long' | 'iso';
  width?: number;
  lang?: string;
  css?: string;
  /** `memo export|bundle --to docx`: `reference` is a house .docx whose styles replace memokit's (resolved from the config's folder). */
  docx?: { reference?: string };
  /** `--to pdf`: the page size, and the Chromium to print with (resolved from the config's folder). */
  pdf?: { page?: 'letter' | 'a4'; chromium?: string };
}

export interface FeedSettings {
  /** Absolute http(s) URL where `memo export --to html --out-dir` output is published (`--base-url` wins). */
  baseUrl?: string;
  /** The authority of tag: feed ids: a domain name or email address the project owns. */
  authority?: string;
}

/** `memo new` (and the library's scaffold()): what a new memo gets when the writer does not say. */
export interface NewMemoSettings {
  /** The author, or authors, of a new memo when `--author` is not given (and the answer offered when asked). */
  author?: string | string[];
}

/** Where a config entry was written: its file, and the line of its key. */
export interface ConfigPlace {
  file: string;
  line?: number;
}

export interface Config {
  /** Config files that were read, nearest first. */
  files: string[];
  /** Folder of the nearest config file (where relative paths in it resolve). */
  dir: string | undefined;
  /** The project's templates folder, when there is one. */
  templatesDir: string | undefined;
  rules: Record<string, RuleSetting>;
  types: Record<string, { rules?: Record<string, RuleSetting> }>;
  /** Ignore globs, each with the folder it is relative to and its config file; every config's apply. */
  ignore: ConfigGlob[];
  /** Where `memo lint` with no path finds the project's memos: the nearest config's `include` globs. */
  include?: ConfigGlob[];
  export: ExportSettings;
  /** Feeds and absolute links (`memo bundle --to rss|atom|json`, `--email`). */
  feed: FeedSettings;
  /** `memo new`'s defaults. */
  new?: NewMemoSettings;
  /** How numeric event dates like `12/11/2019` are read: month first (`mdy`, the default) or day first. */
  dateOrder?: 'mdy' | 'dmy';
  /**
   * Where each entry of `rules` and `types` was written (the nearest file that has it), so an
   * error about one names that file and line, not merely the nearest config of the cascade.
   */
  places?: { rules: Record<string, ConfigPlace>; types: Record<string, ConfigPlace> };
}

const severity = { enum: ['off', 'warn', 'error'] };
const ruleSetting = {
  anyOf: [
    severity,
    { type: 'array', prefixItems: [severity, { type: 'object' }], minItems: 1, maxItems: 2, items: false },
    { type: 'object', additionalProperties: false, properties: { severity, options: { type: 'object' } } },
  ],
};
const rulesMap = { type: 'object', additionalProperties: ruleSetting };

export const configSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:memokit:config',
  type: 'object',
  additionalProperties: false,
  properties: {
    root: { type: 'boolean' },
    templates: { type: 'string' },
    rules: rulesMap,
    types: { type: 'object', additionalProperties: { type: 'object', additionalProperties: false, properties: { rules: rulesMap } } },
    ignore: { type: 'array', items: { type: 'string' } },
    include: { type: 'array', items: { type: 'string' } },
    dateOrder: { enum: ['mdy', 'dmy'] },
    export: {
      type: 'object',
      additionalProperties: false,
      properties: {
        dateFormat: { enum: ['long', 'iso'] },
        width: { type: 'integer', minimum: 0 },
        lang: { type: 'string' },
        css: { type: 'string' },
        docx: { type: 'object', additionalProperties: false, properties: { reference: { type: 'string', minLength: 1 } } },
        pdf: {
          type: 'object',
          additionalProperties: false,
          properties: { page: { enum: ['letter', 'a4'] }, chromium: { type: 'string', minLength: 1 } },
        },
      },
    },
    new: {
      type: 'object',
      additionalProperties: false,
      properties: {
        author: {
          anyOf: [
            { type: 'string', minLength: 1 },
            { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
          ],
        },
      },
    },
    feed: {
      type: 'object',
      additionalProperties: false,
      properties: {
        // Checked again when used (export/feed-places.ts parseBaseUrl), which also says why.
        baseUrl: { type: 'string', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]+[^?#\\s]*$' },
        authority: { type: 'string', pattern: AUTHORITY_PATTERN },
      },
    },
  },
} as const;

interface RawConfig {
  /** Lines of the keys under `rules:` and `types:` (not a field of the file: added on reading). */
  lines: { rules: Record<string, number>; types: Record<string, number> };
  root?: boolean;
  templates?: string;
  rules?: Record<string, RuleSetting>;
  types?: Record<string, { rules?: Record<string, RuleSetting> }>;
  ignore?: string[];
  include?: string[];
  export?: ExportSettings;
  feed?: FeedSettings;
  new?: NewMemoSettings;
  dateOrder?: 'mdy' | 'dmy';
}

/**
 * An empty section (`rules:` with every entry commented out, as a user trims the file `memo init`
 * wrote) is YAML null: read it as no entries, not as a config error.
 */
function withoutEmptySections(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const config = { ...(data as Record<string, unknown>) };
  for (const key of ['rules', 'types', 'ignore', 'export', 'feed', 'new']) if (config[key] === null) delete config[key];
  const types = config['types'];
  if (typeof types === 'object' && types !== null && !Array.isArray(types)) {
    config['types'] = Object.fromEntries(
      Object.entries(types as Record<string, unknown>).map(([name, override]) => {
        if (override === null) return [name, {}];
        if (typeof override !== 'object' || Array.isArray(override)) return [name, override];
        const { rules, ...rest } = override as Record<string, unknown>;
        return [name, rules === null ? rest : override];
      }),
    );
  }
  return config;
}

/** The field names the config schema allows in the object at `path` (for "did you mean"). */
function fieldsAt(path: string[]): string[] {
  let schema: unknown = configSchema;
  for (const part of path) {
    const node = schema as { properties?: Record<string, unknown>; additionalProperties?: unknown };
    schema = node.properties?.[part] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
    if (schema === undefined) return [];
  }
  return Object.keys((schema as { properties?: Record<string, unknown> }).properties ?? {});
}

/** The line of the key (or list item) at `path` in the document, or of the deepest part found. */
function lineOf(document: Document, lineCounter: LineCounter, path: string[]): number | undefined {
  const { isMap, isNode, isScalar, isSeq } = yaml();
  let node: unknown = document.contents;
  let line: number | undefined;
  const lineAt = (offset: number | undefined) => (offset === undefined ? line : lineCounter.linePos(offset).line);
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find(({ key }) => isScalar(key) && String(key.value) === part);
      if (!pair) break;
      line = lineAt(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
      node = pair.value;
    } else if (isSeq(node)) {
      const item: unknown = node.items[Number(part)];
      if (!isNode(item)) break;
      line = lineAt(item.range?.[0]);
      node = item;
    } else {
      break;
    }
  }
  return line;
}

/**
 * A config of comment lines, blank lines and `key: true|false` lines only (`root: true`, as a
 * corpus or monorepo root writes it): its data without the `yaml` package, which every run with
 * such a config otherwise loaded. Anything else is undefined, for `yaml` to read.
 */
export function quickFlatConfig(text: string): Record<string, boolean> | undefined {
  const data: Record<string, boolean> = {};
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (/^\s*(?:#.*)?$/.test(line)) continue;
    const match = /^([A-Za-z][A-Za-z0-9_-]*):[ \t]+(true|false)[ \t]*(?:#.*)?$/.exec(line);
    if (!match || Object.hasOwn(data, match[1] as string)) return undefined;
    data[match[1] as string] = match[2] === 'true';
  }
  return data;
}

/** Read and validate one config file. */
export function readConfigFile(file: string): RawConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new MemoError(code === 'ENOENT' ? 'config file not found' : `cannot read config file (${code ?? 'error'})`, {
      file,
      code: code === 'ENOENT' ? 'ENOENT' : 'EFILE',
    });
  }
  const flat = quickFlatConfig(text);
  if (flat && validator(configSchema)(flat)) return { ...(flat as Omit<RawConfig, 'lines'>), lines: { rules: {}, types: {} } };
  const { LineCounter, isMap, isScalar, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true, lineCounter });
  const yamlError = document.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line;
    const reason = (yamlError.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new MemoError(`invalid YAML in config: ${reason}`, { file, ...(line ? { line } : {}), code: 'ECONFIG' });
  }
  const data = withoutEmptySections((document.toJS() ?? {}) as unknown);
  const validate = validator(configSchema);
  if (!validate(data)) {
    const error = validate.errors?.[0];
    const path = (error?.instancePath ?? '')
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    let message = describeSchemaError(validate.errors);
    if (error?.keyword === 'additionalProperties') {
      const field = String((error.params as { additionalProperty: unknown }).additionalProperty);
      path.push(field);
      const near = closeMatch(field, fieldsAt(path.slice(0, -1)));
      if (near) message += `; did you mean "${near}"?`;
    }
    const line = lineOf(document, lineCounter, path);
    throw new MemoError(`invalid config: ${message}`, { file, ...(line ? { line } : {}), code: 'ECONFIG' });
  }
  const keyLines = (section: string): Record<string, number> => {
    const lines: Record<string, number> = {};
    const map = document.get(section, true);
    if (!isMap(map)) return lines;
    for (const { key } of map.items) if (isScalar(key) && key.range) lines[String(key.value)] = lineCounter.linePos(key.range[0]).line;
    return lines;
  };
  return { ...(data as Omit<RawConfig, 'lines'>), lines: { rules: keyLines('rules'), types: keyLines('types') } };
}

// A run looks up the config of every folder it lints; sibling folders share their ancestors,
// so each folder is searched and each config file parsed once per process.
const configFileIn = new Map<string, string | undefined>();
const rawConfigs = new Map<string, RawConfig>();
const configsByFiles = new Map<string, Config>();

function findConfigIn(folder: string): string | undefined {
  if (configFileIn.has(folder)) return configFileIn.get(folder);
  let found: string | undefined;
  for (const name of CONFIG_NAMES) {
    const candidate = join(folder, name);
    if (existsSync(candidate)) {
      found = candidate;
      break;
    }
  }
  configFileIn.set(folder, found);
  return found;
}

function readConfigOnce(file: string): RawConfig {
  let raw = rawConfigs.get(file);
  if (!raw) rawConfigs.set(file, (raw = readConfigFile(file)));
  return raw;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const cache = new Map<string, Config>();

/**
 * Forget every config looked up so far (resident commands: `memo preview`, `memo lint --watch`,
 * `memo lsp`), so the next look-up reads the files again after one was created, edited or removed.
 */
export function forgetConfigs(): void {
  for (const map of [configFileIn, rawConfigs, configsByFiles, cache]) map.clear();
}

/**
 * The config that applies in `folder`: `explicit` (from `--config`) alone when given, otherwise
 * every `.memorc.yaml` from `folder` upwards until one with `root: true`, nearer files winning.
 */
export function loadConfig(folder: string, explicit?: string): Config {
  const key = `${resolve(folder)}\0${explicit ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;

  const files: string[] = [];
  if (explicit) {
    files.push(resolve(explicit));
  } else {
    let current = resolve(folder);
    for (;;) {
      const found = findConfigIn(current);
      if (found) {
        files.push(found);
        if (readConfigOnce(found).root) break;
      }
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
  }

  const sameFiles = configsByFiles.get(files.join('\0'));
  if (sameFiles) {
    cache.set(key, sameFiles);
    return sameFiles;
  }
  const places: NonNullable<Config['places']> = { rules: {}, types: {} };
  const config: Config = {
    files,
    dir: files[0] ? dirname(files[0]) : undefined,
    templatesDir: undefined,
    rules: {},
    types: {},
    ignore: [],
    export: {},
    feed: {},
    places,
  };
  // Farthest first, so nearer files override.
  for (const file of [...files].reverse()) {
    const raw = readConfigOnce(file);
    const base = dirname(file);
    Object.assign(config.rules, raw.rules);
    for (const [type, override] of Object.entries(raw.types ?? {})) {
      config.types[type] = { rules: { ...config.types[type]?.rules, ...override.rules } };
    }
    for (const section of ['rules', 'types'] as const) {
      for (const key of Object.keys(raw[section] ?? {})) {
        const line = raw.lines[section][key];
        places[section][key] = { file, ...(line !== undefined ? { line } : {}) };
      }
    }
    for (const pattern of raw.ignore ?? []) config.ignore.push({ base, pattern, file });
    const farther = { docx: config.export.docx, pdf: config.export.pdf };
    if (raw.include) config.include = raw.include.map((pattern) => ({ base, pattern, file }));
    Object.assign(config.export, raw.export);
    Object.assign(config.feed, raw.feed);
    if (raw.new) config.new = { ...config.new, ...raw.new };
    if (raw.dateOrder) config.dateOrder = raw.dateOrder;
    if (raw.export?.css) config.export.css = resolve(base, raw.export.css);
    // docx and pdf merge field by field, like export itself; their paths resolve from their own file.
    if (raw.export?.docx) config.export.docx = { ...farther.docx, ...raw.export.docx };
    if (raw.export?.docx?.reference) (config.export.docx as { reference?: string }).reference = resolve(base, raw.export.docx.reference);
    if (raw.export?.pdf) config.export.pdf = { ...farther.pdf, ...raw.export.pdf };
    if (raw.export?.pdf?.chromium) (config.export.pdf as { chromium?: string }).chromium = resolve(base, raw.export.pdf.chromium);
    if (raw.templates) {
      const dir = resolve(base, raw.templates);
      if (!isDirectory(dir)) throw new MemoError(`templates folder "${raw.templates}" does not exist`, { file, code: 'ECONFIG' });
      config.templatesDir = dir;
    } else if (isDirectory(join(base, 'templates'))) {
      config.templatesDir = join(base, 'templates');
    }
  }
  cache.set(key, config);
  configsByFiles.set(files.join('\0'), config);
  return config;
}

/**
 * A test for templates folders (memo types, never memos), for finding memos: the folder of the
 * run's own config (`config`: the working folder's, or `explicit`'s), or of the config that
 * applies in the folder itself. A folder whose config cannot be read is not one (linting it
 * says why).
 */
export function templatesFolderTest(config: Config, explicit?: string): (folder: string) => boolean {
  return (folder) => {
    if (folder === config.templatesDir) return true;
    try {
      return loadConfig(folder, explicit).templatesDir === folder;
    } catch {
      return false;
    }
  };
}

/** The config when there is no .memorc.yaml: every rule at its default. */
export function emptyConfig(): Config {
  return { files: [], dir: undefined, templatesDir: undefined, rules: {}, types: {}, ignore: [], export: {}, feed: {} };
}
