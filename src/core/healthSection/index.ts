export * from './section';
export * from './history';
