import * as vscode from 'vscode';
import { STAGE_ILLNESS } from '../core/types';
import type { AnalysisService } from './analysisService';
import { TREAT_AS_RETRO_COMMAND } from './treatAsRetro';

/** The active retro's stage and score, in the language status area next to "Markdown". */
export class RetroStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('retroHealth.status', { language: 'markdown' });
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly analyses: AnalysisService) {
    this.item.name = 'Retro Health';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      analyses.onDidChangeState((document) => {
        if (document === vscode.window.activeTextEditor?.document) this.update();
      }),
    );
    this.update();
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const state = document ? this.analyses.state(document) : undefined;
    this.item.severity = vscode.LanguageStatusSeverity.Information;
    this.item.busy = false;
    switch (state?.kind) {
      case 'analysed': {
        const { stage, score, explanation } = state.analysis.diagnosis;
        this.item.text = `$(pulse) Retro: ${stage} · ${score}`;
        this.item.detail = `${STAGE_ILLNESS[stage]} — ${explanation}`;
        this.item.command = { title: 'Open Retrospective Panel', command: 'retroHealth.openPanel' };
        if (stage === 'advanced' || stage === 'end') this.item.severity = vscode.LanguageStatusSeverity.Warning;
        break;
      }
      case 'too-large':
        this.item.text = '$(warning) Retro Health: skipped';
        this.item.detail = `${state.sizeKB} KB is over retroHealth.maxFileSizeKB (${state.limitKB} KB)`;
        this.item.severity = vscode.LanguageStatusSeverity.Warning;
        this.item.command = { title: 'Open settings', command: 'workbench.action.openSettings', arguments: ['retroHealth.maxFileSizeKB'] };
        break;
      case 'disabled':
        this.item.text = 'Retro Health: off';
        this.item.detail = 'retroHealth.enable is false';
        this.item.command = { title: 'Open settings', command: 'workbench.action.openSettings', arguments: ['retroHealth.enable'] };
        break;
      case 'not-a-retro':
        this.item.text = 'Retro Health: not a retro';
        if (state.excluded) {
          this.item.detail = 'Looks like a retro, but files.exclude or search.exclude hides it';
          this.item.command = { title: 'Open settings', command: 'workbench.action.openSettings', arguments: ['files.exclude'] };
        } else if (state.looksLikeRetro) {
          this.item.detail = 'Has retro sections, but is not named like a retro';
          this.item.severity = vscode.LanguageStatusSeverity.Warning;
          this.item.command = { title: 'Treat as retro', command: TREAT_AS_RETRO_COMMAND };
        } else {
          this.item.detail = 'Not matched by retroHealth.files, no "retro: true" front matter, no retro sections';
          this.item.command = { title: 'Analyze this file', command: 'retroHealth.analyzeFile' };
        }
        break;
      default:
        this.item.text = 'Retro Health: not a retro';
        this.item.detail = '';
        this.item.command = { title: 'Analyze this file', command: 'retroHealth.analyzeFile' };
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
