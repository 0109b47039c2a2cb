import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useTitle } from '../app/use-title';

export function NotFoundPage() {
  useTitle('页面不存在');
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的管理后台页面不存在，请从左侧菜单进入。"
      extra={<Button type="primary" onClick={() => navigate('/')}>返回首页</Button>}
    />
  );
}
