/**
 * Reads until `until` holds of what was read or `ms` pass, and returns the last reading: for
 * outcomes that arrive through queues and triggers at their own pace.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  until: (value: T) => boolean = (value) => value !== undefined,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (until(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
