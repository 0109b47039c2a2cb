import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A page's filters kept in its query string (so a view can be bookmarked and shared): the current parameters and
 * a setter for one of them — an empty value removes it — that replaces the history entry instead of adding one.
 */
export function useQueryParams(): [URLSearchParams, (key: string, value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback((key: string, value: string | null) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p, { replace: true });
  }, [params, setParams]);
  return [params, set];
}
