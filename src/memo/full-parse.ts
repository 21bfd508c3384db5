// The full Markdown parser, for what the fast path (quick-markdown.ts) declines: the tree
// remark-parse + remark-frontmatter (+ remark-gfm) build, made by mdast-util-from-markdown with
// the same micromark and mdast extensions, as those plugins hand them to it. Without unified and
// the plugins' to-Markdown halves, which no parse needs and which were most of the code a run
// loaded. Loaded on first need only (parse.ts): a run whose memos the fast path reads never
// compiles micromark. tests/property/quick-markdown.test.ts holds it to remark's trees.
import type { Root } from 'mdast';
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

const COMMONMARK: Options = { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] };
const GFM: Options = {
  extensions: [frontmatter(['yaml']), gfm()],
  mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown()],
};

/** Parse Markdown (with YAML front matter; with GFM when `withGfm`) into an mdast tree with positions. */
export function parseMarkdown(source: string, withGfm: boolean): Root {
  return fromMarkdown(source, withGfm ? GFM : COMMONMARK);
}
