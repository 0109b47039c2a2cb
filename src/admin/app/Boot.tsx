/** Loads the code tables and the current session once, then renders the routes inside the session provider. */
import { Button, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { Outlet } from 'react-router';
import { errorMessage } from '../api/client';
import type { Meta, SessionInfo } from '../api/types';
import { SessionProvider, loadBoot } from './session';

export function Boot() {
  const [state, setState] = useState<{ meta: Meta; session: SessionInfo | null } | { error: string } | null>(null);

  useEffect(() => {
    let alive = true;
    loadBoot().then(
      (b) => alive && setState(b),
      (e) => alive && setState({ error: errorMessage(e) }),
    );
    return () => {
      alive = false;
    };
  }, []);

  if (!state) {
    return (
      <div className="gk-fullscreen-center">
        <Spin size="large" description="正在加载…" />
      </div>
    );
  }
  if ('error' in state) {
    return (
      <Result
        status="error"
        title="管理后台加载失败"
        subTitle={state.error}
        extra={<Button type="primary" onClick={() => window.location.reload()}>重新加载</Button>}
      />
    );
  }
  return (
    <SessionProvider meta={state.meta} initial={state.session}>
      <Outlet />
    </SessionProvider>
  );
}
