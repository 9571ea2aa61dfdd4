import type { KeyLike } from 'jose';
import { importPublicKey } from '@nlf/contract';
import { SettingsError } from './settings';

/** NLF_GATEWAY_PUBLIC_KEY as a key, or a settings error that says what is wrong with it. */
export async function gatewayKeyFrom(pem: string | undefined): Promise<KeyLike> {
  if (!pem) {
    throw new SettingsError('NLF_GATEWAY_PUBLIC_KEY', "is required: the gateway's public key (PEM); a server of the federation answers only requests the gateway signed");
  }
  try {
    return await importPublicKey(pem);
  } catch {
    throw new SettingsError('NLF_GATEWAY_PUBLIC_KEY', 'is not an Ed25519 public key in PEM (SPKI) form');
  }
}
