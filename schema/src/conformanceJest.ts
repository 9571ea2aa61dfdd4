/** @nlf/schema/conformance/jest: an alias of @nlf/conformance/jest. */
export * from '@nlf/conformance/jest';
