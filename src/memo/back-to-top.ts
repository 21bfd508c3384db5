// What a "Back to top" line says, in every form writers type it (`Back to top`, `↑ Back to top`,
// `^ back to top`). Its own module with no imports, so the importer can recognise the line
// without loading the Markdown parser.
const BACK_TO_TOP = /^\s*[↑^]?\s*back to top\s*[↑]?\s*$/i;

export function isBackToTopText(text: string): boolean {
  return BACK_TO_TOP.test(text);
}
