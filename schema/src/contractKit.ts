/**
 * @nlf/schema/contract: the contract and the federation pieces, without the ORM. For a union that
 * serves from its own member system: the type-graphql contract classes and its own organisation type,
 * the federation header, error classes with the catalogue's codes and the error masking, cursors.
 */
import 'reflect-metadata';
export * from './contract';
export * from './errors';
export { FEDERATION_LINK, printSubgraphSdl } from './contract/federation';
export { decodeCursor, decodeSearchCursor, encodeCursor, encodeSearchCursor } from './kit/cursor';
export { escapeLike, normaliseSearchText, searchPattern } from './kit/memberSearch';
export { CONTRACT_GRAPHQL_PATH } from './conformance/runConformance';
