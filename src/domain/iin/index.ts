/** IIN and BIN checks for intake: the check digit, and what the number tells as information. */
export {
  type BinCheck,
  type BinDivision,
  type BinEntityType,
  type BinNotice,
  type BinReason,
  checkBin,
} from './bin';
export { controlDigit } from './checksum';
export { checkIin, type IinCheck, type IinNotice, type IinReason, type Sex } from './iin';
