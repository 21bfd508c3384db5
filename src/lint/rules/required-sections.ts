// required-sections: the memo type's sections are present, once each, in the declared order.
// A heading that is almost a declared one ("Key Take-aways") is named as such, and stands in
// for that section, so one misspelling gives one finding (not also "missing").
import { NEAR_MISS, headingDifference } from '../../memo/headings.js';
import type { Section, Span } from '../../memo/model.js';
import type { SectionSpec } from '../../templates/structure.js';
import type { Rule } from '../types.js';
import { at, pointAt } from './shared.js';

interface Match {
  section: Section;
  spec: SectionSpec;
  index: number;
  exact: boolean;
}

export const requiredSections: Rule = {
  id: 'required-sections',
  description: "The memo type's required `##` sections are present, once each, in the template's order.",
  severity: 'error',
  fixable: false,
  check(memo, context) {
    const type = memo.memoType;
    if (!type || type.sections.length === 0) return;
    const specs = type.sections;

    // Each `##` heading: the declared section it is (exactly), or nearly is, or none.
    const matches: Match[] = [];
    for (const section of memo.sections) {
      const text = section.heading.text;
      const exact = specs.findIndex((spec) => spec.heading.trim() === text);
      if (exact !== -1) {
        matches.push({ section, spec: specs[exact] as SectionSpec, index: exact, exact: true });
        continue;
      }
      let best = -1;
      let bestScore = Infinity;
      specs.forEach((spec, index) => {
        const score = headingDifference(text, spec.heading);
        if (score < bestScore) [best, bestScore] = [index, score];
      });
      if (best !== -1 && bestScore <= NEAR_MISS) matches.push({ section, spec: specs[best] as SectionSpec, index: best, exact: false });
    }

    for (const match of matches) {
      if (!match.exact) {
        context.report({
          message: `Section "${match.section.heading.text}" looks like "${match.spec.heading}"; rename it to match the template.`,
          at: match.section.heading.span,
        });
      }
    }

    // Once each.
    const firsts = new Map<number, Match>();
    for (const match of matches) {
      const first = firsts.get(match.index);
      if (!first) firsts.set(match.index, match);
      else {
        context.report({
          message: `Section "## ${match.spec.heading}" appears again (first on line ${first.section.heading.span.start.line}); merge the two into one section.`,
          at: match.section.heading.span,
        });
      }
    }

    // Present: report a missing one where it belongs.
    specs.forEach((spec, index) => {
      if (spec.required === false || firsts.has(index)) return;
      const after = [...firsts.values()].filter((m) => m.index > index).sort((a, b) => a.index - b.index)[0];
      const before = [...firsts.values()].filter((m) => m.index < index).sort((a, b) => b.index - a.index)[0];
      let where: string;
      let span: Span;
      if (after) {
        where = `add it before "## ${after.section.heading.text}"`;
        span = after.section.heading.span;
      } else if (before) {
        where = `add it after "## ${before.section.heading.text}"`;
        span = at(before.section.span.end);
      } else {
        where = 'add it after the lede';
        const lastLede = memo.lede[memo.lede.length - 1];
        span = lastLede
          ? at(lastLede.span.end)
          : (memo.titleHeadings[0]?.span ?? at(pointAt(memo.source, memo.frontMatter?.span.end.offset ?? 0)));
      }
      context.report({ message: `Missing section "## ${spec.heading}" required by ${type.name} memos; ${where}.`, at: span });
    });

    // In order: each first occurrence must come after every earlier-declared one seen so far.
    let furthest: Match | undefined;
    for (const match of [...firsts.values()].sort((a, b) => a.section.heading.span.start.offset - b.section.heading.span.start.offset)) {
      if (furthest && match.index < furthest.index) {
        const order = specs.map((spec) => spec.heading).join(', ');
        context.report({
          message: `Section "## ${match.section.heading.text}" must come before "## ${furthest.section.heading.text}" (template order: ${order}); move it up.`,
          at: match.section.heading.span,
        });
      } else furthest = match;
    }
  },
};
