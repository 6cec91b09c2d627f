import type { IncomingMessage, ServerResponse } from 'node:http';

/** The path of a request URL, without its query string or fragment. */
export function pathOf(url: string | undefined = '/'): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/** A path without its trailing slash ('/' stays '/'): routes match with or without one. */
export function withoutTrailingSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** The query string of a request URL (with its `?`), or '' when there is none. */
export function searchOf(url: string | undefined = '/'): string {
  const start = url.indexOf('?');
  if (start === -1) return '';
  const hash = url.indexOf('#', start);
  return hash === -1 ? url.slice(start) : url.slice(start, hash);
}

/** Answers with a JSON document. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/** Answers with a complete body (Node leaves the body out for HEAD by itself). */
export function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.statusCode = status;
  res.setHeader('content-type', contentType);
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** GET and HEAD: the methods a page or a probe is read with. */
export function isRead(req: IncomingMessage): boolean {
  return req.method === 'GET' || req.method === 'HEAD';
}
