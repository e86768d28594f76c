import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { actionsForEverySymptom, addActionItemEdit, addActionItemsEdit, analyzeRetro, applyEdit, builtInCatalog, suppressInFileEdit, suppressNextLineEdit } from '../../src/core';

const add = (text: string, action = 'Hold a joint requirements walkthrough') => {
  const edit = addActionItemEdit(text, action);
  return edit ? applyEdit(text, edit) : null;
};

describe('adding an action item', () => {
  it('appends under an existing "Action items" heading, after its last item', () => {
    const text = '# Retro\n\n## Action items\n\n- [ ] Fix CI\n\n## Notes\n\nhello\n';
    assert.equal(add(text), '# Retro\n\n## Action items\n\n- [ ] Fix CI\n- [ ] Hold a joint requirements walkthrough\n\n## Notes\n\nhello\n');
  });

  it('recognises the usual headings at any level', () => {
    for (const heading of ['### Actions', '# Next steps', '## To do', '## TODOs', '#### Follow-ups', '## 🎯 Action items']) {
      const result = add(`Intro\n\n${heading}\n\n- [x] Old\n`);
      assert.ok(result?.endsWith('- [x] Old\n- [ ] Hold a joint requirements walkthrough\n'), `${heading}: ${JSON.stringify(result)}`);
    }
  });

  it('puts the first item right under an empty section heading', () => {
    assert.equal(add('## Action items\n\n## Other\n'), '## Action items\n\n- [ ] Hold a joint requirements walkthrough\n\n## Other\n');
  });

  it('keeps a subsection inside the action section', () => {
    const text = '## Actions\n- [ ] A\n### Owner: Sam\n- [ ] B\n## Next\n';
    assert.equal(add(text), '## Actions\n- [ ] A\n### Owner: Sam\n- [ ] B\n- [ ] Hold a joint requirements walkthrough\n## Next\n');
  });

  it('creates a section at the end when there is none, keeping a missing final newline missing', () => {
    assert.equal(add('# Retro\n\nText.\n'), '# Retro\n\nText.\n\n## Action items\n\n- [ ] Hold a joint requirements walkthrough\n');
    assert.equal(add('# Retro\n\nText.'), '# Retro\n\nText.\n\n## Action items\n\n- [ ] Hold a joint requirements walkthrough');
  });

  it('keeps CRLF line endings', () => {
    const result = add('# Retro\r\n\r\n## Action items\r\n\r\n- [ ] A\r\n');
    assert.equal(result, '# Retro\r\n\r\n## Action items\r\n\r\n- [ ] A\r\n- [ ] Hold a joint requirements walkthrough\r\n');
  });

  it('never inserts the same item twice, ticked or not', () => {
    const once = add('## Action items\n') as string;
    assert.equal(addActionItemEdit(once, 'Hold a joint requirements walkthrough'), null);
    assert.equal(addActionItemEdit('## Actions\n- [x]  hold a JOINT requirements walkthrough\n', 'Hold a joint requirements walkthrough'), null);
  });

  it('ignores an "Actions" heading inside a code block', () => {
    const text = '```\n## Actions\n```\n';
    assert.equal(add(text), '```\n## Actions\n```\n\n## Action items\n\n- [ ] Hold a joint requirements walkthrough\n');
  });

  it('only inserts: every original line survives, in order (property)', () => {
    const line = fc.constantFrom('# Retro', '## Action items', '## Notes', '- [ ] A', 'text', '', '```', '> quote');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (parts, eol, finalNewline) => {
        const text = parts.join(eol) + (finalNewline ? eol : '');
        const edit = addActionItemEdit(text, 'Do the thing');
        if (!edit) return;
        assert.equal(edit.length, 0);
        const result = applyEdit(text, edit);
        assert.equal(result.slice(0, edit.offset) + result.slice(edit.offset + edit.newText.length), text);
        if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(result), 'no bare LF in a CRLF document');
      }),
    );
  });
});

describe('suppression edits', () => {
  const text = '---\ndate: 2026-01-01\n---\n# Retro\n\n  - IT just doesn’t get it.\n';
  it('ignore here: a disable-next-line comment above the finding, with its indentation, silences it', () => {
    const finding = analyzeRetro(text).findings[0];
    assert.ok(finding);
    const result = applyEdit(text, suppressNextLineEdit(text, finding.range.start.line, finding.symptom));
    assert.ok(result.includes('  <!-- retro-health-disable-next-line it-doesnt-get-it -->\n  - IT just'));
    assert.equal(analyzeRetro(result).findings.length, 0);
  });
  it('ignore in file: a disable comment after the front matter silences it everywhere', () => {
    const result = applyEdit(text, suppressInFileEdit(text, 'it-doesnt-get-it'));
    assert.ok(result.startsWith('---\ndate: 2026-01-01\n---\n<!-- retro-health-disable it-doesnt-get-it -->\n# Retro'));
    assert.equal(analyzeRetro(result).document.date, '2026-01-01');
    assert.equal(analyzeRetro(result).findings.length, 0);
  });
  it('keeps CRLF', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const result = applyEdit(crlf, suppressInFileEdit(crlf, 'x'));
    assert.ok(!/[^\r]\n/.test(result));
  });
});

describe('adding action items for every symptom (fix all)', () => {
  const symptoms = (text: string) => analyzeRetro(text).findings;

  it('adds the best treatment of each symptom once, in document order, as one edit equal to adding them one by one', () => {
    const text = "# Retro\n\n- The business keeps changing priorities mid-sprint.\n- Requirements only surfaced in UAT again.\n- The business keeps changing priorities mid-sprint, again.\n\n## Action items\n\n- [ ] Fix CI\n";
    const findings = symptoms(text);
    assert.ok(findings.length >= 2, `${findings.length} findings`);
    const actions = actionsForEverySymptom(findings, builtInCatalog());
    assert.equal(new Set(actions).size, actions.length, 'each treatment once');
    assert.ok(actions.length >= 1);
    let oneByOne = text;
    for (const action of actions) oneByOne = add(oneByOne, action) ?? oneByOne;
    const edit = addActionItemsEdit(text, actions);
    assert.ok(edit);
    assert.equal(applyEdit(text, edit), oneByOne);
    assert.equal(addActionItemsEdit(oneByOne, actions), null, 'nothing left to add');
  });

  it('keeps CRLF and a BOM, and creates the section when there is none', () => {
    const text = '\uFEFF# Retro\r\n\r\n- x\r\n';
    const edit = addActionItemsEdit(text, ['First thing', 'Second thing']);
    assert.ok(edit);
    assert.equal(applyEdit(text.slice(1), edit), '# Retro\r\n\r\n- x\r\n\r\n## Action items\r\n\r\n- [ ] First thing\r\n- [ ] Second thing\r\n');
  });

  it('only inserts: every original line survives, in order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('# A', '## Action items', '- [ ] old', 'text', '', '```', '- item'), { maxLength: 12 }), fc.array(fc.constantFrom('Do one', 'Do two', 'old'), { maxLength: 4 }), (lines, actions) => {
        const text = lines.join('\n');
        const edit = addActionItemsEdit(text, actions);
        const result = edit ? applyEdit(text, edit) : text;
        let at = 0;
        for (const line of text.split('\n')) {
          const found = result.split('\n').indexOf(line, at);
          assert.ok(found >= at, `line "${line}" kept in order`);
          at = found + 1;
        }
      }),
    );
  });
});
