import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI, type KeyLike } from 'jose';

/** Every key of the federation is Ed25519: small, fast, and only the holder of the private key can sign. */
export const KEY_ALGORITHM = 'EdDSA';

export interface KeyPairPem {
  privateKey: string;
  publicKey: string;
}

export async function generateKeyPairPem(): Promise<KeyPairPem> {
  const { privateKey, publicKey } = await generateKeyPair(KEY_ALGORITHM, { crv: 'Ed25519', extractable: true });
  return { privateKey: await exportPKCS8(privateKey), publicKey: await exportSPKI(publicKey) };
}

export function importPrivateKey(pem: string): Promise<KeyLike> {
  return importPKCS8(pem, KEY_ALGORITHM);
}

export function importPublicKey(pem: string): Promise<KeyLike> {
  return importSPKI(pem, KEY_ALGORITHM);
}
