import { Alert } from 'antd';
import { useEffect, useRef } from 'react';

/** The messages of a failed request that belong to no form field; scrolls itself into view so they are seen. */
export function ErrorAlert({ messages }: { messages: string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const text = messages.join('；');
  useEffect(() => {
    if (text) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [text]);
  if (!text) return null;
  return (
    <div ref={ref} style={{ marginBottom: 16 }}>
      <Alert type="error" showIcon role="alert" title={text} />
    </div>
  );
}
