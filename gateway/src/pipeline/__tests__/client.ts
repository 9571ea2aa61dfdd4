import type { FastifyInstance } from 'fastify';

/** Binds `app` to a free port on 127.0.0.1 and sends it requests over a real socket (light-my-request does not load under this jest setup). */
export async function client(app: FastifyInstance) {
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    post: async (url: string, body: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      return { statusCode: response.status, headers: Object.fromEntries(response.headers), json: await response.json() };
    },
  };
}

/** onResponse hooks run after the answer has left: a moment for them to have run. */
export const afterResponse = () => new Promise((resolve) => setTimeout(resolve, 50));
