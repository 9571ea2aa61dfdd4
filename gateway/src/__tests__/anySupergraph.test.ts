import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { generateKeyPairPem } from '@nlf/contract';
import { startGateway, type RunningGateway } from '../server';
import { supergraphSubgraphUrls } from '../supergraphFile';

/** Two plain Federation 2 subgraphs that know nothing of this federation: books, and reviews of them. */
const books = {
  typeDefs: parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Book @key(fields: "id") { id: ID! title: String! }
    type Query { books: [Book!]! }`),
  resolvers: {
    Query: { books: () => [{ id: 'b1', title: 'Arbeidsmiljøloven' }] },
    Book: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, title: 'Arbeidsmiljøloven' }) },
  },
};
const reviews = {
  typeDefs: parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Book @key(fields: "id") { id: ID! reviews: [String!]! }`),
  resolvers: { Book: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, reviews: [`a review of ${ref.id}`] }) } },
};

let servers: ApolloServer[] = [];
let gateway: RunningGateway | undefined;

afterAll(async () => {
  await gateway?.close();
  await Promise.all(servers.map((s) => s.stop()));
});

test('any composed Federation 2 supergraph runs on the gateway, without registry or config', async () => {
  const urls: string[] = [];
  for (const subgraph of [books, reviews]) {
    const server = new ApolloServer({ schema: buildSubgraphSchema([subgraph]) });
    const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
    servers.push(server);
    urls.push(url);
  }
  const composed = composeServices([
    { name: 'books', url: urls[0], typeDefs: books.typeDefs },
    { name: 'reviews', url: urls[1], typeDefs: reviews.typeDefs },
  ]);
  expect(composed.errors).toBeUndefined();
  const issuer = await generateKeyPairPem();
  const signer = await generateKeyPairPem();
  gateway = await startGateway({
    supergraphSdl: composed.supergraphSdl!,
    port: 0,
    log: () => undefined,
    security: { issuer: 'nlf-local', audience: 'nordic-leaders-federation', issuerPublicKey: issuer.publicKey, gatewaySigningKey: signer.privateKey },
  });

  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ books { title reviews } }' }),
  });
  expect(await response.json()).toEqual({ data: { books: [{ title: 'Arbeidsmiljøloven', reviews: ['a review of b1'] }] } });
});

test('a file that is not a supergraph is refused with the reason', () => {
  expect(() => supergraphSubgraphUrls('type Query { hello: String }')).toThrow(/^not a usable Federation 2 supergraph: /);
});
