// The access-code sign-in shared by the staff and lead pages (POST /api/v1/login, docs/api.md C10).
import { api, ApiError } from "./api.ts";
import { h, replace } from "./dom.ts";
import { t } from "../i18n/index.ts";
import type { LoginAnswer } from "./contract.ts";
import { saveSession, type Session } from "./session.ts";

/** Shows the sign-in form in `host`; resolves once a code of an allowed role signs in. */
export function signIn(host: HTMLElement, page: string, roles: Session["role"][]): Promise<Session> {
  return new Promise((resolve) => {
    const code = h("input", { id: "code", name: "code", autocomplete: "one-time-code", autocapitalize: "characters", required: true, placeholder: t("app.codeHint") });
    const message = h("p", { class: "err", role: "alert" });
    const form = h(
      "form",
      { class: "card signin" },
      h("label", { for: "code" }, t("app.code")),
      code,
      h("button", { type: "submit", class: "primary" }, t("app.signIn")),
      message,
    );
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      message.textContent = "";
      try {
        const answer = await api<LoginAnswer>("/api/v1/login", { body: { code: code.value.trim() } });
        if (!roles.includes(answer.role)) throw new ApiError(403, "FORBIDDEN", t("app.badCode"));
        const session: Session = { token: answer.token, role: answer.role, site: answer.site, staff: answer.staff, name: answer.name };
        saveSession(page, session);
        resolve(session);
      } catch (err) {
        message.textContent = err instanceof ApiError && err.status === 401 ? t("app.badCode") : t("app.error", { message: (err as Error).message });
      }
    });
    replace(host, form);
    code.focus();
  });
}
