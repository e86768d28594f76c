// The panel's host-side pieces that need no browser: the view model always produces messages the
// protocol accepts, follows the core's rules (trend = the retro set's section history, "added" = the add-action-item
// edit's "already there"), clips safely; the HTML shell carries the CSP; the protocol refuses junk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeRetro } from '../../src/core/analyze';
import { addActionItemEdit } from '../../src/core/edits/actionItems';
import { lonePlacement, memberSectionHistory, RetroSet, type RetroMember } from '../../src/core/retroSet';
import { contentSecurityPolicy, panelHtml } from '../../src/extension/panel/html';
import { buildTrend, toRetroView, type TrendRecord } from '../../src/extension/panel/viewModel';
import { toFollowThroughView } from '../../src/extension/panel/followThroughView';
import type { RetroFollowThrough } from '../../src/core/report/followThrough';
import { clip, LIMITS, parseHostMessage, parsePersistedState, parseWebviewMessage } from '../../src/shared/panelProtocol';
import { ROOT } from './harness';
import { followThroughOf, hostileFollowThrough, WAREHOUSE, WAREHOUSE_LATEST } from './states';

const markdownIn = (dir: string) =>
  fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => path.join(dir, file));

const CORPUS = ['examples', 'test/fixtures/eval', 'test/fixtures/holdout', 'test/fixtures/blind', 'test/fixtures/cli'].flatMap(markdownIn);

function analysed(file: string) {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const analysis = analyzeRetro(text, { fileName: file });
  return { file, text, analysis, team: lonePlacement(file, text).team };
}

describe('retrospective panel: view model', () => {
  it(`turns every example and fixture retro (${CORPUS.length}) into a state message the webview accepts`, () => {
    assert.ok(CORPUS.length > 50, `found ${CORPUS.length} retros`);
    for (const file of CORPUS) {
      const { analysis, team } = analysed(file);
      const retro = toRetroView({ documentUri: `file:///w/${file}`, fileName: path.basename(file), team, analysis, trend: { status: 'loading' }, followThrough: { status: 'loading' } });
      const parsed = parseHostMessage({ type: 'state', state: { status: 'ready', retro } });
      assert.ok(parsed.ok, `${file}: ${parsed.ok ? '' : parsed.problem}`);
      assert.equal(retro.findings.length, analysis.findings.length);
      assert.equal(retro.diagnosis.score, analysis.diagnosis.score);
    }
  });

  it('clips oversized text and lists instead of producing a message the webview would refuse', () => {
    const { analysis, team } = analysed('examples/retros/payments/2026-02-27-sprint-24.md');
    const finding = analysis.findings[0];
    assert.ok(finding);
    const many = Array.from({ length: LIMITS.findings + 25 }, () => ({ ...finding, text: 'x'.repeat(LIMITS.quote * 2) }));
    const retro = toRetroView({ documentUri: 'file:///w/big.md', fileName: 'n'.repeat(1000), team, analysis: { ...analysis, findings: many }, trend: { status: 'loading' }, followThrough: { status: 'loading' } });
    assert.equal(retro.findings.length, LIMITS.findings);
    assert.equal(retro.omittedFindings, 25);
    assert.equal(retro.findings[0]?.text.length, LIMITS.quote);
    assert.ok(parseHostMessage({ type: 'state', state: { status: 'ready', retro } }).ok);
  });

  it('marks an action as added exactly when the add-action-item edit would do nothing', () => {
    let checked = 0;
    for (const file of markdownIn('examples')) {
      const { text, analysis, team } = analysed(file);
      const actions = analysis.diagnosis.treatments.flatMap((treatment) => treatment.actions);
      const first = actions[0];
      const variants = first ? [text, `${text}\n## Action items\n\n- [x]   ${first.toUpperCase()}  \n`] : [text];
      for (const variant of variants) {
        const view = toRetroView({ documentUri: 'file:///w/x.md', fileName: 'x.md', team, analysis: { ...analysis, document: { ...analysis.document, text: variant } }, trend: { status: 'loading' }, followThrough: { status: 'loading' } });
        for (const action of view.treatments.flatMap((treatment) => treatment.actions)) {
          assert.equal(action.added, addActionItemEdit(variant, action.text) === null, `${file}: ${action.text}`);
          checked += 1;
        }
      }
    }
    assert.ok(checked > 20, `checked ${checked}`);
  });

  it('builds the trend by the core rule of the written-back section (the retro set): same team, earlier dates', () => {
    const all = CORPUS.map(analysed);
    const set = new RetroSet(all.map(({ file, text }) => ({ file: { path: file, id: file }, text, matchesGlobs: true })));
    const analysisOf = (member: RetroMember) => (all.find(({ file }) => file === member.file.path) as (typeof all)[number]).analysis;
    const trendRecords: TrendRecord[] = set.retros.map((member) => {
      const { diagnosis } = analysisOf(member);
      return { uri: member.file.path, label: path.basename(member.file.path), date: member.placement.date, team: member.placement.team, stage: diagnosis.stage, score: diagnosis.score };
    });
    let compared = 0;
    set.retros.forEach((member, index) => {
      const record = trendRecords[index] as TrendRecord;
      const trend = buildTrend(record, trendRecords);
      const core = memberSectionHistory(set, member, analysisOf).trend;
      if (!record.team || !record.date) {
        assert.equal(trend.status, 'none', record.uri);
        return;
      }
      assert.equal(trend.status, 'ready', record.uri);
      if (trend.status !== 'ready') return;
      const earlier = trend.points.filter((point) => !point.current).map(({ date, stage, score }) => ({ date, stage, score }));
      assert.deepEqual(earlier, core, record.uri);
      assert.equal(trend.points.at(-1)?.current, true);
      compared += 1;
    });
    assert.ok(compared > 10, `compared ${compared}`);
  });
});

describe('retrospective panel: follow-through view model', () => {
  const FOLDERS = ['examples/retros/payments', 'examples/retros/platform', WAREHOUSE, 'test/fixtures/treatment-outcomes/workspace/retros/claims', 'test/fixtures/treatment-outcomes/workspace/retros/billing'];

  it('turns the follow-through of every retro of the examples and the “Did it help?” fixture into a message the webview accepts', () => {
    let carried = 0;
    let attempts = 0;
    for (const folder of FOLDERS) {
      for (const name of fs.readdirSync(path.join(ROOT, folder)).filter((file) => file.endsWith('.md'))) {
        const followThrough = followThroughOf(path.join(folder, name));
        const parsed = parseHostMessage({ type: 'trend', documentUri: 'file:///w/x.md', trend: { status: 'loading' }, followThrough });
        assert.ok(parsed.ok, `${folder}/${name}: ${parsed.ok ? '' : parsed.problem}`);
        if (followThrough.status !== 'ready') continue;
        carried += followThrough.carriedOver.length;
        attempts += followThrough.triedBefore.reduce((sum, entry) => sum + entry.attempts.length, 0);
        for (const item of followThrough.carriedOver) assert.ok(item.from.date < name.slice(0, 10) || !/^\d{4}-/.test(name), `${name}: carried from an earlier retro`);
      }
    }
    assert.ok(carried >= 3 && attempts >= 3, `exercised ${carried} carried items and ${attempts} attempts`);
  });

  it('names each earlier retro by its file name, and the ticked retro only when it is another one', () => {
    const view = followThroughOf(WAREHOUSE_LATEST);
    assert.equal(view.status, 'ready');
    if (view.status !== 'ready') return;
    assert.deepEqual(view.carriedOver.map((item) => [item.from.label, item.from.line, item.openDays, item.stale, item.treatment]), [
      ['2026-01-19.md', 13, 56, true, 'Keep the trains running'],
      ['2026-02-02.md', 22, 42, false, 'Find the root causes'],
    ]);
    assert.ok(view.carriedOver.every((item) => item.from.uri.startsWith('file:///workspace/test/fixtures/')), 'links are the URIs the host gave');
    const attempts = view.triedBefore[0]?.attempts ?? [];
    assert.deepEqual(attempts.map((attempt) => [attempt.status, attempt.verdict, attempt.ticked]), [['ticked', 'persisted', null], ['open', null, null]], 'added and ticked in one retro: one link');
  });

  it('says why there is nothing to follow through for a retro without a team or a date', () => {
    const labelOf = () => 'x.md';
    for (const reason of ['no-team', 'undated'] as const) {
      const view = toFollowThroughView({ placed: false, reason }, labelOf);
      assert.equal(view.status, 'none');
      assert.match(view.status === 'none' ? view.reason : '', reason === 'no-team' ? /team:/ : /no date/);
    }
  });

  it('clips oversized text and lists instead of producing a message the webview would refuse', () => {
    const long = 'x'.repeat(LIMITS.quote * 2);
    const item = { file: 'file:///w/a.md', date: '2026-01-05', line: 3, text: long, source: 'action-items' as const, openDays: 9, stillOpenIn: [], stale: false, treatment: { id: 't', title: long }, listedAgain: false };
    const attempt = { status: 'open' as const, treatment: { id: 't', title: long }, text: long, added: { file: 'file:///w/a.md', date: '2026-01-05', line: 3 }, openDays: 9, stale: false, summary: long };
    const result: RetroFollowThrough = {
      placed: true,
      asOf: '2026-02-01',
      staleAfterDays: 42,
      earlierRetros: 1,
      carriedOver: Array.from({ length: LIMITS.carriedOver + 7 }, () => item),
      triedBefore: [{ symptom: 's', title: long, attempts: Array.from({ length: LIMITS.attempts + 3 }, () => attempt) }],
    };
    const view = toFollowThroughView(result, () => 'n'.repeat(1000));
    assert.equal(view.status, 'ready');
    if (view.status !== 'ready') return;
    assert.equal(view.carriedOver.length, LIMITS.carriedOver);
    assert.equal(view.omittedCarriedOver, 7);
    assert.equal(view.triedBefore[0]?.attempts.length, LIMITS.attempts);
    assert.equal(view.triedBefore[0]?.omittedAttempts, 3);
    assert.equal(view.carriedOver[0]?.text.length, LIMITS.quote);
    assert.ok(parseHostMessage({ type: 'trend', documentUri: 'file:///w/x.md', trend: { status: 'loading' }, followThrough: view }).ok);
  });

  it('a trend message must carry the follow-through', () => {
    assert.equal(parseHostMessage({ type: 'trend', documentUri: 'file:///w/x.md', trend: { status: 'loading' } }).ok, false);
    assert.equal(parseHostMessage({ type: 'trend', documentUri: 'file:///w/x.md', trend: { status: 'loading' }, followThrough: { status: 'ready', staleAfterDays: 42, earlierRetros: 1, carriedOver: 'all', omittedCarriedOver: 0, triedBefore: [] } }).ok, false);
  });

  it('the hostile follow-through used by the rendering tests is still a valid message', () => {
    assert.ok(parseHostMessage({ type: 'trend', documentUri: 'file:///w/x.md', trend: { status: 'loading' }, followThrough: hostileFollowThrough(followThroughOf(WAREHOUSE_LATEST)) }).ok);
  });
});

describe('retrospective panel: HTML shell and protocol', () => {
  it('the shell has the strict CSP, one nonce-bearing script, and escapes what it is given', () => {
    const html = panelHtml({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc123', scriptUri: 'https://x/"><script>alert(1)</script>', styleUri: 'https://x/panel.css', codiconsUri: 'https://x/codicon.css' });
    assert.equal(contentSecurityPolicy('https://x.vscode-cdn.net', 'abc123'), "default-src 'none'; script-src 'nonce-abc123'; style-src https://x.vscode-cdn.net 'nonce-abc123'; img-src https://x.vscode-cdn.net data:; font-src https://x.vscode-cdn.net");
    assert.ok(html.includes(`content="default-src 'none'; script-src 'nonce-abc123';`));
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.ok(html.includes('src="https://x/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    assert.doesNotMatch(html, /\sstyle=/i);
    assert.doesNotMatch(html, /https?:\/\/(?!x[./])/, 'no remote resources');
  });

  it('accepts each webview message and refuses anything else', () => {
    const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } };
    const valid = [
      { type: 'ready' },
      { type: 'reveal', documentUri: 'file:///a.md', range },
      { type: 'addActionItem', requestId: 'r1', documentUri: 'file:///a.md', action: 'Demo working software' },
      { type: 'writeHealthSection', requestId: 'r2', documentUri: 'file:///a.md' },
      { type: 'analyzeAnyway', documentUri: 'file:///a.md' },
      { type: 'openRetro', uri: 'file:///b.md' },
      { type: 'openRetro', uri: 'file:///b.md', line: 13 },
    ];
    for (const message of valid) assert.ok(parseWebviewMessage(message).ok, JSON.stringify(message));
    const invalid = [
      undefined,
      null,
      [],
      'ready',
      { type: 'ready', extra: 1 },
      { type: 'runCommand', command: 'workbench.action.quit' },
      { type: 'reveal', documentUri: '', range },
      { type: 'reveal', documentUri: 'file:///a.md', range: { ...range, start: { line: -1, character: 0 } } },
      { type: 'reveal', documentUri: 'file:///a.md', range: { ...range, start: { line: 1.5, character: 0 } } },
      { type: 'addActionItem', requestId: 'r1', documentUri: 'file:///a.md', action: '' },
      { type: 'addActionItem', requestId: 'r1', documentUri: 'file:///a.md', action: 'a'.repeat(LIMITS.action + 1) },
      { type: 'addActionItem', requestId: 'r'.repeat(100), documentUri: 'file:///a.md', action: 'x' },
      { type: 'writeHealthSection', documentUri: 'file:///a.md' },
      { type: 'openRetro', uri: 'u'.repeat(LIMITS.uri + 1) },
      { type: 'openRetro', uri: 'file:///b.md', line: 0 },
      { type: 'openRetro', uri: 'file:///b.md', line: 2.5 },
      { type: 'openRetro', uri: 'file:///b.md', line: '13' },
    ];
    for (const message of invalid) {
      const parsed = parseWebviewMessage(message);
      assert.equal(parsed.ok, false, JSON.stringify(message)?.slice(0, 120));
      if (!parsed.ok) assert.ok(parsed.problem.length < 300);
    }
  });

  it('saved state: valid filters restore, anything else is refused', () => {
    assert.ok(parsePersistedState({ filters: { stages: ['early'], sides: [] }, scrollY: 10 }).ok);
    assert.ok(parsePersistedState({ documentUri: 'file:///a.md', filters: { stages: [], sides: ['it'] }, scrollY: 0 }).ok);
    assert.equal(parsePersistedState({ filters: { stages: ['terminal'], sides: [] }, scrollY: 0 }).ok, false);
    assert.equal(parsePersistedState({ filters: { stages: [], sides: [] }, scrollY: -1 }).ok, false);
    assert.equal(parsePersistedState('junk').ok, false);
  });

  it('clip keeps to the bound and never splits a surrogate pair', () => {
    assert.equal(clip('short', 10), 'short');
    assert.equal(clip('abcdefghij', 5), 'abcd…');
    const emoji = 'ab\u{1F525}\u{1F525}';
    for (let max = 1; max <= emoji.length; max++) {
      const clipped = clip(emoji, max);
      assert.ok(clipped.length <= max, `${max}: ${clipped}`);
      assert.doesNotMatch(clipped, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/, `no lone high surrogate at ${max}`);
    }
  });
});
