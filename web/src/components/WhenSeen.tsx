/**
 * What a page shows below its first screen, drawn once scrolled to: its code (a chart's ECharts, the dashboard's
 * tables) is then loaded, not with the first screen. Until then, and while the code comes, a placeholder of about
 * its height holds its place, so that the page does not jump.
 */
import { Spin } from 'antd';
import { type ReactNode, Suspense, useEffect, useRef, useState } from 'react';

export function WhenSeen({
  label,
  height,
  className,
  role,
  children,
}: {
  /** What the placeholder stands for, to screen readers. */
  label: string;
  height: number;
  /** Marks the placeholder for those who wait for it to go (the tests' revealCharts). */
  className: string;
  role?: 'img' | 'region';
  children: ReactNode;
}) {
  const placeholder = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = placeholder.current;
    if (!element || seen) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen]);
  const waiting = (
    <div
      ref={placeholder}
      className={className}
      role={role}
      aria-label={label}
      aria-busy
      style={{ minHeight: height, display: 'grid', placeItems: 'center' }}
    >
      {seen && <Spin />}
    </div>
  );
  return seen ? <Suspense fallback={waiting}>{children}</Suspense> : waiting;
}
