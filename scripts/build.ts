/**
 * `npm run build`: bundles every function named in serverless.yml into one CommonJS file,
 * dist/<name>/index.js (+ index.js.map), and zips the code alone into dist/<name>.zip, the artifact
 * the Serverless plugin uploads. No package.json is shipped: Yandex would run `npm ci` on one.
 * Source maps stay in dist/ beside the code (external: the deployed code does not point at them):
 * they were most of each zip, and a zip over 3.5 MiB makes the plugin upload through a bucket of
 * its own. Map a cloud stack trace with the dist/ of the same commit.
 *
 * Code only some paths need (the SQS client for functions that
 * send) sits behind a dynamic import and is bundled separately into a lazy chunk beside
 * index.js, required on first use, so it costs nothing at cold start where it is not used.
 * `npm run build -- --analyze` prints what fills each bundle.
 */
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { parse } from 'yaml';
import { ZipFile } from 'yazl';
import { directUploadBytesMax } from './deploy-checks';

export interface BuiltFunction {
  name: string;
  /** Absolute path of dist/<name>. */
  dir: string;
  /** Size of dist/<name>/index.js: what Node parses at cold start. */
  bundleBytes: number;
  zipBytes: number;
  /** Lazy chunks shipped beside index.js. */
  lazyChunks: string[];
  metafile: esbuild.Metafile;
}

export class BuildError extends Error {
  constructor(
    readonly failed: { name: string; message: string }[],
    readonly built: BuiltFunction[],
  ) {
    super(`build failed for: ${failed.map((f) => f.name).join(', ')}`);
    this.name = 'BuildError';
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = path.join(root, 'dist');
/** Where each lazy chunk is built once before being copied into each function that needs it. */
const lazyDir = path.join(distDir, '.lazy');

interface LazyChunk {
  file: string;
  /** The dynamic-import specifiers, exactly as the source writes them, that load this chunk. */
  specifiers: string[];
  source: string;
}

const lazyChunks: LazyChunk[] = [
  {
    // The YDB SDK (gRPC, protobuf: about 600 KB) is loaded on a function's first database call,
    // so a cold start parses only what answering needs; the first call pays for it once.
    file: 'ydb.js',
    specifiers: ['../storage/ydb/database'],
    source: "export { openYdb } from './storage/ydb/database';",
  },
  {
    file: 'sqs.js',
    specifiers: ['./messaging/sqs-queues'],
    source: "export { SqsQueues } from './platform/messaging/sqs-queues';",
  },
  {
    file: 'sns.js',
    specifiers: ['./sns-sms', './sns-push'],
    source: [
      "export { snsSms } from './modules/notifications/channels/sns-sms';",
      "export { snsPush } from './modules/notifications/channels/sns-push';",
    ].join('\n'),
  },
  {
    file: 'sesv2.js',
    specifiers: ['./postbox-email'],
    source: "export { postboxEmail } from './modules/notifications/channels/postbox-email';",
  },
  {
    file: 's3.js',
    specifiers: ['./files/s3-object-storage'],
    source: "export { S3ObjectStorage } from './platform/files/s3-object-storage';",
  },
  {
    // The chatbot needs triage's lexicon and rules (~150 KB) only when it assesses a complaint.
    file: 'triage.js',
    specifiers: ['./triage'],
    source: "export { triage } from './modules/triage/triage';",
  },
  {
    // Every code page iconv-lite knows (about 0.5 MB); only enrolment files not in UTF-8 need one.
    file: 'iconv.js',
    specifiers: ['iconv-lite'],
    source: "export { default } from 'iconv-lite';",
  },
];

const distPackageJson = {
  private: true,
  type: 'commonjs',
  description: 'Written by scripts/build.ts so local Node loads dist/*/index.js as CommonJS. Not deployed.',
};

/** Fixed timestamp for zip entries, so an unchanged bundle gives a byte-identical zip. */
const zipMtime = new Date('2020-01-01T00:00:00Z');

const common: esbuild.BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22.15',
  format: 'cjs',
  minify: true,
  sourcemap: 'external',
  legalComments: 'none',
  metafile: true,
  // Sources are ESM ("type": "module") and may use import.meta.dirname/filename, which the cjs
  // format would leave undefined (storage/sqlite/migrations.ts would then throw at require time).
  // In a CommonJS bundle the running file's own __dirname/__filename are the equivalents.
  define: { 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
  // Errors come back in the BuildFailure; warnings are printed once by reportWarnings().
  logLevel: 'silent',
  absWorkingDir: root,
};

/**
 * Turns a lazy chunk's `import('<specifier>')` into a `require('./<chunk>.js')` that runs only
 * when the import() does. Left external, esbuild would keep a real `import()`, which
 * starts Node's ESM loader and relies on cjs-module-lexer to find the chunk's named exports; a
 * plain CommonJS require is synchronous and loads the chunk exactly as the runtime loads index.js.
 * Exported for tests.
 */
export const lazyChunkPlugin: esbuild.Plugin = {
  name: 'lazy-chunks',
  setup(build) {
    for (const chunk of lazyChunks) {
      const specifiers = new RegExp(
        `^(${chunk.specifiers.map((s) => s.replace(/[/.-]/g, '\\$&')).join('|')})$`,
      );
      // All of a chunk's specifiers become one virtual module, so the chunk is required once.
      // Only dynamic imports: a module may import the same file statically (triage's own routes do).
      build.onResolve({ filter: specifiers }, (args) =>
        args.kind === 'dynamic-import' ? { path: chunk.file, namespace: 'lazy-chunk' } : undefined,
      );
    }
    build.onLoad({ filter: /.*/, namespace: 'lazy-chunk' }, (args) => ({
      contents: `module.exports = require('./${args.path}');`,
      loader: 'js',
    }));
    build.onResolve({ filter: /.*/, namespace: 'lazy-chunk' }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

interface FunctionSpec {
  name: string;
  entry: string;
}

async function readFunctions(): Promise<FunctionSpec[]> {
  const doc = parse(await readFile(path.join(root, 'serverless.yml'), 'utf8'), { maxAliasCount: -1 }) as {
    functions?: Record<string, { handler?: string; package?: { artifact?: string } } | null>;
  };
  const functions = Object.entries(doc.functions ?? {});
  if (functions.length === 0) throw new Error('serverless.yml declares no functions');
  return functions.map(([name, fn]) => {
    // The bundle layout below is what these settings point at; a mismatch would deploy the wrong thing.
    if (fn?.handler !== 'index.handler') {
      throw new Error(`serverless.yml: function ${name} must use handler: index.handler`);
    }
    if (fn.package?.artifact !== `dist/${name}.zip`) {
      throw new Error(`serverless.yml: function ${name} must use package.artifact: dist/${name}.zip`);
    }
    return { name, entry: path.join('functions', name, 'handler.ts') };
  });
}

const lazyBuilds = new Map<string, Promise<string[]>>();
/** Warnings of this run, deduplicated: shared modules would repeat them once per function. */
const warnings = new Map<string, esbuild.Message>();

function collectWarnings(messages: esbuild.Message[]): void {
  for (const m of messages) warnings.set(`${m.location?.file}:${m.location?.line}:${m.text}`, m);
}

async function reportWarnings(): Promise<void> {
  if (warnings.size === 0) return;
  const formatted = await esbuild.formatMessages([...warnings.values()], { kind: 'warning', color: false });
  for (const text of formatted) console.warn(text.trimEnd());
}

/**
 * Builds dist/.lazy/<chunk> once per run (the Yandex SDK is about 1.1 MB minified: gRPC,
 * protobufjs, axios, luxon, the KMS protos). Its source map stays in dist/.lazy and omits
 * sources. Returns the file names to copy into a function's zip.
 */
function buildLazyChunk(chunk: LazyChunk): Promise<string[]> {
  let built = lazyBuilds.get(chunk.file);
  if (!built) {
    built = (async () => {
      const result = await esbuild.build({
        ...common,
        stdin: {
          contents: chunk.source,
          resolveDir: root,
          sourcefile: chunk.file.replace(/\.js$/, '.ts'),
          loader: 'ts',
        },
        outfile: path.join(lazyDir, chunk.file),
        sourcesContent: false,
      });
      collectWarnings(result.warnings);
      return [chunk.file];
    })();
    lazyBuilds.set(chunk.file, built);
  }
  return built;
}

async function zipDir(dir: string, files: string[], zipPath: string): Promise<number> {
  const zip = new ZipFile();
  for (const file of files) {
    zip.addBuffer(await readFile(path.join(dir, file)), file, { mtime: zipMtime, mode: 0o100644 });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const data = Buffer.concat(chunks);
  await writeFile(zipPath, data);
  return data.length;
}

async function buildFunction(fn: FunctionSpec): Promise<BuiltFunction> {
  const dir = path.join(distDir, fn.name);
  const result = await esbuild.build({
    ...common,
    entryPoints: { index: fn.entry },
    outdir: dir,
    plugins: [lazyChunkPlugin],
  });
  collectWarnings(result.warnings);
  const metafile = result.metafile as esbuild.Metafile;
  const outKey = path.relative(root, path.join(dir, 'index.js')).split(path.sep).join('/');
  const output = metafile.outputs[outKey];
  if (!output) throw new Error(`esbuild metafile has no output ${outKey}`);
  // Only ship the chunks the tree-shaken bundle still requires.
  const needed = lazyChunks.filter((chunk) =>
    output.imports.some((i) => i.external && i.path === `./${chunk.file}`),
  );
  const files = ['index.js'];
  for (const chunk of needed) {
    for (const file of await buildLazyChunk(chunk)) {
      await copyFile(path.join(lazyDir, file), path.join(dir, file));
      files.push(file);
    }
  }
  const zipBytes = await zipDir(dir, files, `${dir}.zip`);
  await writeFile(path.join(distDir, `${fn.name}.meta.json`), JSON.stringify(metafile));
  return {
    name: fn.name,
    dir,
    bundleBytes: output.bytes,
    zipBytes,
    lazyChunks: needed.map((c) => c.file),
    metafile,
  };
}

/**
 * The project's source files in each function's bundle, as the build tree-shakes it (lazy chunks
 * aside), without writing anything: what a function reaches, for checks such as its settings.
 */
export async function bundledSources(): Promise<Map<string, string[]>> {
  const functions = await readFunctions();
  const result = await esbuild.build({
    ...common,
    entryPoints: Object.fromEntries(functions.map((fn) => [fn.name, fn.entry])),
    outdir: path.join(distDir, '.analysis'),
    write: false,
    sourcemap: false,
    plugins: [lazyChunkPlugin],
  });
  const sources = new Map<string, string[]>();
  for (const [out, output] of Object.entries((result.metafile as esbuild.Metafile).outputs)) {
    if (!output.entryPoint) continue;
    const name = path.basename(out, '.js');
    sources.set(
      name,
      Object.entries(output.inputs)
        .filter(
          ([file, input]) => input.bytesInOutput > 0 && !file.includes('node_modules') && !file.includes(':'),
        )
        .map(([file]) => file),
    );
  }
  return sources;
}

/** Builds every function in serverless.yml; rejects with BuildError if any of them failed. */
export async function buildAll(): Promise<BuiltFunction[]> {
  lazyBuilds.clear();
  warnings.clear();
  const functions = await readFunctions();
  // Start clean: no stale bundle, chunk or zip of a renamed or removed function survives.
  await rm(distDir, { recursive: true, force: true });
  await mkdir(distDir, { recursive: true });
  // The root package.json says "type": "module"; this one, nearer to the bundles and never zipped,
  // makes local Node (tests, the cold-start bench) load them as CommonJS, as Yandex does.
  await writeFile(path.join(distDir, 'package.json'), `${JSON.stringify(distPackageJson, null, 2)}\n`);
  const settled = await Promise.allSettled(functions.map(buildFunction));
  const built: BuiltFunction[] = [];
  const failed: { name: string; message: string }[] = [];
  await reportWarnings();
  settled.forEach((outcome, i) => {
    const name = (functions[i] as FunctionSpec).name;
    if (outcome.status === 'fulfilled') built.push(outcome.value);
    else failed.push({ name, message: (outcome.reason as Error).message });
  });
  if (failed.length > 0) throw new BuildError(failed, built);
  return built;
}

/** The budget for index.js (the cold-start parse), shared with bench/coldstart.ts. */
export const bundleBytesMax = 1.5 * 1024 * 1024;

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function printTable(built: BuiltFunction[]): Promise<void> {
  const rows = [['function', 'index.js', 'lazy chunks', 'zip', '']];
  for (const fn of built) {
    let lazyBytes = 0;
    for (const file of fn.lazyChunks) lazyBytes += (await stat(path.join(fn.dir, file))).size;
    const notes = [
      fn.bundleBytes > bundleBytesMax ? 'index.js over 1.5 MB budget' : '',
      fn.zipBytes > directUploadBytesMax ? 'zip over 3.5 MB: upload via Object Storage' : '',
    ].filter(Boolean);
    rows.push([
      fn.name,
      kb(fn.bundleBytes),
      fn.lazyChunks.length ? `${kb(lazyBytes)} (${fn.lazyChunks.join(', ')})` : '-',
      kb(fn.zipBytes),
      notes.join('; '),
    ]);
  }
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length))) ?? [];
  for (const row of rows) {
    console.log(
      row
        .map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0)))
        .join('  ')
        .trimEnd(),
    );
  }
}

/** The npm package an input belongs to (`node_modules/@scope/pkg/...` → `@scope/pkg`), or `(project)`. */
function packageOf(input: string): string {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return '(project)';
  const first = parts[at + 1] ?? '';
  return first.startsWith('@') ? `${first}/${parts[at + 2] ?? ''}` : first;
}

/** Bytes each package contributes to index.js, biggest first: what to look at when it grows. */
function packageBreakdown(fn: BuiltFunction, top = 12): string {
  const output = Object.entries(fn.metafile.outputs).find(([file]) =>
    file.endsWith(`${fn.name}/index.js`),
  )?.[1];
  const totals = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    totals.set(packageOf(input), (totals.get(packageOf(input)) ?? 0) + bytesInOutput);
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([pkg, bytes]) =>
        `  ${kb(bytes).padStart(10)}  ${((100 * bytes) / fn.bundleBytes).toFixed(1).padStart(5)}%  ${pkg}`,
    )
    .join('\n');
}

async function main(): Promise<void> {
  // --analyze: bytes per package in each index.js; --analyze=files: esbuild's per-file report.
  const analyze = process.argv.find((a) => a.startsWith('--analyze'));
  try {
    const built = await buildAll();
    await printTable(built);
    for (const fn of analyze ? built : []) {
      if (analyze === '--analyze=files')
        console.log(`\n${fn.name}:${await esbuild.analyzeMetafile(fn.metafile)}`);
      else console.log(`\n${fn.name} index.js by package:\n${packageBreakdown(fn)}`);
    }
  } catch (error) {
    if (error instanceof BuildError) {
      if (error.built.length > 0) await printTable(error.built);
      for (const f of error.failed) console.error(`✗ ${f.name}: ${f.message}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
