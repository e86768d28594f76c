export * from './recognise';
export * from './retroSet';
export * from './workspace';
export { sectionLabels } from './sectionLabels';
export * from './globs';
export * from './sectionHistory';
