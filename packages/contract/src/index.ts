/**
 * @nlf/contract: what a union installs to join the federation, without the ORM. The contract as
 * type-graphql classes and their relation declarations, its bounds, the SDL (`@nlf/contract/contract.graphql`),
 * the federation header, the error catalogue and masking, cursors and search text rules, and the
 * gateway's call signature with the viewer roles it carries.
 */
// The contract's classes carry type-graphql's decorator metadata: whoever loads them needs the polyfill.
import 'reflect-metadata';
import { join } from 'node:path';

/** contract.graphql as shipped in this package. */
export const CONTRACT_GRAPHQL_PATH = join(__dirname, '..', 'contract.graphql');

export * from './enums';
export * from './figure';
export * from './rendering';
export * from './statement';
export * from './rules';
export * from './profile';
export * from './council';
export * from './forum';
export * from './branch';
export * from './register';
export * from './organisation';
export * from './privacy';
export * from './indicators';
export * from './passage';
export * from './personal';
export * from './limits';
export * from './sourceSearchArgs';
export * from './relations';
export * from './federation';
export { contractSdl } from './contractSdl';
export * from './cursor';
export * from './memberSearch';
export * from './errors';
export * from './auth';
