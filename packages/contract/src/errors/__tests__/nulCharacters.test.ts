import { parse } from 'graphql';
import { nulInDocument, nulInVariables } from '../nulCharacters';

describe('U+0000 in a request', () => {
  it('names the argument and input field of a string literal that holds it', () => {
    expect(nulInDocument(parse('{ workGroup(id: "x\\u0000") { id } }'))).toBe('workGroup.id');
    expect(nulInDocument(parse('mutation { createWorkGroup(input: { name: "a\\u0000", secretariatId: "oao" }) { id } }'))).toBe('createWorkGroup.input.name');
    expect(nulInDocument(parse('{ workGroup(id: "x") { id } }'))).toBeUndefined();
  });

  it('names the variable, list index and key that hold it, however deep', () => {
    expect(nulInVariables({ id: 'x\u0000' })).toBe('$id');
    expect(nulInVariables({ input: { participantIds: ['foa', 'sl\u0000'] } })).toBe('$input.participantIds[1]');
    expect(nulInVariables({ input: { ['na\u0000me']: 'x' } })).toBe('$input.na\\u0000me');
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(nulInVariables({ deep })).toMatch(/^\$deep(\[0\]){100000}$/);
    expect(nulInVariables({ id: 'x', n: 5, none: null })).toBeUndefined();
  });
});
