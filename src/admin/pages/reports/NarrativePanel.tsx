/** The three narrative sections (一、五、六) with last year's text beside each, for reference. */
import { Col, Input, Row, Typography } from 'antd';
import { NARRATIVE_LABELS } from '../../../domain/annual-report/narrative.js';
import type { AnnualReportDoc } from './types';

type Key = keyof typeof NARRATIVE_LABELS;
const KEYS = Object.keys(NARRATIVE_LABELS) as Key[];

export function NarrativePanel({ narrative, previous, editable, onChange }: {
  narrative: AnnualReportDoc['narrative'];
  previous: { year: number; narrative: AnnualReportDoc['narrative'] } | null;
  editable: boolean;
  onChange: (key: Key, text: string) => void;
}) {
  return (
    <>
      <Typography.Paragraph type="secondary">方括号【】中的文字是填写提示，报送前须补充或删除。第六部分须写明本年度收取信息处理费的情况。</Typography.Paragraph>
      {KEYS.map((k) => (
        <section key={k} style={{ marginBottom: 24 }}>
          <Typography.Title level={4}><label htmlFor={`narrative-${k}`}>{NARRATIVE_LABELS[k]}</label></Typography.Title>
          <Row gutter={16}>
            <Col xs={24} lg={previous ? 14 : 24}>
              <Input.TextArea id={`narrative-${k}`} value={narrative[k]} readOnly={!editable} autoSize={{ minRows: 6, maxRows: 24 }} onChange={(e) => onChange(k, e.target.value)} />
            </Col>
            {previous && (
              <Col xs={24} lg={10}>
                <Typography.Text type="secondary">{previous.year}年度报告原文</Typography.Text>
                <div className="gk-prev-text" style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 8, maxHeight: 360, overflow: 'auto', border: '1px solid #f0f0f0' }} tabIndex={0} aria-label={`${previous.year}年度${NARRATIVE_LABELS[k]}`}>
                  {previous.narrative[k] || '（无）'}
                </div>
              </Col>
            )}
          </Row>
        </section>
      ))}
    </>
  );
}
