/**
 * Calls to the gateway's /api/v1 with the signed-in person's bearer token. A problem+json answer becomes an
 * {@link ApiError} carrying the status, the stable code and the per-field messages, for the page to show where
 * they belong.
 */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code || (status === 0 ? 'NETWORK' : `HTTP_${status}`);
    this.title = problem?.title;
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
  }

  /** The message for one form field, if the API named it. */
  fieldMessage(field) {
    return this.errors.find((e) => e.field === field || e.field?.endsWith(`.${field}`))?.message;
  }
}

export function createApi(session) {
  async function call(method, path, { body, query, contentType, headers } = {}) {
    const token = await session.freshToken();
    const url = new URL(`/api/v1${path}`, window.location.origin);
    for (const [k, v] of Object.entries(query || {})) {
      if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
    }
    const init = { method, headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...headers } };
    if (body !== undefined) {
      init.headers['Content-Type'] = contentType || 'application/json';
      init.body = contentType ? body : JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(url, init);
    } catch (offline) {
      throw new ApiError(0, { detail: offline.message });
    }
    const type = response.headers.get('Content-Type') || '';
    const payload = type.includes('json') ? await response.json().catch(() => null) : null;
    if (!response.ok) throw new ApiError(response.status, payload);
    return payload;
  }
  return {
    get: (path, query) => call('GET', path, { query }),
    post: (path, body, options) => call('POST', path, { body, ...options }),
    put: (path, body) => call('PUT', path, { body }),
    del: (path) => call('DELETE', path),
  };
}
