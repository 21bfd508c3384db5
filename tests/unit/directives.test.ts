// Inline directives (src/lint/directives.ts) with every rule on, on real memo files:
// `memo-lint-disable-line`, and `memo-lint-…` comments that are no directive (#15).
import { describe, expect, it } from 'vitest';
import { fixture, lint } from './rules/helpers.js';

const shown = (name: string) =>
  lint(fixture(`directives/${name}`)).messages.map((m) => `${m.ruleId}:${m.line}:${m.column} ${m.severity} ${m.message}`);

describe('memo-lint-disable-line', () => {
  it('suppresses the named rule on the line the comment is on, and only there', () => {
    expect(shown('disable-line.md')).toEqual([
      'placeholders:17:55 error Unfinished text: "TK" marker; write the text it stands for, then remove the marker.',
    ]);
  });

  it('is reported as unused when the line has no finding of its rule', () => {
    const source = fixture('directives/disable-line.md').replace('- Iran retains TK options', '- Iran retains options');
    expect(lint(source).messages.map((m) => `${m.ruleId}:${m.line} ${m.message}`)).toEqual([
      'unused-disable:16 Unused memo-lint-disable-line comment: no finding of placeholders to suppress here; remove it.',
      'placeholders:17 Unfinished text: "TK" marker; write the text it stands for, then remove the marker.',
    ]);
  });

  it('without rule ids, suppresses every rule on its line', () => {
    const source = fixture('directives/disable-line.md').replace('disable-line placeholders --', 'disable-line --');
    expect(lint(source).messages.map((m) => `${m.ruleId}:${m.line}`)).toEqual(['placeholders:17']);
  });
});

describe('a memo-lint comment that is no directive', () => {
  it('is an error, suggests the directive meant, and disables nothing (it was read as "disable" with a rule "-line")', () => {
    expect(shown('unknown-directive.md')).toEqual([
      'placeholders:16:16 error Unfinished text: "TK" marker; write the text it stands for, then remove the marker.',
      'unknown-directive:16:40 error Unknown directive "memo-lint-disable-lines"; did you mean "memo-lint-disable-line"? It disables nothing.',
      'placeholders:17:55 error Unfinished text: "TK" marker; write the text it stands for, then remove the marker.',
    ]);
  });

  it('lists the directives when none is close, and knows a wrong case or a space for what it is', () => {
    const directives = '"memo-lint-disable", "memo-lint-enable", "memo-lint-disable-next-line" and "memo-lint-disable-line"';
    expect(shown('unknown-kinds.md')).toEqual([
      `unknown-directive:15:1 error Unknown directive "memo-lint-ignore"; the directives are ${directives}. It disables nothing.`,
      'unknown-directive:16:1 error Unknown directive "Memo-Lint-Disable-Next-Line"; did you mean "memo-lint-disable-next-line"? It disables nothing.',
      'unknown-directive:17:1 error Unknown directive "memo-lint"; did you mean "memo-lint-enable"? It disables nothing.',
      'placeholders:20:16 error Unfinished text: "TK" marker; write the text it stands for, then remove the marker.',
    ]);
  });

  it('leaves other comments alone, "memo-linter" and prose about memo lint included', () => {
    const source = fixture('directives/disable-line.md').replace(
      '<!-- memo-lint-disable-line placeholders -- the number is not out yet -->',
      '<!-- memo-linter notes --> <!-- memo lint this later --> <!-- memo-lintel -->',
    );
    expect(lint(source).messages.map((m) => `${m.ruleId}:${m.line}`)).toEqual(['placeholders:16', 'placeholders:17']);
  });

  it('suggests a rule id only when it is close to one', () => {
    const source = fixture('directives/disable-line.md')
      .replace('disable-line placeholders --', 'disable-line placeholder --')
      .replace('is TK.', 'is TK. <!-- memo-lint-disable-line soleimani -->');
    expect(lint(source).messages.map((m) => `${m.ruleId}:${m.line} ${m.message}`)).toEqual([
      'placeholders:16 Unfinished text: "TK" marker; write the text it stands for, then remove the marker.',
      'unused-disable:16 Unknown rule "placeholder" in memo-lint-disable-line comment; did you mean "placeholders"?',
      'placeholders:17 Unfinished text: "TK" marker; write the text it stands for, then remove the marker.',
      'unused-disable:17 Unknown rule "soleimani" in memo-lint-disable-line comment; check the rule id (see docs/rules/).',
    ]);
  });
});
