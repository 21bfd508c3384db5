// sarif: a SARIF 2.1.0 log for code scanning (GitHub and others). One run; the tool driver
// carries every rule's metadata — read from the registry, with help from docs/rules/<id>.md —
// plus the directives' pseudo-rules (`unused-disable`, `unknown-directive`); each finding is a
// result pointing at its rule by index.
import { pathToFileURL } from 'node:url';
import type { Artifact, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { directiveRules } from '../lint/directives.js';
import { PROJECT_URL, ruleDocPage, ruleDocUrl } from '../lint/rule-docs.js';
import type { LintResult, Rule, RuleSeverity } from '../lint/types.js';
import { absolutePath, displayPath, normalizedRange, severityName, type FormatContext } from './context.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = PROJECT_URL;
const SRCROOT = '%SRCROOT%';

/** `dated-events` → `DatedEvents`: SARIF's rule name is an identifier-like display name. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

function level(severity: RuleSeverity): 'error' | 'warning' {
  return severityName(severity);
}

function descriptor(rule: Pick<Rule, 'id' | 'description' | 'severity' | 'fixable' | 'defaults'>): ReportingDescriptor {
  const page = ruleDocPage(rule.id);
  const fullDescription = rule.fixable ? `${rule.description} Fixable with \`memo lint --fix\`.` : rule.description;
  // Front matter on a doc page (if any) is for the docs site, not for readers of the alert.
  const markdown = page?.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').trim();
  const parameters = rule.defaults && !('tags' in rule.defaults) ? { parameters: { ...rule.defaults } } : {};
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: fullDescription },
    helpUri: ruleDocUrl(rule.id),
    help: markdown ? { text: markdown, markdown } : { text: fullDescription },
    defaultConfiguration: { level: level(rule.severity), ...parameters },
    properties: {
      tags: [
        'memo',
        directiveRules.some((directive) => directive.id === rule.id) ? 'directives' : 'structure',
        ...(rule.fixable ? ['fixable'] : []),
      ],
      precision: 'very-high',
      'problem.severity': level(rule.severity),
    },
  };
}

/** Where a file is, for SARIF: relative to %SRCROOT% (the working folder) when inside it. */
function artifactLocation(path: string, cwd: string): { uri: string; uriBaseId?: string } {
  const shown = displayPath(path, cwd);
  if (shown.startsWith('../') || shown === '..' || /^([A-Za-z]:)?\//.test(shown)) {
    return { uri: pathToFileURL(absolutePath(path, cwd)).href };
  }
  // Each segment percent-encoded, so spaces, `#`, `?` and a `:` in the first segment stay path.
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

export function toSarifLog(results: LintResult[], context: FormatContext): Log {
  const rules: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (rule: Pick<Rule, 'id' | 'description' | 'severity' | 'fixable' | 'defaults'>) => {
    if (ruleIndex.has(rule.id)) return;
    ruleIndex.set(rule.id, rules.length);
    rules.push(descriptor(rule));
  };
  for (const rule of context.rules) addRule(rule);
  for (const rule of directiveRules) addRule(rule);

  const artifacts: Artifact[] = [];
  const sarifResults: Result[] = [];
  const notifications: Notification[] = [];
  for (const result of results) {
    const location = artifactLocation(result.path, context.cwd);
    const index = artifacts.length;
    artifacts.push({ location, sourceLanguage: 'markdown' });
    for (const message of result.messages) {
      // A file that could not be linted is no rule's finding: the tool failed on it.
      if (message.fatal) {
        const { line, column } = normalizedRange(message);
        notifications.push({
          level: 'error',
          message: { text: message.message },
          locations: [{ physicalLocation: { artifactLocation: { ...location, index }, region: { startLine: line, startColumn: column } } }],
        });
        continue;
      }
      // A finding from a rule the registry does not list still gets a descriptor to point at.
      addRule({
        id: message.ruleId,
        description: `memokit rule ${message.ruleId}.`,
        severity: message.severity,
        fixable: Boolean(message.fix),
      });
      const { line, column, endLine, endColumn } = normalizedRange(message);
      sarifResults.push({
        ruleId: message.ruleId,
        ruleIndex: ruleIndex.get(message.ruleId)!,
        level: level(message.severity),
        message: { text: message.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { ...location, index },
              region: { startLine: line, startColumn: column, endLine, endColumn },
            },
          },
        ],
      });
    }
  }

  const cwdUri = pathToFileURL(context.cwd).href;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'memokit',
            informationUri: INFORMATION_URI,
            version: context.version,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: cwdUri.endsWith('/') ? cwdUri : `${cwdUri}/` } },
        artifacts,
        results: sarifResults,
        // Files memokit could not lint: the run did not succeed, and each says why.
        ...(notifications.length > 0 ? { invocations: [{ executionSuccessful: false, toolExecutionNotifications: notifications }] } : {}),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

export function sarif(results: LintResult[], context: FormatContext): string {
  return `${JSON.stringify(toSarifLog(results, context), null, 2)}\n`;
}
