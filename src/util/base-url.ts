// `--base-url` and `feed.baseUrl`: where exported memos are published. Pure, so a command can
// check the option while parsing it without loading the exporters.

/**
 * A base URL as given (`--base-url`, `feed.baseUrl`), checked and made a folder: an absolute
 * http or https URL, ending with `/` so pages resolve under it. A reason instead when it is no such URL.
 */
export function parseBaseUrl(value: string): { url: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: `"${value}" is not an absolute URL; give one like https://example.org/memos/` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: `"${value}" is not an http or https URL` };
  if (url.search !== '' || url.hash !== '') return { problem: `"${value}" has a query or fragment; give the folder's URL alone` };
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return { url: url.href };
}
