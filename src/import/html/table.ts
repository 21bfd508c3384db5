// A data table → a GFM table: the first row is the header (GFM needs one), cells spanning columns
// are padded, `|` is escaped, a cell's paragraphs are joined on one line. A layout table (cells
// holding paragraphs, headings, lists or tables: old sites laid pages out with them) is not data:
// its cells are read as containers instead.
import type { Element } from 'hast';
import { cleanText } from '../blocks.js';
import { elements } from './tree.js';

const BLOCK_INSIDE = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote', 'article', 'section', 'main']);

function containsBlock(node: Element): boolean {
  return elements(node).some((child) => BLOCK_INSIDE.has(child.tagName) || containsBlock(child));
}

/** The table's rows, in order, through <thead>, <tbody> and <tfoot>. */
export function rowsOf(table: Element): Element[] {
  return elements(table).flatMap((child) =>
    child.tagName === 'tr'
      ? [child]
      : ['thead', 'tbody', 'tfoot'].includes(child.tagName)
        ? elements(child).filter((row) => row.tagName === 'tr')
        : [],
  );
}

/** A data table: rows of cells, none holding blocks of its own. */
export function isDataTable(table: Element): boolean {
  const rows = rowsOf(table);
  return rows.length > 0 && rows.every((row) => elements(row).every((cell) => !containsBlock(cell)));
}

/** The cells as Markdown (`cell` gives each one's inline Markdown) → GFM table rows. */
export function gfmTable(table: Element, cell: (node: Element) => string): string {
  const rows = rowsOf(table).map((row) =>
    elements(row)
      .filter((node) => node.tagName === 'td' || node.tagName === 'th')
      .flatMap((node) => {
        const markdown = cleanText(cell(node)).replace(/\|/g, '\\|');
        const span = Math.min(Math.max(Number(node.properties['colSpan'] ?? 1) || 1, 1), 50);
        return [markdown, ...Array<string>(span - 1).fill('')];
      }),
  );
  const width = Math.max(1, ...rows.map((row) => row.length));
  const line = (cells: string[]) =>
    `| ${[...cells, ...Array<string>(width - cells.length).fill('')].join(' | ')} |`.replace(/ {2,}\|/g, ' |');
  const [head = [], ...body] = rows;
  return [line(head), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
}
