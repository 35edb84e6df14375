/** Valid IINs for tests, made with the domain's own check-digit rule. */
import { controlDigit } from '../../../src/domain/iin';

/** Born `yymmdd`, century/sex digit, 4-digit serial; the serial is bumped until a check digit exists. */
export function makeIin(yymmdd: string, centurySex: number, serial: number): string {
  for (let s = serial; s < serial + 100; s++) {
    const first11 = `${yymmdd}${centurySex}${String(s).padStart(4, '0')}`;
    const digit = controlDigit(first11);
    if (digit !== null) return `${first11}${digit}`;
  }
  throw new Error('no valid IIN near this serial');
}
