/**
 * The contract's bounds, declared once: the field descriptions print them, the kit enforces them,
 * and an outside union reads them here.
 */

/** Largest page of leader members (and of the access log) a caller may ask for, and the default page. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Shortest and longest member search text, in characters after trimming. */
export const SEARCH_TEXT_MIN = 2;
export const SEARCH_TEXT_MAX = 100;

/** Shortest and longest source search text, in characters after trimming; the largest and default page. */
export const SOURCE_SEARCH_TEXT_MIN = 2;
export const SOURCE_SEARCH_TEXT_MAX = 200;
export const SOURCE_SEARCH_MAX_PAGE = 50;
export const SOURCE_SEARCH_DEFAULT_PAGE = 10;
/** Most words in a source search: each is compared with every word of every passage, so the work grows with them. */
export const SOURCE_SEARCH_MAX_WORDS = 12;
