// fast-check arbitraries for memo sources: generated Markdown (every block and inline construct
// a memo can hold, dates in every supported style, CRLF, BOM, unicode), generated front matter
// (valid and invalid YAML, wrong types, duplicate keys, huge strings) and random mutations of
// the real memos in examples/ and tests/fixtures/. Also the run settings read from the
// environment (`FUZZ_RUNS`, `FUZZ_SEED`), shared by every property.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { ROOT } from '../helpers/cli.js';

// ---------------------------------------------------------------------------------------------
// Run settings

/**
 * Generated cases per property: `FUZZ_RUNS`, default 40 — six properties, so 240 cases and
 * well under a minute in `npm test` on a 2-core machine. `npm run test:fuzz` sets 20,000
 * (120,000 cases); 16,667 is the least that makes 100,000.
 */
export const FUZZ_RUNS = (() => {
  const value = Number(process.env['FUZZ_RUNS'] ?? '');
  return Number.isInteger(value) && value > 0 ? value : 40;
})();

/** fast-check parameters: the run count, and a fixed seed when `FUZZ_SEED` is set. */
export function fuzzParameters<T>(): fc.Parameters<T> {
  const seed = process.env['FUZZ_SEED'];
  return {
    numRuns: FUZZ_RUNS,
    ...(seed !== undefined && seed !== '' ? { seed: Number(seed) } : {}),
    // Print the seed, the path and the counterexample on failure (fast-check's report).
    verbose: 1,
  };
}

/** A vitest timeout that grows with the run count (the default suits e2e tests, not 20,000 runs). */
export function fuzzTimeout(msPerRun = 500): number {
  // A case takes 50–200 ms (more on a loaded machine); shrinking a failure takes a few hundred more.
  return Math.max(120_000, FUZZ_RUNS * msPerRun);
}

// ---------------------------------------------------------------------------------------------
// Text

const WORDS = [
  'the',
  'memo',
  'Iraq',
  'Iran',
  'Baghdad',
  'strike',
  'militia',
  'embassy',
  'pressure',
  'U.S.',
  'Kataib',
  'Hezbollah',
  'policy',
  'sanctions',
  '2019',
  '10:40',
  'a.m.',
  'ET',
  'Dec.',
  'Sept.',
  'top',
  'Back',
  'to',
  'Key',
  'Takeaways',
  'Sequence',
  'of',
  'Events',
  'Memo:',
  'Notes',
  'Top',
];

const UNICODE = [
  'café',
  'crème',
  'naïve',
  'Ελλάδα',
  '日本語',
  'עברית',
  'العربية',
  'Привет',
  '😀',
  '👩‍👩‍👧',
  '🇺🇸',
  'e\u0301',
  'ﬁ',
  'ß',
  'İ',
  '\u00a0',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\ufffd',
  '“quoted”',
  '‘single’',
  '–',
  '—',
  '…',
  '•',
  '↑',
  '\t',
];

/** Characters Markdown, HTML and YAML give meaning to, alone or in the combinations that matter. */
const SPECIAL = [
  '*',
  '**',
  '_',
  '__',
  '`',
  '``',
  '~~',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '#',
  '##',
  '!',
  '\\',
  '&',
  '&amp;',
  '&#106;',
  '&#x6A;',
  '&nbsp;',
  '|',
  '~',
  '{{',
  '}}',
  '{{title}}',
  '{{ date }}',
  'TK',
  'TK:',
  'tk',
  '"',
  "'",
  ':',
  '---',
  '- ',
  '1.',
  '^',
  '[^1]',
  '<!--',
  '-->',
  '\r',
  '\n',
  '  ',
];

export const word: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...WORDS), weight: 6 },
  { arbitrary: fc.constantFrom(...UNICODE), weight: 2 },
  { arbitrary: fc.constantFrom(...SPECIAL), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), weight: 1 },
);

const words = (max = 8): fc.Arbitrary<string> => fc.array(word, { minLength: 1, maxLength: max }).map((list) => list.join(' '));

// ---------------------------------------------------------------------------------------------
// Dates, in every style the events section accepts (and near misses)

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'Jan.',
  'Feb.',
  'Aug.',
  'Sept.',
  'Sep.',
  'Oct.',
  'Nov.',
  'Dec.',
  'Jan',
  'Dec',
  'dec.',
  'DECEMBER',
  'Mar',
  'Apr.',
  'Jun',
];

const monthName = fc.constantFrom(...MONTHS);
const day = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 28 }), weight: 5 }, { arbitrary: fc.integer({ min: 0, max: 99 }), weight: 1 });
const year = fc.oneof(
  { arbitrary: fc.integer({ min: 2017, max: 2021 }), weight: 5 },
  { arbitrary: fc.integer({ min: 0, max: 9999 }), weight: 1 },
);
const time = fc.constantFrom('10:40 a.m. ET', '3 p.m.', '12:00pm EST', '9 a.m.', '11:59 P.M. PT', '7:05am');
const separator = fc.constantFrom(' —', ' –', ' -', ' --', ':', '');

/** A date as an event item starts with it: `**Dec. 27, 2019** —`, `December 27:`, `2019-12-27 —`… */
export const eventDate: fc.Arbitrary<string> = fc
  .record({
    month: monthName,
    monthNumber: fc.integer({ min: 0, max: 13 }),
    day,
    year: fc.option(year, { nil: undefined }),
    time: fc.option(time, { nil: undefined }),
    style: fc.constantFrom('ap', 'iso', 'iso-short'),
    strong: fc.boolean(),
    separator,
  })
  .map(({ month, monthNumber, day, year, time, style, strong, separator }) => {
    let date: string;
    if (style === 'iso')
      date = `${String(year ?? 2019).padStart(4, '0')}-${String(monthNumber).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    else if (style === 'iso-short') date = `${year ?? 2019}-${monthNumber}-${day}`;
    else date = `${month} ${day}${year !== undefined ? `, ${year}` : ''}`;
    if (time !== undefined) date += `, ${time}`;
    return `${strong ? `**${date}**` : date}${separator}`;
  });

// ---------------------------------------------------------------------------------------------
// Inline Markdown

const ANCHORS = [
  '#top',
  '#',
  '#key-takeaways',
  '#sequence-of-events',
  '#notes',
  '#notes-1',
  '#top-1',
  '#caf%C3%A9',
  '#café',
  '#nope',
  '#Key Takeaways',
  '#contents',
  '#user-content-fn-1',
  '#footnote-label',
  '#%',
  '#%E0%A4%A',
];
const URLS = [
  'https://example.org/a?b=1&c=2',
  'http://example.com',
  'HTTPS://EXAMPLE.ORG',
  'mailto:press@example.org',
  'relative/page.html',
  '/abs',
  '',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '<https://example.org/with space>',
  'https://example.org/"onmouseover="alert(1)',
  "https://example.org/'><script>alert(1)</script>",
];

export const url: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...ANCHORS), weight: 4 },
  { arbitrary: fc.constantFrom(...URLS), weight: 3 },
  { arbitrary: word.map((text) => `#${text}`), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }), weight: 1 },
);

const BACK_TO_TOP = [
  '[Back to top](#top)',
  '[Back to top](#)',
  '[back to top](#top)',
  '[↑ Back to top](#top)',
  '[Back to top](#wrong)',
  '[Back to top](https://example.org/#top)',
  'Back to top',
  '[Back to top][top]',
  '<a href="#top">Back to top</a>',
  '[**Back to top**](#top)',
];

const RAW_INLINE = [
  '<b>bold</b>',
  '<img src=x onerror=alert(1)>',
  '<!-- a comment -->',
  '<br>',
  '<a href="#top">top</a>',
  '<span style="color:red">red</span>',
  '<script>alert(1)</script>',
  '</p>',
  '<a href="javascript:alert(1)">x</a>',
  '<kbd>Ctrl</kbd>',
  '<!-- memo-lint-disable-line -->',
];

export const inline: fc.Arbitrary<string> = fc.letrec<{ inline: string; sequence: string }>((tie) => ({
  sequence: fc.array(tie('inline'), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' ')),
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: word, weight: 12 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom('*', '**', '_', '__', '~~', '***'), tie('sequence'))
        .map(([mark, text]) => `${mark}${text}${mark}`),
      weight: 2,
    },
    { arbitrary: words(3).map((text) => `\`${text}\``), weight: 1 },
    { arbitrary: fc.tuple(tie('sequence'), url).map(([text, href]) => `[${text}](${href})`), weight: 3 },
    { arbitrary: fc.tuple(words(2), url, words(2)).map(([text, href, title]) => `[${text}](${href} "${title}")`), weight: 1 },
    { arbitrary: fc.tuple(words(2), url).map(([alt, src]) => `![${alt}](${src})`), weight: 1 },
    { arbitrary: fc.tuple(words(2), fc.constantFrom('ref', 'top', 'Ref', 'missing')).map(([text, ref]) => `[${text}][${ref}]`), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        '<https://example.org/x>',
        '<mailto:a@example.org>',
        '<javascript:alert(1)>',
        'https://example.org/bare',
        'www.example.org',
        'a@example.org',
      ),
      weight: 1,
    },
    { arbitrary: fc.constantFrom(...BACK_TO_TOP), weight: 2 },
    { arbitrary: fc.constantFrom('TK', 'TK: a quote from the minister', '{{title}}', '{{date}}', '[TK]', 'TKTK'), weight: 1 },
    { arbitrary: fc.constantFrom(...RAW_INLINE), weight: 1 },
    { arbitrary: fc.constantFrom('[^1]', '[^note]', '[^missing]'), weight: 1 },
    { arbitrary: eventDate, weight: 1 },
    { arbitrary: fc.constantFrom('  \n', '\\\n', '\n'), weight: 1 },
  ),
})).sequence;

// ---------------------------------------------------------------------------------------------
// Blocks

const SECTION_HEADINGS = [
  'Key Takeaways',
  'Sequence of Events',
  'Background',
  'Timeline',
  'What Comes Next',
  'Top Line',
  'Talking Points',
  'Questions and Answers',
  'Key Take-aways',
  'key takeaways',
  'Sequence Of Events',
  'Top',
  'Notes',
  'Footnote label',
  'Contents',
  'Café and Crème',
  'Back to top',
];

const RAW_BLOCKS = [
  '<div>raw <b>block</b></div>',
  '<script>\nalert("block");\n</script>',
  '<!-- memo-lint-disable -->',
  '<!-- memo-lint-enable -->',
  '<!-- memo-lint-disable dated-events -->',
  '<!-- memo-lint-disable-next-line back-to-top -- on purpose -->',
  '<!-- memo-lint-disable-next-line placeholders -->',
  '<!-- memo-lint-disable nonexistent-rule -->',
  '<!-- unclosed comment',
  '<details><summary>More</summary>\n\nHidden *text*.\n\n</details>',
  '<table><tr><td>cell</td></tr></table>',
  '<iframe src="https://evil.example/"></iframe>',
  '<svg onload="alert(1)"><circle r="1"/></svg>',
  '<style>* { display: none }</style>',
  '<a id="top" href="#top">fake</a>',
  '<h2 id="key-takeaways">Raw</h2>',
];

/** Indent every line after the first (list item continuation) or every line (code). */
function indent(text: string, by: string, first = true): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 && !first ? line : line === '' ? line : `${by}${line}`))
    .join('\n');
}

const listMarker = fc.constantFrom('-', '*', '+', '1.', '2)', '10.');

export const block: fc.Arbitrary<string> = fc.letrec<{ block: string; item: string }>((tie) => ({
  item: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: inline, weight: 6 },
    { arbitrary: fc.tuple(eventDate, inline).map(([date, text]) => `${date} ${text}`), weight: 3 },
    { arbitrary: fc.constant(''), weight: 1 },
    // A nested list or quote under the item's text (it becomes a continuation, indented).
    {
      arbitrary: fc.tuple(inline, tie('block'), fc.constantFrom('\n', '\n\n')).map(([text, nested, gap]) => `${text}${gap}${nested}`),
      weight: 2,
    },
  ),
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: inline, weight: 8 },
    {
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 7 }), inline, fc.boolean())
        .map(([level, text, closed]) => `${'#'.repeat(level)} ${text}${closed ? ` ${'#'.repeat(level)}` : ''}`),
      weight: 3,
    },
    {
      arbitrary: fc
        .tuple(fc.constantFrom('#', '##', '###', '####'), fc.constantFrom(...SECTION_HEADINGS))
        .map(([marks, text]) => `${marks} ${text}`),
      weight: 4,
    },
    { arbitrary: fc.tuple(words(4), fc.constantFrom('===', '---')).map(([text, underline]) => `${text}\n${underline}`), weight: 1 },
    {
      arbitrary: fc
        .tuple(listMarker, fc.array(tie('item'), { minLength: 1, maxLength: 6 }), fc.boolean())
        .map(([marker, items, loose]) =>
          items.map((item) => `${marker} ${indent(item, ' '.repeat(marker.length + 1), false)}`).join(loose ? '\n\n' : '\n'),
        ),
      weight: 5,
    },
    { arbitrary: tie('block').map((inner) => indent(inner, '> ')), weight: 2 },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom('```', '~~~', '````'),
          fc.constantFrom('', 'js', 'html', 'markdown'),
          fc.array(inline, { maxLength: 3 }),
          fc.boolean(),
        )
        .map(([fence, lang, body, closed]) => `${fence}${lang}\n${body.join('\n')}${closed ? `\n${fence}` : ''}`),
      weight: 2,
    },
    { arbitrary: words(5).map((text) => indent(text, '    ')), weight: 1 },
    { arbitrary: fc.constantFrom(...RAW_BLOCKS), weight: 2 },
    { arbitrary: fc.constantFrom('---', '***', '___'), weight: 1 },
    { arbitrary: fc.tuple(words(2), words(2), inline).map(([a, b, c]) => `| ${a} | ${b} |\n| --- | :-: |\n| ${c} | x |`), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom('1', 'note', 'missing'), inline).map(([label, text]) => `[^${label}]: ${text}`), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom('ref', 'top', 'Ref'), url)
        .map(([label, href]) => `[${label}]: ${href === '' ? '<>' : href} "Title"`),
      weight: 1,
    },
    { arbitrary: fc.constantFrom(...BACK_TO_TOP), weight: 3 },
    {
      // A Sequence of Events style list: every item dated, in any order.
      arbitrary: fc
        .tuple(fc.constantFrom('-', '*', '1.'), fc.array(fc.tuple(eventDate, inline), { minLength: 1, maxLength: 6 }))
        .map(([marker, events]) => events.map(([date, text]) => `${marker} ${date} ${text}`).join('\n')),
      weight: 3,
    },
  ),
})).block;

// ---------------------------------------------------------------------------------------------
// Documents

export const TYPES = ['rapid-response', 'backgrounder', 'talking-points', 'statement'] as const;

/** Sections of each built-in type, in order (so generated memos are often nearly valid). */
const TYPE_SECTIONS: Record<(typeof TYPES)[number], string[]> = {
  'rapid-response': ['Key Takeaways', 'Sequence of Events'],
  backgrounder: ['Key Takeaways', 'Background', 'Timeline', 'What Comes Next'],
  'talking-points': ['Top Line', 'Talking Points', 'Questions and Answers'],
  statement: [],
};

const TITLE_PREFIX: Record<(typeof TYPES)[number], string> = {
  'rapid-response': 'Memo: ',
  backgrounder: 'Backgrounder: ',
  'talking-points': 'Talking Points: ',
  statement: 'Statement: ',
};

/** A YAML double-quoted scalar holding exactly `text` (JSON strings are YAML). */
const quoted = (text: string): string => JSON.stringify(text);

const isoDate = fc.oneof(
  {
    arbitrary: fc
      .date({ min: new Date('2017-01-01T00:00:00Z'), max: new Date('2021-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10)),
    weight: 5,
  },
  {
    arbitrary: fc.constantFrom('2019-02-30', '2019-13-01', '2019-1-5', '20191231', 'December 31, 2019', '0000-00-00', '2020-02-29'),
    weight: 1,
  },
);

/** Line-ending, BOM and final-newline variants of a document. */
export interface Envelope {
  bom: boolean;
  /** `lf`, `crlf`, or `mixed` (some lines CRLF). */
  eol: 'lf' | 'crlf' | 'mixed';
  finalNewline: boolean;
}

export const envelope: fc.Arbitrary<Envelope> = fc.record({
  bom: fc.boolean(),
  eol: fc.constantFrom('lf', 'lf', 'crlf', 'mixed'),
  finalNewline: fc.boolean(),
});

export function wrapDocument(text: string, { bom, eol, finalNewline }: Envelope): string {
  let out = text.replace(/\n+$/, '') + (finalNewline ? '\n' : '');
  if (eol === 'crlf') out = out.replace(/\r?\n/g, '\r\n');
  else if (eol === 'mixed')
    out = out
      .split('\n')
      .map((line, index) => (index % 3 === 1 ? `${line}\r` : line))
      .join('\n');
  return bom ? `\uFEFF${out}` : out;
}

/** The text with every line ending CRLF. */
export const withCrlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

/** The text with its line endings mixed: CRLF after the lines whose index has the given parity, LF after the others. */
export const withMixedEol = (text: string, parity: 0 | 1): string =>
  text
    .split(/\r?\n/)
    .map((line, index, lines) => (index === lines.length - 1 ? line : `${line}${index % 2 === parity ? '\r\n' : '\n'}`))
    .join('');

/** What a shaped memo's title, blocks, list items and event dates are drawn from. */
export interface ShapedParts {
  title: fc.Arbitrary<string>;
  block: fc.Arbitrary<string>;
  inline: fc.Arbitrary<string>;
  eventDate: fc.Arbitrary<string>;
}

/**
 * A memo shaped like its type: front matter, `#` title, lede, the type's sections, Back to top — each part sometimes off.
 * Narrower parts keep the shape inside a narrower subset (tests/property/quick-markdown.test.ts).
 */
export function shapedBodyOf(from: ShapedParts): fc.Arbitrary<{ type: (typeof TYPES)[number]; title: string; date: string; body: string }> {
  return fc
    .record({
      type: fc.constantFrom(...TYPES),
      title: from.title,
      date: isoDate,
      titleStyle: fc.constantFrom('right', 'right', 'wrong', 'none', 'twice'),
      lede: fc.array(from.block, { minLength: 0, maxLength: 2 }),
      sectionBodies: fc.array(fc.array(from.block, { minLength: 0, maxLength: 3 }), { minLength: 4, maxLength: 4 }),
      takeaways: fc.array(from.inline, { minLength: 0, maxLength: 10 }),
      events: fc.array(fc.tuple(from.eventDate, from.inline), { minLength: 0, maxLength: 6 }),
      extra: fc.array(from.block, { minLength: 0, maxLength: 3 }),
      // `glued…`: typed right under the last block, no blank line (#15).
      backToTop: fc.constantFrom('end', 'every', 'none', 'plain', 'glued', 'glued-indented', 'glued-plain'),
      dropSection: fc.option(fc.nat(3), { nil: undefined }),
      // What stands between two list items: nothing, or a comment (a directive splits the list unless indented).
      itemGap: fc.constantFrom('\n', '\n', '\n', '\n<!-- memo-lint-disable-next-line placeholders -->\n', '\n  <!-- a note -->\n'),
    })
    .map(({ type, title, date, titleStyle, lede, sectionBodies, takeaways, events, extra, backToTop, dropSection, itemGap }) => {
      const parts: string[] = [];
      const heading = `# ${TITLE_PREFIX[type]}${title}`;
      if (titleStyle === 'right' || titleStyle === 'twice') parts.push(heading);
      if (titleStyle === 'wrong') parts.push(`# Something Else ${title}`);
      parts.push(...lede);
      TYPE_SECTIONS[type].forEach((name, index) => {
        if (index === dropSection) return;
        parts.push(`## ${name}`);
        if (/Takeaways|Talking Points/.test(name)) parts.push(takeaways.map((item) => `- ${item}`).join(itemGap));
        else if (/Events|Timeline/.test(name)) parts.push(events.map(([when, text]) => `- ${when} ${text}`).join(itemGap));
        parts.push(...(sectionBodies[index] ?? []));
        if (backToTop === 'every') parts.push('[Back to top](#top)');
      });
      if (titleStyle === 'twice') parts.push(heading);
      parts.push(...extra);
      if (backToTop === 'end') parts.push('[Back to top](#top)');
      if (backToTop === 'plain') parts.push('Back to top');
      const kept = parts.filter((part) => part !== '');
      const glued = { glued: '[Back to top](#top)', 'glued-indented': '  [Back to top](#top)', 'glued-plain': 'Back to top' }[
        backToTop as string
      ];
      if (glued !== undefined && kept.length > 0) kept[kept.length - 1] += `\n${glued}`;
      return { type, title, date, body: kept.join('\n\n') };
    });
}

export const shapedBody = shapedBodyOf({ title: words(6), block, inline, eventDate });

/** Markdown shaped like a memo of its type, with valid front matter, in one of the envelopes. */
export function shapedMemoOf(body: typeof shapedBody, envelopes: fc.Arbitrary<Envelope>): fc.Arbitrary<string> {
  return fc.tuple(body, envelopes).map(([memo, env]) => {
    const front = `---\ntype: ${memo.type}\ntitle: ${quoted(memo.title)}\ndate: ${memo.date}\n---\n\n`;
    return wrapDocument(`${front}${memo.body}\n`, env);
  });
}

/** Generated Markdown shaped like a memo of its type, with valid front matter, in any envelope. */
export const shapedMemo: fc.Arbitrary<string> = shapedMemoOf(shapedBody, envelope);

/** Generated Markdown: any mix of blocks, with or without front matter, in any envelope. */
export const freeMarkdown: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(fc.constantFrom(...TYPES, 'unknown-type'), { nil: undefined }),
    words(5),
    isoDate,
    fc.array(block, { minLength: 0, maxLength: 14 }),
    fc.constantFrom('\n\n', '\n', '\n\n\n'),
    envelope,
  )
  .map(([type, title, date, blocks, gap, env]) => {
    const front = type === undefined ? '' : `---\ntype: ${type}\ntitle: ${quoted(title)}\ndate: ${date}\n---\n\n`;
    return wrapDocument(front + blocks.join(gap), env);
  });

/**
 * Lists and block quotes nested deep: past the HTML exporter's 32 levels and the reader's 64,
 * mixing `- `, `1. `, `> ` and lazy continuation lines, inside a valid memo.
 */
export const deepMemo: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.constantFrom('- ', '* ', '1. ', '> ', '- > ', '  '), { minLength: 1, maxLength: 80 }),
    inline,
    fc.array(fc.tuple(fc.nat({ max: 79 }), inline), { maxLength: 4 }),
    shapedBody,
    envelope,
  )
  .map(([markers, text, more, memo, env]) => {
    const nested = [`${markers.join('')}${text}`, ...more.map(([depth, line]) => `${markers.slice(0, depth).join('')}${line}`)].join('\n');
    return wrapDocument(
      `---\ntype: ${memo.type}\ntitle: ${quoted(memo.title)}\ndate: ${memo.date}\n---\n\n${memo.body}\n\n${nested}\n`,
      env,
    );
  });

// ---------------------------------------------------------------------------------------------
// Front matter

const FIELDS = ['type', 'title', 'date', 'author', 'tags', 'summary'];

const hugeString = fc
  .tuple(fc.constantFrom('x', 'word ', 'é', '😀', '<b>', '"'), fc.integer({ min: 1000, max: 10_000 }))
  .map(([unit, count]) => unit.repeat(count));

/** Any YAML value text for a key (after `key:`), valid or not. */
const yamlValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: words(6).map((text) => ` ${quoted(text)}`), weight: 6 },
  { arbitrary: fc.constantFrom(...TYPES).map((type) => ` ${type}`), weight: 3 },
  { arbitrary: isoDate.map((date) => ` ${date}`), weight: 3 },
  {
    arbitrary: fc.constantFrom(...WORDS, ...UNICODE.filter((text) => !/[\u0000-\u001f\ufeff]/.test(text))).map((text) => ` ${text}`),
    weight: 2,
  },
  // Wrong types: numbers, booleans, null, lists, maps, nested structures.
  {
    arbitrary: fc.constantFrom(
      ' 42',
      ' 3.14',
      ' true',
      ' null',
      ' ~',
      ' []',
      ' {}',
      ' [a, b, "c"]',
      ' [1, [2, [3]]]',
      ' {a: 1, b: [x]}',
      '\n  - one\n  - two',
      '\n  nested: map\n  deeper:\n    - 1',
      ' !!binary aGVsbG8=',
      ' 2019-12-31T10:00:00Z',
      ' .inf',
      ' 0x1F',
    ),
    weight: 3,
  },
  {
    arbitrary: fc.constantFrom(' |\n  literal block\n  second line', ' >\n  folded\n  text', ' "multi\n  line"', " 'single ''quoted'''"),
    weight: 1,
  },
  { arbitrary: fc.constantFrom(' &anchor value', ' *anchor', ' *missing', ' &a [x, x, x, x, x, x, x, x, x]'), weight: 1 },
  // Invalid YAML.
  {
    arbitrary: fc.constantFrom(
      ' "unterminated',
      ' [unclosed',
      ' {a: ',
      ': :',
      ' value: other',
      ' @reserved',
      ' `backtick',
      '\n\t- tab indented',
      ' ]',
      ' !!int notanumber',
      ' !unknown-tag x',
      ' - - -',
      " 'open",
    ),
    weight: 2,
  },
  { arbitrary: hugeString.map((text) => ` ${quoted(text)}`), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).map((text) => ` ${text}`), weight: 1 },
);

const yamlKey: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...FIELDS), weight: 8 },
  {
    arbitrary: fc.constantFrom('Title', 'extra', '"quoted key"', '? complex', '- item', '<<', '1', 'type ', ' title', 'unicodé'),
    weight: 1,
  },
);

/** Front matter: key/value lines (duplicates and all), sometimes not a mapping, unclosed or with junk around. */
export const frontMatter: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc
      .array(fc.tuple(yamlKey, yamlValue), { minLength: 0, maxLength: 9 })
      .map((pairs) => `---\n${pairs.map(([key, value]) => `${key}:${value}`).join('\n')}\n---`),
    weight: 8,
  },
  {
    arbitrary: fc.constantFrom(
      '---\n---',
      '---\n- a list\n- not a map\n---',
      '---\njust a string\n---',
      '---\n%YAML 1.2\n---\ntype: statement\n---',
      '---\ntype: statement\ntitle: Unclosed',
      '---   \ntype: statement\n---   ',
      '---\na: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---',
      '---\ntype: statement\ntype: statement\n---',
      '---\n\ttype: statement\n---',
      '+++\ntype = "statement"\n+++',
      '---\n...\n---',
      '---\ntype: statement\n...',
    ),
    weight: 1,
  },
);

/** A memo whose front matter is generated (valid or not) and whose body is a shaped memo. */
export const frontMatterMemo: fc.Arbitrary<string> = fc
  .tuple(frontMatter, shapedBody, envelope, fc.constantFrom('\n\n', '\n', ''))
  .map(([front, memo, env, gap]) => wrapDocument(`${front}\n${gap}${memo.body}\n`, env));

// ---------------------------------------------------------------------------------------------
// Mutations of real memos

function markdownFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) out.push(...markdownFiles(path));
    else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}

/** Every memo in examples/ and tests/fixtures/ (templates and READMEs included: they are Markdown too). */
export const CORPUS: readonly { name: string; text: string }[] = [
  ...markdownFiles(join(ROOT, 'examples')),
  ...markdownFiles(join(ROOT, 'tests', 'fixtures')),
].map((path) => ({
  name: relative(ROOT, path),
  text: readFileSync(path, 'utf8'),
}));

export type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; with: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace-char'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'crlf' }
  | { kind: 'bom' };

const position = fc.nat({ max: 1_000_000 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: position.map((at) => ({ kind: 'delete-line' as const, at })), weight: 3 },
  { arbitrary: position.map((at) => ({ kind: 'duplicate-line' as const, at })), weight: 3 },
  { arbitrary: fc.tuple(position, position).map(([at, other]) => ({ kind: 'swap-lines' as const, at, with: other })), weight: 3 },
  {
    arbitrary: fc
      .tuple(position, fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), fc.constantFrom(...SPECIAL, ...UNICODE), inline))
      .map(([at, text]) => ({ kind: 'insert' as const, at, text })),
    weight: 4,
  },
  {
    arbitrary: fc
      .tuple(position, fc.constantFrom(...SPECIAL, ...UNICODE, ' ', ''))
      .map(([at, text]) => ({ kind: 'replace-char' as const, at, text })),
    weight: 2,
  },
  { arbitrary: position.map((at) => ({ kind: 'truncate' as const, at })), weight: 1 },
  { arbitrary: fc.constant({ kind: 'crlf' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'bom' as const }), weight: 1 },
);

export function mutate(text: string, change: Mutation): string {
  const lines = text.split('\n');
  const line = (at: number) => at % Math.max(1, lines.length);
  switch (change.kind) {
    case 'delete-line':
      lines.splice(line(change.at), 1);
      return lines.join('\n');
    case 'duplicate-line': {
      const index = line(change.at);
      lines.splice(index, 0, lines[index] ?? '');
      return lines.join('\n');
    }
    case 'swap-lines': {
      const a = line(change.at);
      const b = line(change.with);
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'insert': {
      const at = change.at % (text.length + 1);
      return text.slice(0, at) + change.text + text.slice(at);
    }
    case 'replace-char': {
      const at = change.at % Math.max(1, text.length);
      return text.slice(0, at) + change.text + text.slice(at + 1);
    }
    case 'truncate':
      return text.slice(0, change.at % (text.length + 1));
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'bom':
      return text.startsWith('\uFEFF') ? text.slice(1) : `\uFEFF${text}`;
  }
}

/** A real memo with one to six random mutations. */
export const mutatedMemo: fc.Arbitrary<string> = fc
  .tuple(fc.nat({ max: CORPUS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([index, changes]) => changes.reduce(mutate, CORPUS[index]?.text ?? ''));

/** A real memo with generated blocks spliced in between its lines. */
export const splicedMemo: fc.Arbitrary<string> = fc
  .tuple(fc.nat({ max: CORPUS.length - 1 }), fc.array(fc.tuple(position, block), { minLength: 1, maxLength: 4 }))
  .map(([index, splices]) =>
    splices.reduce((text, [at, inserted]) => {
      const lines = text.split('\n');
      lines.splice(at % (lines.length + 1), 0, inserted);
      return lines.join('\n');
    }, CORPUS[index]?.text ?? ''),
  );
