import 'reflect-metadata';
import { emitSchema } from '../emit-schema';

/** `ecocredit emit-schema`: regenerates schema/. */
export async function run(): Promise<number> {
  const written = await emitSchema();
  console.log(`wrote ${written.join(', ')}`);
  return 0;
}
