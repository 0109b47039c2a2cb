/** The state-changing actions on one account, each confirmed first and audited by the server. */
import type { MenuProps } from 'antd';
import { api } from '../../api/client';
import type { AccountRow, AccountSnapshot } from '../../api/types';

export interface ActionContext {
  confirm: (opts: { title: string; content: string; okText: string; danger?: boolean; onOk: () => Promise<void> }) => void;
  done: (text: string) => void;
  failed: (e: unknown) => void;
  showPassword: (account: AccountRow, password: string) => void;
}

export function accountMenu(a: AccountRow, ctx: ActionContext): MenuProps['items'] {
  const run = (title: string, content: string, okText: string, call: () => Promise<void>, doneText: string, danger = false) => () =>
    ctx.confirm({
      title, content, okText, danger,
      onOk: async () => {
        try {
          await call();
          ctx.done(doneText);
        } catch (e) {
          ctx.failed(e);
        }
      },
    });
  const who = `${a.displayName}（${a.username}）`;
  return [
    a.status === 'active'
      ? { key: 'disable', danger: true, label: '停用账号', onClick: run(`停用 ${who}？`, '停用后该账号立即退出登录且不能再登录，记录保留，可随时重新启用。', '停用', async () => void (await api.post(`/accounts/${a.id}/disable`)), '账号已停用', true) }
      : { key: 'enable', label: '启用账号', onClick: run(`启用 ${who}？`, '启用后该账号可以重新登录。', '启用', async () => void (await api.post(`/accounts/${a.id}/enable`)), '账号已启用') },
    {
      key: 'reset-password',
      label: '重置密码',
      onClick: run(`重置 ${who} 的密码？`, '将生成新的一次性密码（只显示一次），原密码立即失效，该账号的登录会话全部退出；本人登录后须修改密码。', '重置密码', async () => {
        const res = await api.post<{ account: AccountSnapshot; temporaryPassword: string }>(`/accounts/${a.id}/reset-password`);
        ctx.showPassword(a, res.temporaryPassword);
      }, '密码已重置'),
    },
    ...(a.locked ? [{ key: 'unlock', label: '解除锁定', onClick: run(`解除 ${who} 的登录锁定？`, '该账号因连续登录失败被锁定。请先确认是本人操作失误，而不是他人在尝试密码。', '解除锁定', async () => void (await api.post(`/accounts/${a.id}/unlock`)), '已解除锁定') }] : []),
    ...(a.totpEnabled ? [{ key: 'reset-totp', label: '清除动态码', onClick: run(`清除 ${who} 的动态码绑定？`, '用于本人手机丢失或更换时。清除后该账号只凭密码即可登录，请提醒本人尽快重新绑定。', '清除', async () => void (await api.post(`/accounts/${a.id}/reset-totp`)), '已清除动态码绑定', true) }] : []),
  ];
}
