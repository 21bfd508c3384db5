// What the walk over one page's article carries along: the footnotes found on the page, the
// byline read, the warnings so far.
import type { Footnotes } from './footnotes.js';

export interface Byline {
  /** ISO date (YYYY-MM-DD) of publication, when the byline gives one. */
  date?: string;
  /** Author name(s) as written. */
  author?: string;
  line: number;
}

export interface Context {
  notes: Footnotes;
  /** The article was found (a landmark or a text-rich element): its <footer>/<aside> are its own. */
  inArticle: boolean;
  /** Author names the page's metadata gives (`<meta name="author">`): a byline may name them bare. */
  authors: string[];
  /** The first byline found in the article. */
  byline?: Byline;
  /** A paragraph of prose has been read: later short lines are not the byline. */
  prose: boolean;
  warn(line: number, message: string): void;
}
