import { PassThrough, Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { ObjectStorage } from '../../../platform/files/object-storage';
import type { PersonDataSection, ReadPage } from '../../../platform/person-data';
import { BundleWriter } from './bundle-writer';
import { exportReadme } from './readme';

export interface BuiltExport {
  bytes: number;
  /** Resources and files per section: what the patient's export holds, without the data itself. */
  counts: Record<string, { resources: number; files: number }>;
}

interface FileEntry {
  bucket: string;
  key: string;
  path: string;
}

/**
 * Streams a patient's export into the bucket as a zip: `bundle.json` (a FHIR Bundle of every
 * section's resources) first, then a README of what it holds, then each file under `files/<section>/`. The zip is uploaded in
 * parts while it is written, so memory holds a part, not the export.
 */
export async function buildExport(input: {
  patientId: string;
  sections: readonly PersonDataSection[];
  read: ReadPage;
  objects: ObjectStorage;
  bucket: string;
  key: string;
}): Promise<BuiltExport> {
  const zip = new ZipFile();
  const bundle = new PassThrough();
  zip.addReadStream(bundle, 'bundle.json');
  // yazl writes Buffers only; its stream type says strings too.
  const output = zip.outputStream as Readable;
  const upload = input.objects.putStream(
    input.bucket,
    input.key,
    output as AsyncIterable<Uint8Array>,
    'application/zip',
  );
  const counts: BuiltExport['counts'] = {};
  const files: FileEntry[] = [];
  const gather = async () => {
    const writer = new BundleWriter(bundle);
    const at = new Date().toISOString();
    await writer.open(input.patientId, at);
    for (const section of input.sections) {
      const count = { resources: 0, files: 0 };
      counts[section.name] = count;
      for await (const item of section.gather(input.patientId, input.read)) {
        if ('resource' in item) {
          await writer.add(item.resource);
          count.resources++;
        } else {
          files.push({ ...item.file, path: `files/${section.name}/${item.file.name}` });
          count.files++;
        }
      }
    }
    await writer.close();
    zip.addBuffer(Buffer.from(exportReadme(input.patientId, at, counts)), 'README.txt');
    for (const file of files)
      zip.addReadStreamLazy(file.path, (done) => {
        input.objects.readStream(file.bucket, file.key).then(
          // A file gone from the bucket leaves an empty entry: the bundle still names it.
          (stream) => done(null, Readable.from(stream ?? [])),
          (error) => done(error, Readable.from([])),
        );
      });
    zip.end();
  };
  try {
    const [bytes] = await Promise.all([upload, gather()]);
    return { bytes, counts };
  } catch (error) {
    // Stops the upload (it aborts its multipart upload) whichever side failed first.
    output.destroy(error as Error);
    await upload.catch(() => undefined);
    throw error;
  }
}
