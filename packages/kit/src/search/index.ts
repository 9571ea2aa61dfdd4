export * from './languages';
export * from './passageTable';
export * from './collectPassages';
export * from './sourceSearch';
export * from './planPassages';

