/**
 * The Unified Social Credit Code of GB 32100-2015 (DOMAIN.md §2).
 * 18 characters from a 31-character alphabet; the 18th is a check character over the first 17.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Each ASCII character's value in the alphabet, -1 when outside it (codes are checked per imported row). */
const VALUE_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_ALPHABET.length; i++) VALUE_OF[USCC_ALPHABET.charCodeAt(i)] = i;

function valueOf(code: string, i: number): number {
  const unit = code.charCodeAt(i);
  return unit < 128 ? VALUE_OF[unit] : -1;
}

/** The check character for the first 17 characters, or null when one of them is outside the alphabet. */
export function usccCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = valueOf(first17, i);
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET[check];
}

/** Why `code` is not a valid USCC, or null when it is. The reason is meant for the caller to read. */
export function usccProblem(code: string): string | null {
  if (code.length !== 18) return `must be 18 characters, got ${code.length}`;
  for (let i = 0; i < 18; i++) {
    if (valueOf(code, i) < 0) {
      return `character ${i + 1} ('${code[i]}') is not in the USCC alphabet (digits and capitals except I, O, S, V, Z)`;
    }
  }
  const expected = usccCheckCharacter(code);
  if (expected !== code[17]) return `check character is '${code[17]}', expected '${expected}'`;
  return null;
}

/** The administrative division (positions 3–8) of a code, e.g. 320706. */
export function usccDivision(code: string): string {
  return code.slice(2, 8);
}

/** Completes 17 characters with their check character. */
export function withCheckCharacter(first17: string): string {
  const check = usccCheckCharacter(first17);
  if (check === null) throw new Error(`cannot complete '${first17}': character outside the USCC alphabet`);
  return first17 + check;
}
