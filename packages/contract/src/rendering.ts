/** Doc comment of every field that carries the curator's English: said once, so no field can claim more. */
export const ENGLISH_RENDERING =
  "The curator's English rendering of what the sources say (from organisations.json), not a source's own words: " +
  'the verbatim quotes beside it are the evidence.';
