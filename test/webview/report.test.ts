// The Workspace Health Report's webview in a real browser (Debian chromium via playwright-core):
// the built bundle (dist/report.js) and CSS in the extension's own HTML shell (reportHtml), messages
// in and out through the acquireVsCodeApi stand-in. The report is the core's, built from the
// fixture workspace (9 retros, 3 teams) and turned into the message by the host's own view model.
// Needs `npm run build` first (npm run test:webview does it).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { WorkspaceReport } from '../../src/core/report';
import { filesOf, toReportView } from '../../src/extension/reportView/viewModel';
import { parseReportWebviewMessage, type ReportHostMessage, type ReportView } from '../../src/shared/reportProtocol';
import { ensureOut, PanelHarness, type PanelPage } from './harness';
import { fixtureReport, OUTCOMES_WORKSPACE, REPORT_SITE } from './reportStates';
import { HOSTILE } from './states';
import { THEMES } from './themes';

const readyMessage = (report: ReportView): ReportHostMessage => ({ type: 'state', state: { status: 'ready', report } });

/** Every piece of text that comes from a retro, a file name or a team name, made hostile. */
function hostileView(view: ReportView): ReportView {
  const values = Object.values(HOSTILE);
  let n = 0;
  const next = () => values[n++ % values.length] as string;
  return {
    ...view,
    summary: `${HOSTILE.img} ${HOSTILE.rtl}`,
    teams: view.teams.map((team) => ({ ...team, name: next(), treatments: team.treatments.map((treatment) => ({ ...treatment, title: next() })) })),
    recurring: view.recurring.map((symptom) => ({
      ...symptom,
      title: next(),
      teams: symptom.teams.map(() => next()),
      occurrences: symptom.occurrences.map((occurrence) => ({ ...occurrence, text: `${next()} ${HOSTILE.emoji}`, file: `${next()}.md` })),
    })),
    followUps: view.followUps.map((item) => ({ ...item, text: next(), team: next(), file: `${next()}/retro.md` })),
    organisation: {
      ...view.organisation,
      ranking: view.organisation.ranking.map((standing) => ({ ...standing, team: next() })),
      treatments: view.organisation.treatments.map((treatment) => ({ ...treatment, title: next(), teamNames: [next()] })),
    },
  };
}

/** `#rrggbb` as getComputedStyle reports it. */
function cssRgb(hex: string): string {
  const channels = hex.slice(1, 7).match(/../g)?.map((pair) => parseInt(pair, 16)) ?? [];
  return `rgb(${channels.join(', ')})`;
}

describe('workspace report webview', function () {
  this.timeout(30_000);
  let harness: PanelHarness;
  let report: WorkspaceReport;
  let view: ReportView;
  const pages: PanelPage[] = [];

  async function open(options: Parameters<PanelHarness['open']>[0] = {}): Promise<PanelPage> {
    const page = await harness.open(options);
    pages.push(page);
    return page;
  }

  async function openReady(options: Parameters<PanelHarness['open']>[0] = {}, shown: ReportView = view): Promise<PanelPage> {
    const page = await open(options);
    await page.send(readyMessage(shown));
    await page.page.locator('table.team-table').waitFor();
    return page;
  }

  const sortedBy = (page: PanelPage) => page.page.locator('table.team-table th[aria-sort]').evaluateAll((cells) => cells.map((cell) => [cell.textContent?.trim(), cell.getAttribute('aria-sort')]));
  const teamOrder = (page: PanelPage) => page.page.locator('table.team-table tbody tr').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.team));

  before(async function () {
    this.timeout(60_000);
    report = fixtureReport();
    view = toReportView(report);
    harness = await PanelHarness.start(REPORT_SITE);
  });

  after(async () => {
    await harness?.stop();
  });

  afterEach(async function () {
    for (const page of pages.splice(0)) {
      if (this.currentTest?.state === 'passed') {
        assert.deepEqual(page.outsideRequests, [], 'loaded something from outside its own origin');
        assert.deepEqual(page.errors, [], 'page errors');
        assert.deepEqual((await page.recorded()).cspViolations, [], 'CSP violations');
        for (const message of await page.posted()) {
          const parsed = parseReportWebviewMessage(message);
          assert.ok(parsed.ok, `posted an invalid message ${JSON.stringify(message)}`);
        }
      }
      await page.close();
    }
  });

  it('the fixture report has 9 retros over 3 teams, with recurring symptoms and open follow-ups', () => {
    assert.equal(report.retros, 9);
    assert.deepEqual(
      report.teams.map((team) => team.name),
      ['claims', 'payments', 'platform'],
    );
    assert.ok(report.recurring.length > 0 && report.followUps.length > 0);
  });

  it('says "Reading retros…" until the host sends the report, and asks for it once', async () => {
    const page = await open();
    await page.page.getByText('Reading retros…').waitFor();
    assert.equal(await page.page.locator('#app').getAttribute('aria-busy'), 'true');
    assert.equal(await page.page.title(), 'Workspace Health Report');
    assert.deepEqual(await page.posted(), [{ type: 'ready' }]);
  });

  it('shows the summary, a sortable team table, a chart with a table per team, recurring symptoms, follow-ups and the organisation view', async () => {
    const page = await openReady();
    assert.equal(await page.page.locator('.report-summary-text').textContent(), report.summary);
    assert.match(await page.page.locator('.report-summary .meta').innerText(), /As of \d{4}-\d{2}-\d{2} · 9 retros · 3 teams/);
    assert.equal(await page.page.locator('#app').getAttribute('aria-busy'), 'false');
    // Team table: one row per team, the report's numbers; worst stage first by default.
    assert.equal(await page.page.locator('table.team-table tbody tr').count(), 3);
    const payments = report.teams.find((team) => team.name === 'payments');
    assert.ok(payments);
    const row = page.page.locator('table.team-table tbody tr[data-team="payments"] > *');
    const cells = (await row.allInnerTexts()).map((text) => text.trim());
    assert.equal(cells[0], 'payments');
    assert.equal(cells[1], String(payments.retros.length + payments.undated.length));
    assert.equal(cells[3], String(payments.latest.score));
    assert.match(cells[4] ?? '', new RegExp(payments.direction ?? '—'));
    assert.deepEqual(await sortedBy(page), [['Latest stage', 'descending']]);
    // Stage over time: an SVG named by its sentence, and the same points in a table.
    const trend = page.page.locator('.team-trend[data-team="payments"]');
    const chart = trend.getByRole('img', { name: /^payments: 4 dated retros from/ });
    assert.equal(await chart.evaluate((element) => element.tagName.toLowerCase()), 'svg');
    assert.equal(await chart.locator('circle').count(), payments.retros.length);
    assert.deepEqual(await trend.locator('table.trend-points tbody td:last-child').allTextContents(), payments.retros.map((retro) => String(retro.score)));
    // Recurring symptoms and follow-ups, every file reference a button.
    assert.equal(await page.page.locator('.recurring-item').count(), report.recurring.length);
    const occurrences = report.recurring.flatMap((symptom) => symptom.occurrences);
    assert.deepEqual(
      await page.page.locator('.occurrences .file-ref').allTextContents(),
      occurrences.map((occurrence) => `${occurrence.file}:${occurrence.line}:${occurrence.column}`),
    );
    assert.equal(await page.page.locator('table.follow-up-table tbody tr').count(), report.followUps.length);
    const firstFollowUp = report.followUps[0];
    assert.ok(firstFollowUp);
    assert.match(await page.page.locator('table.follow-up-table tbody tr').first().innerText(), new RegExp(`${firstFollowUp.openDays} days`));
    // Organisation: teams per stage, worst off first, treatments for most teams.
    for (const [stage, count] of Object.entries(report.organisation.stageCounts)) {
      assert.equal(await page.page.locator(`.stage-counts li[data-stage="${stage}"] strong`).textContent(), String(count));
    }
    const ranking = await page.page.locator('.ranking .team-name').allTextContents();
    assert.deepEqual(ranking, report.organisation.ranking.map((standing) => standing.team));
    assert.equal(await page.page.locator('.org-treatments li').count(), Math.min(report.organisation.treatments.length, 30));
  });

  it('sorts the team table by a column: click, then Enter and Space on the focused header; the order is kept across a reload', async () => {
    const page = await openReady();
    await page.page.getByRole('button', { name: /^Score/ }).click();
    assert.deepEqual(await sortedBy(page), [['Score', 'ascending']]);
    const byScore = [...view.teams].sort((a, b) => a.latest.score - b.latest.score).map((team) => team.name);
    assert.deepEqual(await teamOrder(page), byScore);
    await page.page.getByRole('button', { name: /^Score/ }).click();
    assert.deepEqual(await sortedBy(page), [['Score', 'descending']]);
    assert.deepEqual(await teamOrder(page), [...byScore].reverse());

    // Keyboard: Tab to the "Team" header's button, then Enter (ascending) and Space (descending).
    await page.page.locator('body').click({ position: { x: 2, y: 2 } });
    let onTeam = false;
    for (let i = 0; i < 40 && !onTeam; i++) {
      await page.page.keyboard.press('Tab');
      onTeam = await page.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.column === 'team');
    }
    assert.ok(onTeam, 'Tab reaches the Team column header');
    const outline = await page.page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    assert.equal(outline, 'solid', 'visible focus');
    await page.page.keyboard.press('Enter');
    assert.deepEqual(await sortedBy(page), [['Team', 'ascending']]);
    assert.deepEqual(await teamOrder(page), ['claims', 'payments', 'platform']);
    assert.equal(await page.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.column), 'team', 'focus stays on the header after re-rendering');
    await page.page.keyboard.press(' ');
    assert.deepEqual(await sortedBy(page), [['Team', 'descending']]);
    assert.deepEqual(await teamOrder(page), ['platform', 'payments', 'claims']);

    await page.page.evaluate(() => window.scrollTo(0, 250));
    const deadline = Date.now() + 2_000;
    while (((await page.recorded()).state as { scrollY?: number } | undefined)?.scrollY !== 250 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    const saved = (await page.recorded()).state;
    assert.deepEqual(saved, { sort: { column: 'team', direction: 'descending' }, scrollY: 250 });
    const reloaded = await openReady({ saved, viewport: { width: 720, height: 500 } });
    assert.deepEqual(await teamOrder(reloaded), ['platform', 'payments', 'claims']);
    assert.equal(await reloaded.page.evaluate(() => Math.round(window.scrollY)), 250);
  });

  it('a file:line reference posts a valid openFile message for a file of the report', async () => {
    const page = await openReady();
    const occurrence = report.recurring[0]?.occurrences[0];
    assert.ok(occurrence);
    await page.page.locator('.occurrences .file-ref').first().click();
    const open = await page.waitForPosted((message) => message.type === 'openFile', 'openFile');
    assert.deepEqual(open, { type: 'openFile', file: occurrence.file, line: occurrence.line, column: occurrence.column });
    assert.ok(filesOf(report).has(occurrence.file));
    const item = report.followUps[0];
    assert.ok(item);
    await page.page.locator('table.follow-up-table .file-ref').first().press('Enter');
    const second = await page.waitForPosted((message) => message.type === 'openFile' && message.line === item.line && message.file === item.file, 'openFile of a follow-up');
    assert.deepEqual(second, { type: 'openFile', file: item.file, line: item.line });
  });

  it('"Did it help?" shows each team’s ticked treatments with their verdict, links to where they were added and ticked, stale open items, and the organisation’s ranking', async () => {
    const outcomes = fixtureReport(OUTCOMES_WORKSPACE, '2026-04-30');
    const page = await openReady({}, toReportView(outcomes));
    const section = page.page.locator('section.did-it-help');
    assert.equal((await section.locator('h2').innerText()).trim(), 'Did it help?');
    assert.deepEqual(await section.locator('.team-outcomes h3').allInnerTexts(), ['billing', 'claims', 'warehouse']);
    assert.deepEqual(
      await section.locator('.outcome').evaluateAll((items) => items.map((item) => [(item.closest('.team-outcomes') as HTMLElement).dataset.team, (item as HTMLElement).dataset.treatment, (item as HTMLElement).dataset.verdict])),
      [
        ['billing', 'find-root-causes', 'too-early'],
        ['claims', 'find-root-causes', 'faded'],
        ['claims', 'behind-the-curtain', 'too-early'],
        ['warehouse', 'behind-the-curtain', 'persisted'],
      ],
    );
    const faded = section.locator('.team-outcomes[data-team="claims"] .outcome').first();
    assert.match(await faded.locator('.verdict').innerText(), /faded/);
    const [title, verdict] = await Promise.all([faded.locator('.outcome-head strong').boundingBox(), faded.locator('.outcome-head .verdict').boundingBox()]);
    assert.ok(title && verdict && Math.abs(title.y - verdict.y) < 4, `the verdict stays on the treatment's line (${title?.y} vs ${verdict?.y})`);
    assert.equal(await faded.locator('.outcome-explanation').innerText(), 'The symptoms it answers appeared in 3 of 3 retros up to the one that added it, 0 of 3 after the one that ticked it.');
    assert.deepEqual(await faded.locator('.outcome-symptoms li').allInnerTexts(), ['Requirements surface only at acceptance testing: 3 of 3 retros before, 0 of 3 after']);
    await faded.locator('.file-ref').nth(1).click();
    assert.deepEqual(await page.waitForPosted((message) => message.type === 'openFile', 'openFile of the ticking retro'), { type: 'openFile', file: 'retros/claims/2026-02-18.md', line: 14 });
    assert.ok(filesOf(outcomes).has('retros/claims/2026-02-18.md'), 'the host lets it open');
    const still = section.locator('.team-outcomes[data-team="warehouse"] .still-open li');
    assert.equal(await still.count(), 2);
    assert.match(await still.first().innerText(), /^Keep the trains running: List the core systems .+ open 101 days\s+stale/);
    assert.equal(await page.page.locator('table.follow-up-table .stale-badge').count(), 2, 'stale in the follow-ups table too');
    assert.deepEqual(await page.page.locator('.org-outcomes li').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.treatment)), ['find-root-causes', 'behind-the-curtain']);
    assert.match(await page.page.locator('.org-outcomes li').first().innerText(), /^Find the root causes — faded after 1 of 2 ticked items \(too early to tell 1\): billing, claims$/);
  });

  it('shows hostile treatment item text and titles in "Did it help?" as text', async () => {
    const values = Object.values(HOSTILE);
    const base = toReportView(fixtureReport(OUTCOMES_WORKSPACE, '2026-04-30'));
    let n = 0;
    const next = () => values[n++ % values.length] as string;
    const hostile: ReportView = {
      ...base,
      teams: base.teams.map((team) => ({
        ...team,
        outcomes: team.outcomes.map((outcome) => ({ ...outcome, text: next(), explanation: next(), treatment: { ...outcome.treatment, title: next() }, symptoms: outcome.symptoms.map((symptom) => ({ ...symptom, title: next() })) })),
      })),
      followUps: base.followUps.map((item) => ({ ...item, text: next(), treatment: item.treatment && { ...item.treatment, title: next() } })),
      organisation: { ...base.organisation, outcomes: base.organisation.outcomes.map((tally) => ({ ...tally, title: next() })) },
    };
    const page = await open();
    const scriptsBefore = await page.page.evaluate(() => document.scripts.length);
    await page.send(readyMessage(hostile));
    await page.page.locator('section.did-it-help').waitFor();
    assert.deepEqual(
      await page.page.evaluate(() => ({ img: document.querySelectorAll('img').length, scripts: document.scripts.length, b: document.querySelectorAll('b').length })),
      { img: 0, scripts: scriptsBefore, b: 0 },
    );
    const text = (await page.page.locator('section.did-it-help').textContent()) ?? '';
    for (const value of values) assert.ok(text.includes(value), `shown as text: ${value}`);
  });

  it('shows hostile retro text, team names and follow-ups as text: no element, script or dialog comes from them', async () => {
    const hostile = hostileView(view);
    const page = await open();
    const scriptsBefore = await page.page.evaluate(() => document.scripts.length);
    await page.send(readyMessage(hostile));
    await page.page.locator('table.team-table').waitFor();
    const counts = await page.page.evaluate(() => ({
      img: document.querySelectorAll('img').length,
      scripts: document.scripts.length,
      b: document.querySelectorAll('b').length,
      use: document.querySelectorAll('use').length,
      handlers: [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => attribute.name)),
    }));
    assert.deepEqual(counts, { img: 0, scripts: scriptsBefore, b: 0, use: 0, handlers: [] });
    const text = (await page.page.locator('#app').textContent()) ?? '';
    for (const value of Object.values(HOSTILE)) assert.ok(text.includes(value), `shown as text: ${value}`);
    assert.equal(await page.page.locator('.report-summary-text').textContent(), hostile.summary);
    const follow = hostile.followUps[0];
    assert.ok(follow);
    await page.page.locator('table.follow-up-table .file-ref').first().click();
    assert.deepEqual(await page.waitForPosted((message) => message.type === 'openFile', 'openFile'), { type: 'openFile', file: follow.file, line: follow.line });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual((await page.recorded()).alerts, []);
    assert.deepEqual(page.dialogs, []);
  });

  it('ignores invalid host messages (and logs them), keeping what it shows', async () => {
    const page = await openReady();
    const shown = await page.appHtml();
    const team = view.teams[0];
    assert.ok(team);
    const invalid: unknown[] = [
      null,
      'state',
      { type: 'bogus' },
      { type: 'state' },
      { type: 'state', state: { status: 'ready' } },
      { type: 'state', state: { status: 'ready', report: { ...view, extra: 1 } } },
      { type: 'state', state: { status: 'ready', report: { ...view, teams: [{ ...team, latest: { ...team.latest, score: 101 } }] } } },
      { type: 'state', state: { status: 'ready', report: { ...view, teams: [{ ...team, latest: { ...team.latest, stage: 'terminal' } }] } } },
      { type: 'state', state: { status: 'ready', report: { ...view, summary: 'x'.repeat(5000) } } },
      { type: 'state', state: { status: 'error', message: 'boom', html: '<b>' } },
      { type: 'exportResult', ok: 'yes', message: 'x' },
    ];
    for (const message of invalid) await page.send(message);
    assert.equal(await page.appHtml(), shown, 'nothing changed');
    const ignored = page.warnings.filter((warning) => warning.startsWith('[Retro Health] ignored an invalid message'));
    assert.equal(ignored.length, invalid.length, page.warnings.join('\n'));
  });

  it('shows cancelled, error and empty states, each with a button that reads the retros again', async () => {
    const page = await open();
    const cases: [ReportHostMessage, RegExp, string][] = [
      [{ type: 'state', state: { status: 'cancelled' } }, /Reading the retros was cancelled\./, 'Read the retros again'],
      [{ type: 'state', state: { status: 'error', message: 'Disk on fire.' } }, /Disk on fire\./, 'Try again'],
      [{ type: 'state', state: { status: 'empty' } }, /No retros found in this workspace\./, 'Look again'],
    ];
    for (const [message, text, button] of cases) {
      await page.send(message);
      // The live region (#status) may repeat the text for screen readers; wait for the visible one.
      await page.page.locator('p').filter({ hasText: text }).first().waitFor();
      const before = (await page.posted()).length;
      await page.page.getByRole('button', { name: button }).click();
      await page.waitForPosted((posted) => posted.type === 'refresh', 'refresh');
      assert.equal((await page.posted()).length, before + 1);
      await page.page.locator(':not(#status)').getByText('Reading retros…').first().waitFor();
    }
    assert.equal(await page.page.getByRole('alert').count(), 0, 'the error is gone once reading again');
  });

  it('"Export report as Markdown" posts export once, and is usable again after the result', async () => {
    const page = await openReady();
    const button = page.page.getByRole('button', { name: 'Export report as Markdown' });
    await button.click();
    // aria-disabled keeps it focusable and announced; a click on it does nothing (force: Playwright waits for enabled otherwise).
    await button.click({ force: true });
    await page.waitForPosted((message) => message.type === 'export', 'export');
    assert.equal((await page.posted()).filter((message) => message.type === 'export').length, 1, 'a second click while exporting does nothing');
    assert.equal(await button.getAttribute('aria-disabled'), 'true');
    await page.send({ type: 'exportResult', ok: true, message: 'Report written to retro-health-report.md.' });
    await page.page.locator('#status').getByText('Report written to retro-health-report.md.').waitFor({ state: 'attached' });
    assert.equal(await button.getAttribute('aria-disabled'), null);
  });

  it('has the panel’s strict CSP with a nonce on its only script (dist/report.js) and no inline handlers', async () => {
    const page = await openReady();
    const shell = await page.page.evaluate(() => ({
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      scripts: [...document.scripts].map((script) => ({ nonce: script.nonce, src: script.getAttribute('src') })),
      styles: [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute('href')),
      handlers: [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => attribute.name)),
      styled: [...document.querySelectorAll('[style]')].map((element) => element.className),
    }));
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(shell.csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, `a nonce in ${shell.csp}`);
    assert.equal(shell.csp, `default-src 'none'; script-src 'nonce-${nonce}'; style-src ${page.origin} 'nonce-${nonce}'; img-src ${page.origin} data:; font-src ${page.origin}`);
    assert.deepEqual(shell.scripts, [{ nonce, src: `${page.origin}/dist/report.js` }]);
    assert.deepEqual(shell.styles, [`${page.origin}/media/codicons/codicon.css`, `${page.origin}/media/panel.css`, `${page.origin}/media/report.css`]);
    assert.deepEqual(shell.handlers, []);
    // Only the stage-count bars' widths, set through CSSOM (which the CSP allows).
    assert.ok(shell.styled.every((name) => name.startsWith('count-fill')), shell.styled.join());
    assert.ok(await page.page.evaluate(() => document.fonts.check('16px codicon')), 'codicons load from the view’s own origin');
  });

  for (const theme of THEMES) {
    it(`follows the ${theme.name} theme through --vscode-* variables (screenshot in test/webview/out/)`, async () => {
      const page = await openReady({ theme, viewport: { width: 900, height: 1400 } });
      const colours = await page.page.evaluate(() => {
        const body = getComputedStyle(document.body);
        const line = document.querySelector('.team-trend svg .trend-line');
        return {
          background: body.backgroundColor,
          foreground: body.color,
          button: getComputedStyle(document.querySelector('.summary-actions .button') as Element).backgroundColor,
          line: line ? getComputedStyle(line).stroke : '',
        };
      });
      assert.equal(colours.background, cssRgb(theme.variables['--vscode-editor-background'] as string));
      assert.equal(colours.foreground, cssRgb(theme.variables['--vscode-foreground'] as string));
      assert.equal(colours.button, cssRgb(theme.variables['--vscode-button-background'] as string));
      assert.notEqual(colours.line, colours.background, 'the chart line stands out from the background');
      await page.page.evaluate(() => document.fonts.ready);
      await page.page.screenshot({ path: path.join(ensureOut(), `report-${theme.name}.png`), fullPage: true });
    });
  }
});
