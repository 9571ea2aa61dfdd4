export { createShareableCheck, isShareableQuery, personalFieldsOf, type DecidableOperation, type PersonalFieldsSource } from './cachePolicy';
export { DataVersionProbe } from './dataVersionProbe';
export { DataVersionFeed } from './dataVersionFeed';
export { requestKey, type KeyedRequest } from './requestKey';
export {
  CACHE_STATUS_HEADER, createResponseCache, type CacheSlot, type ResponseCache, type ResponseCacheOptions, type ResponseCacheStats,
} from './responseCache';
export { EXCHANGE_HEADERS, replayableHeaders, type SentReply } from './sentReply';
