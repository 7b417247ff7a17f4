import { registerEnumType } from 'type-graphql';

/** The five colours of the environmental credit rating, best first. */
export enum CreditColor {
  GREEN = 'GREEN',
  BLUE = 'BLUE',
  YELLOW = 'YELLOW',
  RED = 'RED',
  BLACK = 'BLACK',
}
registerEnumType(CreditColor, { name: 'CreditColor', description: 'Environmental credit colour, best (GREEN) to worst (BLACK).' });

export const CREDIT_COLORS: CreditColor[] = [CreditColor.GREEN, CreditColor.BLUE, CreditColor.YELLOW, CreditColor.RED, CreditColor.BLACK];

/** Higher is worse: GREEN 0 … BLACK 4. */
export function colorSeverity(color: CreditColor): number {
  return CREDIT_COLORS.indexOf(color);
}
