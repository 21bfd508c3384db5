// The rules, in the order their findings are documented. One rule per file.
import type { Rule } from '../types.js';
import { anchors } from './anchors.js';
import { backToTop } from './back-to-top.js';
import { datedEvents } from './dated-events.js';
import { emptySection } from './empty-section.js';
import { frontMatter } from './front-matter.js';
import { headingLevels } from './heading-levels.js';
import { lede } from './lede.js';
import { placeholders } from './placeholders.js';
import { requiredSections } from './required-sections.js';
import { takeaways } from './takeaways.js';
import { title } from './title.js';

export const rules: readonly Rule[] = [
  frontMatter,
  title,
  lede,
  requiredSections,
  takeaways,
  datedEvents,
  backToTop,
  anchors,
  placeholders,
  emptySection,
  headingLevels,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));
