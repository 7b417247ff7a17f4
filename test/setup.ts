import 'reflect-metadata';
import { setLogLevel } from '../src/shared/logging';
import { setSnapshotParkMs } from '../src/shared/read-snapshot';

// Tests assert on answers, not logs; keep internal-error details out of the output unless asked.
setLogLevel((process.env.LOG_LEVEL as 'debug' | 'info' | 'warn' | 'error') ?? 'error');

// A read snapshot's COMMIT goes out with the next query's BEGIN, or alone once its connection has sat
// parked for SNAPSHOT_PARK_MS (100 ms). On a loaded machine a test's next query can come later than
// that, and a COMMIT sent alone would land in whichever request a test counts statements of. Five
// seconds keeps the counts independent of timing, while DDL and table locks a test takes after a
// query still wait at most that long (hub.stop ends parked snapshots at once).
setSnapshotParkMs(5_000);
