import { connect, type Socket } from 'node:net';

export interface ClientResponse {
  status: number;
  body: string;
}

/**
 * A benchmark client: one keep-alive HTTP/1.1 connection, one request at a time.
 * Why not node:http or undici: the clients share this machine's two cores with the local cloud,
 * and in bench:booking node:http's client took 0.23 ms of CPU per request, undici's `dispatch`
 * 0.14 ms and this one 0.08 ms, time the server then had to share less.
 * It reads what the local gateway sends and nothing more: a status line, headers with a
 * Content-Length, and that many bytes; anything else is an error, never a guess.
 */
export class KeepAliveClient {
  private received: Buffer = Buffer.alloc(0);
  private waiting:
    | { resolve: (response: ClientResponse) => void; reject: (error: Error) => void }
    | undefined;

  private constructor(
    private readonly socket: Socket,
    private readonly host: string,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('the server closed the connection')));
  }

  static open(url: string): Promise<KeepAliveClient> {
    const { hostname, port, host } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        socket.off('error', reject);
        resolve(new KeepAliveClient(socket, host));
      });
      socket.once('error', reject);
    });
  }

  request(method: string, path: string, headers: Record<string, string>, body = ''): Promise<ClientResponse> {
    if (this.waiting) return Promise.reject(new Error('one request at a time on a connection'));
    const lines = [`${method} ${path} HTTP/1.1`, `Host: ${this.host}`];
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    lines.push(`Content-Length: ${Buffer.byteLength(body)}`, '', body);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(lines.join('\r\n'));
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
    const headEnd = this.received.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = this.received.subarray(0, headEnd).toString('latin1');
    const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
    if (length === undefined) {
      // The rest of the stream cannot be framed: this connection is done.
      this.fail(new Error(`a response without Content-Length: ${head}`));
      this.socket.destroy();
      return;
    }
    const end = headEnd + 4 + Number(length);
    if (this.received.length < end) return;
    const body = this.received.subarray(headEnd + 4, end).toString('utf8');
    this.received = this.received.subarray(end);
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve({ status: Number(head.slice('HTTP/1.1 '.length, 'HTTP/1.1 '.length + 3)), body });
  }

  private fail(error: Error): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(error);
  }
}
