// Each alert's text, made in one place in both languages (docs/api.md C5–C8): an alert carries its
// `text` and `params`; the server writes `message` in English with these, and the lead's page
// renders the same text in the reader's language.
import type { AlertKind } from "./shapes.ts";

export type Language = "zh" | "en";

/** The parameters of each alert text. */
export interface AlertParams {
  "plan-gaps": { gaps: number; minutes: number };
  "no-relief-after-tubes": { point: string; desk: number; sealed: number };
  "relief-requested": { staff: string; point: string; desk: number; called: string | null };
  unwell: { staff: string; reason: string | null; relievedBy: string[]; gapsLeft: number };
  "tube-ageing": { tube: string; ageMinutes: number; maxTubeAgeMinutes: number; labTravelMinutes: number };
  "box-over-age": { box: string; tubes: number; maxTubeAgeMinutes: number };
  positive: { tube: string; residents: number };
  /** `at`: the wall-clock hour, "HH:mm". */
  /** A point's heat band rises: GBZ 2.2 share of time ("100%" … "stop") or TB MED 507 category. */
  "heat-rising": { point: string; from: string; to: string; at: string; wbgt: number };
  "resident-two-tubes": { resident: string; tubes: string[] };
  "resident-swabbed-again": { resident: string; tubes: string[]; tube: string };
  "swab-unknown-building": { building: string; point: string; desk: number };
  "swap-accepted": { from: string; to: string; assignment: string };
}

export type AlertText = keyof AlertParams;

type Texts = { [K in AlertText]: Record<Language, (p: AlertParams[K]) => string> };

const list = (items: string[], language: Language) => items.join(language === "zh" ? "、" : ", ");

const TEXTS: Texts = {
  "plan-gaps": {
    en: (p) => `the published plan leaves ${p.gaps} gap(s), ${p.minutes} desk-minutes unstaffed`,
    zh: (p) => `已发布的排班有 ${p.gaps} 处缺口，共 ${p.minutes} 台·分钟无人`,
  },
  "no-relief-after-tubes": {
    en: (p) => `${p.point} desk ${p.desk}: ${p.sealed} tubes sealed this stint, but no rested sampler is free to take over`,
    zh: (p) => `${p.point} 第${p.desk}台：本班次已封 ${p.sealed} 管，但没有休息过的采样员可以接替`,
  },
  "relief-requested": {
    en: (p) => `${p.staff} asks for relief at ${p.point} desk ${p.desk}; ${p.called ? `${p.called} is called` : "nobody rested is free"}`,
    zh: (p) => `${p.staff} 在 ${p.point} 第${p.desk}台请求替换；${p.called ? `已呼叫 ${p.called}` : "没有休息过的人员可替换"}`,
  },
  unwell: {
    en: (p) =>
      `${p.staff} is off duty (${p.reason ?? "reported unwell"}); ${p.relievedBy.length ? `relieved by ${list(p.relievedBy, "en")}` : "nobody free to relieve"}${p.gapsLeft ? `; ${p.gapsLeft} gap(s) left` : ""}`,
    zh: (p) =>
      `${p.staff} 已下岗（${p.reason ?? "报告身体不适"}）；${p.relievedBy.length ? `由 ${list(p.relievedBy, "zh")} 接替` : "无人可接替"}${p.gapsLeft ? `；仍有 ${p.gapsLeft} 处缺口` : ""}`,
  },
  "tube-ageing": {
    en: (p) =>
      `tube ${p.tube} is ${p.ageMinutes} minutes old and not yet at the lab (limit ${p.maxTubeAgeMinutes}, trip ${p.labTravelMinutes}); send it now`,
    zh: (p) => `样本管 ${p.tube} 已采集 ${p.ageMinutes} 分钟，尚未送达实验室（时限 ${p.maxTubeAgeMinutes}，路程 ${p.labTravelMinutes}）；请立即送检`,
  },
  "box-over-age": {
    en: (p) => `box ${p.box} reached the lab with ${p.tubes} tube(s) over ${p.maxTubeAgeMinutes} minutes old`,
    zh: (p) => `转运箱 ${p.box} 送达实验室时有 ${p.tubes} 管超过 ${p.maxTubeAgeMinutes} 分钟`,
  },
  positive: {
    en: (p) => `tube ${p.tube} is positive: ${p.residents} residents to isolate and re-swab at home, one tube each`,
    zh: (p) => `样本管 ${p.tube} 阳性：${p.residents} 名居民需就地隔离并上门单采复核`,
  },
  "heat-rising": {
    en: (p) => `heat at ${p.point} rises from ${p.from} to ${p.to} at ${p.at} (effective WBGT ${p.wbgt} °C): ${p.to === "stop" ? "desks there close" : "shorten stints"}`,
    zh: (p) => `${p.at} 起 ${p.point} 热强度由 ${p.from} 升至 ${p.to}（有效 WBGT ${p.wbgt} °C）：${p.to === "stop" ? "该点采样台暂停" : "请缩短每班时长"}`,
  },
  "resident-two-tubes": {
    en: (p) => `resident ${p.resident} is in ${p.tubes.length} open tubes (${list(p.tubes, "en")}); check the desk`,
    zh: (p) => `居民 ${p.resident} 同时在 ${p.tubes.length} 个未封管中（${list(p.tubes, "zh")}）；请核查采样台`,
  },
  "swab-unknown-building": {
    en: (p) => `a swab at ${p.point} desk ${p.desk} names building "${p.building}", which the site does not have; it is kept: correct the building list or the desk`,
    zh: (p) => `${p.point} 第 ${p.desk} 台的采样记录填写了本点没有的楼栋“${p.building}”；记录已保留，请核对楼栋名单或采样台`,
  },
  "resident-swabbed-again": {
    en: (p) => `resident ${p.resident} was swabbed again into ${p.tube} today after sealed tube(s) ${list(p.tubes, "en")}; check the desk`,
    zh: (p) => `居民 ${p.resident} 今日已在已封管 ${list(p.tubes, "zh")} 中采样，又被采入 ${p.tube}；请核查采样台`,
  },
  "swap-accepted": {
    en: (p) => `${p.to} accepted ${p.from}'s assignment ${p.assignment}; approve or reject it`,
    zh: (p) => `${p.to} 已接受 ${p.from} 的班次 ${p.assignment}；请批准或驳回`,
  },
};

/** Each alert kind's name, as the lead's board heads an alert with it. */
export const ALERT_KIND_NAMES: Record<AlertKind, Record<Language, string>> = {
  gap: { en: "gap", zh: "缺口" },
  unwell: { en: "unwell", zh: "身体不适" },
  "tube-age": { en: "tube age", zh: "样本时效" },
  positive: { en: "positive", zh: "阳性" },
  heat: { en: "heat", zh: "高温" },
  "resident-two-tubes": { en: "two tubes", zh: "一人多管" },
  swap: { en: "swap", zh: "换班" },
  building: { en: "building", zh: "楼栋" },
};

/**
 * An alert's text in a language.
 * @example alertMessage("positive", { tube: "T-1", residents: 10 }, "en") // "tube T-1 is positive: 10 residents to isolate and re-swab at home, one tube each"
 * @example alertMessage("box-over-age", { box: "B1", tubes: 2, maxTubeAgeMinutes: 240 }, "zh") // "转运箱 B1 送达实验室时有 2 管超过 240 分钟"
 */
export function alertMessage<K extends AlertText>(text: K, params: AlertParams[K], language: Language): string {
  return (TEXTS[text][language] as (p: AlertParams[K]) => string)(params);
}

/** Whether a stored or pushed alert names a text this table knows (older alerts carry only `message`). */
export function isAlertText(text: unknown): text is AlertText {
  return typeof text === "string" && Object.hasOwn(TEXTS, text);
}
