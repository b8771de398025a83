// What the reports use cases need: the booking ports (store, unit of work, lease, audit, clock,
// profiles) and the document library.
import type { BookingDeps } from '../meetings/booking-deps';
import type { ReportStore } from '../ports/report-store.port';

export interface ReportDeps extends BookingDeps {
  reports: ReportStore;
}
