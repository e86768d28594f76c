// The README's screenshots of the workspace report's "Did it help?" section and the panel's
// "Carried over" and "Tried before" cards, light and dark: the real webviews in Debian's chromium
// (the webview tests' harness and themes), fed by the core from test/fixtures/treatment-outcomes.
// Run: npm run screenshots (builds first). Writes docs/*.png.
import * as path from 'node:path';
import { toReportView } from '../../src/extension/reportView/viewModel';
import { useShippedSentenceModel } from '../../src/host/sentenceModelFile';
import { PanelHarness, ROOT, type PanelPage } from './harness';
import { fixtureReport, OUTCOMES_WORKSPACE, REPORT_SITE } from './reportStates';
import { ready, retroView, WAREHOUSE_LATEST } from './states';
import { THEMES, type Theme } from './themes';

const DOCS = path.join(ROOT, 'docs');
/** The day the fixture's follow-up ages count to (as in test/fixtures/treatment-outcomes/expected-did-it-help.md). */
const AS_OF = '2026-04-30';

async function shoot(page: PanelPage, selector: string, file: string): Promise<void> {
  const target = page.page.locator(selector);
  await target.waitFor();
  await page.page.evaluate(() => document.fonts.ready);
  await target.screenshot({ path: path.join(DOCS, file), animations: 'disabled' });
  console.log(`wrote docs/${file}`);
}

async function main(): Promise<void> {
  // The analyses behind the screenshots are the extension's: rules and the shipped sentence model.
  useShippedSentenceModel();
  const themes = THEMES.filter((theme): theme is Theme & { name: 'light' | 'dark' } => theme.name === 'light' || theme.name === 'dark');

  const report = await PanelHarness.start(REPORT_SITE);
  try {
    const view = toReportView(fixtureReport(OUTCOMES_WORKSPACE, AS_OF));
    for (const theme of themes) {
      const page = await report.open({ theme, viewport: { width: 860, height: 1400 } });
      await page.send({ type: 'state', state: { status: 'ready', report: view } });
      await shoot(page, 'section.did-it-help', `report-did-it-help-${theme.name}.png`);
      await page.close();
    }
  } finally {
    await report.stop();
  }

  const panel = await PanelHarness.start();
  try {
    const message = ready(retroView(WAREHOUSE_LATEST));
    for (const theme of themes) {
      const page = await panel.open({ theme, viewport: { width: 620, height: 1400 } });
      await page.send(message);
      await shoot(page, '.card.carried-over', `panel-carried-over-${theme.name}.png`);
      await shoot(page, '.card.tried-before', `panel-tried-before-${theme.name}.png`);
      await page.close();
    }
  } finally {
    await panel.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
