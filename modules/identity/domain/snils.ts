/**
 * SNILS, the insurance number of an individual's personal account: 11 digits, the last two a
 * check number over the first nine (weights 9…1; a sum under 100 is itself, 100 and 101 are 00,
 * otherwise the sum mod 101, where 100 again is 00). Numbers up to 001-001-998 carry no check.
 */
export function isSnils(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{11}$/.test(digits)) return false;
  const body = digits.slice(0, 9);
  if (Number(body) <= 1_001_998) return true;
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * (9 - i), 0);
  const check = sum < 100 ? sum : sum % 101 === 100 ? 0 : sum % 101;
  return check === Number(digits.slice(9));
}

/** The 11 digits, whatever the spacing and dashes it was written with. */
export function snilsDigits(value: string): string {
  return value.replace(/[\s-]/g, '');
}
