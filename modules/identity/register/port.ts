/** What the federal register of medical workers answers about a person, looked up by SNILS. */
export type RegisterAnswer =
  | { status: 'found'; entryId: string }
  | { status: 'not_found' }
  /** The register could not be asked: nothing is recorded, the next verified sign-in asks again. */
  | { status: 'unavailable' };

/** The port to the federal register of medical workers (ФРМР of ЕГИСЗ). */
export interface MedicalRegister {
  /** The name stored with each look-up. */
  readonly name: string;
  /** Whether the register holds a working medical worker with this SNILS (11 digits). */
  lookUp(snils: string): Promise<RegisterAnswer>;
}
