/**
 * Verbatim quotes from the LO paper (002_9b5a86c7636ab037.txt) that organisations.json does not
 * carry: one for each of the six joint topics it lists (whitespace normalised, words split at a line
 * break joined, as organisations.json's convention says), and the sentence that states the purpose.
 */
export const LO_PAPER = '002_9b5a86c7636ab037.txt';

export const JOINT_TOPIC_QUOTES = [
  'diskussion af udviklingen af overenskomster og aftaler, der omfatter ledermedlemmer',
  'indsatsen i de organisatoriske rammer, der etableres på tværs af de enkelte overenskomster og aftaler – fx Væksthus for Ledelse',
  'trepartsforhandlinger',
  'udviklingsaktiviteter og fælles samarbejde med fx forskningsmiljøer',
  'udvikling af målrettede uddannelsestiltag for ledergrupperne',
  'løbende erfaringsudveksling',
] as const;

export const JOINT_WORK_PURPOSE = {
  text: 'Joint and coordinated efforts on the challenges the LO unions share, supporting the work with leader members in each union.',
  quote: 'Men der er også en række fælles udfordringer, hvor LO-fællesskabet kan være med til at understøtte arbejdet i de enkelte forbund.',
};

/** Why the nine unions are listed: the text names no participants, only the unions of its table. */
export const MEMBER_BASIS =
  'The text does not list the participating unions by name: it says the staff who serve leader members in the individual ' +
  'unions take part; listed here are the unions of its table of leader members.';
