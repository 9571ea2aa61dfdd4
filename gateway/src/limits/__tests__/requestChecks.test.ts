import { MAX_VARIABLES_DEPTH, nestingDepth } from '../requestChecks';

describe('nestingDepth', () => {
  it('counts objects and lists, and stops counting past the limit without recursion', () => {
    expect(nestingDepth(undefined, 32)).toBe(0);
    expect(nestingDepth({ id: 'x' }, 32)).toBe(1);
    expect(nestingDepth({ input: { participantIds: ['foa'] } }, 32)).toBe(3);
    let deep: unknown = 1;
    for (let i = 0; i < 40_000; i += 1) deep = [deep];
    expect(nestingDepth({ v: deep }, MAX_VARIABLES_DEPTH)).toBe(MAX_VARIABLES_DEPTH + 1);
  });
});
