import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OrganisationSource } from '../domainTypes';
import { planCooperationSeed } from '../planSeed';

const { organisations } = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'data', 'organisations.json'), 'utf8')) as {
  organisations: OrganisationSource[];
};
const plan = planCooperationSeed(organisations, new Date('2026-01-01T00:00:00Z'));

describe('the cooperation seed plan', () => {
  it('holds the one standing cooperation the sources describe', () => {
    expect(plan.workGroups.map((g) => [g.id, g.secretariatId, g.supportedById])).toEqual([['lo-dk-faelles-ledelsesarbejde', 'oao', 'lo-denmark']]);
    expect(plan.topics).toHaveLength(6);
    expect(plan.participants).toHaveLength(11);
  });

  it("maps Klar to DONE and Pågår to IN_PROGRESS, and a missing status to UNKNOWN", () => {
    const statuses = plan.decisions.map((d) => [d.id, d.originalStatus, d.status]);
    expect(statuses.filter(([, original]) => original === 'Klar').every(([, , status]) => status === 'DONE')).toBe(true);
    expect(statuses.filter(([, original]) => original === 'Pågår').every(([, , status]) => status === 'IN_PROGRESS')).toBe(true);
    expect(statuses).toContainEqual(['utdanningsforbundet-landsmote-2023-ledere', null, 'UNKNOWN']);
    expect(plan.decisions.filter((d) => d.organisationId === 'ledarna')).toHaveLength(8);
  });

  it('dates nothing the sources do not date', () => {
    expect(plan.statusChanges.every((change) => change.changedAt === null && change.changedBy === 'seed')).toBe(true);
  });
});
