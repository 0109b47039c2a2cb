/**
 * The body editor: Tiptap (ProseMirror) with headings, bold, lists, tables and links, and paste-from-Word
 * cleanup. What it produces is only a draft: the server sanitises the HTML on save (src/domain/publications/sanitize.ts).
 * Works as an antd Form control (value/onChange); the editable area is a labelled multi-line textbox.
 */
import {
  BoldOutlined, DeleteColumnOutlined, DeleteRowOutlined, InsertRowBelowOutlined, InsertRowRightOutlined, LinkOutlined, OrderedListOutlined,
  RedoOutlined, TableOutlined, UndoOutlined, UnorderedListOutlined, DisconnectOutlined, DeleteOutlined,
} from '@ant-design/icons';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Divider, Input, Modal, Tooltip } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { cleanPastedHtml } from './paste-cleanup';
import './editor.css';

interface Props {
  value?: string;
  onChange?: (html: string) => void;
  id?: string;
  label?: string;
  /** Hands the Tiptap instance to the page (the check panel selects a finding's range in it). */
  onEditor?: (editor: Editor | null) => void;
}

/** An empty editor answers <p></p>; the form stores ''. */
const normalise = (html: string) => (html === '<p></p>' ? '' : html);

export function RichEditor({ value, onChange, id, label = '正文', onEditor }: Props) {
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState('');
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] }, codeBlock: false, code: false,
        link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'], defaultProtocol: 'https' },
      }),
      Table.configure({ resizable: false }), TableRow, TableHeader, TableCell,
    ],
    content: value ?? '',
    editorProps: {
      attributes: { class: 'gk-rich-body', role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, ...(id ? { id } : {}) },
      transformPastedHTML: cleanPastedHtml,
    },
    onUpdate: ({ editor: e }) => onChange?.(normalise(e.getHTML())),
  });

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  // A value set from outside (the item loaded, a reset) replaces the content without echoing back.
  useEffect(() => {
    if (editor && (value ?? '') !== normalise(editor.getHTML())) editor.commands.setContent(value ?? '', { emitUpdate: false });
  }, [editor, value]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }), h3: e.isActive('heading', { level: 3 }), bold: e.isActive('bold'),
      bullet: e.isActive('bulletList'), ordered: e.isActive('orderedList'), link: e.isActive('link'), table: e.isActive('table'),
      canUndo: e.can().undo(), canRedo: e.can().redo(),
    }),
  });

  const tool = (key: string, title: string, icon: ReactNode, run: () => void, opts: { pressed?: boolean; disabled?: boolean; text?: string } = {}) => (
    <Tooltip title={title} key={key}>
      <Button size="small" type={opts.pressed ? 'primary' : 'text'} icon={icon} aria-label={opts.text ? `${opts.text}（${title}）` : title} aria-pressed={opts.pressed === undefined ? undefined : opts.pressed}
        disabled={opts.disabled} onMouseDown={(e) => e.preventDefault()} onClick={run}>{opts.text}</Button>
    </Tooltip>
  );
  const chain = () => editor.chain().focus();
  const openLink = () => {
    setHref((editor.getAttributes('link').href as string | undefined) ?? 'https://');
    setLinkOpen(true);
  };
  const applyLink = () => {
    const url = href.trim();
    if (!url || url === 'https://') chain().extendMarkRange('link').unsetLink().run();
    else chain().extendMarkRange('link').setLink({ href: url }).run();
    setLinkOpen(false);
  };

  return (
    <div className="gk-rich">
      <div className="gk-rich-toolbar" role="toolbar" aria-label={`${label}格式`}>
        {tool('h2', '二级标题', null, () => chain().toggleHeading({ level: 2 }).run(), { pressed: !!state?.h2, text: '标题' })}
        {tool('h3', '三级标题', null, () => chain().toggleHeading({ level: 3 }).run(), { pressed: !!state?.h3, text: '小标题' })}
        {tool('bold', '加粗', <BoldOutlined />, () => chain().toggleBold().run(), { pressed: !!state?.bold })}
        {tool('ul', '无序列表', <UnorderedListOutlined />, () => chain().toggleBulletList().run(), { pressed: !!state?.bullet })}
        {tool('ol', '有序列表', <OrderedListOutlined />, () => chain().toggleOrderedList().run(), { pressed: !!state?.ordered })}
        {tool('link', '插入或修改链接', <LinkOutlined />, openLink, { pressed: !!state?.link })}
        {state?.link && tool('unlink', '取消链接', <DisconnectOutlined />, () => chain().extendMarkRange('link').unsetLink().run())}
        <Divider orientation="vertical" />
        {tool('table', '插入表格（3行3列，含表头）', <TableOutlined />, () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), { disabled: !!state?.table })}
        {state?.table && (
          <>
            {tool('row', '在下方插入行', <InsertRowBelowOutlined />, () => chain().addRowAfter().run())}
            {tool('col', '在右侧插入列', <InsertRowRightOutlined />, () => chain().addColumnAfter().run())}
            {tool('delrow', '删除当前行', <DeleteRowOutlined />, () => chain().deleteRow().run())}
            {tool('delcol', '删除当前列', <DeleteColumnOutlined />, () => chain().deleteColumn().run())}
            {tool('deltable', '删除表格', <DeleteOutlined />, () => chain().deleteTable().run())}
          </>
        )}
        <Divider orientation="vertical" />
        {tool('undo', '撤销', <UndoOutlined />, () => chain().undo().run(), { disabled: !state?.canUndo })}
        {tool('redo', '重做', <RedoOutlined />, () => chain().redo().run(), { disabled: !state?.canRedo })}
      </div>
      <EditorContent editor={editor} />
      <Modal title="链接" open={linkOpen} onOk={applyLink} onCancel={() => setLinkOpen(false)} okText="确定" cancelText="取消" destroyOnHidden>
        <label htmlFor="gk-link-href">链接地址（留空则取消链接）</label>
        <Input id="gk-link-href" value={href} onChange={(e) => setHref(e.target.value)} onPressEnter={applyLink} autoFocus />
      </Modal>
    </div>
  );
}
