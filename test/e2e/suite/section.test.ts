// "Write Relationship Health Section" in a real VS Code: one undoable edit, idempotent,
// trend and carried-over items from the team's earlier retro in the workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openNew, waitFor } from './helpers';

describe('the relationship-health section', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('writes the section with trend and carried-over items; twice changes nothing; undo restores every byte', async () => {
    const text = ['---', 'date: 2026-03-28', 'team: payments', '---', '# Payments — Sprint 13', '', '- Lots of requirements didn’t come out until UAT.', ''].join('\r\n');
    const editor = await openNew('retros/2026-03-28-payments.md', text);
    const document = editor.document;
    assert.equal(await vscode.commands.executeCommand('retroHealth.writeHealthSection', document.uri.toString()), true);
    const written = document.getText();
    assert.ok(written.startsWith(text), 'everything above the section is untouched');
    assert.match(written, /<!-- retro-health:begin -->\r\n## Relationship health\r\n/);
    assert.match(written, /- Line 7: Requirements surface only at acceptance testing/);
    assert.match(written, /\*\*Trend \(team payments\):\*\* 2026-02-28 \w+ \d+ → 2026-03-14 \w+ \d+ → 2026-03-28 early \d+/);
    assert.match(written, /- \[ \] Hold a joint requirements walkthrough with the business owner before build starts \(Find the root causes\)/);
    assert.ok(!written.includes('Demo working software to the business owner at the end of every iteration (Look behind the curtain, both ways) (carried over'), 'a ticked item is not carried over');
    assert.ok(!/[^\r]\n/.test(written), 'CRLF kept');
    const version = document.version;
    assert.equal(await vscode.commands.executeCommand('retroHealth.writeHealthSection', document.uri.toString()), true);
    assert.equal(document.version, version, 'the second run makes no edit');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => 'one undo to restore the original', () => (document.getText() === text ? true : undefined));
  });

  it('"Add action item" from outside the quick fix adds it once', async () => {
    const editor = await openNew('retros/2026-03-29-actions.md', '# Retro\n\n## Next steps\n\n- [ ] Existing\n');
    const uri = editor.document.uri.toString();
    assert.equal(await vscode.commands.executeCommand('retroHealth.addActionItem', uri, 'Invite finance to the sprint demo'), true);
    assert.equal(editor.document.getText(), '# Retro\n\n## Next steps\n\n- [ ] Existing\n- [ ] Invite finance to the sprint demo\n');
    assert.equal(await vscode.commands.executeCommand('retroHealth.addActionItem', uri, 'Invite finance to the sprint demo'), false);
  });
});
