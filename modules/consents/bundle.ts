import type { Repositories } from '../../platform/store';
import { currentText } from './catalogue';
import type { Purpose } from './domain/purposes';
import type { ConsentLanguage } from './domain/texts';
import { giveConsent, type Recording } from './use-cases';

/**
 * Several purposes shown as one message and agreed to with one answer (the chatbot's button):
 * the current texts one after another, and a version that changes whenever any of them does
 * (versions are dates, so the latest), for a channel that asks again on a new wording.
 */
export function consentBundle(bundle: readonly Purpose[], language: ConsentLanguage) {
  const texts = bundle.map(currentText);
  return {
    text: texts.map((text) => text[language]).join('\n\n'),
    version:
      texts
        .map((text) => text.version)
        .sort()
        .at(-1) ?? '',
  };
}

/** Records each purpose of a bundle at its current version: the same records as any channel's. */
export async function giveBundle(
  repos: Repositories,
  bundle: readonly Purpose[],
  recording: Recording & { language: ConsentLanguage },
): Promise<void> {
  for (const purpose of bundle) {
    await giveConsent(repos, { ...recording, purpose, version: currentText(purpose).version });
  }
}
