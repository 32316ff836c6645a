/**
 * A titled box in the look of antd's small card, for what stands on a page's first screen: antd's card brings its
 * tabs (some 11 kB of script gzipped) wherever it is used. A titled panel is a region named by its title.
 */
import type { CSSProperties, ReactNode } from 'react';

export function Panel({
  title,
  label,
  extra,
  style,
  children,
}: {
  title?: ReactNode;
  /** The region's name where it has no title to be named by. */
  label?: string;
  extra?: ReactNode;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <section
      className="panel"
      aria-label={label ?? (typeof title === 'string' ? title : undefined)}
      style={style}
    >
      {title !== undefined && (
        <div className="panel-head">
          <div className="panel-title">{title}</div>
          {extra && <div className="panel-extra">{extra}</div>}
        </div>
      )}
      <div className="panel-body">{children}</div>
    </section>
  );
}
