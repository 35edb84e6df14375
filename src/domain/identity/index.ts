/** Staff identity (ADR 0015): the PIN, its verifier, the device's seal, proofs, lockouts. */
export * from './lockout';
export * from './pin';
export * from './proof';
export * from './seal';
