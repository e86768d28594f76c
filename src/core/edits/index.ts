export * from './textEdit';
export * from './actionItems';
export * from './suppress';
export * from './verdictEdit';
export * from './retroFlag';
