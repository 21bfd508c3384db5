// Config mistakes are caught (issue #15, point 9): each is a MemoError naming the file and the
// line the writer must fix, with the nearest name when the mistake looks like a typo.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig, quickFlatConfig } from '../../src/config/config.js';
import { MemoError } from '../../src/io/errors.js';
import { validateRuleConfig } from '../../src/lint/settings.js';
import { closeMatch, typoDistance } from '../../src/util/suggest.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';

/** A folder holding `.memorc.yaml` with `text`. */
function project(text: string): string {
  const folder = tempDir('memokit-config-');
  writeFileSync(join(folder, '.memorc.yaml'), text);
  return folder;
}

/** What the CLI would print for the error `run` throws: `file:line: message`, the folder as `<dir>`. */
function failure(run: () => unknown, folder: string): string {
  try {
    run();
  } catch (error) {
    if (!(error instanceof MemoError)) throw error;
    expect(error.exitCode).toBe(2);
    return error.describe().split(folder).join('<dir>');
  }
  throw new Error('expected a MemoError');
}

const check = (folder: string) => () => validateRuleConfig(loadConfig(folder));
const BUILT_IN_TYPES = 'backgrounder, memo, rapid-response, statement, talking-points';

describe('closeMatch on config and front-matter names', () => {
  it('counts a swap of two letters as one slip', () => {
    expect(typoDistance('widht', 'width')).toBe(1);
    expect(typoDistance('summry', 'summary')).toBe(1);
    expect(typoDistance('kitten', 'sitting')).toBe(3);
    expect(typoDistance('', 'abc')).toBe(3);
    expect(typoDistance('same', 'same')).toBe(0);
  });

  it('suggests a near name, ignoring case, and nothing for a far one', () => {
    const keys = ['type', 'title', 'date', 'author', 'tags', 'summary'];
    expect(closeMatch('summry', keys)).toBe('summary');
    expect(closeMatch('Title', keys)).toBe('title');
    expect(closeMatch('authors', keys)).toBe('author');
    expect(closeMatch('rapid-reponse', ['backgrounder', 'rapid-response', 'statement'])).toBe('rapid-response');
    expect(closeMatch('region', keys)).toBeUndefined();
    expect(closeMatch('name', keys)).toBeUndefined();
    expect(closeMatch('x', [])).toBeUndefined();
  });
});

describe('config: the file itself', () => {
  it('reads a section left empty (every entry commented out) as no entries', () => {
    const folder = project('root: true\nrules:\n  # placeholders: error\ntypes:\n  statement:\n    rules:\nignore:\nexport:\n');
    const config = loadConfig(folder);
    expect(config.rules).toEqual({});
    expect(config.types).toEqual({ statement: { rules: {} } });
    expect(config.ignore).toEqual([]);
    expect(() => validateRuleConfig(config)).not.toThrow();
  });

  it('names the line of an unknown field, with the field it is near', () => {
    const top = project('root: true\n\ntype:\n  statement: {}\n');
    expect(failure(() => loadConfig(top), top)).toBe('<dir>/.memorc.yaml:3: invalid config: unknown field "type"; did you mean "types"?');
    const nested = project('root: true\r\nexport:\r\n  lang: en\r\n  widht: 72\r\n');
    expect(failure(() => loadConfig(nested), nested)).toBe(
      '<dir>/.memorc.yaml:4: invalid config: export: unknown field "widht"; did you mean "width"?',
    );
    const far = project('\uFEFFroot: true\ncolour: blue\n');
    expect(failure(() => loadConfig(far), far)).toBe('<dir>/.memorc.yaml:2: invalid config: unknown field "colour"');
  });

  it('names the line of a value of the wrong kind', () => {
    const folder = project('root: true\nignore:\n  - drafts/**\n  - 3\n');
    expect(failure(() => loadConfig(folder), folder)).toBe('<dir>/.memorc.yaml:4: invalid config: ignore/1: must be string');
  });
});

describe('config: rule settings and types (checked by the commands that run rules)', () => {
  it('says a rule without options takes none (the example `memo init` used to write)', () => {
    const folder = project('root: true\nrules:\n  placeholders: error\n  dated-events: [error, { future: warn }]\n');
    expect(failure(check(folder), folder)).toBe(
      '<dir>/.memorc.yaml:4: invalid options for rule "dated-events": it takes no options (got "future"); give a severity alone, like `dated-events: warn`',
    );
  });

  it('names a misspelled option, rule id or type with the nearest one', () => {
    const option = project('root: true\nrules:\n  lede: [warn, { maxWord: 120 }]\n');
    expect(failure(check(option), option)).toBe(
      '<dir>/.memorc.yaml:3: invalid options for rule "lede": unknown option "maxWord"; did you mean "maxWords"? Known options: maxWords',
    );
    const rule = project('root: true\nrules:\n  placeholder: error\n');
    expect(failure(check(rule), rule)).toMatch(
      /^<dir>\/\.memorc\.yaml:3: unknown rule "placeholder"; did you mean "placeholders"\? Known rules: front-matter, title, /,
    );
    const type = project('root: true\ntypes:\n  statement:\n    rules:\n      lede: warn\n  rapid-reponse:\n    rules:\n      lede: off\n');
    expect(failure(check(type), type)).toBe(
      `<dir>/.memorc.yaml:6: types: "rapid-reponse" is not a memo type; did you mean "rapid-response"? Known types: ${BUILT_IN_TYPES}`,
    );
  });

  it('lists the known types when the unknown one is near none of them', () => {
    const folder = project('root: true\ntypes:\n  briefing:\n    rules:\n      lede: off\n');
    expect(failure(check(folder), folder)).toBe(
      `<dir>/.memorc.yaml:3: types: "briefing" is not a memo type; known types: ${BUILT_IN_TYPES}`,
    );
  });

  it("knows the project's own types, from its templates folder", () => {
    const folder = tempDir('memokit-config-');
    cpSync(join(FIXTURES, 'projects', 'custom'), folder, { recursive: true });
    writeFileSync(join(folder, '.memorc.yaml'), 'root: true\ntypes:\n  op-ed:\n    rules:\n      lede: warn\n');
    expect(() => validateRuleConfig(loadConfig(folder))).not.toThrow();
    const typo = tempDir('memokit-config-');
    cpSync(join(FIXTURES, 'projects', 'custom'), typo, { recursive: true });
    writeFileSync(join(typo, '.memorc.yaml'), 'root: true\ntypes:\n  op_ed: {}\n');
    expect(failure(check(typo), typo)).toBe(
      `<dir>/.memorc.yaml:3: types: "op_ed" is not a memo type; did you mean "op-ed"? Known types: ${BUILT_IN_TYPES.replace('rapid-response, ', 'op-ed, rapid-response, ')}`,
    );
  });

  it('names the config of the cascade that holds the mistake, not the nearest one', () => {
    const parent = project('root: true\nrules:\n  lede: warn\n  takeaway: error\ntypes:\n  statment: {}\n');
    const child = join(parent, 'memos');
    mkdirSync(child);
    writeFileSync(join(child, '.memorc.yaml'), 'rules:\n  lede: error\n');
    expect(failure(check(child), parent)).toMatch(/^<dir>\/\.memorc\.yaml:4: unknown rule "takeaway"; did you mean "takeaways"\?/);
    // A type the parent misspells is named at the parent's line, even where a nearer config
    // declares the right one.
    const typoParent = project('root: true\ntypes:\n  statment: {}\n');
    const sibling = join(typoParent, 'other');
    mkdirSync(sibling);
    writeFileSync(join(sibling, '.memorc.yaml'), 'types:\n  statement: {}\n');
    expect(failure(check(sibling), typoParent)).toMatch(
      /^<dir>\/\.memorc\.yaml:3: types: "statment" is not a memo type; did you mean "statement"\?/,
    );
  });
});

describe('quickFlatConfig: `key: true|false` configs without the yaml package', () => {
  it('reads what yaml reads, or declines', () => {
    const accepted = ['root: true\n', '# corpus\nroot: true\n\n', 'root: false # not the root\n', '', '\uFEFFroot: true\r\n'];
    for (const text of accepted)
      expect(quickFlatConfig(text), JSON.stringify(text)).toEqual(parseDocument(text.replace(/^\uFEFF/, '')).toJS() ?? {});
    const declined = [
      'root: yes\n',
      'root: True\n',
      'rules:\n  x: warn\n',
      'root: true\nroot: false\n',
      '  root: true\n',
      'root:true\n',
      'ignore: [a]\n',
    ];
    for (const text of declined) expect(quickFlatConfig(text), JSON.stringify(text)).toBeUndefined();
  });
});
