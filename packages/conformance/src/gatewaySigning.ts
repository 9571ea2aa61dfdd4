import { randomUUID } from 'node:crypto';
import { ANONYMOUS, type Viewer } from '@nlf/contract';
import { GATEWAY_SIGNATURE_HEADER, gatewaySignatureHeaders, signGatewayRequest } from '@nlf/contract';
import { generateKeyPairPem, importPrivateKey } from '@nlf/contract';
import { fail, pass } from './client';
import type { ConformanceCheck } from './types';

/**
 * Signs the suite's calls as the federation gateway would. A call about one organisation is made as
 * that organisation's own staff (so its members may be read); any other call as the secretariat.
 */
export async function gatewaySigner(gatewayPrivateKey: string, subgraph: string, url: string) {
  const key = await importPrivateKey(gatewayPrivateKey);
  return async (body: string): Promise<Record<string, string>> => {
    const representations = (JSON.parse(body) as { variables?: { representations?: { id?: string }[] } }).variables?.representations ?? [];
    const ids = [...new Set(representations.map((r) => r.id).filter((id): id is string => typeof id === 'string'))];
    const viewer: Viewer =
      ids.length === 1
        ? { subject: 'conformance-suite', role: 'union-staff', organisationId: ids[0]! }
        : { subject: 'conformance-suite', role: 'secretariat', organisationId: null };
    return gatewaySignatureHeaders(key, subgraph, url, body, viewer);
  };
}

/** A subgraph answers only the gateway: unsigned calls and calls signed with another key are refused. */
export function signatureCheck(subgraph: string): ConformanceCheck {
  return {
    name: 'gateway signature',
    description: 'GraphQL calls without a valid gateway signature are refused with 401 GATEWAY_SIGNATURE_INVALID',
    async run({ options }) {
      const body = JSON.stringify({ query: '{ __typename }' });
      const send = async (headers: Record<string, string>) => {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        const answer = (await response.json().catch(() => ({}))) as { errors?: { extensions?: { code?: string } }[] };
        return { status: response.status, code: answer.errors?.[0]?.extensions?.code };
      };
      const outcomes = [];
      const unsigned = await send({});
      outcomes.push(
        unsigned.status === 401 && unsigned.code === 'GATEWAY_SIGNATURE_INVALID'
          ? pass('an unsigned call is refused with 401 GATEWAY_SIGNATURE_INVALID')
          : fail(`an unsigned call must be refused with 401 GATEWAY_SIGNATURE_INVALID; got HTTP ${unsigned.status} ${unsigned.code ?? ''}`),
      );
      const forger = await importPrivateKey((await generateKeyPairPem()).privateKey);
      const path = new URL(options.url).pathname;
      const forged = await send({
        [GATEWAY_SIGNATURE_HEADER]: await signGatewayRequest(forger, subgraph, { method: 'POST', path, body }, { ...ANONYMOUS, subject: randomUUID() }),
      });
      outcomes.push(
        forged.status === 401
          ? pass('a call signed with another key than the gateway\'s is refused')
          : fail(`a call signed with another key must be refused with 401; got HTTP ${forged.status}`),
      );
      return outcomes;
    },
  };
}
