import { describe, expect, it } from 'vitest';
import { findings, fixture, lines, lint } from './helpers.js';

const rule = 'front-matter';
const of = (name: string) => findings(rule, `${rule}/${name}`);

describe('front-matter', () => {
  it('passes a memo with type, title and a real date', () => {
    expect(of('pass.md')).toEqual([]);
  });

  it('asks for front matter at 1:1 when there is none', () => {
    const list = of('no-front-matter.md');
    expect(lines(list)).toEqual(['front-matter:1']);
    expect(list[0]?.column).toBe(1);
    expect(list[0]?.message).toMatch(/add|start the file with a `---` block/);
    expect(list[0]?.message).toContain('type');
    expect(list[0]?.message).toContain('title');
    expect(list[0]?.message).toContain('date');
  });

  it('reports invalid YAML at its line, and nothing about missing fields', () => {
    const list = of('invalid-yaml.md');
    expect(list).toHaveLength(1);
    expect(list[0]?.message).toMatch(/^Invalid YAML in front matter/);
    expect(list[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('reports front matter that is never closed, once', () => {
    const list = of('unclosed.md');
    expect(lines(list)).toEqual(['front-matter:1']);
    expect(list[0]?.message).toContain('never closed');
  });

  it('names each missing field', () => {
    const list = of('missing-fields.md');
    expect(lines(list)).toEqual(['front-matter:1', 'front-matter:1']);
    expect(list.map((f) => f.message).join('\n')).toMatch(/no `title`[\s\S]*no `date`|no `date`[\s\S]*no `title`/);
  });

  it('points at the date line when the date is not a real ISO date', () => {
    const list = of('bad-date.md');
    expect(lines(list)).toEqual(['front-matter:4']);
    expect(list[0]?.message).toContain('"2019-13-45"');
    expect(list[0]?.message).toContain('YYYY-MM-DD');
  });

  it('names the known types and the nearest one for an unknown type', () => {
    const list = of('unknown-type.md');
    expect(lines(list)).toEqual(['front-matter:2']);
    expect(list[0]?.message).toContain('did you mean "rapid-response"?');
    expect(list[0]?.message).toContain('backgrounder, rapid-response, statement, talking-points');
  });

  it('suggests no type when none is close, and lists them', () => {
    const source = fixture('front-matter/unknown-type.md').replace('type: rapid-respons', 'type: newsletter');
    expect(lint(source, { only: [rule] }).messages.map((f) => `${f.line} ${f.message}`)).toEqual([
      '2 Unknown memo type "newsletter"; Known types: backgrounder, rapid-response, statement, talking-points.',
    ]);
  });
});
