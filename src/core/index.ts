/** The pure core: no `vscode` import, usable from the extension, the webview and the CLI. */
export * from './types';
export * from './analyze';
export * from './diagnosis';
export { builtInCatalog, loadCatalog, CatalogError } from './catalog';
export type { Catalog, Symptom, Treatment } from './catalog';
export { forgetReadBlocks, readRetro, type RetroDocument, type ProseSegment } from './markdown/reader';
export { SymptomMatcher } from './matcher/matcher';
export { PatternError } from './matcher/pattern';
export * from './edits';
export * from './teamConfig';
export * from './healthSection';
export * from './report';
export * from './verdicts';
export { SentenceModel, setSentenceModelSource, defaultSentenceModel, ModelFormatError, decodeModel, encodeModel } from './model';
export * from './explain';
export * from './retroSet';
