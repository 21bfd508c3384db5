// A fast path for front matter as memos write it: one `key: value` per line, the key a word YAML
// reads as that very string (not `null`, `True`...), the value a plain or quoted string, an ISO
// date, or a flow list of plain words (`tags: [iraq, iran]`). It returns what the `yaml` package
// returns for such text (same data, same key positions) and declines anything else (comments,
// numbers, booleans, block scalars, anchors, escapes, nesting...), so the caller falls back to
// `yaml`. The differential tests compare the two on every fixture, the bench corpus and
// generated front matter.
//
// Why: `yaml` builds a full document (CST, AST, error tracking) and was a fifth of the time of a
// large lint run once the Markdown fast path was in.

export interface QuickFrontMatter {
  data: Record<string, unknown>;
  /** Each key with its offset in the YAML text. */
  keys: { key: string; offset: number }[];
}

const LINE = /^([A-Za-z][A-Za-z0-9_-]*): (.+)$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
const SINGLE_QUOTED = /^'([^']*)'$/;
const FLOW_LIST = /^\[(.*)\]$/;
const LIST_WORD = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** Plain scalars YAML 1.2's core schema reads as something other than a string. */
const NOT_A_STRING = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL|~)$/;
/** A plain scalar may not start with an indicator; a digit or sign could make it a number. */
const PLAIN_START = /^[^\s\-?:,[\]{}#&*!|>'"%@`0-9+.]/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function plainString(value: string): string | undefined {
  if (NOT_A_STRING.test(value) || value.includes(': ') || value.includes(' #') || value.endsWith(':') || /\s$/.test(value))
    return undefined;
  if (ISO_DATE.test(value) || PLAIN_START.test(value)) return value;
  return undefined;
}

function scalar(value: string): unknown {
  const double = DOUBLE_QUOTED.exec(value);
  if (double) return double[1];
  const single = SINGLE_QUOTED.exec(value);
  if (single) return single[1];
  const list = FLOW_LIST.exec(value);
  if (list) {
    const inner = list[1] as string;
    if (inner === '') return [];
    const items = inner.split(', ');
    return items.every((item) => LIST_WORD.test(item) && !NOT_A_STRING.test(item)) ? items : undefined;
  }
  return plainString(value);
}

export function quickFrontMatter(raw: string): QuickFrontMatter | undefined {
  // Lines end in LF or CRLF (a Windows editor's memo); any other control character, a lone CR
  // included, declines.
  if (raw === '' || /[\0-\x1f\x7f]/.test(raw.replace(/\r?\n/g, ''))) return undefined;
  const data: Record<string, unknown> = {};
  const keys: { key: string; offset: number }[] = [];
  let offset = 0;
  for (const rawLine of raw.split('\n')) {
    // Only a line followed by LF can end in CR here (a last line's CR is a lone CR, declined above).
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const match = LINE.exec(line);
    if (!match) return undefined;
    const key = match[1] as string;
    // `null: x` or `True: x` has a null or boolean key in YAML (data key "" or "true"): decline.
    if (NOT_A_STRING.test(key) || Object.hasOwn(data, key)) return undefined;
    const value = scalar(match[2] as string);
    if (value === undefined) return undefined;
    data[key] = value;
    keys.push({ key, offset });
    offset += rawLine.length + 1;
  }
  return { data, keys };
}
