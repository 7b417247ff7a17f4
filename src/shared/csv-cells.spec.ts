import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { formulaLike, SAFE_CSV_CAST, safeCsvCell } from './csv-cells';

describe('CSV cells a spreadsheet would run (OWASP CSV injection)', () => {
  it.each(['=1+2', '-1+cmd', '@SUM(A1)', '\t=1', '\r=1', '-', '+-1'])('writes %j as text with a leading quote', (value) => {
    expect(formulaLike(value)).toBe(true);
    expect(safeCsvCell(value)).toBe(`'${value}`);
  });

  it.each(['-12.50', '+3', '-7', '0.5', '连云港-示例', 'a=b', ''])('leaves %j unchanged (plain numbers stay numbers)', (value) => {
    expect(formulaLike(value)).toBe(false);
    expect(safeCsvCell(value)).toBe(value);
  });

  it('applies to string cells through csv-stringify’s cast, never to numbers or the header', () => {
    const text = stringify(
      [
        ['=cmd', -5, '-5', '\t@x'],
        ['ok', 3.25, '+1', 'b'],
      ],
      { header: true, columns: ['=name', 'n', 's', 't'], cast: SAFE_CSV_CAST },
    );
    expect(text).toBe(`=name,n,s,t\n'=cmd,-5,-5,'\t@x\nok,3.25,+1,b\n`);
  });
});
