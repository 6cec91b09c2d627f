import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** Why a request body was refused: the status it answers with (413 too large, 415 unsupported, 400 otherwise). */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** JSON text starts with an object or an array here: a bare string or number is no GraphQL request. */
const FIRST_CHARACTER = /^[ \t\n\r]*([^ \t\n\r])/;

/** Whether the request carries a body at all (a length, or a chunked one). */
function hasBody(req: IncomingMessage): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined ||
    !Number.isNaN(Number.parseInt(req.headers['content-length'] ?? '', 10))
  );
}

/** The media type without parameters, lower-cased, and the charset parameter if one is given. */
function contentType(req: IncomingMessage): { type: string; charset: string | undefined } {
  const [type = '', ...parameters] = (req.headers['content-type'] ?? '').split(';');
  let charset: string | undefined;
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=', 2).map((part) => part.trim());
    if (name.toLowerCase() === 'charset' && value) charset = value.replace(/^"(.*)"$/, '$1').toLowerCase();
  }
  return { type: type.trim().toLowerCase(), charset };
}

/** The body as sent, decompressed when the client compressed it. */
function decodedStream(req: IncomingMessage): Readable {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  switch (encoding) {
    case 'identity':
      return req;
    case 'gzip':
      return req.pipe(createGunzip());
    case 'deflate':
      return req.pipe(createInflate());
    case 'br':
      return req.pipe(createBrotliDecompress());
    default:
      throw new BodyError(415, `unsupported content encoding "${encoding}"`);
  }
}

/** Waits until the client has sent all of its body (discarding it), so a refusal is not answered mid-upload. */
function discardRest(req: IncomingMessage): Promise<void> {
  if (req.complete || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    req.once('end', resolve);
    req.once('close', resolve);
    req.resume();
  });
}

function readBytes(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const compressed = (req.headers['content-encoding'] ?? 'identity').toLowerCase() !== 'identity';
  const declared = Number.parseInt(req.headers['content-length'] ?? '', 10);
  if (!compressed && declared > limitBytes) return Promise.reject(new BodyError(413, 'request entity too large'));
  const stream = decodedStream(req);
  // Listeners rather than async iteration: leaving an iteration early destroys the request, and
  // with it the connection the refusal is to be answered on.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const fail = (error: BodyError) => {
      stream.removeListener('data', onData);
      if (stream !== req) req.unpipe();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) fail(new BodyError(413, 'request entity too large'));
      else chunks.push(chunk);
    };
    stream.on('data', onData);
    stream.once('end', () => resolve(Buffer.concat(chunks, received)));
    // Compressed data that does not decompress, or a client that left mid-body.
    stream.once('error', (error) => fail(new BodyError(400, error.message)));
    req.once('close', () => {
      if (!req.complete) fail(new BodyError(400, 'request aborted'));
    });
  });
}

function decodeText(bytes: Buffer, charset: string): string {
  if (charset === 'utf-8') {
    const text = bytes.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    throw new BodyError(415, `unsupported charset "${charset.toUpperCase()}"`);
  }
}

/**
 * The request's JSON body, read as `express.json` did: only for `Content-Type: application/json`
 * (otherwise undefined, and GraphQL says what is missing), in a UTF charset, compressed or not, at
 * most `limitBytes` once decompressed, an object or an array (an empty body reads as `{}`).
 * Throws BodyError once the client has finished sending.
 */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  if (!hasBody(req)) return undefined;
  const { type, charset = 'utf-8' } = contentType(req);
  if (type !== 'application/json') return undefined;
  try {
    if (!charset.startsWith('utf-')) throw new BodyError(415, `unsupported charset "${charset.toUpperCase()}"`);
    const text = decodeText(await readBytes(req, limitBytes), charset);
    if (text.length === 0) return {};
    const first = FIRST_CHARACTER.exec(text)?.[1];
    if (first !== '{' && first !== '[') throw new BodyError(400, 'the body is not a JSON object or array');
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new BodyError(400, error instanceof Error ? error.message : 'invalid JSON');
    }
  } catch (error) {
    await discardRest(req);
    throw error;
  }
}
