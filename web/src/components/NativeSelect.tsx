/**
 * A choice among a few fixed options, as the browser draws it: the header's pickers stand on every page, and
 * antd's select (some 50 kB of script gzipped with its list and popup) would load for them before anything else.
 * On a phone the system's own list opens, which is what a phone user expects.
 */
export interface NativeOption {
  value: string;
  label: string;
  /** The option's own language, where it is not the page's (a language named in itself). */
  lang?: string;
}

export function NativeSelect({
  label,
  value,
  options,
  onChange,
  width,
}: {
  label: string;
  value: string;
  options: readonly NativeOption[];
  onChange(value: string): void;
  width: number;
}) {
  return (
    <select
      className="native-select"
      aria-label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      style={{ width }}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value} lang={option.lang}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
