// A rule's documentation, for the reports and the editor that point at it: the page shipped in
// docs/rules/<id>.md, its address in the project's repository, and its summary (the paragraph
// under the page's title). Read once per rule per process.
import { readFileSync } from 'node:fs';

export const PROJECT_URL = 'https://github.com/memokit/memokit';
const DOCS_URL = `${PROJECT_URL}/blob/main/docs/rules/`;
const DOCS_DIR = new URL('../../docs/rules/', import.meta.url);

const pages = new Map<string, string | undefined>();

/** The rule's doc page, when the package has one. */
export function ruleDocPage(id: string): string | undefined {
  if (!pages.has(id)) {
    let text: string | undefined;
    try {
      text = readFileSync(new URL(`${encodeURIComponent(id)}.md`, DOCS_DIR), 'utf8');
    } catch {
      text = undefined;
    }
    pages.set(id, text?.trim() ? text : undefined);
  }
  return pages.get(id);
}

/** Where the rule's doc page is published. */
export function ruleDocUrl(id: string): string {
  return `${DOCS_URL}${encodeURIComponent(id)}.md`;
}

/** The first paragraph under the page's `# title` (what the rule checks, in a sentence or two). */
export function ruleDocSummary(id: string): string | undefined {
  const page = ruleDocPage(id)?.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  if (!page) return undefined;
  const blocks = page.split(/\r?\n\s*\r?\n/).map((block) => block.trim());
  const first = blocks.find((block) => block !== '' && !block.startsWith('#'));
  return first?.replace(/\s*\r?\n\s*/g, ' ');
}
