import * as vscode from 'vscode';
import { STAGE_ILLNESS } from '../core/types';
import type { AnalysisService } from './analysisService';

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
      default:
        this.item.text = 'Retro Health: not a retro';
        this.item.detail = 'Not matched by retroHealth.files and no "retro: true" front matter';
        this.item.command = { title: 'Analyze this file', command: 'retroHealth.analyzeFile' };
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
