/** Many analysed retros -> the workspace report model, and its markdown rendering. */
export * from './types';
export { buildWorkspaceReport, directionOf, worsenedInARow, stepBetween, SCORE_STEP } from './build';
export { renderReportMarkdown, escapeMarkdown, lineLink, REPORT_FILE_NAME } from './markdown';
export { placeRetros, teamFromFileName, teamFromFolder, dateFromFolders, type Placement, type PlacementInput } from './teams';
export { checklistItems, itemKey, type ChecklistItem } from './checklist';
