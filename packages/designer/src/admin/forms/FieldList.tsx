import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined, RightOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Dropdown, Empty, Tag, Tooltip } from 'antd';
import { useI18n } from '../../i18n/I18nContext';
import { fieldTypesAt, type FieldModel, type FieldType } from './fieldModel';
import { FIELD_TYPE_LABEL } from './fieldTypeLabel';

export interface FieldListProps {
  fields: FieldModel[];
  /** Keys of the group/lines fields opened, from the root. */
  path: string[];
  selected: string | null;
  onSelect: (key: string) => void;
  onOpen: (path: string[]) => void;
  onMove: (from: number, to: number) => void;
  onRemove: (key: string) => void;
  onAdd: (type: Exclude<FieldType, 'advanced'>) => void;
  pathLabels: string[];
}

/** The fields of one level, reorderable by drag and drop (mouse, touch or keyboard: space, arrows, space) or by buttons. */
export function FieldList(props: FieldListProps) {
  const { t, text } = useI18n();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const keys = props.fields.map((f) => f.key);
  const onDragEnd = (event: DragEndEvent) => {
    if (!event.over || event.active.id === event.over.id) return;
    props.onMove(keys.indexOf(String(event.active.id)), keys.indexOf(String(event.over.id)));
  };
  const labelOf = (f: FieldModel) => text(f.label) || f.key;

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <a onClick={() => props.onOpen([])}>{t('fields.allFields')}</a> },
          ...props.path.map((_, i) => ({
            title:
              i === props.path.length - 1 ? (
                props.pathLabels[i]
              ) : (
                <a onClick={() => props.onOpen(props.path.slice(0, i + 1))}>{props.pathLabels[i]}</a>
              ),
          })),
        ]}
      />
      {props.fields.length === 0 && <Empty description={t('fields.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: t('fields.dragInstructions') },
          announcements: {
            onDragStart: ({ active }) => t('fields.dragStart', { field: String(active.id) }),
            onDragOver: ({ active, over }) =>
              over ? t('fields.dragOver', { field: String(active.id), position: keys.indexOf(String(over.id)) + 1 }) : '',
            onDragEnd: ({ active, over }) =>
              over ? t('fields.dragEnd', { field: String(active.id), position: keys.indexOf(String(over.id)) + 1 }) : '',
            onDragCancel: ({ active }) => t('fields.dragCancel', { field: String(active.id) }),
          },
        }}
      >
        <SortableContext items={keys} strategy={verticalListSortingStrategy}>
          <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('fields.listLabel')}>
            {props.fields.map((field, index) => (
              <SortableField
                key={field.key}
                field={field}
                label={labelOf(field)}
                typeLabel={t(FIELD_TYPE_LABEL[field.type])}
                selected={props.selected === field.key}
                first={index === 0}
                last={index === props.fields.length - 1}
                onSelect={() => props.onSelect(field.key)}
                onUp={() => props.onMove(index, index - 1)}
                onDown={() => props.onMove(index, index + 1)}
                onRemove={() => props.onRemove(field.key)}
                onOpen={field.type === 'group' || field.type === 'lines' ? () => props.onOpen([...props.path, field.key]) : undefined}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <Dropdown
        trigger={['click']}
        menu={{
          // Stays on screen on a laptop (1280x720 and above): the list scrolls instead of running off the top.
          className: 'on-screen-menu',
          items: fieldTypesAt(props.path.length > 0).map((type) => ({ key: type, label: t(FIELD_TYPE_LABEL[type]) })),
          onClick: ({ key }) => props.onAdd(key as Exclude<FieldType, 'advanced'>),
        }}
      >
        <Button type="dashed" block style={{ marginTop: 8 }}>
          {t('fields.add')}
        </Button>
      </Dropdown>
    </div>
  );
}

interface SortableFieldProps {
  field: FieldModel;
  label: string;
  typeLabel: string;
  selected: boolean;
  first: boolean;
  last: boolean;
  onSelect: () => void;
  onUp: () => void;
  onDown: () => void;
  onRemove: () => void;
  onOpen: (() => void) | undefined;
}

function SortableField(props: SortableFieldProps) {
  const { t } = useI18n();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: props.field.key });
  return (
    <li
      ref={setNodeRef}
      className={`field-row${props.selected ? ' selected' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.6 : 1 }}
    >
      <Button
        type="text"
        size="small"
        className="drag-handle"
        icon={<HolderOutlined />}
        {...attributes}
        {...listeners}
        aria-label={t('fields.dragHandle', { field: props.label })}
      />
      <Button type="text" className="field-label" onClick={props.onSelect} aria-pressed={props.selected} data-field-key={props.field.key}>
        {props.label}
        {props.field.required && (
          <span aria-label={t('fields.required')} style={{ color: '#cf1322' }}>
            {' '}
            *
          </span>
        )}
      </Button>
      <Tag style={{ marginInlineEnd: 0 }}>{props.typeLabel}</Tag>
      {props.onOpen && (
        <Tooltip title={t('fields.openChildren')}>
          <Button
            size="small"
            type="text"
            icon={<RightOutlined />}
            onClick={props.onOpen}
            aria-label={t('fields.openChildrenOf', { field: props.label })}
          />
        </Tooltip>
      )}
      <Button
        size="small"
        type="text"
        icon={<ArrowUpOutlined />}
        disabled={props.first}
        onClick={props.onUp}
        aria-label={t('fields.moveUp', { field: props.label })}
      />
      <Button
        size="small"
        type="text"
        icon={<ArrowDownOutlined />}
        disabled={props.last}
        onClick={props.onDown}
        aria-label={t('fields.moveDown', { field: props.label })}
      />
      <Button
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        onClick={props.onRemove}
        aria-label={t('fields.remove', { field: props.label })}
      />
    </li>
  );
}
