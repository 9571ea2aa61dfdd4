export { DEFAULT_PERSONAL_FIELDS, isShareableQuery } from './cachePolicy';
export { DATA_VERSION_PATH, DataVersionProbe } from './dataVersionProbe';
export {
  CACHE_STATUS_HEADER, createResponseCache, type ResponseCache, type ResponseCacheOptions, type ResponseCacheStats,
} from './responseCache';
