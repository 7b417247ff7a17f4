import { describe, expect, it } from 'vitest';
import { maskPersonalData } from './personal-data';

describe('maskPersonalData', () => {
  it('masks ID-card and mobile numbers inside free text', () => {
    expect(maskPersonalData('法定代表人张三（身份证号32070619800101123X），联系电话13812345678。')).toBe(
      '法定代表人张三（身份证号3****************X），联系电话138****5678。',
    );
    expect(maskPersonalData('ID 110105200012319876; tel:+86 15900001111')).toBe('ID 1****************6; tel:+86 159****1111');
  });

  it('leaves credit codes, decision numbers, amounts and longer digit runs alone', () => {
    const text = '连环罚〔2026〕12号，罚款100000元，统一社会信用代码91320700MA1Q3K7P2H、913207001347905820，账号6222021234567890123，固话0518-85812345';
    expect(maskPersonalData(text)).toBe(text);
  });
});
