// Checks on exported HTML, as a tree (rehype-parse): ids are unique, every in-page link resolves,
// and nothing active is left (no script-like element, no event handler, no dangerous URL, no
// style a memo wrote). Each check returns the problems it found (empty when the HTML is fine),
// so a property can report all of them with the counterexample.
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const documentParser = unified().use(rehypeParse).freeze();
const fragmentParser = unified().use(rehypeParse, { fragment: true }).freeze();

export function parseHtml(html: string, fragment = false): Root {
  return (fragment ? fragmentParser : documentParser).parse(html);
}

export function elements(tree: Root | Element, test?: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    if (!test || test(node)) found.push(node);
  });
  return found;
}

/**
 * The target of an in-page href, as a browser looks it up (HTML's "find a potential indicated
 * element"): the fragment percent-decoded to bytes, then read as UTF-8 with U+FFFD for what is
 * not UTF-8. A `%` not followed by two hex digits stays a `%` (`#50%25` and a source's `#50%`
 * both look up `50%`). Decoding invalid escapes to U+FFFD, as browsers do, makes a source's
 * `#%E0\0%A4` (micromark reads the NUL as U+FFFD) and its export `#%E0%EF%BF%BD%A4` the same
 * broken target (seed 773870126), where keeping undecodable escapes as text told them apart.
 */
export function fragmentTarget(href: string): string {
  const text = href.slice(1);
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let index = 0; index < text.length;) {
    const escape = /^%[0-9a-fA-F]{2}/.exec(text.slice(index, index + 3));
    if (escape) {
      bytes.push(Number.parseInt(text.slice(index + 1, index + 3), 16));
      index += 3;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(index) as number);
    bytes.push(...encoder.encode(char));
    index += char.length;
  }
  // "UTF-8 decode without BOM": a leading U+FEFF is part of the target, not a byte-order mark.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(bytes));
}

/**
 * Duplicate ids, and `href="#x"` links whose `x` is no id (`#` alone included). `brokenInSource`
 * says which targets the memo itself links to without having them (an author's broken link,
 * which the `anchors` rule reports): those cannot resolve and are not the exporter's fault.
 */
export function anchorProblems(tree: Root, brokenInSource: (target: string) => boolean = () => false): string[] {
  const problems: string[] = [];
  const ids = new Map<string, number>();
  for (const node of elements(tree)) {
    const id = node.properties['id'];
    if (typeof id === 'string') ids.set(id, (ids.get(id) ?? 0) + 1);
  }
  for (const [id, count] of ids) if (count > 1) problems.push(`id "${id}" is used ${count} times`);
  for (const node of elements(tree)) {
    const href = node.properties['href'];
    if (typeof href !== 'string' || !href.startsWith('#')) continue;
    const target = fragmentTarget(href);
    if (!ids.has(target) && !brokenInSource(target)) problems.push(`<${node.tagName} href="${href}"> points at no id`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Safety

/** Elements that run code, load documents, change the base URL or submit: never in an export. */
export const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'form',
  'svg',
  'math',
  'link',
  'noscript',
  'template',
  'portal',
  'input',
  'button',
  'textarea',
  'select',
  'video',
  'audio',
  'source',
  'track',
]);

/** Properties (hast names) that hold a URL a browser follows or loads. */
const URL_PROPERTIES = new Set([
  'href',
  'src',
  'srcSet',
  'action',
  'formAction',
  'poster',
  'cite',
  'longDesc',
  'data',
  'xLinkHref',
  'background',
  'manifest',
  'ping',
  'codeBase',
  'dynsrc',
  'lowsrc',
]);

const ENTITIES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', lpar: '(', rpar: ')', sol: '/', amp: '&', nbsp: '\u00a0' };

/** Decode character references the way an attribute value is read (also in already-parsed text, for safety). */
export function decodeEntities(text: string): string {
  let previous: string;
  let out = text;
  // Repeat: `&amp;#106;` decodes to `&#106;`, which a second reader could decode again.
  do {
    previous = out;
    out = out
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Math.min(0x10ffff, parseInt(hex, 16))))
      .replace(/&#([0-9]+);?/g, (_, dec: string) => String.fromCodePoint(Math.min(0x10ffff, parseInt(dec, 10))))
      .replace(/&([a-z]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole);
  } while (out !== previous);
  return out;
}

/** The scheme a browser sees: entities decoded, whitespace and control characters dropped, lower case. */
export function urlScheme(value: string): string | undefined {
  const cleaned = decodeEntities(value).replace(
    /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g,
    '',
  );
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return match?.[1]?.toLowerCase();
}

const DANGEROUS_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'livescript', 'mocha', 'jar', 'view-source', 'filesystem', 'blob']);

/** A CSS declaration list (style attribute or stylesheet) that can run code or load a non-http(s) URL. */
export function cssProblems(css: string): string[] {
  const problems: string[] = [];
  // CSS escapes (`\6a avascript`) and comments hide keywords; undo both before looking.
  const text = decodeEntities(css)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => String.fromCodePoint(Math.min(0x10ffff, parseInt(hex, 16) || 0xfffd)))
    .replace(/\\(.)/g, '$1')
    .toLowerCase();
  if (/expression\s*\(/.test(text)) problems.push('CSS expression()');
  if (/behavio(u)?r\s*:/.test(text)) problems.push('CSS behavior:');
  if (/-moz-binding/.test(text)) problems.push('CSS -moz-binding');
  if (/javascript\s*:|vbscript\s*:/.test(text)) problems.push('script URL in CSS');
  if (/@import/.test(text)) problems.push('CSS @import');
  for (const match of text.matchAll(/url\s*\(\s*(['"]?)([^'")]*)\1\s*\)/g)) {
    const scheme = urlScheme(match[2] ?? '');
    if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') problems.push(`CSS url() with scheme ${scheme}:`);
  }
  return problems;
}

function propertyText(value: unknown): string {
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** The `property: value` declarations of a stylesheet or a style attribute, normalized. */
export function cssDeclarations(css: string): string[] {
  const body = css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/[^{}]*\{/g, ';')
    .replace(/\}/g, ';');
  return (
    body
      .split(';')
      // The inliner writes a value's double quotes as single ones (it sits in a `style="…"`).
      .map((declaration) =>
        declaration
          .trim()
          .replace(/\s+/g, ' ')
          .replace(/"/g, "'")
          .replace(/^([^:]+?)\s*:\s*/, (_, name: string) => `${name.toLowerCase()}: `),
      )
      .filter((declaration) => declaration.includes(':'))
  );
}

export interface SafetyOptions {
  /** Our stylesheet (memokit's, or the one passed as `css`): the only source of CSS allowed. */
  stylesheet: string;
  /**
   * Whether `style` attributes may appear: only in email output, where the inliner copies our
   * stylesheet's declarations into them (the same export without `email` has none).
   */
  styleAttributes: boolean;
}

/** Everything active in an exported tree: forbidden elements, handlers, script URLs, foreign CSS. */
export function safetyProblems(tree: Root, options: SafetyOptions): string[] {
  const ours = new Set(cssDeclarations(options.stylesheet));
  const foreign = (css: string): string[] => cssDeclarations(css).filter((declaration) => !ours.has(declaration));
  const problems: string[] = [];
  for (const node of elements(tree)) {
    const tag = node.tagName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(tag)) problems.push(`<${tag}> element`);
    // `<meta http-equiv>` (refresh, set-cookie, content-security-policy…) acts; `name` ones do not.
    if (tag === 'meta' && node.properties['httpEquiv'] !== undefined)
      problems.push(`<meta http-equiv=${propertyText(node.properties['httpEquiv'])}> element`);
    if (tag === 'style') {
      const css = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
      for (const declaration of foreign(css)) problems.push(`<style> has "${declaration}", which is not in our stylesheet`);
      for (const problem of cssProblems(css)) problems.push(`<style>: ${problem}`);
    }
    for (const [name, value] of Object.entries(node.properties)) {
      if (value === undefined || value === null || value === false) continue;
      if (/^on/i.test(name)) problems.push(`event handler ${name} on <${tag}>`);
      if (URL_PROPERTIES.has(name) || /^(?:xlink|formaction|action|href|src)/i.test(name)) {
        for (const part of Array.isArray(value) ? value.map(String) : [String(value)]) {
          const scheme = urlScheme(part);
          if (scheme !== undefined && DANGEROUS_SCHEMES.has(scheme)) problems.push(`${name}="${part}" on <${tag}> (scheme ${scheme}:)`);
        }
      }
      if (name === 'style') {
        const style = propertyText(value);
        if (!options.styleAttributes) problems.push(`style="${style}" on <${tag}> where no style attribute may be`);
        for (const declaration of foreign(style)) problems.push(`style on <${tag}> has "${declaration}", which is not in our stylesheet`);
        for (const problem of cssProblems(style)) problems.push(`style on <${tag}>: ${problem}`);
      }
    }
  }
  return problems;
}

/** Every style attribute value in a tree. */
export function styleValues(tree: Root): Set<string> {
  const styles = new Set<string>();
  for (const node of elements(tree)) {
    const style = node.properties['style'];
    if (style !== undefined) styles.add(propertyText(style));
  }
  return styles;
}
