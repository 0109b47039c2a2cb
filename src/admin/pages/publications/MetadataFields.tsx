/**
 * The catalogue metadata of an item (rules.md §2; Art. 12): column, 发布机构, 文号, 成文日期/生成日期, 主题分类 and
 * 体裁分类 from the code lists, 关键词, 公开方式/时限/范围, 有效性 with its dates and the documents it amends or
 * repeals, and the policy an interpretation explains. Rendered inside the editor's antd Form.
 */
import { Card, Col, DatePicker, Form, Input, Row, Select, TreeSelect } from 'antd';
import { ItemPicker } from './ItemPicker';
import { columnTree, useCodes } from './use-pub-data';
import type { CatalogueColumn } from './types';
import { VALIDITY_LABELS } from './types';

const METHODS = ['主动公开', '依申请公开', '不予公开'];
const PERIODS = ['常年公开', '限时公开'];
const SCOPES = ['面向全社会', '面向特定对象'];
const opts = (xs: string[]) => xs.map((x) => ({ value: x, label: x }));

export function MetadataFields({ unitId, itemId, columns, known, disabled }: {
  unitId: string | null;
  itemId: string | null;
  columns: CatalogueColumn[];
  known: { value: string; label: string }[];
  disabled?: boolean;
}) {
  const { subjects, genres } = useCodes();
  const validity = Form.useWatch('validity');
  const tree = columnTree(columns, { onlyAccepting: true });
  const half = { xs: 24, md: 12 };
  return (
    <Card size="small" title="目录信息">
      <Row gutter={12}>
        <Col span={24}>
          <Form.Item name="columnId" label="栏目" rules={[{ required: true, message: '请选择栏目' }]}>
            <TreeSelect treeData={tree} showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandAll placeholder="选择发布到的栏目" disabled={disabled} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="publisher" label="发布机构" rules={[{ required: true, message: '请填写发布机构' }]}>
            <Input maxLength={100} disabled={disabled} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="docNumber" label="文号">
            <Input maxLength={100} placeholder="如 安发改〔2026〕3号" disabled={disabled} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="createdOn" label="成文日期/生成日期" rules={[{ required: true, message: '请填写生成日期' }]}
            extra="信息形成或变更的日期；《条例》第二十六条的发布时限从这一天起算">
            <DatePicker style={{ width: '100%' }} disabled={disabled} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="keywords" label="关键词">
            <Select mode="tags" tokenSeparators={[',', '，', ' ', '、']} maxCount={20} placeholder="输入后回车" open={false} suffixIcon={null} disabled={disabled} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="subject" label="主题分类" rules={[{ required: true, message: '请选择主题分类' }]}>
            <TreeSelect treeData={subjects} showSearch={{ treeNodeFilterProp: 'title' }} allowClear placeholder="选择主题分类" disabled={disabled} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="genre" label="体裁分类" rules={[{ required: true, message: '请选择体裁分类' }]}>
            <Select options={genres} showSearch={{ optionFilterProp: 'label' }} allowClear placeholder="选择体裁分类" disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="disclosureMethod" label="公开方式"><Select options={opts(METHODS)} disabled={disabled} /></Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="disclosurePeriod" label="公开时限"><Select options={opts(PERIODS)} disabled={disabled} /></Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="disclosureScope" label="公开范围"><Select options={opts(SCOPES)} disabled={disabled} /></Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="validity" label="有效性" extra="规章和行政规范性文件填写">
            <Select allowClear placeholder="不适用" options={Object.entries(VALIDITY_LABELS).map(([value, label]) => ({ value, label }))} disabled={disabled} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="effectiveOn" label="施行日期"><DatePicker style={{ width: '100%' }} disabled={disabled || !validity} /></Form.Item>
        </Col>
        {validity && validity !== 'inForce' && (
          <Col {...half}>
            <Form.Item name="validityChangedOn" label={validity === 'repealed' ? '废止日期' : '修改日期'} rules={[{ required: true, message: '请填写修改或废止日期' }]}>
              <DatePicker style={{ width: '100%' }} disabled={disabled} />
            </Form.Item>
          </Col>
        )}
        <Col span={24}>
          <Form.Item name="interpretsId" label="解读的政策" extra="本信息是政策解读时，选择它解读的政策文件；政策文件页面会显示解读链接">
            <ItemPicker unitId={unitId} known={known} excludeId={itemId ?? undefined} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="amendsIds" label="本文件修改的文件"><ItemPicker unitId={unitId} multiple known={known} excludeId={itemId ?? undefined} /></Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="repealsIds" label="本文件废止的文件"><ItemPicker unitId={unitId} multiple known={known} excludeId={itemId ?? undefined} /></Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
