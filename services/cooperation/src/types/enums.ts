import { registerEnumType } from 'type-graphql';

export enum ParticipantRole { SECRETARIAT = 'SECRETARIAT', SUPPORT = 'SUPPORT', MEMBER = 'MEMBER' }
export enum MeetingKind {
  ELECTED_REPRESENTATIVES = 'ELECTED_REPRESENTATIVES',
  STAFF_COORDINATION = 'STAFF_COORDINATION',
  OTHER = 'OTHER',
}
export enum MeetingStatus { SCHEDULED = 'SCHEDULED', HELD = 'HELD' }
export enum DecisionStatus { PROPOSED = 'PROPOSED', IN_PROGRESS = 'IN_PROGRESS', DONE = 'DONE', UNKNOWN = 'UNKNOWN' }
export enum ActivityState { DONE = 'DONE', ONGOING = 'ONGOING', PLANNED = 'PLANNED' }

registerEnumType(ParticipantRole, {
  name: 'ParticipantRole',
  description: 'SECRETARIAT runs the work group, SUPPORT supports the secretariat, MEMBER takes part.',
});
registerEnumType(MeetingKind, {
  name: 'MeetingKind',
  description:
    'ELECTED_REPRESENTATIVES: meetings of the elected officials (e.g. sector chairs); STAFF_COORDINATION: the staff who serve leader members.',
});
registerEnumType(MeetingStatus, { name: 'MeetingStatus', description: 'SCHEDULED until its minutes are recorded, then HELD.' });
registerEnumType(DecisionStatus, {
  name: 'DecisionStatus',
  description:
    'PROPOSED → IN_PROGRESS → DONE, one step at a time, never back. UNKNOWN: the source gives no status; it may be set to any ' +
    'of the other three once, and never becomes UNKNOWN again. DONE is "Klar", IN_PROGRESS "Pågår" in Ledarna\'s reports.',
});
registerEnumType(ActivityState, { name: 'ActivityState' });
