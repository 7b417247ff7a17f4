import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPersonName } from './personal-data';
import { checkResponsiblePersons, personsFor, ResponsiblePersonRole, validResidentId } from './responsible-person';

describe('GB 11643 resident ID numbers', () => {
  it.each(['11010519491231002X', '320706198001011236', '32070219750315451X', '320723198806202378'])('accepts %s', (id) => {
    expect(validResidentId(id)).toBe(true);
  });

  it.each([
    ['320706198001011235', 'wrong check digit'],
    ['11010519491231002x', 'lower-case x (normalised by the input check, not here)'],
    ['32070619800230123X', '30 February'],
    ['3207061980010112', 'too short'],
    ['32070618800101123A', 'letter'],
  ])('refuses %s (%s)', (id) => {
    expect(validResidentId(id)).toBe(false);
  });

  it('names the wrong field of an input, upper-cases x and trims names', () => {
    expect(checkResponsiblePersons([{ role: ResponsiblePersonRole.LEGAL_REPRESENTATIVE, name: ' 李四 ', idNumber: '11010519491231002x' }], 'input.responsiblePersons')).toEqual([
      { role: 'LEGAL_REPRESENTATIVE', name: '李四', idNumber: '11010519491231002X' },
    ]);
    expect(() =>
      checkResponsiblePersons(
        [
          { role: ResponsiblePersonRole.LEGAL_REPRESENTATIVE, name: '李四', idNumber: '11010519491231002X' },
          { role: ResponsiblePersonRole.DIRECTLY_RESPONSIBLE, name: '王五', idNumber: '320706198001011235' },
        ],
        'input.responsiblePersons',
      ),
    ).toThrow(/input\.responsiblePersons\[1\]\.idNumber/);
  });
});

describe('masking', () => {
  it('keeps the surname and the ID number’s first and last four characters', () => {
    expect(maskPersonName('张三丰')).toBe('张**');
    expect(maskPersonName('李')).toBe('李*');
    expect(maskIdNumber('320706198001011236')).toBe('3207**********1236');
  });

  it('masks for every role but ENV_ADMIN and CREDIT_OFFICE', () => {
    const persons = [{ name: '张三丰', idNumber: '320706198001011236' }];
    expect(personsFor({ role: 'ENV_ADMIN' }, persons)).toEqual(persons);
    expect(personsFor({ role: 'CREDIT_OFFICE' }, persons)).toEqual(persons);
    for (const role of ['ENV_OFFICER', 'MARKET_REGULATOR', 'BANK', 'PUBLIC_AGENCY', 'PUBLIC'] as const) {
      expect(personsFor({ role }, persons)).toEqual([{ name: '张**', idNumber: '3207**********1236' }]);
    }
  });
});
