// Socket.IO room names: one per staff member, one for leads, one per point's queue.
export const rooms = {
  staff: (site: string, staff: string) => `staff:${site}:${staff}`,
  leads: "leads",
  point: (site: string, point: string) => `queue:${site}:${point}`,
};
