/** @nlf/schema/db: an alias of @nlf/kit/db. */
export * from '@nlf/kit/db';
