import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage, isHandledByRedirect } from '../api/client';
import type { UnitWithPermissions } from '../api/types';

/** The units the current user may see, each with what they may do there. */
export function useUnits() {
  const { message } = App.useApp();
  const [units, setUnits] = useState<UnitWithPermissions[]>([]);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const res = await api.get<{ items: UnitWithPermissions[] }>('/units');
      setUnits(res.items);
      return res.items;
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
      return null;
    } finally {
      setLoading(false);
    }
  }, [message]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { units, loading, reload };
}
