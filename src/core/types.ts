/** The illness stages of an IT–business relationship, mildest first. */
export const STAGES = ['early', 'middle', 'advanced', 'end'] as const;
export type Stage = (typeof STAGES)[number];
export type DocumentStage = 'healthy' | Stage;
export const DOCUMENT_STAGES: readonly DocumentStage[] = ['healthy', ...STAGES];

export const SIDES = ['business', 'it', 'both'] as const;
export type Side = (typeof SIDES)[number];

/** The article's names for each stage, shown next to the stage id. */
export const STAGE_ILLNESS: Record<DocumentStage, string> = {
  healthy: 'healthy',
  early: 'the sniffles',
  middle: 'the flu',
  advanced: 'pneumonia',
  end: 'death and reincarnation',
};

export function stageRank(stage: DocumentStage): number {
  return DOCUMENT_STAGES.indexOf(stage);
}

/** A position as VS Code counts it: 0-based line, 0-based UTF-16 column. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Finding {
  symptom: string;
  /** The symptom's short title. */
  title: string;
  stage: Stage;
  side: Side;
  /** Offsets into the document text (BOM excluded), end exclusive. */
  startOffset: number;
  endOffset: number;
  range: Range;
  /** The matched source text, exactly as written. */
  text: string;
  /** 0..1: how sure the matcher is that this is the symptom, not a look-alike. */
  confidence: number;
  /**
   * 'phrase' for the article's wording, 'concept' for a rule's paraphrase, 'model' for the trained
   * sentence model, 'team' for a sentence the team labelled in its `.retro-health.json`.
   */
  via: 'phrase' | 'concept' | 'model' | 'team';
  /** For a model finding: the few words that weighed most, as written, strongest first. */
  evidence?: string[];
  message: string;
  treatments: string[];
}
