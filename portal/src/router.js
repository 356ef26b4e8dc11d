import { useEffect, useState } from 'preact/hooks';

/**
 * Routes in the URL's fragment (`#/admin/facilities?page=2`), so that the gateway serves one static page and every
 * route can be bookmarked and reloaded.
 */
export function currentRoute() {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  return { path, params: Object.fromEntries(new URLSearchParams(query)) };
}

export function useRoute() {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const onChange = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function href(path, params) {
  const query = new URLSearchParams(
    Object.entries(params || {}).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ).toString();
  return `#${path}${query ? `?${query}` : ''}`;
}

export function navigate(path, params) {
  window.location.hash = href(path, params);
}

/** Matches `/facility/:code` against a path; the named parts, or null. */
export function match(pattern, path) {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const found = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) found[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return found;
}
