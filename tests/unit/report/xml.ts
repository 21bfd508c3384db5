// A strict little XML reader for the JUnit tests (no XML parser is a dependency): it accepts
// the declaration, elements, attributes, text, comments and CDATA, and throws on anything that
// is not well-formed — unbalanced or crossed tags, a raw `<` or `&` in text or attributes, an
// unknown entity, duplicate attributes, characters XML 1.0 forbids, or more than one root.
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`raw "<" at ${where}`);
  return raw.replace(/&([^;]*);|&/g, (match, entity: string | undefined) => {
    if (entity === undefined) throw new Error(`bare "&" at ${where}`);
    if (/^#[0-9]+$/.test(entity)) return String.fromCodePoint(Number(entity.slice(1)));
    if (/^#x[0-9A-Fa-f]+$/.test(entity)) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    const value = ENTITIES[entity];
    if (value === undefined) throw new Error(`unknown entity "${match}" at ${where}`);
    return value;
  });
}

export function parseXml(xml: string): XmlElement {
  if (FORBIDDEN.test(xml)) throw new Error('character not allowed in XML 1.0');
  let at = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    at = end + 2;
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const name = (): string => {
    NAME.lastIndex = at;
    const match = NAME.exec(xml);
    if (!match) throw new Error(`expected a name at ${at}`);
    at += match[0].length;
    return match[0];
  };
  const skipSpace = () => {
    while (at < xml.length && /\s/.test(xml[at]!)) at++;
  };
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    const text = xml.slice(at, lt < 0 ? xml.length : lt);
    const parent = stack[stack.length - 1];
    if (parent) parent.text += decode(text, at);
    else if (text.trim() !== '') throw new Error(`text outside the root element at ${at}`);
    if (lt < 0) break;
    at = lt;
    if (xml.startsWith('<!--', at)) {
      const end = xml.indexOf('-->', at);
      if (end < 0) throw new Error('unterminated comment');
      at = end + 3;
    } else if (xml.startsWith('<![CDATA[', at)) {
      const end = xml.indexOf(']]>', at);
      if (end < 0 || !parent) throw new Error('bad CDATA section');
      parent.text += xml.slice(at + 9, end);
      at = end + 3;
    } else if (xml.startsWith('</', at)) {
      at += 2;
      const closing = name();
      skipSpace();
      if (xml[at] !== '>') throw new Error(`expected ">" at ${at}`);
      at++;
      const open = stack.pop();
      if (!open || open.name !== closing) throw new Error(`</${closing}> does not close <${open?.name ?? 'nothing'}>`);
    } else {
      at++;
      if (!parent && root) throw new Error('more than one root element');
      const element: XmlElement = { name: name(), attributes: {}, children: [], text: '' };
      for (;;) {
        const before = at;
        skipSpace();
        if (xml.startsWith('/>', at) || xml[at] === '>') break;
        if (at === before) throw new Error(`expected space before an attribute at ${at}`);
        const attribute = name();
        skipSpace();
        if (xml[at] !== '=') throw new Error(`expected "=" at ${at}`);
        at++;
        skipSpace();
        const quote = xml[at];
        if (quote !== '"' && quote !== "'") throw new Error(`expected a quoted value at ${at}`);
        const end = xml.indexOf(quote, at + 1);
        if (end < 0) throw new Error('unterminated attribute value');
        if (attribute in element.attributes) throw new Error(`duplicate attribute ${attribute}`);
        element.attributes[attribute] = decode(xml.slice(at + 1, end), at);
        at = end + 1;
      }
      if (parent) parent.children.push(element);
      else root = element;
      if (xml.startsWith('/>', at)) at += 2;
      else {
        at++;
        stack.push(element);
      }
    }
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}
