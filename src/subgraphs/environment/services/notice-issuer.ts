/**
 * The bureau that issues credit record notices (DOMAIN.md §10): HUB_NOTICE_BUREAU, by default the
 * city's ecology & environment bureau. Set per deployment, since the hub serves one city's bureau.
 */
export function noticeBureau(): string {
  return process.env.HUB_NOTICE_BUREAU?.trim() || '连云港市生态环境局';
}
