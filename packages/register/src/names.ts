import type { RegisterCountry } from './types';

/**
 * Common given and family names per country, taken from the national statistics offices' public
 * lists of frequent names (SSB, SCB, Danmarks Statistik). Given names mix women's and men's names;
 * the register has no gender field, so they are drawn independently of each other. Uniform draws
 * (not frequency-weighted) are deliberate: the aim is plausible-looking rows, not a census.
 */
export interface CountryNames {
  readonly givenNames: readonly string[];
  readonly familyNames: readonly string[];
}

const NO: CountryNames = {
  givenNames: [
    'Anne', 'Inger', 'Kari', 'Marit', 'Ingrid', 'Liv', 'Eva', 'Berit', 'Astrid', 'Bjørg',
    'Hilde', 'Anna', 'Solveig', 'Marianne', 'Randi', 'Ida', 'Nina', 'Maria', 'Elisabeth', 'Kristin',
    'Silje', 'Hanne', 'Tone', 'Camilla', 'Heidi', 'Ragnhild', 'Ingeborg', 'Mette', 'Wenche', 'Gunn',
    'Jan', 'Per', 'Bjørn', 'Ole', 'Lars', 'Kjell', 'Knut', 'Arne', 'Svein', 'Thomas',
    'Hans', 'Geir', 'Tor', 'Morten', 'Terje', 'Odd', 'Erik', 'Martin', 'Andreas', 'Rune',
    'Trond', 'Anders', 'Espen', 'Jon', 'Harald', 'Magnus', 'Kristian', 'Jonas', 'Daniel', 'Stian',
  ],
  familyNames: [
    'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen',
    'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl',
    'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Jakobsen', 'Moen', 'Gundersen', 'Iversen', 'Strand',
    'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen', 'Bakken', 'Kristoffersen', 'Mathisen', 'Lie',
    'Amundsen', 'Nguyen', 'Rasmussen', 'Ali', 'Lunde', 'Solheim', 'Berntsen', 'Nygård', 'Bakke', 'Kristensen',
  ],
};

const SE: CountryNames = {
  givenNames: [
    'Anna', 'Eva', 'Maria', 'Karin', 'Sara', 'Kristina', 'Lena', 'Emma', 'Kerstin', 'Ingrid',
    'Marie', 'Malin', 'Jenny', 'Birgitta', 'Sofia', 'Hanna', 'Linda', 'Annika', 'Susanne', 'Elin',
    'Monica', 'Camilla', 'Ulla', 'Johanna', 'Helena', 'Carina', 'Åsa', 'Cecilia', 'Ida', 'Louise',
    'Lars', 'Mikael', 'Anders', 'Johan', 'Erik', 'Per', 'Peter', 'Karl', 'Thomas', 'Jan',
    'Daniel', 'Fredrik', 'Hans', 'Andreas', 'Stefan', 'Mohamed', 'Mats', 'Marcus', 'Magnus', 'Jonas',
    'Oskar', 'Alexander', 'Niklas', 'Bengt', 'Martin', 'Henrik', 'Patrik', 'Björn', 'Nils', 'Sven',
  ],
  familyNames: [
    'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson',
    'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson', 'Magnusson', 'Olofsson',
    'Lindström', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson', 'Bergström', 'Lundberg', 'Lind', 'Lundgren', 'Lundqvist',
    'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Forsberg', 'Sjöberg', 'Ali', 'Wallin', 'Mohammed',
    'Engström', 'Eklund', 'Danielsson', 'Lundin', 'Håkansson', 'Björk', 'Bergman', 'Gunnarsson', 'Holm', 'Wikström',
  ],
};

const DK: CountryNames = {
  givenNames: [
    'Anne', 'Kirsten', 'Mette', 'Hanne', 'Anna', 'Helle', 'Susanne', 'Lene', 'Maria', 'Marianne',
    'Lone', 'Camilla', 'Inge', 'Pia', 'Louise', 'Bente', 'Charlotte', 'Tina', 'Karen', 'Jette',
    'Gitte', 'Birgitte', 'Julie', 'Ida', 'Sofie', 'Lise', 'Dorthe', 'Rikke', 'Tove', 'Maja',
    'Peter', 'Jens', 'Michael', 'Lars', 'Henrik', 'Thomas', 'Søren', 'Jan', 'Christian', 'Martin',
    'Niels', 'Anders', 'Morten', 'Jesper', 'Mads', 'Rasmus', 'Per', 'Hans', 'Jørgen', 'Ole',
    'Kim', 'Mikkel', 'Frederik', 'Torben', 'Brian', 'Steen', 'Poul', 'Bent', 'Kasper', 'Jakob',
  ],
  familyNames: [
    'Nielsen', 'Jensen', 'Hansen', 'Andersen', 'Pedersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen',
    'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen',
    'Knudsen', 'Jakobsen', 'Jacobsen', 'Mikkelsen', 'Olesen', 'Frederiksen', 'Laursen', 'Henriksen', 'Lund', 'Schmidt',
    'Eriksen', 'Holm', 'Kristiansen', 'Clausen', 'Simonsen', 'Svendsen', 'Andreasen', 'Iversen', 'Jeppesen', 'Mogensen',
    'Jespersen', 'Nissen', 'Lauridsen', 'Frandsen', 'Østergaard', 'Jepsen', 'Kjær', 'Carlsen', 'Vestergaard', 'Jessen',
  ],
};

export const NAMES_BY_COUNTRY: Readonly<Record<RegisterCountry, CountryNames>> = { NO, SE, DK };
