import type { ConformanceCheck } from '../types';
import { entitiesCheck } from './entitiesCheck';
import { errorsCheck } from './errorsCheck';
import { paginationCheck } from './paginationCheck';
import { schemaCheck } from './schemaCheck';
import { sourcesCheck } from './sourcesCheck';

export { entitiesCheck, errorsCheck, paginationCheck, schemaCheck, sourcesCheck };

/**
 * The standard checks, in the order they run. The security issue's gateway signing check (an
 * unsigned call must be refused, a signed one answered) is a ConformanceCheck too: it is passed in
 * `options.checks`, with `options.signRequest` signing the standard checks' calls.
 */
export const standardChecks: readonly ConformanceCheck[] = [schemaCheck, entitiesCheck, sourcesCheck, paginationCheck, errorsCheck];
