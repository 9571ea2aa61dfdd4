export * from './enums';
export * from './figure';
export * from './council';
export * from './forum';
export * from './branch';
export * from './register';
export * from './organisation';
export * from './indicators';
