import { once } from 'node:events';
import type { PassThrough } from 'node:stream';

/**
 * Writes a FHIR `collection` Bundle to a stream one entry at a time, waiting whenever the
 * reader is behind: ten thousand readings never become one string in memory.
 */
export class BundleWriter {
  private entries = 0;

  constructor(private readonly out: PassThrough) {}

  async open(patientId: string, at: string): Promise<void> {
    await this.write(
      `{"resourceType":"Bundle","type":"collection","timestamp":${JSON.stringify(at)},` +
        `"identifier":{"system":"urn:telemed:export","value":${JSON.stringify(patientId)}},"entry":[\n`,
    );
  }

  async add(resource: { resourceType: string; id?: string }): Promise<void> {
    const fullUrl = resource.id
      ? `${resource.resourceType}/${resource.id}`
      : `urn:uuid:${crypto.randomUUID()}`;
    const entry = JSON.stringify({ fullUrl, resource });
    await this.write(this.entries++ === 0 ? entry : `,\n${entry}`);
  }

  async close(): Promise<void> {
    await this.write('\n]}\n');
    this.out.end();
  }

  private async write(text: string): Promise<void> {
    if (!this.out.write(text)) await once(this.out, 'drain');
  }
}
