// The Markdown preview integration: VS Code's markdown extension loads our markdown-it plugin.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openNew } from './helpers';

describe('symptoms in the Markdown preview', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('the rendered retro marks the symptom with its title', async () => {
    const editor = await openNew('retros/preview-retro.md', '# Retro <b>\n\n- Lots of requirements didn’t come out until UAT.\n- All <script>fine</script> otherwise.\n');
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', editor.document);
    assert.match(html, /<mark class="retro-health-symptom retro-health-early" title="Requirements surface only at acceptance testing — early stage \(the sniffles\)">Lots of requirements didn’t come out until UAT<\/mark>/);
    assert.equal(html.match(/<mark /g)?.length, 1, 'one mark: only the symptom');
  });

  it('a markdown file that is not a retro renders without marks', async () => {
    const editor = await openNew('docs/preview-notes.md', '- Lots of requirements didn’t come out until UAT.\n');
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', editor.document);
    assert.ok(!html.includes('retro-health-symptom'), html);
  });
});
