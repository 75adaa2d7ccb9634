// Chinese names of activities and roles, as printed on the workbook and in calendar entries.
export const ACTIVITY_ZH: Record<string, string> = { desk: "采样台", standby: "待命", rest: "休息", break: "脱防护服休息", meal: "用餐", home: "上门采样", pickup: "转运" };
export const ROLE_ZH: Record<string, string> = { sampler: "采样员", registrar: "登记员", marshal: "秩序维护", courier: "转运", lead: "组长" };

