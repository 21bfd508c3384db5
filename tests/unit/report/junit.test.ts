import { describe, expect, it } from 'vitest';
import { fatalResult } from '../../../src/lint/summary.js';
import { junit } from '../../../src/report/junit.js';
import { context, finding, golden, handResults, result } from './fixtures.js';
import { parseXml } from './xml.js';

describe('the XML checker the junit tests rely on', () => {
  it('rejects XML that is not well-formed', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow();
    expect(() => parseXml('<a x="<"/>')).toThrow();
    expect(() => parseXml('<a>R&D</a>')).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
    expect(() => parseXml('<a/><b/>')).toThrow();
    expect(() => parseXml('<a>\u0001</a>')).toThrow();
    expect(() => parseXml('<a>')).toThrow();
    expect(parseXml('<?xml version="1.0"?>\n<a x="&quot;&lt;&amp;">t&gt;<b/></a>\n')).toEqual({
      name: 'a',
      attributes: { x: '"<&' },
      children: [{ name: 'b', attributes: {}, children: [], text: '' }],
      text: 't>',
    });
  });
});

describe('junit', () => {
  it('matches the reviewed golden output', () => {
    const output = junit(handResults(), context());
    expect(output).toBe(golden('junit.txt', output));
  });

  it('is well-formed: one testsuite per file, one failing testcase per finding, one passing case for a clean file', () => {
    const root = parseXml(junit(handResults(), context()));
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '6', failures: '5' });
    expect(
      root.children.map((suite) => [suite.name, suite.attributes['name'], suite.attributes['tests'], suite.attributes['failures']]),
    ).toEqual([
      ['testsuite', 'memos/2019-12-31-backlash.md', '4', '4'],
      ['testsuite', 'memos/clean.md', '1', '0'],
      ['testsuite', 'memos/odd, name: "q&a" <draft>.md', '1', '1'],
    ]);
    const [backlash, clean] = root.children;
    expect(backlash!.children.map((test) => test.children[0]!.attributes['type'])).toEqual([
      'placeholders',
      'dated-events',
      'unused-disable',
      'back-to-top',
    ]);
    expect(backlash!.children[0]!.children[0]!.text).toBe(
      'memos/2019-12-31-backlash.md:9:1: error: Unfinished text: "TK" marker; write the text it stands for, then remove the marker. (placeholders)',
    );
    expect(clean!.children).toHaveLength(1);
    expect(clean!.children[0]!.name).toBe('testcase');
    expect(clean!.children[0]!.children).toHaveLength(0);
  });

  it('escapes <, & and " (and keeps line breaks) in names, attributes and text', () => {
    const output = junit(handResults(), context());
    expect(output).toContain('name="memos/odd, name: &quot;q&amp;a&quot; &lt;draft&gt;.md"');
    const odd = parseXml(output).children[2]!;
    const failure = odd.children[0]!.children[0]!;
    expect(failure.attributes['message']).toBe('Unknown memo type "<q&a>"; 100% of memos need a known type,\nlike "rapid-response".');
    expect(failure.text).toContain('error: Unknown memo type "<q&a>"');
  });

  it('replaces characters XML 1.0 cannot carry', () => {
    const output = junit([result('a.md', [finding('lede', 'error', 'bell \u0007 and \uFFFF here', 1, 1, 1, 2)])], context());
    const failure = parseXml(output).children[0]!.children[0]!.children[0]!;
    expect(failure.attributes['message']).toBe('bell \uFFFD and \uFFFD here');
  });

  it('is a valid empty report for no files', () => {
    const root = parseXml(junit([], context()));
    expect(root).toMatchObject({ name: 'testsuites', children: [], attributes: { tests: '0', failures: '0' } });
  });
});

describe('junit: a file that could not be linted', () => {
  it('is an <error> test case (the check could not run), counted as an error, not a failure', () => {
    const results = [
      fatalResult('/work/policy-memos/bin.md', { message: 'file is <binary> & not a memo' }),
      result('/work/policy-memos/ok.md', []),
    ];
    const xml = junit(results, context());
    const root = parseXml(xml);
    expect(root.attributes).toMatchObject({ tests: '2', failures: '0', errors: '1' });
    const suite = root.children.find((child) => child.attributes['name'] === 'bin.md');
    expect(suite?.attributes).toMatchObject({ tests: '1', failures: '0', errors: '1' });
    const error = suite?.children[0]?.children[0];
    expect(error?.name).toBe('error');
    expect(error?.attributes).toEqual({ message: 'file is <binary> & not a memo', type: 'fatal' });
    expect(error?.text).toBe('bin.md: file is <binary> & not a memo');
  });
});
