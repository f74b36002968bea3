import type { ApprovalService } from '../../services/ApprovalService.js';
import type { AuthService } from '../../services/AuthService.js';
import type { Clock } from '../../services/Clock.js';
import type { Dashboard } from '../../services/Dashboard.js';
import type { DeadlineRecompute } from '../../services/DeadlineRecompute.js';
import type { DefinitionService } from '../../services/DefinitionService.js';
import type { FileCleanup } from '../../services/FileCleanup.js';
import type { FileService } from '../../services/FileService.js';
import type { FormValidators } from '../../services/FormValidators.js';
import type { RecordService } from '../../services/RecordService.js';
import type { Scheduler } from '../../services/clock/Scheduler.js';
import type { ApprovalEscalation } from '../../services/ApprovalEscalation.js';
import type { Store } from '../../store/Store.js';
import type { PeopleDirectory } from '../../services/people/PeopleDirectory.js';
import type { Dispatch } from '../../services/records/Dispatch.js';
import type { MyJobs } from '../../services/records/MyJobs.js';
import type { ChannelService } from '../../services/notices/ChannelService.js';
import type { NoticeWorker } from '../../services/notices/NoticeWorker.js';

/** The use cases the routes call. */
export interface Services {
  store: Store;
  clock: Clock;
  auth: AuthService;
  definitions: DefinitionService;
  records: RecordService;
  approvals: ApprovalService;
  files: FileService;
  fileCleanup: FileCleanup;
  validators: FormValidators;
  dashboard: Dashboard;
  scheduler: Scheduler;
  deadlineRecompute: DeadlineRecompute;
  /** Approvals waiting on a role nobody holds in the store: flagged, then escalated (runs beside the scheduler). */
  escalation: ApprovalEscalation;
  secureCookies: boolean;
  /** The people and stores person and store fields name. */
  people: PeopleDirectory;
  dispatch: Dispatch;
  myJobs: MyJobs;
  /** Outbound notices: channels per store and the worker that delivers them. */
  channels: ChannelService;
  notices: NoticeWorker;
}
