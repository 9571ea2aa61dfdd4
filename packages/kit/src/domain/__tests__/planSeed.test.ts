import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planSeed } from '../planSeed';
import type { DomainFile } from '../types';

const servicesDir = join(__dirname, '..', '..', '..', '..', '..', 'services');
const load = (service: string, id: string) => {
  const file = JSON.parse(readFileSync(join(servicesDir, service, 'data', 'organisations.json'), 'utf8')) as DomainFile;
  return planSeed(file.organisations.find((org) => org.id === id)!);
};

describe('planSeed', () => {
  it("keeps Lederne's branch counts as counts and makes no branch rows up", () => {
    const seed = load('lederne', 'lederne');
    expect(seed.branches).toEqual([]);
    expect(seed.organisation.branchCounts.map((c) => [c.kind, c.count.low, c.count.high])).toEqual([
      [null, 18, 18],
      ['GEOGRAPHIC', 13, 13],
      ['INDUSTRY', 5, 5],
    ]);
    expect(seed.organisation.branchCounts[1]!.count.source).toEqual({
      document: '000_63caa668e572df95.txt',
      quote: 'I dag er Lederne organisert i 13 geografiske avdelinger og 5 bransjeavdelinger.',
    });
  });

  it('keeps the board of 21 as a size and seats, with no named members', () => {
    const board = load('lederne', 'lederne').councils.find((c) => c.id === 'lederne-hovedstyre')!;
    expect(board.size).toMatchObject({ low: 21, high: 21 });
    expect(board.seats.map((s) => s.count)).toEqual([1, 1, 18, 1]);
  });

  it('names office-holders only with the quote that names them', () => {
    const seed = load('lederne', 'lederne');
    const members = seed.councilMembers.filter((m) => m.councilId === 'lederne-kontrollutvalg');
    expect(members.map((m) => [m.role, m.name, m.source?.quote])).toEqual([
      ['CHAIR', 'Trond Nakkestad', 'Leder: Trond Nakkestad'],
      ['MEMBER', 'Wenche Pedersen', 'Medlem: Wenche Pedersen'],
      ['MEMBER', 'Alf Magne Foldnes', 'Medlem: Alf Magne Foldnes'],
      ['DEPUTY', 'Lillian Westvik', 'Varamedlem: Lillian Westvik'],
    ]);
  });

  it("keeps Lederne's member figure as a lower bound", () => {
    const org = load('lederne', 'lederne').organisation;
    expect(org.memberCount).toMatchObject({ low: 17500, high: null, qualifier: 'over' });
    expect(org.leaderMemberCount).toBeNull();
    expect(org.hasRegister).toBe(true);
  });

  it("makes Ledarna's industry associations branches, an unnamed one without a name", () => {
    const branches = load('ledarna', 'ledarna').branches;
    expect(branches).toHaveLength(6);
    expect(branches.find((b) => b.id === 'ledarna-inom-staten')).toMatchObject({ kind: 'INDUSTRY', memberCount: { low: 2268, high: 2268 } });
    expect(branches.find((b) => b.id === 'ledarna-it-telekom')).toMatchObject({ name: null, sector: 'IT/Telekom' });
  });

  it("makes Fagforbundet's four sections with their abbreviations", () => {
    expect(load('fagforbundet', 'fagforbundet').sections.map((s) => s.abbreviation)).toEqual(['SHS', 'SKKO', 'SST', 'SKA']);
  });

  it('gives a confederation no register and a parent-less union none', () => {
    expect(load('fagforbundet', 'lo-norway').organisation).toMatchObject({ kind: 'CONFEDERATION', hasRegister: false, displayName: 'LO (Norway)' });
    expect(load('lo', 'oao').organisation).toMatchObject({ kind: 'SECRETARIAT', hasRegister: false });
    expect(load('lo', '3f').organisation).toMatchObject({ parentId: 'lo-denmark', leaderMemberCount: { low: 700, high: 800, estimate: true } });
  });
});
