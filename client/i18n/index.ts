// The language of the pages: Chinese unless the person switched to English; strings by key.
import { zh, type MessageKey, type Messages } from "./zh.ts";
import { en } from "./en.ts";

import type { Language } from "../../shared/live/alert-texts.ts";

export type { Language };
const catalogues: Record<Language, Messages> = { zh, en };
const listeners: (() => void)[] = [];
// Read on first use, not at import: a module that only formats text has no page to read it from.
let current: Language | undefined;

function readSaved(): Language {
  try {
    const saved = localStorage.getItem("tenfold.lang");
    if (saved === "en" || saved === "zh") return saved;
  } catch {
    // Storage may be off (private mode); Chinese is the default.
  }
  if (typeof location === "undefined") return "zh";
  const fromUrl = new URLSearchParams(location.search).get("lang");
  return fromUrl === "en" ? "en" : "zh";
}

export function language(): Language {
  return (current ??= readSaved());
}

/**
 * The string for a key in the current language, with `{name}` placeholders filled.
 * @example t("resident.waiting", { n: 12 }) // "排队 12 人"
 */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = catalogues[language()][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (name in vars ? String(vars[name]) : `{${name}}`));
}

export function setLanguage(lang: Language): void {
  current = lang;
  try {
    localStorage.setItem("tenfold.lang", lang);
  } catch {
    // Not saved: the switch still holds for this visit.
  }
  applyStatic();
  for (const listener of listeners) listener();
}

/** Calls `render` again whenever the language changes. */
export function onLanguageChange(render: () => void): void {
  listeners.push(render);
}

/** Fills every `data-i18n` element of the static HTML and wires the `#lang` switch. */
export function applyStatic(): void {
  document.documentElement.lang = language() === "zh" ? "zh-CN" : "en";
  for (const el of document.querySelectorAll<HTMLElement>("[data-i18n]")) el.textContent = t(el.dataset.i18n as MessageKey);
  for (const el of document.querySelectorAll<HTMLInputElement>("[data-i18n-placeholder]"))
    el.placeholder = t(el.dataset.i18nPlaceholder as MessageKey);
  const title = document.querySelector<HTMLElement>("[data-i18n-title]");
  if (title) document.title = t(title.dataset.i18nTitle as MessageKey);
}

/** Wires the language button once; call at page start. */
export function initLanguage(): void {
  applyStatic();
  const button = document.getElementById("lang");
  button?.addEventListener("click", () => setLanguage(language() === "zh" ? "en" : "zh"));
}

export type { MessageKey };
