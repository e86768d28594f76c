/** Many analysed retros -> the workspace report model, and its markdown rendering. */
export * from './types';
export { buildWorkspaceReport, directionOf, worsenedInARow, stepBetween, SCORE_STEP } from './build';
export { renderReportMarkdown, renderDidItHelp, escapeMarkdown, lineLink, REPORT_FILE_NAME, VERDICT_TEXT } from './markdown';
export { placeRetros, teamFromFileName, teamFromFolder, dateFromFolders, type Placement, type PlacementInput } from './teams';
export { checklistItems, itemKey, type ChecklistItem } from './checklist';
export { treatmentActionOf, readsAsSameItem, contentWords, SAME_ITEM_OVERLAP, TREATMENT_ACTION_OVERLAP, MIN_SHARED_WORDS, type TreatmentAction, type TreatmentText } from './treatmentItems';
export { itemLifecycles, type ItemLifecycle, type ItemPlace, type RetroChecklist } from './itemHistory';
export { treatmentOutcomes, tallyOutcomes, OUTCOME_WINDOW, MIN_OUTCOME_WINDOW, MIN_TEAM_RETROS } from './outcomes';
export { retroFollowThrough, type RetroFollowThrough, type CarriedOverItem, type SymptomAttempts, type TreatmentAttempt, type TeamRetroInput, type FollowThroughOptions } from './followThrough';
