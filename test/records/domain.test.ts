import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interpret, isLoincCode } from '../../modules/records/domain/observation';
import { scan } from '../../modules/records/domain/scan';
import { projectRoot } from '../support/test-cloud';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(resolve(projectRoot, 'test/fixtures/records', name)));
const dicom = () => {
  // A DICOM Part 10 file starts with a 128-byte preamble, then "DICM"
  const head = new Uint8Array(132);
  head.set([0x44, 0x49, 0x43, 0x4d], 128);
  return head;
};
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

describe('the scan of a landed file', () => {
  it.each([
    ['a PDF', 'application/pdf', fixture('lab-result.pdf')],
    ['a PNG', 'image/png', fixture('pixel.png')],
    ['a JPEG', 'image/jpeg', jpeg],
    ['a DICOM file', 'application/dicom', dicom()],
  ] as const)('passes %s stored as declared', (_, contentType, head) => {
    // Act
    const verdict = scan({ contentType, bytes: 1000 }, { bytes: 1000, contentType, head });
    // Assess
    expect(verdict).toEqual({ available: true });
  });

  it.each([
    [
      'PNG bytes declared as PDF',
      'application/pdf',
      'application/pdf',
      fixture('pixel.png'),
      100,
      'DOCUMENT_TYPE_MISMATCH',
    ],
    [
      'a PDF stored under another type',
      'application/pdf',
      'text/html',
      fixture('lab-result.pdf'),
      100,
      'DOCUMENT_TYPE_MISMATCH',
    ],
    [
      'a preamble without DICM',
      'application/dicom',
      'application/dicom',
      new Uint8Array(132),
      132,
      'DOCUMENT_TYPE_MISMATCH',
    ],
    [
      'a file larger than declared',
      'application/pdf',
      'application/pdf',
      fixture('lab-result.pdf'),
      2000,
      'DOCUMENT_TOO_LARGE',
    ],
    ['an empty file', 'image/jpeg', 'image/jpeg', new Uint8Array(), 0, 'DOCUMENT_EMPTY'],
  ] as const)('rejects %s', (_, declared, storedType, head, storedBytes, reason) => {
    // Act
    const verdict = scan(
      { contentType: declared, bytes: 1000 },
      { bytes: storedBytes, contentType: storedType, head },
    );
    // Assess
    expect(verdict).toEqual({ available: false, reason });
  });
});

describe('lab results', () => {
  it.each([
    [7.2, { low: 3.9, high: 5.5 }, 'H'],
    [3.1, { low: 3.9, high: 5.5 }, 'L'],
    [5.5, { low: 3.9, high: 5.5 }, 'N'],
    [0.2, { high: 5 }, 'N'],
    [7.2, null, null],
  ] as const)('flags %s against %j as %s', (value, range, flag) => {
    expect(interpret(value, range)).toBe(flag);
  });

  it('takes LOINC codes whose check digit is right, and refuses a mistyped one', () => {
    // Prepare: glucose, haemoglobin, HbA1c, creatinine as LOINC publishes them
    const published = ['2345-7', '718-7', '4548-4', '2160-0'];
    // Act
    const valid = published.map(isLoincCode);
    // Assess
    expect(valid).toEqual([true, true, true, true]);
    expect(['2345-8', '718-1', '12345'].map(isLoincCode)).toEqual([false, false, false]);
  });
});
