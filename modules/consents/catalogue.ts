import { createHash } from 'node:crypto';
import { type Purpose, purposes } from './domain/purposes';
import { type ConsentLanguage, type ConsentTextVersion, consentTexts } from './domain/texts';

/** The SHA-256 of a text exactly as shown, hex: a record proves which wording was agreed to. */
export const textHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function currentText(purpose: Purpose): ConsentTextVersion {
  const versions = consentTexts[purpose];
  return versions[versions.length - 1] as ConsentTextVersion;
}

export function textAt(purpose: Purpose, version: string): ConsentTextVersion | undefined {
  return consentTexts[purpose].find((text) => text.version === version);
}

/** The current texts of every purpose, as the public route shows them. */
export function currentTexts(language: ConsentLanguage) {
  return purposes.map((purpose) => {
    const text = currentText(purpose);
    return {
      purpose,
      version: text.version,
      language,
      text: text[language],
      sha256: textHash(text[language]),
      versions: consentTexts[purpose].map((v) => v.version),
    };
  });
}
