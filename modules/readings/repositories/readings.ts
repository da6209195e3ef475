import type { FieldCipher, SealedField } from '../../../platform/crypto/field-cipher';
import { UniqueConflict } from '../../../storage/errors';
import type { Row, Tables } from '../../../storage/port';
import type { MealContext, Reading, ReadingType } from '../domain/types';

export type ReadingSource = 'api' | 'fhir' | 'file' | 'iot';

export interface StoredReading extends Reading {
  patientId: string;
  source: ReadingSource;
}

/** inserted; the same reading again (duplicate); or another value under the same key (conflict). */
export type AddOutcome = 'inserted' | 'duplicate' | 'conflict';

const milli = (value: number | null | undefined) =>
  value === null || value === undefined ? null : Math.round(value * 1000);
const unmilli = (value: unknown) => (value === null ? null : Number(value) / 1000);
const noteContext = (r: Reading) => `readings/${r.deviceId}/${r.type}/${r.measuredAt}/note`;
const valueColumns = ['value_milli', 'diastolic_milli', 'mean_milli', 'pulse_milli'] as const;

/**
 * Measurements in canonical units. The primary key (device, type, measured time) is the
 * dedupe rule: a reading delivered twice is stored once, in SQLite and YDB alike.
 */
export class ReadingRepository {
  constructor(
    private readonly tables: Tables,
    private readonly cipher: FieldCipher,
    private readonly now: () => number,
  ) {}

  /** Stores a batch in the caller's transaction, reporting each reading's outcome in order. */
  async add(readings: StoredReading[]): Promise<AddOutcome[]> {
    const receivedAt = this.now();
    const inBatch = new Map<string, Row>();
    const outcomes: AddOutcome[] = [];
    for (const reading of readings) {
      const row = await this.toRow(reading, receivedAt);
      const key = `${reading.deviceId}\n${reading.type}\n${reading.measuredAt}`;
      // Repeats inside one batch are settled here: YDB does not promise to read its own writes.
      const earlier = inBatch.get(key);
      if (earlier) {
        outcomes.push(sameValues(earlier, row) ? 'duplicate' : 'conflict');
        continue;
      }
      try {
        await this.tables.insert('readings', row);
        inBatch.set(key, row);
        outcomes.push('inserted');
      } catch (error) {
        if (!(error instanceof UniqueConflict)) throw error;
        const stored = await this.tables.get('readings', {
          device_id: reading.deviceId,
          type: reading.type,
          measured_at: reading.measuredAt,
        });
        inBatch.set(key, stored ?? row);
        outcomes.push(stored && sameValues(stored, row) ? 'duplicate' : 'conflict');
      }
    }
    return outcomes;
  }

  /** A patient's readings of one type in [from, to), oldest first; notes stay sealed (not needed for charts). */
  async series(
    patientId: string,
    type: ReadingType,
    from: number,
    to: number,
    limit: number,
  ): Promise<StoredReading[]> {
    const rows = await this.tables.find('readings', {
      where: { patient_id: patientId, type },
      range: { column: 'measured_at', from, to },
      orderBy: [{ column: 'measured_at' }],
      limit,
    });
    return rows.map(toReading);
  }

  /** The `count` latest readings measured at or before `upTo`, newest first. */
  async latest(patientId: string, type: ReadingType, upTo: number, count: number): Promise<StoredReading[]> {
    const rows = await this.tables.find('readings', {
      where: { patient_id: patientId, type },
      range: { column: 'measured_at', to: upTo + 1 },
      orderBy: [{ column: 'measured_at', direction: 'desc' }],
      limit: count,
    });
    return rows.map(toReading);
  }

  private async toRow(r: StoredReading, receivedAt: number): Promise<Row> {
    const note: SealedField | null = r.note ? await this.cipher.seal(r.note, noteContext(r)) : null;
    return {
      device_id: r.deviceId,
      type: r.type,
      measured_at: r.measuredAt,
      patient_id: r.patientId,
      value_milli: milli(r.value),
      diastolic_milli: milli(r.diastolic),
      mean_milli: milli(r.mean),
      pulse_milli: milli(r.pulse),
      meal_context: r.mealContext ?? null,
      original_milli: milli(r.original?.value),
      original_unit: r.original?.unit ?? null,
      file_ref: r.fileRef ?? null,
      note,
      source: r.source,
      received_at: receivedAt,
    };
  }
}

const sameValues = (a: Row, b: Row) => valueColumns.every((c) => (a[c] ?? null) === (b[c] ?? null));

function toReading(row: Row): StoredReading {
  return {
    deviceId: String(row.device_id),
    type: row.type as ReadingType,
    measuredAt: Number(row.measured_at),
    patientId: String(row.patient_id),
    value: unmilli(row.value_milli),
    diastolic: unmilli(row.diastolic_milli),
    mean: unmilli(row.mean_milli),
    pulse: unmilli(row.pulse_milli),
    mealContext: (row.meal_context as MealContext | null) ?? null,
    original:
      row.original_unit === null
        ? null
        : { value: unmilli(row.original_milli) ?? 0, unit: String(row.original_unit) },
    fileRef: row.file_ref === null ? null : String(row.file_ref),
    source: row.source as ReadingSource,
  };
}
