/** The <option>s of a year picker (the year itself, or `label` of it). */
export function YearOptions({ years, label = String }: { years: readonly number[]; label?: (year: number) => string }) {
  return (
    <>
      {years.map((y) => (
        <option key={y} value={y}>
          {label(y)}
        </option>
      ))}
    </>
  );
}
