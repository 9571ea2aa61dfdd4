/**
 * @nlf/schema/contract: the contract and the federation pieces, without the ORM. For a union that
 * serves from its own member system: the type-graphql contract classes and its own organisation type,
 * the federation header, error classes with the catalogue's codes and the error masking, cursors.
 */
import 'reflect-metadata';
export * from './contract';
export * from './errors';
export { FEDERATION_LINK, printSubgraphSdl } from './kit/federation';
export { decodeCursor, decodeSearchCursor, encodeCursor, encodeSearchCursor } from './kit/cursor';
export { escapeLike, normaliseSearchText, SEARCH_TEXT_MAX, SEARCH_TEXT_MIN, searchPattern } from './kit/memberSearch';
export { CONTRACT_GRAPHQL_PATH } from './conformance/runConformance';
