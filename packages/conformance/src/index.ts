/** @nlf/conformance: checks that a subgraph implements the federation's contract. No ORM needed. */
export { CONTRACT_INTERFACE } from '@nlf/contract';
export { compareWithContract, type ContractProblem } from './contractDiff';
export { formatReport, runConformance } from './runConformance';
export { entitiesCheck, errorsCheck, paginationCheck, schemaCheck, sourcesCheck, standardChecks } from './checks';
export { UNKNOWN_ID } from './checks/entitiesCheck';
export type {
  CheckContext, CheckOutcome, CheckReport, ConformanceCheck, ConformanceOptions, ConformanceReport, GraphQLAnswer, OutcomeStatus,
} from './types';
