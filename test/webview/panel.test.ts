// The Retrospective Panel's webview in a real browser (Debian chromium via playwright-core): the
// built bundle and CSS in the extension's own HTML shell, messages in and out through a stand-in
// for acquireVsCodeApi. Needs `npm run build` first (npm run test:webview does it).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { STAGES } from '../../src/core/types';
import { parseWebviewMessage, type FindingView } from '../../src/shared/panelProtocol';
import { ensureOut, PanelHarness, ROOT, type PanelPage } from './harness';
import { followThroughOf, HOSTILE, hostileView, PAYMENTS, ready, retroView, stateMessage, WAREHOUSE, WAREHOUSE_LATEST, WORST } from './states';
import { THEMES } from './themes';

let harness: PanelHarness;
let panel: PanelPage;
const pages: PanelPage[] = [];

async function openPanel(options: Parameters<PanelHarness['open']>[0] = {}): Promise<PanelPage> {
  const opened = await harness.open(options);
  pages.push(opened);
  return opened;
}

/** Every message the webview posted must be valid for the host's schema. */
async function assertPostedValid(page: PanelPage): Promise<void> {
  for (const message of await page.posted()) {
    const parsed = parseWebviewMessage(message);
    assert.ok(parsed.ok, `posted an invalid message ${JSON.stringify(message)}: ${parsed.ok ? '' : parsed.problem}`);
  }
}

const findingButtons = (page: PanelPage): Locator => page.page.locator('button.finding');

before(async function () {
  this.timeout(60_000);
  harness = await PanelHarness.start();
});

after(async () => {
  await harness?.stop();
});

afterEach(async function () {
  for (const page of pages.splice(0)) {
    if (this.currentTest?.state === 'passed') {
      assert.deepEqual(page.outsideRequests, [], 'the panel loaded something from outside its own origin');
      assert.deepEqual(page.errors, [], 'page errors');
      const recorded = await page.recorded();
      assert.deepEqual(recorded.cspViolations, [], 'CSP violations');
      await assertPostedValid(page);
    }
    await page.close();
  }
});

describe('retrospective panel webview: rendering', () => {
  beforeEach(async () => {
    panel = await openPanel();
  });

  it('says it is loading until the host answers, and asks for the state once', async () => {
    await panel.page.getByText('Loading the retrospective').waitFor();
    assert.equal(await panel.page.locator('#app').getAttribute('aria-busy'), 'true');
    const posted = await panel.posted();
    assert.deepEqual(posted, [{ type: 'ready' }]);
  });

  it('shows the diagnosis: stage with its illness, score and the explanation', async () => {
    const view = retroView();
    await panel.send(ready(view));
    const heading = panel.page.getByRole('heading', { level: 1 });
    assert.equal((await heading.textContent())?.trim(), `${capitalise(view.diagnosis.stage)} ${view.diagnosis.illness}`);
    assert.equal(view.diagnosis.stage, 'advanced', 'the example is the pneumonia retro');
    assert.equal(view.diagnosis.illness, 'pneumonia');
    assert.equal(await panel.page.locator('.score').textContent(), `Score ${view.diagnosis.score}/100 out of 100`, 'read as "Score 24 out of 100"');
    assert.equal(await panel.page.locator('.score-value').textContent(), String(view.diagnosis.score));
    assert.equal(await panel.page.locator('.explanation').textContent(), view.diagnosis.explanation);
    assert.match(await panel.page.locator('.meta').innerText(), /2026-02-27-sprint-24\.md · team payments · 2026-02-27/);
    assert.equal(await panel.page.locator('#app').getAttribute('aria-busy'), 'false');
  });

  it('groups the symptoms by stage, worst first, each with its quote, side and line', async () => {
    const view = retroView();
    await panel.send(ready(view));
    const groups = panel.page.locator('section.stage-group');
    const stagesShown = await groups.evaluateAll((sections) => sections.map((section) => (section as HTMLElement).dataset.stage));
    const expected = [...STAGES].reverse().filter((stage) => view.findings.some((finding) => finding.stage === stage));
    assert.deepEqual(stagesShown, expected);
    for (const stage of expected) {
      const inStage = view.findings.filter((finding) => finding.stage === stage);
      const group = panel.page.locator(`section.stage-group[data-stage="${stage}"]`);
      assert.match((await group.getByRole('heading', { level: 3 }).textContent()) ?? '', new RegExp(`${capitalise(stage)} · .+ \\(${inStage.length}\\)`));
      const quotes = await group.locator('.finding-quote').allTextContents();
      assert.deepEqual(quotes.sort(), inStage.map((finding) => `“${finding.text}”`).sort());
    }
    const first = view.findings[0] as FindingView;
    const button = panel.page.getByRole('button', { name: new RegExp(escapeRegExp(first.title)) }).first();
    assert.match((await button.innerText()).replace(/\s+/g, ' '), new RegExp(`line ${first.range.start.line + 1}`));
    assert.equal(await panel.page.getByRole('heading', { name: /Symptoms \(\d+\)/ }).textContent(), ` Symptoms (${view.findings.length})`);
  });

  it('shows the treatment plan, most relevant first, with the business vs IT balance in bar and words', async () => {
    const view = retroView();
    await panel.send(ready(view));
    const titles = await panel.page.locator('.treatment h3').allTextContents();
    assert.deepEqual(titles, view.treatments.map((treatment) => treatment.title));
    // The three most relevant are open; the rest are one click away, and stay open across updates.
    assert.ok(view.treatments.length > 3);
    assert.equal(await panel.page.locator('.treatment h3:visible').count(), 3);
    await panel.page.getByText(`${view.treatments.length - 3} more treatments`).click();
    assert.equal(await panel.page.locator('.treatment h3:visible').count(), view.treatments.length);
    await panel.send(ready(view));
    assert.equal(await panel.page.locator('.treatment h3:visible').count(), view.treatments.length);
    const relevance = view.treatments.map((treatment) => treatment.relevance);
    assert.deepEqual(relevance, [...relevance].sort((a, b) => b - a), 'the view model keeps the diagnosis order');
    const { sides } = view.diagnosis;
    const text = (await panel.page.locator('.balance-text').textContent()) ?? '';
    assert.match(text, new RegExp(`Business ${sides.business}, Both sides ${sides.both}, IT ${sides.it}`));
    const widths = await panel.page.locator('.balance-bar .segment').evaluateAll((segments) => segments.map((segment) => segment.getBoundingClientRect().width));
    assert.equal(widths.length, [sides.business, sides.both, sides.it].filter((n) => n > 0).length);
    const total = sides.business + sides.both + sides.it;
    const barWidth = widths.reduce((sum, width) => sum + width, 0);
    const expected = [sides.business, sides.both, sides.it].filter((n) => n > 0).map((n) => (n / total) * barWidth);
    widths.forEach((width, index) => assert.ok(Math.abs(width - (expected[index] as number)) < 6, `segment ${index}: ${width} vs ${expected[index]}`));
  });

  it('draws the team trend as an SVG with a table for screen readers; a row opens that retro', async () => {
    const view = retroView();
    assert.equal(view.trend.status, 'ready');
    if (view.trend.status !== 'ready') return;
    await panel.send(ready(view));
    const points = view.trend.points;
    assert.deepEqual(
      points.map((point) => point.date),
      ['2026-01-16', '2026-01-30', '2026-02-13', '2026-02-27'],
      'earlier payments retros, oldest first, then this one',
    );
    const chart = panel.page.getByRole('img', { name: /Team “payments”: 4 retros from 2026-01-16 to 2026-02-27/ });
    assert.equal(await chart.evaluate((element) => element.tagName.toLowerCase()), 'svg');
    assert.equal(await chart.locator('circle').count(), 4);
    assert.equal(await chart.locator('circle.current').count(), 1);
    await panel.page.getByText('Trend as a table').click();
    const rows = panel.page.locator('.trend-table tbody tr');
    assert.equal(await rows.count(), 4);
    assert.deepEqual(await rows.locator('td:last-child').allTextContents(), points.map((point) => String(point.score)));
    await rows.first().getByRole('button').click();
    const open = await panel.waitForPosted((message) => message.type === 'openRetro', 'openRetro');
    assert.deepEqual(open, { type: 'openRetro', uri: points[0]?.uri });
  });

  it('shows a trend that arrives later, and says when there is nothing to compare', async () => {
    await panel.send(ready(retroView(WORST, { status: 'loading' })));
    await panel.page.getByText('Reading the team’s earlier retros').waitFor();
    assert.equal(await panel.page.locator('#app').getAttribute('aria-busy'), 'true');
    const full = retroView();
    await panel.send({ type: 'trend', documentUri: full.documentUri, trend: full.trend, followThrough: full.followThrough });
    await panel.page.locator('svg.trend-chart').waitFor();
    assert.equal(await panel.page.locator('#app').getAttribute('aria-busy'), 'false');
    await panel.send({ type: 'trend', documentUri: 'file:///somewhere/else.md', trend: { status: 'error', message: 'not for this retro' }, followThrough: { status: 'loading' } });
    assert.equal(await panel.page.getByText('not for this retro').count(), 0, 'a trend for another document is ignored');
    await panel.send(ready(retroView(`${PAYMENTS}/2026-01-16-sprint-21.md`)));
    await panel.page.getByText('No earlier retros of team “payments” in this workspace yet.').waitFor();
  });
});

describe('retrospective panel webview: carried over and tried before', () => {
  beforeEach(async () => {
    panel = await openPanel();
  });

  const carriedItems = () => panel.page.locator('.carried-over .carried-item');
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

  it('lists the open items carried from earlier retros with their age, a stale mark past staleAfterDays, and where each was first listed', async () => {
    const view = retroView(WAREHOUSE_LATEST);
    await panel.send(ready(view));
    await panel.page.getByRole('heading', { name: 'Carried over' }).waitFor();
    assert.equal(oneLine(await panel.page.locator('.carried-over > p.muted').first().innerText()), '2 open items from the team’s earlier retros, 1 of them open more than 42 days (stale).');
    assert.deepEqual(await carriedItems().locator('.carried-text').allTextContents(), [
      'List the core systems the business relies on daily and agree their reliability targets (Jo)',
      'Hold a joint requirements walkthrough with the business owner before build starts (Find the root causes)',
    ]);
    const metas = (await carriedItems().locator('.carried-meta').allInnerTexts()).map(oneLine);
    assert.deepEqual(metas, [
      'open 56 days stale · first listed in 2026-01-19.md (2026-01-19) · Keep the trains running',
      'open 42 days · first listed in 2026-02-02.md (2026-02-02) · Find the root causes',
    ]);
    assert.deepEqual(await carriedItems().evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.stale)), ['true', 'false']);
    assert.equal(await carriedItems().nth(1).locator('.stale-badge').count(), 0, 'exactly 42 days is not over 42');
  });

  it('a carried item’s retro button asks the host to open that retro at the item’s line', async () => {
    const view = retroView(WAREHOUSE_LATEST);
    await panel.send(ready(view));
    await carriedItems().first().getByRole('button', { name: /2026-01-19\.md/ }).click();
    const open = await panel.waitForPosted((message) => message.type === 'openRetro', 'openRetro');
    assert.deepEqual(open, { type: 'openRetro', uri: `file:///workspace/${WAREHOUSE}/2026-01-19.md`, line: 13 });
  });

  it('for each symptom, the treatments tried before and what happened, each linked to its retro', async () => {
    const view = retroView(WAREHOUSE_LATEST);
    await panel.send(ready(view));
    const symptoms = panel.page.locator('.tried-before .tried-symptom');
    assert.deepEqual(await symptoms.locator('h3').allTextContents(), ['IT doesn\'t understand the business']);
    const attempts = symptoms.first().locator('.attempt');
    assert.deepEqual((await attempts.locator('.attempt-head').allInnerTexts()).map(oneLine), [
      'Look behind the curtain, both ways: Demo working software to the business owner at the end of every iteration (Look behind the curtain, both ways)',
      'Find the root causes: Hold a joint requirements walkthrough with the business owner before build starts (Find the root causes)',
    ], 'the quotation marks are the q element’s own');
    assert.deepEqual((await attempts.locator('.attempt-summary').allInnerTexts()).map(oneLine), ['added and ticked 2026-02-02 · persisted: in 3 of 3 retros before, 3 of 3 after', 'still open, 42 days']);
    assert.deepEqual(await attempts.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.outcome)), ['persisted', 'open']);
    await attempts.first().getByRole('button', { name: /2026-02-02\.md/ }).click();
    assert.deepEqual(await panel.waitForPosted((message) => message.type === 'openRetro', 'openRetro'), { type: 'openRetro', uri: `file:///workspace/${WAREHOUSE}/2026-02-02.md`, line: 21 });
  });

  it('a treatment ticked in a later retro than it was added links both retros; “faded” is shown as such', async () => {
    const claims = 'test/fixtures/treatment-outcomes/workspace/retros/claims';
    const comeback = (text: string) => text.replace('## What didn\'t go well', '## What didn\'t go well\n\n- Half the acceptance criteria only surfaced during UAT again.');
    const file = `${claims}/2026-04-01.md`;
    const view = retroView(file, undefined, comeback, followThroughOf(file, comeback(fs.readFileSync(path.join(ROOT, file), 'utf8'))));
    await panel.send(ready(view));
    const faded = panel.page.locator('.attempt[data-outcome="faded"]');
    // This retro is the third after the tick, so it counts on the "after" side: 1 of 3, still at most half of 3.
    assert.equal(oneLine(await faded.locator('.attempt-summary').innerText()), 'ticked 2026-02-18 · faded: in 3 of 3 retros before, 1 of 3 after');
    assert.equal(oneLine(await faded.locator('.attempt-where').innerText()), 'added in 2026-02-04.md (2026-02-04), ticked in 2026-02-18.md (2026-02-18)');
  });

  it('empty states: the team’s first retro carries nothing and nothing was tried; a retro without symptoms says so', async () => {
    await panel.send(ready(retroView(`${PAYMENTS}/2026-01-16-sprint-21.md`)));
    await panel.page.locator('.carried-over').getByText('This is the team’s first dated retro: nothing to carry over.').waitFor();
    const nothing = await panel.page.locator('.tried-before .tried-symptom p.muted').allTextContents();
    assert.ok(nothing.length > 0 && nothing.every((text) => text === 'Nothing tried against it in the team’s earlier retros.'), nothing.join('\n'));

    await panel.send(ready(retroView(`${WAREHOUSE}/2026-01-19.md`, undefined, (text) => text.replace(/## What didn't go well[\s\S]*?(?=## Action items)/, ''))));
    await panel.page.locator('.tried-before').getByText('No symptoms in this retro, so nothing to look back on.').waitFor();
  });

  it('waits for the team’s retros, says why when a retro cannot be placed, and shows an error as an alert', async () => {
    const view = retroView(WAREHOUSE_LATEST);
    await panel.send(ready({ ...view, followThrough: { status: 'loading' } }));
    assert.equal(await panel.page.locator('.carried-over').getAttribute('aria-busy'), 'true');
    assert.equal(await panel.page.locator('#app').getAttribute('aria-busy'), 'true', 'the trend is ready, the follow-through is not');
    await panel.send({ type: 'trend', documentUri: view.documentUri, trend: view.trend, followThrough: view.followThrough });
    await carriedItems().first().waitFor();
    assert.equal(await panel.page.locator('#app').getAttribute('aria-busy'), 'false');

    await panel.send(ready({ ...view, followThrough: { status: 'none', reason: 'This retro has no date.' } }));
    assert.equal(await panel.page.locator('.carried-over, .tried-before').getByText('This retro has no date.').count(), 2);
    await panel.send(ready({ ...view, followThrough: { status: 'error', message: 'The team’s earlier retros could not be read: boom' } }));
    assert.equal(await panel.page.getByRole('alert').filter({ hasText: 'could not be read: boom' }).count(), 2);
  });
});

describe('retrospective panel webview: hostile retro text', () => {
  it('shows every piece of text as text: no element, no script, no dialog is created from it', async () => {
    panel = await openPanel();
    const view = hostileView();
    const before = await panel.page.evaluate(() => ({ scripts: document.scripts.length }));
    await panel.send(ready(view));
    await panel.page.getByText('Trend as a table').click();
    await panel.page.locator('button.finding').first().hover();
    const counts = await panel.page.evaluate(() => ({
      img: document.querySelectorAll('img').length,
      scripts: document.scripts.length,
      b: document.querySelectorAll('b').length,
      use: document.querySelectorAll('use').length,
      inlineHandlers: [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `${element.tagName}.${attribute.name}`)),
    }));
    assert.deepEqual(counts, { img: 0, scripts: before.scripts, b: 0, use: 0, inlineHandlers: [] });
    const text = await panel.page.locator('#app').innerText();
    for (const value of [HOSTILE.img, HOSTILE.script, HOSTILE.entity, HOSTILE.svg]) assert.ok(text.includes(value), `shown as text: ${value}`);
    const quote = panel.page.locator('.finding-quote bdi').first();
    assert.equal(await quote.textContent(), (view.findings[0] as FindingView).text);
    assert.equal(await panel.page.locator('.finding-why').first().textContent(), (view.findings[0] as FindingView).why, 'why a model finding was made: shown as text');
    assert.ok((await panel.page.locator('#app').textContent())?.includes(HOSTILE.emoji), 'emoji intact');
    assert.ok((await panel.page.locator('#app').textContent())?.includes(HOSTILE.rtl), 'right-to-left text intact');
    assert.equal(await panel.page.locator('.meta bdi').first().textContent(), `${HOSTILE.img}.md`);
    // The follow-through's texts (item, treatment and symptom titles, retro labels, summaries) are text too.
    const followThrough = view.followThrough;
    assert.ok(followThrough.status === 'ready' && followThrough.carriedOver.length > 0 && followThrough.triedBefore.some((entry) => entry.attempts.length > 0));
    assert.deepEqual(await panel.page.locator('.carried-text bdi').allTextContents(), followThrough.carriedOver.map((item) => item.text));
    assert.deepEqual(await panel.page.locator('.carried-item .link bdi').allTextContents(), followThrough.carriedOver.map((item) => item.from.label));
    assert.deepEqual(await panel.page.locator('.tried-symptom h3').allTextContents(), followThrough.triedBefore.map((entry) => entry.title));
    assert.deepEqual(await panel.page.locator('.attempt-text bdi').allTextContents(), followThrough.triedBefore.flatMap((entry) => entry.attempts.map((attempt) => attempt.text)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual((await panel.recorded()).alerts, []);
    assert.deepEqual(panel.dialogs, []);
    // Buttons named by hostile action text still carry it as a plain attribute value.
    const add = panel.page.getByRole('button', { name: /^Add as action item: / }).first();
    assert.match((await add.getAttribute('aria-label')) ?? '', /^Add as action item: /);
  });
});

describe('retrospective panel webview: messages', () => {
  beforeEach(async () => {
    panel = await openPanel();
  });

  it('ignores invalid host messages (and says so in the console), keeping what it shows', async () => {
    const view = retroView();
    await panel.send(ready(view));
    const shown = await panel.appHtml();
    const finding = view.findings[0] as FindingView;
    const invalid: unknown[] = [
      null,
      'state',
      42,
      { type: 'bogus' },
      { type: 'state' },
      { type: 'state', state: { status: 'ready' } },
      { type: 'state', state: { status: 'ready', retro: { ...view, extra: true } } },
      { type: 'state', state: { status: 'ready', retro: { ...view, diagnosis: { ...view.diagnosis, score: 101 } } } },
      { type: 'state', state: { status: 'ready', retro: { ...view, diagnosis: { ...view.diagnosis, stage: 'terminal' } } } },
      { type: 'state', state: { status: 'ready', retro: { ...view, findings: [{ ...finding, text: 'x'.repeat(5000) }] } } },
      { type: 'state', state: { status: 'ready', retro: { ...view, findings: [{ ...finding, range: { start: { line: -1, character: 0 }, end: finding.range.end } }] } } },
      { type: 'state', state: { status: 'error', message: 'boom', script: '<script>' } },
      { type: 'trend', documentUri: view.documentUri, trend: { status: 'ready', team: 'x', points: 'many', undated: 0 } },
      { type: 'commandResult', requestId: '', ok: true, message: 'x' },
    ];
    for (const message of invalid) await panel.send(message);
    assert.equal(await panel.appHtml(), shown, 'nothing changed');
    const ignored = panel.warnings.filter((warning) => warning.startsWith('[Retro Health] ignored an invalid message'));
    assert.equal(ignored.length, invalid.length, panel.warnings.join('\n'));
    assert.match(ignored[7] ?? '', /diagnosis\.score/);
  });

  it('a symptom, clicked or activated from the keyboard, asks the host to reveal its range', async () => {
    const view = retroView();
    await panel.send(ready(view));
    const first = findingButtons(panel).first();
    const symptom = await first.getAttribute('data-symptom');
    const finding = view.findings.find((f) => f.symptom === symptom) as FindingView;
    await first.click();
    const reveal = await panel.waitForPosted((message) => message.type === 'reveal', 'reveal');
    assert.deepEqual(reveal, { type: 'reveal', documentUri: view.documentUri, range: finding.range });

    // Keyboard: Tab reaches a symptom, its focus is visible, Enter and Space activate it.
    await panel.page.locator('body').click({ position: { x: 2, y: 2 } });
    let focusedFinding = false;
    for (let i = 0; i < 60 && !focusedFinding; i++) {
      await panel.page.keyboard.press('Tab');
      focusedFinding = await panel.page.evaluate(() => document.activeElement?.classList.contains('finding') ?? false);
    }
    assert.ok(focusedFinding, 'Tab reaches the symptoms');
    const outline = await panel.page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: style.outlineWidth };
    });
    assert.deepEqual(outline, { style: 'solid', width: '2px' }, 'visible focus');
    const before = (await panel.posted()).filter((message) => message.type === 'reveal').length;
    await panel.page.keyboard.press('Enter');
    await panel.page.keyboard.press(' ');
    const deadline = Date.now() + 2_000;
    while ((await panel.posted()).filter((message) => message.type === 'reveal').length < before + 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    assert.equal((await panel.posted()).filter((message) => message.type === 'reveal').length, before + 2);
  });

  it('"Add as action item" posts the action; the answer is announced; items already added are marked', async () => {
    const view = retroView();
    await panel.send(ready(view));
    const action = view.treatments[0]?.actions[0]?.text as string;
    const button = panel.page.getByRole('button', { name: `Add as action item: ${action}` });
    await button.click();
    const posted = await panel.waitForPosted((message) => message.type === 'addActionItem', 'addActionItem');
    assert.equal(posted.documentUri, view.documentUri);
    assert.equal(posted.action, action);
    assert.equal(typeof posted.requestId, 'string');
    await panel.page.getByRole('button', { name: `Add as action item: ${action}` }).filter({ hasText: 'Adding…' }).waitFor();
    await panel.send({ type: 'commandResult', requestId: posted.requestId, ok: true, message: `Added the action item “${action}”.` });
    await panel.page.locator('#status', { hasText: 'Added the action item' }).waitFor();
    assert.equal(await panel.page.locator('#status').getAttribute('aria-live'), 'polite');
    // The host's next state has it in the document: shown as added, no button.
    const after = retroView(WORST, undefined, (text) => `${text}\n## Action items\n\n- [ ] ${action}\n`);
    await panel.send(ready(after));
    await panel.page.locator('.added').first().waitFor();
    assert.equal(await panel.page.getByRole('button', { name: `Add as action item: ${action}` }).count(), 0);
  });

  it('"Write relationship-health section" posts the request and shows the outcome', async () => {
    const view = retroView();
    await panel.send(ready(view));
    await panel.page.getByRole('button', { name: 'Write relationship-health section' }).click();
    const posted = await panel.waitForPosted((message) => message.type === 'writeHealthSection', 'writeHealthSection');
    assert.deepEqual(Object.keys(posted).sort(), ['documentUri', 'requestId', 'type']);
    assert.equal(posted.documentUri, view.documentUri);
    await panel.page.getByRole('button', { name: /Writing…/ }).waitFor();
    await panel.send({ type: 'commandResult', requestId: posted.requestId, ok: false, message: 'Could not write the relationship-health section: boom' });
    await panel.page.locator('#status', { hasText: 'Could not write the relationship-health section: boom' }).waitFor();
    await panel.page.getByRole('button', { name: 'Write relationship-health section' }).waitFor();
  });

  it('an empty state for a markdown file that is not a retro offers "Analyze this file anyway"', async () => {
    await panel.send(stateMessage({ status: 'empty', reason: 'not-a-retro', message: 'This markdown file is not a retro.', fileName: 'notes.md', documentUri: 'file:///workspace/notes.md' }));
    await panel.page.getByText('This markdown file is not a retro.').waitFor();
    await panel.page.getByRole('button', { name: 'Analyze this file anyway' }).click();
    assert.deepEqual(await panel.waitForPosted((message) => message.type === 'analyzeAnyway', 'analyzeAnyway'), { type: 'analyzeAnyway', documentUri: 'file:///workspace/notes.md' });
    await panel.page.getByText('Loading notes.md').waitFor();
    await panel.send(stateMessage({ status: 'empty', reason: 'no-document', message: 'Open a retrospective (a markdown file) to see its health here.' }));
    await panel.page.getByText('Open a retrospective').waitFor();
    assert.equal(await panel.page.getByRole('button').count(), 0);
  });

  it('an error from the host is shown with "Try again", which asks for the state again', async () => {
    await panel.send(stateMessage({ status: 'error', message: 'Retro Health could not show this retro: boom' }));
    await panel.page.getByRole('alert').getByText('Retro Health could not show this retro: boom').waitFor();
    await panel.page.getByRole('button', { name: 'Try again' }).click();
    assert.equal((await panel.posted()).filter((message) => message.type === 'ready').length, 2);
    await panel.page.getByText('Loading the retrospective').waitFor();
  });
});

describe('retrospective panel webview: never waits forever', () => {
  it('without an answer from the host it says so after 10 s instead of spinning', async () => {
    panel = await openPanel({ clock: true });
    await panel.page.getByText('Loading the retrospective').waitFor();
    await panel.page.clock.fastForward(10_500);
    await panel.page.getByRole('alert').getByText('Retro Health did not send the retrospective in time.').waitFor();
    assert.equal(await panel.page.getByRole('button', { name: 'Try again' }).count(), 1);
  });

  it('a trend that never arrives becomes a message after 30 s', async () => {
    panel = await openPanel({ clock: true });
    await panel.send(ready(retroView(WORST, { status: 'loading' })));
    await panel.page.clock.fastForward(31_000);
    await panel.page.getByText('The team’s earlier retros could not be read in time.').waitFor();
  });

  it('a command without an answer frees its button after 20 s', async () => {
    panel = await openPanel({ clock: true });
    await panel.send(ready());
    await panel.page.getByRole('button', { name: 'Write relationship-health section' }).click();
    await panel.page.getByRole('button', { name: /Writing…/ }).waitFor();
    await panel.page.clock.fastForward(21_000);
    await panel.page.getByRole('button', { name: 'Write relationship-health section' }).waitFor();
    await panel.page.locator('#status', { hasText: 'No answer from Retro Health' }).waitFor();
  });
});

describe('retrospective panel webview: filters and saved state', () => {
  it('filters by stage and by side, and "Show all" brings everything back', async () => {
    panel = await openPanel();
    const view = retroView(`${PAYMENTS}/2026-03-13-sprint-25.md`);
    await panel.send(ready(view));
    const all = view.findings.length;
    assert.equal(await findingButtons(panel).count(), all);
    const stage = (view.findings[0] as FindingView).stage;
    const toggle = panel.page.getByRole('button', { name: new RegExp(`^${capitalise(stage)} \\(`) });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.equal(await findingButtons(panel).count(), view.findings.filter((finding) => finding.stage !== stage).length);
    assert.equal(await panel.page.locator(`section.stage-group[data-stage="${stage}"]`).count(), 0);
    await panel.page.locator('#status', { hasText: /Showing \d+ of \d+ symptoms/ }).waitFor();
    assert.ok(await toggle.evaluate((element) => element === document.activeElement), 'focus stays on the toggle after re-rendering');

    const side = view.findings.find((finding) => finding.stage !== stage)?.side ?? 'business';
    await panel.page.getByRole('button', { name: new RegExp(`^${{ business: 'Business', it: 'IT', both: 'Both sides' }[side]} \\(`) }).click();
    const expected = view.findings.filter((finding) => finding.stage !== stage && finding.side !== side).length;
    assert.equal(await findingButtons(panel).count(), expected);
    for (const other of STAGES) {
      const button = panel.page.getByRole('button', { name: new RegExp(`^${capitalise(other)} \\(`) });
      if ((await button.getAttribute('aria-pressed')) === 'true') await button.click();
    }
    assert.equal(await findingButtons(panel).count(), 0);
    await panel.page.getByRole('button', { name: 'Show all' }).click();
    assert.equal(await findingButtons(panel).count(), all);
  });

  it('keeps filters and scroll with setState, and restores them after a reload', async () => {
    panel = await openPanel({ viewport: { width: 560, height: 420 } });
    const view = retroView();
    await panel.send(ready(view));
    await panel.page.getByRole('button', { name: /^Early \(/ }).click();
    await panel.page.getByRole('button', { name: /^IT \(/ }).click();
    await panel.page.evaluate(() => window.scrollTo(0, 300));
    await panel.page.waitForFunction(() => (window.__rh.state as { scrollY?: number } | undefined)?.scrollY === 300);
    const saved = (await panel.recorded()).state;
    assert.deepEqual(saved, { documentUri: view.documentUri, filters: { stages: ['middle', 'advanced', 'end'], sides: ['business', 'both'] }, scrollY: 300 });

    const reloaded = await openPanel({ saved, viewport: { width: 560, height: 420 } });
    await reloaded.send(ready(view));
    assert.equal(await reloaded.page.getByRole('button', { name: /^Early \(/ }).getAttribute('aria-pressed'), 'false');
    assert.equal(await reloaded.page.getByRole('button', { name: /^IT \(/ }).getAttribute('aria-pressed'), 'false');
    assert.equal(await reloaded.page.getByRole('button', { name: /^Advanced \(/ }).getAttribute('aria-pressed'), 'true');
    assert.equal(await reloaded.page.evaluate(() => Math.round(window.scrollY)), 300);
  });

  it('an invalid saved state is ignored (with a warning) and the defaults apply', async () => {
    panel = await openPanel({ saved: { filters: { stages: ['terminal'], sides: [] }, scrollY: -5 } });
    await panel.send(ready());
    assert.ok(panel.warnings.some((warning) => warning.startsWith('[Retro Health] ignored an invalid saved panel state')), panel.warnings.join('\n'));
    for (const stage of STAGES) assert.equal(await panel.page.getByRole('button', { name: new RegExp(`^${capitalise(stage)} \\(`) }).getAttribute('aria-pressed'), 'true');
  });
});

describe('retrospective panel webview: security and themes', () => {
  it('has a strict CSP with a nonce on its only script and no inline event handlers', async () => {
    panel = await openPanel();
    await panel.send(ready());
    const page = await panel.page.evaluate(() => ({
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      scripts: [...document.scripts].map((script) => ({ nonce: script.nonce, src: script.getAttribute('src'), inline: script.textContent?.trim() ?? '' })),
      styleAttributes: [...document.querySelectorAll('[style]')].map((element) => element.tagName),
      handlers: [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => attribute.name)),
    }));
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(page.csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, `a nonce in ${page.csp}`);
    assert.equal(
      page.csp,
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src ${panel.origin} 'nonce-${nonce}'; img-src ${panel.origin} data:; font-src ${panel.origin}`,
    );
    assert.deepEqual(page.scripts, [{ nonce, src: `${panel.origin}/dist/webview.js`, inline: '' }]);
    assert.deepEqual(page.handlers, []);
    // The segment widths are set through CSSOM (allowed), which serialises into a style attribute; nothing else has one.
    assert.ok(page.styleAttributes.every((tag) => tag === 'SPAN' || tag === 'HTML'), page.styleAttributes.join());
    // The CSP really is in force: an injected inline script does not run.
    const ran = await panel.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    assert.equal(ran, false);
    const violations = (await panel.recorded()).cspViolations;
    assert.deepEqual(violations.map((violation) => violation.directive), ['script-src-elem']);
    await panel.page.evaluate(() => (window.__rh.cspViolations = []));
    assert.match(panel.errors.splice(0).join('\n'), /violates the following Content Security Policy directive/);
    assert.ok(await panel.page.evaluate(() => document.fonts.check('16px codicon')), 'the codicon font loaded from the panel’s own origin');
  });

  for (const theme of THEMES) {
    it(`follows the ${theme.name} theme through --vscode-* variables (screenshot in test/webview/out/)`, async () => {
      panel = await openPanel({ theme, viewport: { width: 760, height: 1500 } });
      await panel.send(ready());
      await panel.page.getByText('Trend as a table').waitFor();
      const colours = await panel.page.evaluate(() => {
        const body = getComputedStyle(document.body);
        const card = getComputedStyle(document.querySelector('.card.findings') as Element);
        const primary = getComputedStyle(document.querySelector('.summary-actions .button') as Element);
        return { background: body.backgroundColor, foreground: body.color, cardBorder: card.borderTopColor, buttonBackground: primary.backgroundColor };
      });
      assert.equal(colours.background, rgb(theme.variables['--vscode-editor-background'] as string));
      assert.equal(colours.foreground, rgb(theme.variables['--vscode-foreground'] as string));
      assert.equal(colours.buttonBackground, rgb(theme.variables['--vscode-button-background'] as string));
      if (theme.name === 'high-contrast') assert.equal(colours.cardBorder, rgb(theme.variables['--vscode-contrastBorder'] as string), 'high contrast: cards carry the contrast border');
      await panel.page.evaluate(() => document.fonts.ready);
      await panel.page.screenshot({ path: path.join(ensureOut(), `panel-${theme.name}.png`), fullPage: true });
    });

    it(`shows the carried-over and tried-before sections in the ${theme.name} theme: stale and persisted in the theme's red, faded apart`, async () => {
      panel = await openPanel({ theme, viewport: { width: 760, height: 1500 } });
      await panel.send(ready(retroView(WAREHOUSE_LATEST)));
      await panel.page.locator('.carried-item').first().waitFor();
      const seen = await panel.page.evaluate(() => {
        const colour = (selector: string, property: 'color' | 'borderInlineStartColor') => getComputedStyle(document.querySelector(selector) as Element)[property];
        return {
          badge: colour('.carried-item .stale-badge', 'color'),
          staleBorder: colour('.carried-item.is-stale', 'borderInlineStartColor'),
          freshBorder: colour('.carried-item:not(.is-stale)', 'borderInlineStartColor'),
          persistedBorder: colour('.attempt.outcome-persisted', 'borderInlineStartColor'),
          link: colour('.carried-item .link', 'color'),
          card: colour('.card.carried-over', 'color'),
        };
      });
      const red = rgb(theme.variables['--vscode-charts-red'] as string);
      assert.equal(seen.badge, red);
      if (theme.name === 'high-contrast') {
        assert.equal(seen.staleBorder, rgb(theme.variables['--vscode-contrastBorder'] as string), 'high contrast: the border is the contrast border, the badge says stale');
      } else {
        assert.equal(seen.staleBorder, red);
        assert.equal(seen.persistedBorder, red);
        assert.notEqual(seen.freshBorder, red);
      }
      assert.equal(seen.link, rgb(theme.variables['--vscode-textLink-foreground'] as string));
      assert.equal(seen.card, rgb(theme.variables['--vscode-foreground'] as string));
      await panel.page.evaluate(() => document.fonts.ready);
      await panel.page.locator('.card.carried-over').screenshot({ path: path.join(ensureOut(), `panel-carried-over-${theme.name}.png`) });
      await panel.page.locator('.card.tried-before').screenshot({ path: path.join(ensureOut(), `panel-tried-before-${theme.name}.png`) });
    });
  }
});

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function rgb(hex: string): string {
  const value = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((offset) => parseInt(value.slice(offset, offset + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

