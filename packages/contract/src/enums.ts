import { registerEnumType } from 'type-graphql';

export enum Country { NO = 'NO', SE = 'SE', DK = 'DK' }
export enum OrganisationKind { UNION = 'UNION', CONFEDERATION = 'CONFEDERATION', SECRETARIAT = 'SECRETARIAT' }
export enum BranchKind { GEOGRAPHIC = 'GEOGRAPHIC', INDUSTRY = 'INDUSTRY', LOCAL = 'LOCAL' }
export enum SectionKind { OCCUPATIONAL = 'OCCUPATIONAL', LEADER = 'LEADER' }
export enum CouncilKind {
  CONGRESS = 'CONGRESS', NATIONAL_MEETING = 'NATIONAL_MEETING', BOARD = 'BOARD', BRANCH_BOARD = 'BRANCH_BOARD',
  BRANCH_MEETING = 'BRANCH_MEETING', CONTROL_COMMITTEE = 'CONTROL_COMMITTEE',
  REMUNERATION_COMMITTEE = 'REMUNERATION_COMMITTEE', COUNCIL = 'COUNCIL', COMMITTEE = 'COMMITTEE',
}
export enum ForumKind {
  FORUM = 'FORUM', PROFESSIONAL_GROUP = 'PROFESSIONAL_GROUP', NETWORK = 'NETWORK', NETWORK_CONTACT = 'NETWORK_CONTACT',
  MEETING_SERIES = 'MEETING_SERIES', PROGRAMME = 'PROGRAMME', EVENTS = 'EVENTS',
}
export enum Role {
  PRESIDENT = 'PRESIDENT', VICE_PRESIDENT = 'VICE_PRESIDENT', CHAIR = 'CHAIR', SECTOR_CHAIR = 'SECTOR_CHAIR',
  MEMBER = 'MEMBER', DEPUTY = 'DEPUTY', EMPLOYEE_REPRESENTATIVE = 'EMPLOYEE_REPRESENTATIVE',
  BRANCH_REPRESENTATIVE = 'BRANCH_REPRESENTATIVE', SECRETARY_GENERAL = 'SECRETARY_GENERAL', CEO = 'CEO',
  HEAD_OF_NEGOTIATIONS = 'HEAD_OF_NEGOTIATIONS',
}
export enum Level { CENTRAL = 'CENTRAL', COUNTY = 'COUNTY', LOCAL = 'LOCAL' }

registerEnumType(Country, { name: 'Country', description: 'Nordic country of an organisation.' });
registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'Tell organisations apart by this, never by __typename: one subgraph type can serve several kinds.',
});
registerEnumType(BranchKind, { name: 'BranchKind' });
registerEnumType(SectionKind, { name: 'SectionKind' });
registerEnumType(CouncilKind, { name: 'CouncilKind', description: 'Kind of governing body (congress, board, committee...).' });
registerEnumType(ForumKind, { name: 'ForumKind' });
registerEnumType(Role, { name: 'Role' });
registerEnumType(Level, { name: 'Level', description: 'Organisational level: national, county/region, local.' });

export enum RegisterDimension { BRANCH = 'BRANCH', REGION = 'REGION', AGE_BAND = 'AGE_BAND', TITLE = 'TITLE', JOINED_YEAR = 'JOINED_YEAR' }
registerEnumType(RegisterDimension, {
  name: 'RegisterDimension',
  description: 'What a register breakdown counts by. JOINED_YEAR shows the register over time.',
});
