/** @nlf/schema, as it was before the split: the kit (@nlf/kit) and the contract (@nlf/contract) from one import. */
export * from '@nlf/contract';
export * from '@nlf/kit';
