import type { FieldCipher } from '../../../platform/crypto/field-cipher';
import type { Tables } from '../../../storage/port';
import { DeviceRepository } from './devices';
import { ReadingAlertRepository } from './reading-alerts';
import { ReadingUploadRepository } from './reading-uploads';
import { ReadingRepository } from './readings';

/** What the device-readings capability needs of a patient record: never names or notes. */
export interface PatientFacts {
  clinicId: string;
  birthDate: string | null;
}

/** The device-readings repositories, bound to one transaction. */
export class ReadingsRepositories {
  readonly devices: DeviceRepository;
  readonly series: ReadingRepository;
  readonly alerts: ReadingAlertRepository;
  readonly uploads: ReadingUploadRepository;

  constructor(
    private readonly tables: Tables,
    cipher: FieldCipher,
    now: () => number,
  ) {
    this.devices = new DeviceRepository(tables, now);
    this.series = new ReadingRepository(tables, cipher, now);
    this.alerts = new ReadingAlertRepository(tables, now);
    this.uploads = new ReadingUploadRepository(tables, now);
  }

  /** A patient's clinic and birth date, read without opening the record's sealed fields. */
  async patient(id: string): Promise<PatientFacts | undefined> {
    const row = await this.tables.get('patients', { id });
    if (!row) return undefined;
    return {
      clinicId: String(row.clinic_id),
      birthDate: row.birth_date === null ? null : String(row.birth_date),
    };
  }
}
