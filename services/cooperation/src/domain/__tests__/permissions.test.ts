import { ANONYMOUS, type Viewer } from '@nlf/contract';
import { assertMayWrite, type CooperationWrite } from '../permissions';

const viewer = (role: Viewer['role'], organisationId: string | null = null): Viewer => ({ subject: 'kari', role, organisationId });
const refusal = (v: Viewer, write: CooperationWrite, scope?: Parameters<typeof assertMayWrite>[2]) => {
  try {
    assertMayWrite(v, write, scope);
    return null;
  } catch (error) {
    return { code: (error as { extensions: { code: string } }).extensions.code, message: (error as Error).message };
  }
};
const group = { secretariatId: 'oao', participantIds: new Set(['oao', 'foa']) };

describe('who may write the joint work, in the services', () => {
  it('refuses dashboard tokens and anonymous callers every write, before anything is read', () => {
    for (const v of [viewer('dashboard'), ANONYMOUS]) {
      for (const write of ['createWorkGroup', 'addAgendaItem', 'createDecision', 'changeDecisionStatus'] as const) {
        expect(refusal(v, write)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('only read the joint work') });
      }
    }
  });

  it('lets only the federation-wide secretariat run a group no organisation runs', () => {
    const orphan = { secretariatId: null, participantIds: new Set<string>() };
    expect(refusal(viewer('secretariat'), 'updateWorkGroup', { group: orphan })).toBeNull();
    expect(refusal(viewer('secretariat', 'oao'), 'updateWorkGroup', { group: orphan })?.message).toContain('no organisation runs this one');
  });

  it('says why a named secretariat or a union is refused', () => {
    expect(refusal(viewer('secretariat', 'ledarna'), 'recordMeeting', { group })?.message).toContain(
      'a secretariat token of ledarna runs only the work groups ledarna is the secretariat of; oao runs this one',
    );
    expect(refusal(viewer('union-staff', 'lederne'), 'createDecision', { group, organisationId: 'lederne' })?.message).toContain(
      'lederne does not take part in this work group',
    );
    expect(refusal(viewer('union-staff', 'foa'), 'scheduleMeeting')?.message).toContain('only the secretariat changes work groups and meetings');
  });
});
