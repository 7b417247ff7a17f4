import { AsyncLocalStorage } from 'node:async_hooks';
import { USCC_ALPHABET, usccCheckCharacter } from './uscc';

/**
 * Codes with a failing check character that the hub admitted through an audited override list
 * (gateway.uscc_override), as far as the current request uses them. Scalar parsing is synchronous
 * and has no context, so the gateway looks the request's candidate codes up before parsing and runs
 * the request inside this scope; the USCC scalar asks `isAdmittedOverride`.
 */
const admitted = new AsyncLocalStorage<ReadonlySet<string>>();

export function withAdmittedOverrides<T>(codes: ReadonlySet<string>, work: () => T): T {
  return codes.size === 0 ? work() : admitted.run(codes, work);
}

export function isAdmittedOverride(code: string): boolean {
  return admitted.getStore()?.has(code) ?? false;
}

/** Well-formed codes (18 characters of the alphabet) whose check character fails. */
export function failsOnlyCheckCharacter(code: string): boolean {
  if (code.length !== 18) return false;
  for (const c of code) if (!USCC_ALPHABET.includes(c)) return false;
  return usccCheckCharacter(code.slice(0, 17)) !== code[17];
}

const CANDIDATE = /(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{18}(?![0-9A-Z])/g;

/** The codes in a request's text (query and variables) that only an override could admit. */
export function overrideCandidates(text: string): string[] {
  return [...new Set(text.match(CANDIDATE) ?? [])].filter(failsOnlyCheckCharacter);
}
