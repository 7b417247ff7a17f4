import type { DemoEnterprise } from './demo-dataset';

/**
 * One department's part of a seed: it writes only its own schema, inside one transaction of its
 * own, chunk after chunk of the streamed dataset. Nothing it wrote is visible before `commit`, and
 * `rollback` leaves its schema as it found it.
 */
export interface DepartmentSeedWriter {
  readonly department: string;
  /** True when the department's tables the seed fills already hold rows: then nothing is seeded. */
  hasData(): Promise<boolean>;
  /** Writes this department's part of the next chunk; chunks arrive in dataset order, one at a time. */
  write(chunk: readonly DemoEnterprise[]): Promise<void>;
  /** Finishes the writing that need not wait for the other departments (index builds), before `commit`. */
  finish(): Promise<void>;
  commit(): Promise<void>;
  /** Safe to call at any point, also after `commit` (then it does nothing). */
  rollback(): Promise<void>;
  /** Rows and bytes streamed so far (the seed benchmark sizes its floor from them). */
  readonly sent: { rows: number; bytes: number };
}
