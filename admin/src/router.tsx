import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const BASE = '/admin';

/** Goes to a dashboard path (`/pages?type=x`) without reloading. */
export function navigate(to: string, replace = false): void {
  const url = BASE + to;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(new Event('ghee:navigate'));
}

/** The current dashboard path (without /admin) and query; re-renders on navigation. */
export function useRoute(): { path: string; query: URLSearchParams } {
  const read = () => ({
    path: location.pathname.slice(BASE.length).replace(/\/$/, '') || '/',
    search: location.search,
  });
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const update = () => setRoute(read());
    window.addEventListener('popstate', update);
    window.addEventListener('ghee:navigate', update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('ghee:navigate', update);
    };
  }, []);
  return { path: route.path, query: new URLSearchParams(route.search) };
}

/** A link inside the dashboard. */
export function Link({ to, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={BASE + to} onClick={onClick} {...rest} />;
}
