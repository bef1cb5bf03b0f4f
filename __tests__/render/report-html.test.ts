// The reports of both example repositories rendered to HTML the way GitHub's Markdown does
// (CommonMark + GFM tables, task lists, autolinks; our <details> blocks as raw HTML) and compared
// with committed goldens, so a change in what readers see shows up as an HTML diff.
// A missing golden fails; UPDATE_GOLDENS=1 rewrites them: review the diff (and a screenshot, see the README's development
// section).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../src/core/record.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import { expectGolden } from '../support/golden.js';

const CASES = join(import.meta.dirname, '..', 'scenarios', 'cases');
const GOLDENS = join(import.meta.dirname, 'html');

/** Report Markdown → HTML fragment (raw HTML allowed: the report's own is only <details>). */
export function renderReportHtml(markdown: string): string {
  return micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
}

describe('example reports as HTML', () => {
  for (const [example, scenario] of [
    ['service-v3-cutover', 'as-shipped-rehearsal'],
    ['step22-production-cutover', 'step22-cutover'],
  ] as const) {
    it(`${example} (${scenario})`, () => {
      const record = JSON.parse(
        readFileSync(join(CASES, scenario, 'expected-record.json'), 'utf8'),
      ) as DecisionRecord;
      const html = renderReportHtml(renderMarkdown(record));
      // Structure readers rely on: both decisions in the h1, passing checks folded, a legend.
      expect(html).toMatch(/<h1>(✅|❌|⚠️) (Rehearsal|Runtime cutover) [A-Z-]+ · /);
      expect(html).toContain('<details><summary>✅ ');
      expect(html).toContain('Legend: ');
      expect(html).not.toMatch(/<summary>[^<]*`/);
      const path = join(GOLDENS, `${example}.html`);
      expectGolden(path, html, '__tests__/render/report-html.test.ts');
    });
  }
});
