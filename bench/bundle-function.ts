import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const root = resolve(import.meta.dirname, '..');

/**
 * Bundles a benchmark's function entry (`bench/<name>.ts`) as `npm run build` does: one CommonJS
 * file run by plain node, so its memory is the function's and not the TypeScript loader's. The
 * bundle reads the SQLite migrations from beside itself. Returns the bundle's path.
 */
export async function bundleFunction(entry: string, outDir: string): Promise<string> {
  await esbuild.build({
    entryPoints: [join(root, entry)],
    outfile: join(outDir, 'index.cjs'),
    bundle: true,
    platform: 'node',
    target: 'node22.15',
    format: 'cjs',
    minify: true,
    logLevel: 'silent',
    define: { 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
  });
  cpSync(join(root, 'storage/sqlite/migrations'), join(outDir, 'migrations'), { recursive: true });
  return join(outDir, 'index.cjs');
}
