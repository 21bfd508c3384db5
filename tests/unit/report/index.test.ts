import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../../src/report/format.js';
import { formatters } from '../../../src/report/index.js';
import { formatNames, isFormatName } from '../../../src/report/names.js';
import { packageVersion } from '../../../src/util/version.js';
import { context, fakeRules, handResults, result } from './fixtures.js';

describe('formatters', () => {
  it('has the six formats, each a function from results to text (json: its UTF-8 bytes) ending in a newline', () => {
    expect(Object.keys(formatters).sort()).toEqual(['github', 'gitlab', 'json', 'junit', 'sarif', 'stylish']);
    expect([...formatNames].sort()).toEqual(Object.keys(formatters).sort());
    for (const name of formatNames) {
      const output = String(formatters[name](handResults(), context()));
      expect(output.length, name).toBeGreaterThan(0);
      expect(output.endsWith('\n'), name).toBe(true);
    }
    expect(isFormatName('sarif')).toBe(true);
    expect(isFormatName('toString')).toBe(false);
  });

  it('formatReport loads the named formatter and gives it the same context', async () => {
    for (const name of formatNames) {
      const text = await formatReport(name, handResults(), context().cwd, { color: false, version: '1.2.3', rules: fakeRules });
      expect(text, name).toEqual(formatters[name](handResults(), context()));
    }
  });

  it("formatReport fills in memokit's version for SARIF", async () => {
    expect(packageVersion()).toMatch(/^\d+\.\d+\.\d+/);
    const text = await formatReport('sarif', [result('a.md', [])], '/tmp', { rules: fakeRules });
    expect((JSON.parse(String(text)) as Log).runs[0]!.tool.driver.version).toBe(packageVersion());
  });
});
