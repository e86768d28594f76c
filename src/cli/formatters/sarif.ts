import type { Catalog } from '../../core/catalog/schema';
import { STAGE_ILLNESS, type Stage } from '../../core/types';
import type { Report } from '../model';

import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Relative paths stay relative (code scanning resolves them against the checkout); each segment is escaped so '#' or '%' cannot cut the URI. */
export function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.replace(/^\.\//, '').split('/').map(encodeURIComponent).join('/');
}

const LEVEL: Record<Stage, 'note' | 'warning' | 'error'> = { early: 'note', middle: 'warning', advanced: 'warning', end: 'error' };

/** SARIF 2.1.0 for code scanning: one rule per catalog symptom, columns in UTF-16 code units. */
export function formatSarif(report: Report, catalog: Catalog): string {
  const rules = catalog.symptoms.map((symptom) => ({
    id: symptom.id,
    name: symptom.id.replace(/(^|-)([a-z])/g, (_m, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: symptom.title },
    fullDescription: { text: symptom.explanation },
    help: { text: `${symptom.explanation} Stage: ${symptom.stage} (${STAGE_ILLNESS[symptom.stage]}). Treatments: ${symptom.treatments.join(', ')}.` },
    defaultConfiguration: { level: LEVEL[symptom.stage] },
    properties: { stage: symptom.stage, side: symptom.side, tags: ['retrospective', symptom.stage] },
  }));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = report.documents.flatMap((document) =>
    document.findings.map((finding) => ({
      ruleId: finding.symptom,
      ruleIndex: ruleIndex.get(finding.symptom) ?? 0,
      level: LEVEL[finding.stage],
      message: { text: `${finding.message} “${finding.text.replace(/\s+/g, ' ')}”` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(document.file) },
            region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
          },
        },
      ],
      properties: { confidence: finding.confidence, side: finding.side },
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'retro-health', version: report.version, semanticVersion: report.version, rules } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [
          {
            executionSuccessful: report.errors.length === 0,
            toolExecutionNotifications: report.errors.map((error) => ({
              level: 'error',
              message: { text: `${error.file}: ${error.message}` },
            })),
          },
        ],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
