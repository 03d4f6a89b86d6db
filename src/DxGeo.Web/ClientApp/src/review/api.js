// Same-origin JSON API with the session cookie and the CSRF token on every state-changing request.
let csrf = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function parse(r) {
  const type = r.headers.get('content-type') || '';
  const body = type.includes('json') ? await r.json() : null;
  if (!r.ok) throw new ApiError(r.status, body);
  return body;
}

export async function refreshCsrf() {
  const r = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
  csrf = (await parse(r)).token;
}

export const get = async (url) => parse(await fetch(url, { credentials: 'same-origin' }));

export async function send(method, url, body) {
  if (!csrf) await refreshCsrf();
  const r = await fetch(url, {
    method, credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return parse(r);
}

export async function login(userName, password) {
  await refreshCsrf();
  const me = await send('POST', '/api/auth/login', { userName, password });
  await refreshCsrf(); // the token is bound to the signed-in account
  return me;
}

export async function logout() {
  await send('POST', '/api/auth/logout');
  csrf = null;
}
