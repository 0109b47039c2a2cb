/** Entry point of the admin back office: Ant Design in Chinese (zh_CN, dayjs zh-cn) and the router under /admin. */
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './app/router';
import './styles.css';

dayjs.locale('zh-cn');

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      // No space inside two-character labels ("查询", not "查 询"): reads naturally and keeps accessible names exact.
      button={{ autoInsertSpace: false }}
      // Blue for actions and focus, so that a focused field never looks like a field in error; red stays in the banner.
      theme={{ token: { colorPrimary: '#1d4f91', borderRadius: 4 } }}
    >
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
