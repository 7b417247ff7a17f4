import type { MigrationInterface, QueryRunner } from 'typeorm';

const GREEN_CREDIT_BASIS = '关于构建绿色金融体系的指导意见 (银发〔2016〕228号); 江苏省企事业单位环境信用评价办法';
const DISHONESTY_BASIS = '关于对环境保护领域失信生产经营单位及其有关人员开展联合惩戒的合作备忘录 (发改财金〔2016〕1580号)';

export class CreateFinance1732400000000 implements MigrationInterface {
  name = 'CreateFinance1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE finance.restriction_rule (
        id serial PRIMARY KEY,
        trigger_kind varchar NOT NULL CHECK (trigger_kind IN ('COLOR', 'LISTING')),
        trigger_value varchar NOT NULL,
        level varchar NOT NULL CHECK (level IN ('RESTRICTED', 'PROHIBITED')),
        legal_basis varchar NOT NULL,
        effective_from date NOT NULL,
        effective_to date
      )`);
    await q.query(
      `INSERT INTO finance.restriction_rule (trigger_kind, trigger_value, level, legal_basis, effective_from) VALUES
         ('COLOR', 'RED', 'RESTRICTED', $1, '2000-01-01'),
         ('COLOR', 'BLACK', 'PROHIBITED', $1, '2000-01-01'),
         ('LISTING', 'SERIOUS_DISHONESTY', 'PROHIBITED', $2, '2000-01-01')`,
      [GREEN_CREDIT_BASIS, DISHONESTY_BASIS],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE finance.restriction_rule`);
  }
}
