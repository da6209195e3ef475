import type { Row, Tables } from '../../../storage/port';

export interface DeviceBinding {
  deviceId: string;
  patientId: string;
  clinicId: string | null;
  validFrom: number;
  /** Exclusive; null while the binding lasts. */
  validTo: number | null;
}

export class BindingOverlaps extends Error {
  constructor() {
    super('the device is already bound for part of that period');
    this.name = 'BindingOverlaps';
  }
}

/** Home devices and the patients they measure, each binding for a period. */
export class DeviceRepository {
  constructor(
    private readonly tables: Tables,
    private readonly now: () => number,
  ) {}

  /** Registers the device if it is new and binds it; throws BindingOverlaps on a clash. */
  async bind(
    device: { id: string; model: string | null; registeredBy: string },
    binding: DeviceBinding,
  ): Promise<void> {
    const at = this.now();
    if (!(await this.tables.get('devices', { id: device.id }))) {
      await this.tables.insert('devices', {
        id: device.id,
        model: device.model,
        registered_by: device.registeredBy,
        created_at: at,
      });
    }
    const existing = await this.bindings(device.id);
    const end = binding.validTo ?? Number.POSITIVE_INFINITY;
    if (
      existing.some((b) => b.validFrom < end && binding.validFrom < (b.validTo ?? Number.POSITIVE_INFINITY))
    )
      throw new BindingOverlaps();
    await this.tables.insert('device_bindings', {
      device_id: binding.deviceId,
      valid_from: binding.validFrom,
      valid_to: binding.validTo,
      patient_id: binding.patientId,
      clinic_id: binding.clinicId,
      bound_by: device.registeredBy,
      created_at: at,
    });
  }

  async exists(id: string): Promise<boolean> {
    return (await this.tables.get('devices', { id })) !== undefined;
  }

  async bindings(deviceId: string): Promise<DeviceBinding[]> {
    const rows = await this.tables.find('device_bindings', {
      where: { device_id: deviceId },
      orderBy: [{ column: 'valid_from' }],
    });
    return rows.map(toBinding);
  }
}

/** The binding in force at `at`, if any. */
export function bindingAt(bindings: DeviceBinding[], at: number): DeviceBinding | undefined {
  return bindings.find((b) => b.validFrom <= at && (b.validTo === null || at < b.validTo));
}

function toBinding(row: Row): DeviceBinding {
  return {
    deviceId: String(row.device_id),
    patientId: String(row.patient_id),
    clinicId: row.clinic_id === null ? null : String(row.clinic_id),
    validFrom: Number(row.valid_from),
    validTo: row.valid_to === null ? null : Number(row.valid_to),
  };
}
