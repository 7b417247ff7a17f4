import 'reflect-metadata';
import { setLogLevel } from '../src/shared/logging';

// Tests assert on answers, not logs; keep internal-error details out of the output unless asked.
setLogLevel((process.env.LOG_LEVEL as 'debug' | 'info' | 'warn' | 'error') ?? 'error');
