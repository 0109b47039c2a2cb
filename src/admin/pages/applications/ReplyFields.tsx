/** The reply (Art. 36, 37): the outcome as a row of annual-report table 三, and what partial disclosure withholds. */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Select } from 'antd';
import { OUTCOMES, outcomeOptions, type Outcome } from './codes';

export function ReplyFields() {
  const outcome = Form.useWatch('outcome', Form.useFormInstance()) as Outcome | undefined;
  const withholdGrounds = outcomeOptions((o) => OUTCOMES[o].group === 'withhold');
  return (
    <>
      <Form.Item name="outcome" label="答复结果" rules={[{ required: true, message: '请选择答复结果' }]} extra="按年度报告表三的处理结果分类。">
        <Select showSearch={{ optionFilterProp: 'label' }} options={outcomeOptions()} popupMatchSelectWidth={false} listHeight={320} />
      </Form.Item>
      {outcome === 'partiallyDisclosed' && (
        <Form.List name="withheld" initialValue={[{}]}>
          {(fields, { add, remove }) => (
            <fieldset className="gk-fieldset">
              <legend>不予公开的内容及理由（《条例》第三十七条）</legend>
              {fields.map((f, i) => (
                <Row key={f.key} gutter={8} align="top">
                  <Col xs={24} md={11}>
                    <Form.Item name={[f.name, 'what']} label={`不予公开的内容 ${i + 1}`} rules={[{ required: true, whitespace: true, message: '请填写不予公开的内容' }]}>
                      <Input maxLength={500} />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={11}>
                    <Form.Item name={[f.name, 'ground']} label={`依据 ${i + 1}`} rules={[{ required: true, message: '请选择不予公开的依据' }]}>
                      <Select options={withholdGrounds} popupMatchSelectWidth={false} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2} style={{ paddingTop: 30 }}>
                    {fields.length > 1 && <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除第 ${i + 1} 项`} onClick={() => remove(f.name)} />}
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>增加一项</Button>
            </fieldset>
          )}
        </Form.List>
      )}
      {outcome === 'unavailableNotHeld' && (
        <Form.Item name="competentAgency" label="有权机关" extra="能够确定负责公开该信息的行政机关的，告知其名称和联系方式（《条例》第三十六条第（五）项）。">
          <Input maxLength={200} />
        </Form.Item>
      )}
      {outcome === 'disclosed' && (
        <Form.Item name="publishedAt" label="已公开的获取途径" extra="已经主动公开的，告知获取该信息的方式、途径（《条例》第三十六条第（一）项）。">
          <Input maxLength={500} />
        </Form.Item>
      )}
      <Form.Item name="remarks" label="说明">
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </>
  );
}
