export type RateParse = { ok: true; perSecond: number } | { ok: false; message: string };

const UNITS: Record<string, number> = {
  s: 1,
  sec: 1,
  second: 1,
  m: 60,
  min: 60,
  minute: 60,
  h: 3600,
  hour: 3600,
};

/** Reads `--rate`: `10/s`, `600/min`, `5000/h`, or a bare number of messages a second. */
export function parseRate(text: string): RateParse {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*([a-z]+))?\s*$/i.exec(text);
  const unit = UNITS[(match?.[2] ?? "s").toLowerCase()];
  const count = Number(match?.[1]);
  if (!match || unit === undefined || !(count > 0))
    return { ok: false, message: `--rate "${text}" is not a rate (expected e.g. 10/s, 600/min or 5000/h)` };
  return { ok: true, perSecond: count / unit };
}
