// The named styles of a DOCX export, one per memo role, and the house reference document
// (`--reference-docx`, `export.docx.reference`) whose styles replace them. Every paragraph the
// exporter writes carries one of these styles, so a house template restyles a memo without
// touching it; the style ids and names are documented in docs/export.md (a test keeps the
// table and this list together).
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { MemoError, fileSystemError } from '../io/errors.js';

export interface DocxStyle {
  /** The style id the document's paragraphs (or runs) name: `MemoTitle`. */
  id: string;
  /** The name Word shows: `Memo Title`. */
  name: string;
  type: 'paragraph' | 'character';
  /** What it styles, for the docs. */
  role: string;
}

export const DOCX_STYLES: readonly DocxStyle[] = [
  { id: 'MemoDate', name: 'Memo Date', type: 'paragraph', role: 'the date line' },
  { id: 'MemoTitle', name: 'Memo Title', type: 'paragraph', role: 'the title' },
  { id: 'MemoByline', name: 'Memo Byline', type: 'paragraph', role: 'the authors ("By Dana Reyes and Sam Ortiz")' },
  { id: 'MemoLede', name: 'Memo Lede', type: 'paragraph', role: 'paragraphs of the lede' },
  { id: 'MemoHeading', name: 'Memo Heading', type: 'paragraph', role: 'a section heading (`##`)' },
  { id: 'MemoSubheading', name: 'Memo Subheading', type: 'paragraph', role: 'a heading inside a section (`###` and deeper)' },
  { id: 'MemoBody', name: 'Memo Body', type: 'paragraph', role: 'any other paragraph, and table cells' },
  { id: 'MemoTakeaway', name: 'Memo Takeaway', type: 'paragraph', role: 'an item of the takeaways list' },
  { id: 'MemoEvent', name: 'Memo Event', type: 'paragraph', role: 'an event of the events section' },
  { id: 'MemoEventDate', name: 'Memo Event Date', type: 'character', role: "an event's date (bold)" },
  { id: 'MemoListItem', name: 'Memo List Item', type: 'paragraph', role: 'an item of any other list' },
  { id: 'MemoQuote', name: 'Memo Quote', type: 'paragraph', role: 'a block quote' },
  { id: 'MemoCode', name: 'Memo Code', type: 'paragraph', role: 'a code block' },
  { id: 'MemoIssueTitle', name: 'Memo Issue Title', type: 'paragraph', role: 'bundle: the issue title' },
  { id: 'MemoIssueDates', name: 'Memo Issue Dates', type: 'paragraph', role: "bundle: the issue's date range" },
  { id: 'MemoContents', name: 'Memo Contents', type: 'paragraph', role: 'bundle: an entry of the contents' },
  { id: 'Hyperlink', name: 'Hyperlink', type: 'character', role: "a link (Word's own style)" },
];

/** A house document's styles: its styles.xml, and the style id it gives each memo role it has. */
export interface DocxReference {
  stylesXml: string;
  /** memokit's style id → the reference's, for the roles the reference styles. */
  ids: Map<string, string>;
}

const STYLE = /<w:style\b[^>]*>[\s\S]*?<\/w:style>/g;

/** `Memo Title`, `MemoTitle` and `memo title` are one name. */
const squeeze = (name: string) => name.replace(/[\s_-]+/g, '').toLowerCase();

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

/** Each `<w:style>` of a styles.xml with its id, name and type. */
export function stylesIn(xml: string): { xml: string; id: string; name: string; type: string }[] {
  return [...xml.matchAll(STYLE)].map((match) => {
    const open = /^<w:style\b[^>]*>/.exec(match[0])?.[0] ?? '';
    const name = /<w:name\b[^>]*w:val="([^"]*)"/.exec(match[0])?.[1] ?? '';
    return { xml: match[0], id: attribute(open, 'w:styleId') ?? '', name, type: attribute(open, 'w:type') ?? 'paragraph' };
  });
}

/**
 * The memo roles a house styles.xml styles, matched by style id (`MemoTitle`) or by name
 * (`Memo Title`, in any case, spaces optional) and of the same kind (paragraph or character).
 */
export function roleIds(stylesXml: string): Map<string, string> {
  const ids = new Map<string, string>();
  const found = stylesIn(stylesXml);
  for (const style of DOCX_STYLES) {
    const match =
      found.find((candidate) => candidate.id === style.id && candidate.type === style.type) ??
      found.find((candidate) => squeeze(candidate.name) === squeeze(style.name) && candidate.type === style.type);
    if (match) ids.set(style.id, match.id);
  }
  return ids;
}

const references = new Map<string, DocxReference>();

/** Read a reference .docx (once per process): its word/styles.xml. A file that is no DOCX is a MemoError naming it. */
export function readReferenceDocx(file: string): DocxReference {
  const cached = references.get(file);
  if (cached) return cached;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw fileSystemError(error, file);
  }
  let styles: Uint8Array | undefined;
  try {
    styles = unzipSync(bytes, { filter: (entry) => entry.name === 'word/styles.xml' })['word/styles.xml'];
  } catch {
    throw new MemoError('is not a Word document (.docx): it is not a zip file; give a .docx saved by Word or LibreOffice', {
      file,
      code: 'EOPTION',
    });
  }
  if (!styles) throw new MemoError('is not a Word document (.docx): it has no word/styles.xml', { file, code: 'EOPTION' });
  const stylesXml = new TextDecoder().decode(styles);
  if (!/<w:styles\b/.test(stylesXml))
    throw new MemoError('has a word/styles.xml without <w:styles>; not a Word document', { file, code: 'EOPTION' });
  const reference = { stylesXml, ids: roleIds(stylesXml) };
  references.set(file, reference);
  return reference;
}

/**
 * The styles.xml to write: the house document's, whole (its defaults, fonts and every style, as
 * pandoc's --reference-doc does), plus memokit's style for each role, or other style the document
 * uses, that the house document does not define.
 */
export function mergeStyles(ours: string, reference: DocxReference): string {
  const theirs = new Set(stylesIn(reference.stylesXml).map((style) => style.id));
  const mapped = new Set(reference.ids.keys());
  const missing = stylesIn(ours)
    .filter((style) => !theirs.has(style.id) && !mapped.has(style.id))
    .map((style) => style.xml);
  const end = reference.stylesXml.lastIndexOf('</w:styles>');
  return `${reference.stylesXml.slice(0, end)}${missing.join('')}${reference.stylesXml.slice(end)}`;
}

/** Point the document's paragraphs and runs at the house document's ids for the roles it styles under another id. */
export function renameStyles(documentXml: string, ids: ReadonlyMap<string, string>): string {
  const renamed = [...ids].filter(([ours, theirs]) => ours !== theirs);
  if (renamed.length === 0) return documentXml;
  const to = new Map(renamed);
  return documentXml.replace(/(<w:[pr]Style w:val=")([^"]*)(")/g, (whole, open: string, id: string, close: string) =>
    to.has(id) ? `${open}${to.get(id) as string}${close}` : whole,
  );
}
