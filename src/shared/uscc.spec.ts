import { describe, expect, it } from 'vitest';
import { USCC_ALPHABET, usccProblem, withCheckCharacter } from './uscc';

describe('USCC check (GB 32100-2015)', () => {
  it.each(['91320700MA1Q3K7P2H', '91110000802100433B'])('accepts %s', (code) => {
    expect(usccProblem(code)).toBeNull();
  });

  it('rejects every single-character change of a valid code, naming a reason', () => {
    const code = '91320700MA1Q3K7P2H';
    for (let position = 0; position < 18; position++) {
      for (const replacement of USCC_ALPHABET) {
        if (replacement === code[position]) continue;
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(usccProblem(changed), changed).not.toBeNull();
      }
    }
  });

  it('names the reason', () => {
    expect(usccProblem('91320700MA1Q3K7P2')).toMatch(/18 characters/);
    expect(usccProblem('91320700MA1Q3K7PIH')).toMatch(/'I'.*alphabet/);
    expect(usccProblem('91320700MA1Q3K7P2X')).toMatch(/expected 'H'/);
  });

  it('completes a code with its check character', () => {
    expect(withCheckCharacter('91320700MA1Q3K7P2')).toBe('91320700MA1Q3K7P2H');
  });
});
