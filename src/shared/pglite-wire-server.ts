import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Serves one PGlite database to several `pg` connections over the Postgres wire protocol.
 *
 * PGlite is a single backend session, so the connections must take turns. The stock
 * pglite-socket server takes turns per protocol *message*; a client's Parse/Bind/Execute/Sync can
 * then interleave with another client's and bind the wrong statement, and under load requests hang.
 * This server takes turns per *unit*: everything a connection sends up to and including a Sync or a
 * simple Query runs as one exclusive piece, and while a transaction is open only the connection that
 * opened it is served. A connection that closes inside its transaction has it rolled back.
 */
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

interface Connection {
  id: number;
  socket: Socket;
  buffer: Buffer;
  started: boolean;
  /** Messages of the unit being received, not yet ended by Sync or Query. */
  pending: Buffer[];
}

interface Unit {
  connection: Connection;
  bytes: Uint8Array;
}

export class PGliteWireServer {
  private readonly server: Server;
  private readonly queue: Unit[] = [];
  private readonly connections = new Set<Connection>();
  private nextId = 1;
  private running = false;
  /** The connection whose transaction is open, if any. */
  private owner: Connection | null = null;

  constructor(private readonly db: PGlite) {
    this.server = createServer((socket) => this.accept(socket));
  }

  listen(port: number, host = '127.0.0.1'): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  async close(): Promise<void> {
    for (const connection of this.connections) connection.socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    socket.setNoDelay(true);
    const connection: Connection = { id: this.nextId++, socket, buffer: Buffer.alloc(0), started: false, pending: [] };
    this.connections.add(connection);
    socket.on('data', (chunk: Buffer) => {
      connection.buffer = Buffer.concat([connection.buffer, chunk]);
      this.split(connection);
    });
    socket.on('close', () => void this.drop(connection));
    socket.on('error', () => socket.destroy());
  }

  /** Cuts the received bytes into messages and complete units. */
  private split(connection: Connection): void {
    for (;;) {
      const { buffer } = connection;
      if (!connection.started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        const message = buffer.subarray(0, length);
        connection.buffer = buffer.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          connection.socket.write('N');
        } else if (code === CANCEL_REQUEST) {
          connection.socket.end();
          return;
        } else if (code === PROTOCOL_3) {
          connection.started = true;
          this.enqueue({ connection, bytes: new Uint8Array(message) });
        } else {
          connection.socket.destroy();
          return;
        }
        continue;
      }
      if (buffer.length < 5) return;
      const length = 1 + buffer.readInt32BE(1);
      if (buffer.length < length) return;
      const type = String.fromCharCode(buffer[0]);
      const message = buffer.subarray(0, length);
      connection.buffer = buffer.subarray(length);
      if (type === 'X') {
        connection.socket.end();
        return;
      }
      connection.pending.push(Buffer.from(message));
      if (type === 'S' || type === 'Q' || type === 'H') {
        const bytes = new Uint8Array(Buffer.concat(connection.pending));
        connection.pending = [];
        this.enqueue({ connection, bytes });
      }
    }
  }

  private enqueue(unit: Unit): void {
    this.queue.push(unit);
    void this.run();
  }

  /** The next unit that may run: the transaction owner's while a transaction is open, else the oldest. */
  private take(): Unit | undefined {
    if (this.owner && this.db.isInTransaction()) {
      const index = this.queue.findIndex((unit) => unit.connection === this.owner);
      return index >= 0 ? this.queue.splice(index, 1)[0] : undefined;
    }
    return this.queue.shift();
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let unit = this.take(); unit; unit = this.take()) {
        const { connection } = unit;
        if (connection.socket.destroyed) continue;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(unit.bytes, {
              onRawData: (data: Uint8Array) => {
                if (!connection.socket.destroyed) connection.socket.write(Buffer.from(data));
              },
            }),
          );
        } catch {
          connection.socket.destroy();
        }
        this.owner = this.db.isInTransaction() ? connection : null;
      }
    } finally {
      this.running = false;
    }
  }

  /** Forgets a closed connection: its queued units go, its open transaction is rolled back. */
  private async drop(connection: Connection): Promise<void> {
    this.connections.delete(connection);
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i].connection === connection) this.queue.splice(i, 1);
    if (this.owner === connection) {
      this.owner = null;
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => undefined);
      void this.run();
    }
  }
}
