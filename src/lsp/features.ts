// What the editor shows, computed from one lint result: diagnostics, quick fixes, "fix all" and
// hovers. Pure functions of the document and the findings, so they are tested without a client.
//
// Positions: memokit's are 1-based lines and columns counted in UTF-16 code units (the parser
// reads a JavaScript string), after any byte-order mark; fix ranges are offsets into that text.
// LSP's are 0-based lines and UTF-16 characters into the text as the editor holds it, BOM and
// all. Lines end at \n, \r\n or \r in both. Every position goes through the document, which
// clamps it to its line, so a finding past a line's end still lands on the line.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { directiveRules } from '../lint/directives.js';
import { ruleDocPage, ruleDocSummary, ruleDocUrl } from '../lint/rule-docs.js';
import { rulesById } from '../lint/rules/index.js';
import type { Finding, Fix } from '../lint/types.js';

export const SOURCE = 'memokit';
/** The kind of the "fix all" action: a sub-kind of source.fixAll, as ESLint's server names its own. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

/** Whether the document's text starts with a byte-order mark (memokit's positions come after it). */
export function hasBom(document: TextDocument): boolean {
  return document.getText({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }) === '\uFEFF';
}

/** memokit's 1-based line and column (after any BOM) → LSP's position in the document. */
export function toPosition(document: TextDocument, line: number, column: number, bom: boolean): Position {
  const position = { line: Math.max(0, line - 1), character: Math.max(0, column - 1) + (bom && line === 1 ? 1 : 0) };
  return document.positionAt(document.offsetAt(position));
}

/** A fix's offsets (into the text after any BOM) → LSP's range. */
export function fixRange(document: TextDocument, fix: Fix, bom: boolean): Range {
  const shift = bom ? 1 : 0;
  return { start: document.positionAt(fix.range[0] + shift), end: document.positionAt(fix.range[1] + shift) };
}

export function findingRange(document: TextDocument, finding: Finding, bom: boolean): Range {
  return {
    start: toPosition(document, finding.line, finding.column, bom),
    end: toPosition(document, finding.endLine, finding.endColumn, bom),
  };
}

export function toDiagnostic(document: TextDocument, finding: Finding, bom: boolean): Diagnostic {
  const code = finding.ruleId || undefined;
  return {
    range: findingRange(document, finding, bom),
    severity: finding.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    message: finding.message,
    ...(code ? { code } : {}),
    ...(code && ruleDocPage(code) ? { codeDescription: { href: ruleDocUrl(code) } } : {}),
  };
}

/** One diagnostic for the whole document's trouble that no rule found (a broken config, say). */
export function problemDiagnostic(message: string, line = 1): Diagnostic {
  const position = { line: Math.max(0, line - 1), character: 0 };
  return { range: { start: position, end: position }, severity: DiagnosticSeverity.Error, source: SOURCE, message };
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Ranges touch (an empty range touches what it sits in or at the edge of). */
export function touches(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Does a client that asked for `only` kinds want actions of `kind`? (Kinds are hierarchical.) */
export function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
}

function workspaceEdit(document: TextDocument, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  // With documentChanges the edit names the version it was made for, and a client drops it
  // if the text has moved on since.
  return documentChanges
    ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] }
    : { changes: { [document.uri]: edits } };
}

/** A title that fits a menu: the message's first sentence, shortened. */
function actionTitle(finding: Finding): string {
  const sentence = /^.*?[.;](?=\s|$)/.exec(finding.message)?.[0] ?? finding.message;
  const short = sentence.length > 90 ? `${sentence.slice(0, 89)}…` : sentence;
  return `Fix (${finding.ruleId}): ${short}`;
}

export interface ActionInput {
  document: TextDocument;
  findings: readonly Finding[];
  range: Range;
  only: readonly string[] | undefined;
  documentChanges: boolean;
  /** The document's text with every fix applied (lintText with `fix`), asked only when needed. */
  fixedText: () => string | undefined;
}

/** A quick fix for every fixable finding in the range, and "fix all" when anything is fixable. */
export function codeActions(input: ActionInput): CodeAction[] {
  const { document, findings, range, only, documentChanges } = input;
  const bom = hasBom(document);
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix, only)) {
    for (const finding of findings) {
      if (!finding.fix) continue;
      const diagnostic = toDiagnostic(document, finding, bom);
      if (!touches(diagnostic.range, range)) continue;
      const edit: TextEdit = { range: fixRange(document, finding.fix, bom), newText: finding.fix.text };
      actions.push({
        title: actionTitle(finding),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: workspaceEdit(document, [edit], documentChanges),
      });
    }
  }
  if (findings.some((finding) => finding.fix) && wanted(FIX_ALL_KIND, only)) {
    const fixed = input.fixedText();
    const edit = fixed === undefined ? undefined : wholeEdit(document, fixed);
    if (edit)
      actions.push({ title: 'Fix all memokit problems', kind: FIX_ALL_KIND, edit: workspaceEdit(document, [edit], documentChanges) });
  }
  return actions;
}

/** One edit that turns the document into `text`: the changed middle, between the common start and end. */
export function wholeEdit(document: TextDocument, text: string): TextEdit | undefined {
  const old = document.getText();
  if (old === text) return undefined;
  let start = 0;
  const shortest = Math.min(old.length, text.length);
  while (start < shortest && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let end = 0;
  while (end < shortest - start && old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
  // Never split a surrogate pair or a CRLF between the kept and the replaced text.
  while (start > 0 && (isLowSurrogate(old.charCodeAt(start)) || (old[start] === '\n' && old[start - 1] === '\r'))) start--;
  while (
    end > 0 &&
    (isLowSurrogate(old.charCodeAt(old.length - end)) || (old[old.length - end] === '\n' && old[old.length - end - 1] === '\r'))
  )
    end--;
  return {
    range: { start: document.positionAt(start), end: document.positionAt(old.length - end) },
    newText: text.slice(start, text.length - end),
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function describeRule(id: string): string | undefined {
  return rulesById.get(id)?.description ?? directiveRules.find((rule) => rule.id === id)?.description;
}

/** The docs of the rules whose findings cover `position`, one section a rule. */
export function hover(document: TextDocument, findings: readonly Finding[], position: Position): Hover | undefined {
  const bom = hasBom(document);
  const here = { start: position, end: position };
  const ids = [
    ...new Set(findings.filter((finding) => finding.ruleId && touches(findingRange(document, finding, bom), here)).map((f) => f.ruleId)),
  ];
  if (ids.length === 0) return undefined;
  const sections = ids.map((id) => {
    const parts = [`**memokit \`${id}\`**: ${describeRule(id) ?? ''}`.trimEnd()];
    const summary = ruleDocSummary(id);
    if (summary && summary !== describeRule(id)) parts.push(summary);
    if (ruleDocPage(id)) parts.push(`[Rule documentation](${ruleDocUrl(id)})`);
    return parts.join('\n\n');
  });
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') } };
}
