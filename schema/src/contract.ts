/** @nlf/schema/contract: an alias of @nlf/contract. */
export * from '@nlf/contract';
