export * from './common';
export * from './actor';
export * from './event';
export * from './case';
export * from './status';
export * from './validate';
export * from './factories';
export * from './document';
