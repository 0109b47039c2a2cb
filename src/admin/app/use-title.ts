import { useEffect } from 'react';
import { useSession } from './session';

/** Sets the browser tab title: "页面 - 站点名 管理后台". */
export function useTitle(page: string): void {
  const { meta } = useSession();
  useEffect(() => {
    document.title = `${page} - ${meta.siteName}管理后台`;
  }, [page, meta.siteName]);
}
