// Page furniture: the elements of a saved page that never hold the memo's words. A short named
// list, matched on whole class and id tokens (never inside a token: WordPress puts
// `has-main-navigation` on <body> and `tag-navy` on every post, and `entry-content social-policy`
// is an article), and never applied to <html>, <body>, <article> or <main>.
import type { Element } from 'hast';
import { classTokens, elements, idOf, type Parent } from './tree.js';

/** Tags that are never the memo's text: scripts, forms, media, the document head, navigation. */
const FURNITURE_TAGS = new Set([
  'nav',
  'script',
  'style',
  'form',
  'noscript',
  'template',
  'svg',
  'iframe',
  'button',
  'select',
  'textarea',
  'input',
  'label',
  'canvas',
  'video',
  'audio',
  'object',
  'embed',
  'dialog',
  'head',
  'title',
  'meta',
  'link',
]);

/** The site's footer and asides; inside an article they are its own (a byline, a note box) and stay. */
const SITE_TAGS = new Set(['footer', 'aside']);

const FURNITURE_ROLES = new Set(['navigation', 'contentinfo', 'banner', 'complementary', 'search', 'menu', 'menubar', 'dialog', 'alert']);

/** Never left out for a class, an id or a role: they hold the page, or the article. */
const NEVER_FURNITURE = new Set(['html', 'body', 'article', 'main']);

/**
 * The named list, as whole class/id tokens: navigation and menus, sidebars, share bars and social
 * buttons, cookie banners, related posts, comments, breadcrumbs, newsletter sign-ups, skip links,
 * pop-ups, post-to-post navigation, print buttons, "Back to top" and reading-time labels.
 */
const FURNITURE_TOKENS = [
  /^(?:(?:site|main|primary|secondary|top|header|footer|mobile|global|post|posts|wp-block)-)?(?:nav|navbar|navigation|menu)$/,
  /^(?:nav-links|menu-toggle|skip-link|skip-links|pagination|breadcrumbs?)$/,
  /^(?:sidebar|widget-area|widgets|secondary)$/,
  /^(?:social-)?(?:share|sharing)(?:-(?:buttons?|bar|links|icons|tools|box))?$/,
  /^social-(?:links|icons|media|buttons|follow)$/,
  /^(?:sharedaddy|addtoany|a2a_kit|jp-relatedposts)$/,
  /^cookies?(?:-(?:banner|notice|consent|bar|popup))?$/,
  /^related(?:-(?:posts|content|articles|reading|stories))?$/,
  /^(?:wp-block-)?comments?(?:-(?:area|section|list|template))?$/,
  /^(?:wp-block-)?post-navigation(?:-link)?$/,
  /^(?:comment-respond|respond)$/,
  /^(?:newsletter|subscribe|subscription-widget)(?:-(?:signup|form|box|cta|wrap))?$/,
  /^(?:like|share)(?:-dialog)?-buttons?(?:-container)?$/,
  /^(?:popup|modal)$/,
  /^(?:print|print-button|print-link)$/,
  /^(?:back-to-top|to-top)$/,
  /^(?:reading-time|read-time|byline-reading-time)$/,
  /^(?:cat-links|tags-links|tag-links|post-tags|entry-tags|post-categories|wp-block-post-terms|field--name-field-tags|taxonomy(?:-[a-z_]+)?)$/,
];

/**
 * What kind of furniture an element is (a short name for the report), or undefined. `inArticle`:
 * the element is inside the article, where its own <footer> and <aside> are not the site's.
 */
export function furnitureKind(node: Element, inArticle = false): string | undefined {
  if (FURNITURE_TAGS.has(node.tagName) || (!inArticle && SITE_TAGS.has(node.tagName))) return `<${node.tagName}>`;
  if (NEVER_FURNITURE.has(node.tagName)) return undefined;
  const role = node.properties['role'];
  if (typeof role === 'string' && FURNITURE_ROLES.has(role)) return `role="${role}"`;
  if (node.tagName === 'header' && containsTag(node, 'nav')) return 'a site header with navigation';
  const id = idOf(node);
  const tokens = id === undefined ? classTokens(node) : [...classTokens(node), id.toLowerCase()];
  const token = tokens.find((name) => FURNITURE_TOKENS.some((pattern) => pattern.test(name)));
  return token === undefined ? undefined : `"${token}"`;
}

/** Hidden from readers: `hidden`, `aria-hidden`, `display: none`. */
export function isHidden(node: Element): boolean {
  if (node.properties['hidden'] !== undefined && node.properties['hidden'] !== false) return true;
  if (String(node.properties['ariaHidden']) === 'true') return true;
  const style = node.properties['style'];
  return typeof style === 'string' && /display\s*:\s*none/i.test(style);
}

/** Furniture or hidden: the walk leaves it out. */
export function isLeftOut(node: Element, inArticle = false): boolean {
  return isHidden(node) || furnitureKind(node, inArticle) !== undefined;
}

function containsTag(node: Element, tag: string): boolean {
  return node.children.some((child) => child.type === 'element' && (child.tagName === tag || containsTag(child, tag)));
}

/** Elements below `node` that are neither furniture nor inside furniture, depth first. */
export function* keptElements(node: Parent): Generator<Element> {
  for (const child of elements(node)) {
    if (isLeftOut(child)) continue;
    yield child;
    yield* keptElements(child);
  }
}
