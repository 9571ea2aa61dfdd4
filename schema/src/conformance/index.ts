/** @nlf/schema/conformance: checks that a subgraph implements the federation's contract. No ORM needed. */
export { CONTRACT_INTERFACE } from '../contract/federation';
export { compareWithContract, type ContractProblem } from './contractDiff';
export { CONTRACT_GRAPHQL_PATH, formatReport, runConformance } from './runConformance';
export { entitiesCheck, errorsCheck, paginationCheck, schemaCheck, sourcesCheck, standardChecks } from './checks';
export { UNKNOWN_ID } from './checks/entitiesCheck';
export type {
  CheckContext, CheckOutcome, CheckReport, ConformanceCheck, ConformanceOptions, ConformanceReport, GraphQLAnswer, OutcomeStatus,
} from './types';
