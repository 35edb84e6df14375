/**
 * The device's seal of a person's proof key (ADR 0015): the key encrypted with AES-GCM under
 * Argon2id of the PIN, at the cost the server names. A device holds a seal only for people who
 * signed in on it online, and opening it is the offline PIN check: a wrong PIN fails the GCM tag.
 * That is the only thing on a device a PIN can be tried against, and each try costs a full
 * Argon2id.
 */
import { z } from 'zod';
import { argon2, fromBase64, toBase64 } from './bytes';
import { type PinCost, pinCostSchema } from './pin';

export const sealSchema = z.object({
  cost: pinCostSchema,
  salt: z.string(),
  iv: z.string(),
  data: z.string(),
});
export type Seal = z.infer<typeof sealSchema>;

async function sealingKey(pin: string, salt: Uint8Array, cost: PinCost): Promise<CryptoKey> {
  const bits = await argon2(pin, salt, cost);
  return crypto.subtle.importKey('raw', bits as BufferSource, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
}

export async function sealKey(pin: string, key: Uint8Array, cost: PinCost): Promise<Seal> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    await sealingKey(pin, salt, cost),
    key as BufferSource,
  );
  return { cost, salt: toBase64(salt), iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** The key, or null: the PIN is not the one it was sealed with. */
export async function openSeal(pin: string, seal: Seal): Promise<Uint8Array | null> {
  try {
    const key = await sealingKey(pin, fromBase64(seal.salt), seal.cost);
    const data = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(seal.iv) as BufferSource },
      key,
      fromBase64(seal.data) as BufferSource,
    );
    return new Uint8Array(data);
  } catch {
    return null;
  }
}
