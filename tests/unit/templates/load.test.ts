import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoError } from '../../../src/io/errors.js';
import { parseMemo } from '../../../src/memo/parse.js';
import { loadMemoTypes, readTemplate } from '../../../src/templates/load.js';
import { memoFileName, scaffoldMemo, slugify } from '../../../src/templates/scaffold.js';
import type { MemoType } from '../../../src/templates/structure.js';
import { FIXTURES } from '../../helpers/cli.js';

describe('built-in memo types', () => {
  const types = loadMemoTypes();

  it('has the four types of the SPEC with their structure as data', () => {
    expect([...types.keys()].sort()).toEqual(['backgrounder', 'memo', 'rapid-response', 'statement', 'talking-points']);
    const rapid = types.get('rapid-response');
    expect(rapid?.titlePrefix).toBe('Memo: ');
    expect(rapid?.lede.maxWords).toBe(150);
    expect(rapid?.sections.map((s) => [s.heading, s.role])).toEqual([
      ['Key Takeaways', 'takeaways'],
      ['Sequence of Events', 'events'],
    ]);
    expect(rapid?.sections[0]).toMatchObject({ minItems: 3, maxItems: 8, maxItemWords: 120 });
    expect(rapid?.backToTop).toBe('end');
    expect(types.get('backgrounder')?.backToTop).toBe('every-section');
    expect(types.get('statement')?.maxWords).toBe(400);
    expect(types.get('talking-points')?.sections.find((s) => s.role === 'takeaways')).toMatchObject({ minItems: 3, maxItems: 10 });
  });

  it('ships built-in templates that pass the same schema check as users\' templates', () => {
    for (const type of types.values()) expect(() => readTemplate(type.file, type.file, false)).not.toThrow();
  });

  it('lets a project template add a type and replace a built-in', () => {
    const project = loadMemoTypes(join(FIXTURES, 'projects', 'custom', 'templates'));
    expect(project.get('op-ed')?.builtIn).toBe(false);
    expect(project.get('statement')?.builtIn).toBe(false);
    expect(project.get('statement')?.maxWords).toBe(250);
    expect(project.get('rapid-response')?.builtIn).toBe(true);
  });
});

describe('broken templates are errors that name the file', () => {
  it.each([
    ['broken-yaml/oops.md', /invalid YAML in template/],
    ['bad-structure/weekly.md', /sections\/0\/role: must be one of "takeaways", "events"/],
    ['misnamed/first.md', /declares type "second" but its file is named "first.md"/],
  ])('%s', (file, message) => {
    const path = join(FIXTURES, 'templates', file);
    let error: unknown;
    try {
      readTemplate(path, path, false);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MemoError);
    expect((error as MemoError).describe()).toMatch(message);
    expect((error as MemoError).describe()).toContain(path);
  });
});

describe('scaffolding', () => {
  const types = loadMemoTypes();

  it('names files <date>-<slug>.md', () => {
    expect(slugify('Backlash to U.S. Strikes in Iraq')).toBe('backlash-to-us-strikes-in-iraq');
    expect(memoFileName({ title: 'Test Memo', date: '2020-01-03' })).toBe('2020-01-03-test-memo.md');
    expect(slugify('¿?')).toBe('memo');
  });

  it('fills the template and writes the memo front matter', () => {
    for (const type of types.values()) {
      const text = scaffoldMemo(type, { title: 'A "Quoted": Title', date: '2020-01-03', author: 'Press Office' });
      const memo = parseMemo(text, { path: 'new.md', types });
      expect(memo.problems).toEqual([]);
      expect(memo).toMatchObject({ type: type.name, title: 'A "Quoted": Title', date: '2020-01-03', author: 'Press Office' });
      expect(memo.titleHeadings[0]?.text).toBe(`${type.titlePrefix}A "Quoted": Title`);
      expect(memo.sections.map((s) => s.heading.text)).toEqual(type.sections.map((s) => s.heading));
      expect(text).not.toMatch(/\{\{/);
    }
  });

  it('writes several authors as a flow list, and {{author}} as the names in prose', () => {
    const opEd = loadMemoTypes(join(FIXTURES, 'projects', 'custom', 'templates')).get('op-ed');
    if (!opEd) throw new Error('no op-ed template');
    const text = scaffoldMemo(opEd, { title: 'Fix the Roads', date: '2020-03-01', author: ['Dana Reyes', 'Reyes, Dana', ' ', 'Omid Farahani'] });
    expect(text.split('\n').slice(0, 10)).toEqual([
      '---',
      'type: op-ed',
      'title: Fix the Roads',
      'date: 2020-03-01',
      'author: [Dana Reyes, "Reyes, Dana", Omid Farahani]',
      '---',
      '',
      '# Fix the Roads',
      '',
      'By Dana Reyes, Reyes, Dana and Omid Farahani',
    ]);
    expect(parseMemo(text, { path: 'new.md', types }).authors).toEqual(['Dana Reyes', 'Reyes, Dana', 'Omid Farahani']);
    const two = scaffoldMemo(opEd, { title: 'T', date: '2020-03-01', author: ['Dana Reyes', 'Omid Farahani'] });
    expect(two).toContain('\nBy Dana Reyes and Omid Farahani\n');
    const one = scaffoldMemo(opEd, { title: 'T', date: '2020-03-01', author: ['Dana Reyes'] });
    expect(one).toContain('\nauthor: Dana Reyes\n---\n');
  });

  it('escapes values for Markdown: a name in angle brackets, asterisks and brackets stay text', () => {
    const type = { ...(types.get('statement') as MemoType), body: '# {{title}}\n\nBy {{author}}.\n' };
    const title = 'Costs *rise* <b>now</b> & [1] &amp; `code`';
    const text = scaffoldMemo(type, { title, date: '2020-02-01', author: 'Jane <Doe>\nSmith' });
    const memo = parseMemo(text, { path: 'new.md', types });
    expect(memo.title).toBe(title);
    expect(memo.titleHeadings[0]?.text).toBe(title);
    // The paragraph reads back as the text typed, on one line: no HTML, no emphasis.
    const paragraph = memo.tree.children.find((node) => node.type === 'paragraph');
    expect(paragraph?.children).toEqual([expect.objectContaining({ type: 'text', value: 'By Jane <Doe> Smith.' })]);
  });

  it('leaves a TK marker naming a variable that has no value, never an empty gap', () => {
    const type = { ...(types.get('statement') as MemoType), body: '# {{title}}\n\nBy {{author}}. Filed {{ date }} as {{slug}}; {{unknown}} stays.\n' };
    for (const author of [undefined, '', '  ', [], ['', ' ']]) {
      const text = scaffoldMemo(type, { title: 'On the Budget', date: '2020-02-01', ...(author === undefined ? {} : { author }) });
      expect(text).toBe(
        '---\ntype: statement\ntitle: On the Budget\ndate: 2020-02-01\n---\n\n# On the Budget\n\nBy TK: author. Filed 2020-02-01 as on-the-budget; {{unknown}} stays.\n',
      );
    }
  });
});

describe('template mistakes that would silently do nothing are errors at load', () => {
  const write = (name: string, front: string, body: string) => {
    const folder = mkdtempSync(join(tmpdir(), 'memokit-template-'));
    const file = join(folder, `${name}.md`);
    writeFileSync(file, `---\ntype: ${name}\ndescription: A test type.\n${front}---\n${body}`);
    return file;
  };
  const errorOf = (file: string): string => {
    try {
      readTemplate(file, file, false);
    } catch (error) {
      if (error instanceof MemoError) return error.describe();
      throw error;
    }
    return '';
  };
  const events = 'sections:\n  - heading: Timeline\n    role: events\n';

  it.each([
    ['minItems on an events section', `${events}    minItems: 3\n`, /section "Timeline": minItems applies only to a takeaways section \(role: takeaways\), not to a events section; remove it/],
    ['maxItemWords on an events section', `${events}    maxItemWords: 40\n`, /maxItemWords applies only to a takeaways section/],
    ['order on a section without a role', 'sections:\n  - heading: Background\n    order: newest-first\n', /section "Background": order applies only to an events section \(role: events\), not to a section without a role/],
    ['order on a takeaways section', 'sections:\n  - heading: Key Points\n    role: takeaways\n    order: oldest-first\n', /order applies only to an events section/],
  ])('%s', (_name, front, message) => {
    const body = front.includes('Background') ? '\n## Background\n' : front.includes('Key Points') ? '\n## Key Points\n' : '\n## Timeline\n';
    expect(errorOf(write('weekly', front, body))).toMatch(message);
  });

  it('a body without a section its structure requires (an optional one may be left out)', () => {
    const front = 'sections:\n  - heading: Key Points\n    role: takeaways\n  - heading: Timeline\n    role: events\n  - heading: Outlook\n    required: false\n';
    expect(errorOf(write('weekly', front, '\n# {{title}}\n\n## Key Points\n\n- TK\n'))).toMatch(
      /weekly\.md: the template's body has no "## Timeline", which its structure requires; add it to the skeleton$/,
    );
    expect(errorOf(write('weekly', front, '\n# {{title}}\n\n## Key Points\n\n- TK\n\n## Timeline\n\n- TK\n'))).toBe('');
  });

  it('an unknown {{variable}}, with its line', () => {
    const file = write('weekly', '', '\n# {{title}}\n\nBy {{author}} for {{desk}}.\n');
    expect(errorOf(file)).toMatch(/weekly\.md:8: unknown variable \{\{desk\}\}; memo new fills \{\{title\}\}, \{\{date\}\}, \{\{author\}\}, \{\{slug\}\}$/);
  });
});

describe('a broken project template is not a wall', () => {
  it('keeps its type with the problem; the other types load', () => {
    const folder = mkdtempSync(join(tmpdir(), 'memokit-templates-'));
    writeFileSync(join(folder, 'oops.md'), '---\ntype: oops\ndescription: [unclosed\n---\n');
    const types = loadMemoTypes(folder);
    expect(types.get('rapid-response')?.problem).toBeUndefined();
    expect(types.get('oops')?.problem).toMatch(/^line \d+: invalid YAML in template/);
    expect(types.get('oops')?.sections).toEqual([]);
  });
});
