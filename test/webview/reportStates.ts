// The workspace report for the webview tests and the README screenshots, built the way the host
// builds it: the real core analyses a fixture workspace and builds the report; the report view's
// HTML shell is the extension's own.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeRetro } from '../../src/core/analyze';
import { buildWorkspaceReport, type ReportInput, type WorkspaceReport } from '../../src/core/report';
import { CODICONS_CSS, REPORT_SCRIPT, REPORT_STYLES, reportHtml } from '../../src/extension/reportView/html';
import { ROOT, type Site } from './harness';

export const WORKSPACE = path.join(ROOT, 'test/fixtures/report/workspace');
/** Treatments that worked, did not, and are too recent to tell (see test/unit/treatmentOutcomes.test.ts). */
export const OUTCOMES_WORKSPACE = path.join(ROOT, 'test/fixtures/treatment-outcomes/workspace');

export const REPORT_SITE: Site = {
  html: (origin, nonce) => reportHtml({ cspSource: origin, nonce, resource: (file) => `${origin}/${file}` }),
  files: Object.fromEntries([
    [`/${REPORT_SCRIPT}`, 'text/javascript'],
    ...REPORT_STYLES.map((file) => [`/${file}`, 'text/css']),
    [`/${CODICONS_CSS}`, 'text/css'],
    ['/media/codicons/codicon.ttf', 'font/ttf'],
  ]),
};

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? markdownFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  });
}

/** The fixture workspace's report, as the host computes it (file names workspace-relative). */
export function fixtureReport(workspace = WORKSPACE, asOf?: string): WorkspaceReport {
  const inputs: ReportInput[] = markdownFiles(workspace).map((full) => {
    const file = path.relative(workspace, full).split(path.sep).join('/');
    return { file, analysis: analyzeRetro(fs.readFileSync(full, 'utf8'), { fileName: file }) };
  });
  return buildWorkspaceReport(inputs, asOf ? { asOf } : {});
}
