export * from './viewer';
export * from './authorization';
export * from './keys';
export * from './gatewaySignature';
export * from './bearerToken';
