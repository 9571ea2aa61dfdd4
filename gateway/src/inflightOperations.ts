/**
 * The former home and names of in-flight sharing of client requests, kept while server.ts and the
 * limits still import them from here: the code is in sharing/sharedOperations.ts.
 */
export {
  createSharedOperations as createInFlightOperations, SHARED_HEADER,
  type OperationLead, type SharedOperations as InFlightOperations, type SharedOperationsOptions as InFlightOperationsOptions,
} from './sharing/sharedOperations';
export { replayableHeaders, type SentReply as SharedReply } from './cache/sentReply';
