/** @nlf/schema/conformance: an alias of @nlf/conformance. */
export * from '@nlf/conformance';
