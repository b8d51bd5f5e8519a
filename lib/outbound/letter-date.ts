/** The place and date line of a French letter: « Lyon, le 1er décembre 2026 ». */

const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** `isoDate` is a business date "yyyy-mm-dd"; without a city the line is « Le 25 novembre 2026 ». */
export function letterDateLine(city: string | null | undefined, isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split("-").map(Number);
  const date = `le ${day === 1 ? "1er" : day} ${months[month - 1]} ${year}`;
  return city?.trim() ? `${city.trim()}, ${date}` : `L${date.slice(1)}`;
}
