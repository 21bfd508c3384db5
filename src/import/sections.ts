// The body after the front has moved out: the lede (everything before the first section
// heading, text from above the title included) and the sections. Headings come from the markup
// when there is any (`<h2>`, `##`), else they are inferred from standalone short lines.
import { headingLike } from './heuristics.js';
import type { Block } from './model.js';

export interface Section {
  heading: Block;
  /** Heading text as it will be written. */
  text: string;
  depth: number;
  blocks: Block[];
}

const QUESTIONS = /\bquestions?\b|\bfaqs?\b|\bq\s*&\s*a\b/i;

/** `above`: how many blocks at the start stood above the title; they open the lede, never a section. */
export function splitSections(rest: readonly Block[], knownHeadings: readonly string[], above = 0): { lede: Block[]; sections: Section[] } {
  const explicit = rest.filter((block) => block.kind === 'heading');
  const inferHeadings = explicit.length === 0;
  const topLevel = explicit.length > 0 ? Math.min(...explicit.map((block) => block.level ?? 2)) : 2;
  const lede: Block[] = [];
  const sections: Section[] = [];
  let previous: Block | undefined;
  for (let index = 0; index < rest.length; index++) {
    let block = rest[index] as Block;
    const next = rest[index + 1];
    let heading = block.kind === 'heading' && index >= above;
    const inQuestions = QUESTIONS.test(sections[sections.length - 1]?.text ?? '');
    if (heading || !inferHeadings || index < above) {
      // Marked-up headings only.
    } else if (
      inQuestions &&
      block.kind === 'paragraph' &&
      block.standalone &&
      block.text.endsWith('?') &&
      !block.markdown.startsWith('**')
    ) {
      // Under "Questions and Answers" a question is the answer's bold lead-in, not a section.
      block = { ...block, markdown: `**${block.markdown}**` };
    } else if (block.kind === 'paragraph' && next !== undefined && headingLike(block, knownHeadings)) heading = true;
    else if (
      block.kind === 'item' &&
      block.ordered !== undefined &&
      block.standalone &&
      next?.kind === 'paragraph' &&
      // A numbered list (contents, recommendations) is a list: its next entry is no heading.
      !(previous?.kind === 'item' && previous.ordered === block.ordered - 1) &&
      headingLike({ ...block, kind: 'paragraph', text: `${block.ordered}. ${block.text}` }, knownHeadings)
    ) {
      heading = true;
      const { ordered, ...rest_ } = block;
      block = { ...rest_, kind: 'paragraph', text: `${ordered}. ${block.text}`, markdown: `${ordered}. ${block.markdown}` };
    }
    previous = block;
    if (heading) {
      const depth = block.kind === 'heading' && block.level !== undefined ? Math.min(6, Math.max(2, block.level - topLevel + 2)) : 2;
      sections.push({ heading: block, text: block.text.replace(/:$/, ''), depth, blocks: [] });
    } else if (sections.length > 0) {
      (sections[sections.length - 1] as Section).blocks.push(block);
    } else {
      lede.push(block);
    }
  }
  return { lede, sections };
}
