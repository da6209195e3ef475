import type { BuiltExport } from './build-export';

/** What the patient reads first on opening the zip: what it holds, in Russian and English. */
export function exportReadme(patientId: string, at: string, counts: BuiltExport['counts']): string {
  const lines = Object.entries(counts)
    .filter(([, c]) => c.resources + c.files > 0)
    .map(([section, c]) => `  ${section}: ${c.resources} / ${c.files}`);
  return [
    `Выгрузка ваших данных (152-ФЗ, ст. 14), пациент ${patientId}, ${at}.`,
    'bundle.json — все записи в формате HL7 FHIR R4 (Bundle); files/ — ваши файлы.',
    'Разделы: записей / файлов:',
    ...lines,
    '',
    `An export of your data (152-FZ art. 14), patient ${patientId}, ${at}.`,
    'bundle.json holds every record as an HL7 FHIR R4 Bundle; files/ holds your files.',
    'Sections: records / files (as above).',
    '',
  ].join('\n');
}
