/**
 * A table of a list that becomes cards on a phone: every cell carries its column's title (`data-label`), which
 * styles.css shows beside the value once the screen is too narrow for columns, so that no list is a squeezed
 * desktop table scrolled sideways.
 */
import { Table, type TableColumnsType, type TableProps } from 'antd';
import { ExportButton, type ExportOf } from './ExportButton.js';

/**
 * The columns with each cell labelled by its column's title (where the title is text), and every column shown
 * on a phone.
 */
function labelled<T>(columns: TableColumnsType<T>): TableColumnsType<T> {
  return columns.map((column) => {
    const label = typeof column.title === 'string' ? column.title : '';
    const onCell = column.onCell;
    return {
      ...column,
      onCell: (row: T, index?: number) => ({ ...onCell?.(row, index), 'data-label': label }),
      // A column a narrow table leaves out has room on a phone's card (antd's xs is the cards' width).
      ...(column.responsive ? { responsive: [...new Set(['xs' as const, ...column.responsive])] } : {}),
    };
  });
}

/** `exportOf`: the list this table shows, downloadable as a spreadsheet with every row (a button above it). */
export function ListTable<T extends object>({
  columns = [],
  className,
  exportOf,
  'aria-label': label,
  ...props
}: TableProps<T> & { exportOf?: ExportOf | undefined; 'aria-label'?: string }) {
  return (
    <>
      {exportOf && (
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
          <ExportButton {...exportOf} {...(label ? { label } : {})} />
        </div>
      )}
      <Table<T>
        {...props}
        aria-label={label}
        className={className ? `phone-cards ${className}` : 'phone-cards'}
        columns={labelled(columns)}
      />
    </>
  );
}
