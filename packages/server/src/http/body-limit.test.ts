import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from './body-limit.ts';

function limitedApp(maxSize: number) {
  const app = new Hono();
  app.onError((error, c) =>
    c.text(String(error.message), error instanceof HTTPException ? error.status : 500),
  );
  app.use(
    '*',
    bodyLimit({
      maxSize,
      onError: () => {
        throw new HTTPException(413, { message: 'too large' });
      },
    }),
  );
  app.post('/echo', async (c) => c.text(await c.req.text()));
  app.get('/echo', (c) => c.text('get'));
  return app;
}

it('refuses a body whose declared length is over the limit, and passes one under it', async () => {
  const app = limitedApp(10);
  const over = await app.request('/echo', {
    method: 'POST',
    headers: { 'content-length': '11' },
    body: 'x'.repeat(11),
  });
  assert.equal(over.status, 413);
  // the declared length decides (as in Hono's own middleware): the body is not read to count it
  const declaredOver = await app.request('/echo', {
    method: 'POST',
    headers: { 'content-length': '1000' },
    body: 'x',
  });
  assert.equal(declaredOver.status, 413);
  const under = await app.request('/echo', {
    method: 'POST',
    headers: { 'content-length': '10' },
    body: 'y'.repeat(10),
  });
  assert.equal(under.status, 200);
  assert.equal(await under.text(), 'y'.repeat(10));
});

it('counts a body of undeclared length (chunked) and refuses it past the limit', async () => {
  const app = limitedApp(10);
  const stream = (text: string) =>
    new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    });
  // a streamed body has no Content-Length (duplex: Node's fetch requires it for a stream body)
  const streamed = (text: string): RequestInit =>
    ({ method: 'POST', body: stream(text), duplex: 'half' }) as RequestInit;
  const over = await app.request('/echo', streamed('z'.repeat(11)));
  assert.equal(over.status, 413);
  const under = await app.request('/echo', streamed('z'.repeat(10)));
  assert.equal(under.status, 200);
  assert.equal(await under.text(), 'z'.repeat(10));
  assert.equal((await app.request('/echo')).status, 200);
});
