export { DEFAULT_PERSONAL_FIELDS, isShareableQuery } from './cachePolicy';
export { DATA_VERSION_PATH, DataVersionProbe } from './dataVersionProbe';
export { DataVersionFeed } from './dataVersionFeed';
export { requestKey, type KeyedRequest } from './requestKey';
export {
  CACHE_STATUS_HEADER, createResponseCache, type CacheSlot, type ResponseCache, type ResponseCacheOptions, type ResponseCacheStats,
  type StoredReply,
} from './responseCache';
