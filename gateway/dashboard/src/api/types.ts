/**
 * The API's shapes, taken from the services' OpenAPI documents (openapi/*.json, generated into ./generated on every
 * build). A renamed or removed field fails `tsc` wherever the dashboard uses it.
 */
import type {components as Identity} from './generated/identity-service';
import type {components as Projects} from './generated/project-service';
import type {components as Builds} from './generated/build-service';
import type {components as Runtime} from './generated/runtime-service';
import type {components as Metrics} from './generated/metrics-service';
import type {components as Billing} from './generated/billing-service';

/**
 * springdoc marks a record's components optional unless they are annotated as required, and Jackson sends an empty
 * one as `null`. `Sent<T, K>` is the schema with the fields K that the service always fills (Java primitives, ids,
 * states) required and non-null, and the others optional or null. A K the document no longer has fails `tsc` too.
 */
export type Sent<T, K extends keyof T = never> = OrNull<Omit<T, K>> & {[P in K]-?: NonNullable<T[P]>};
type OrNull<T> = {[P in keyof T]: undefined extends T[P] ? T[P] | null : T[P]};

/** T with the fields K also taking null: a request whose empty fields the service is left to name in its answer. */
export type Nullable<T, K extends keyof T> = Without<T, K> & {[P in K]: T[P] | null};

/** `Omit` that fails `tsc` when a key is not (or no longer) in T: for the nested schemas retyped with `Sent`. */
export type Without<T, K extends keyof T> = Omit<T, K>;

export type Me = Identity['schemas']['Me'];
export type TokenPair = Identity['schemas']['SessionView'];
export type Credentials = Identity['schemas']['Credentials'];
export type Repository = Identity['schemas']['RepositoryView'];
export type Branch = Identity['schemas']['BranchSummary'];
export type UserDetails = Identity['schemas']['UserDetails'];
export type AuditEntry = Identity['schemas']['AuditEntry'];

export type Project = Projects['schemas']['ProjectView'];
export type CreateProject = Projects['schemas']['CreateProject'];
export type Deployment = Projects['schemas']['DeploymentView'];

export type Build = Builds['schemas']['BuildView'];
export type EnvSuggestion = Builds['schemas']['EnvSuggestion'];

export type AppView = Runtime['schemas']['AppView'];
export type RuntimeSettings = Runtime['schemas']['Settings'];
export type Variable = Runtime['schemas']['VariableView'];
export type Variables = Runtime['schemas']['VariablesView'];
export type RuntimeLogLine = Runtime['schemas']['LineView'];

/** Settings that `PATCH /api/v1/projects/{id}` accepts (its body is untyped JSON in the document). */
export type ProjectPatch = Partial<Pick<Project, 'branch' | 'autoDeploy' | 'rootDirectory' | 'installCommand'
  | 'buildCommand' | 'startCommand' | 'port' | 'dockerfilePath'>>;

/**
 * One line of a build log stream (event `line` or `phase`; `end` adds outcome and error). Hand-written: the stream is
 * server-sent events, which the document gives only as `SseEmitter`.
 */
export interface BuildLogEvent {
  id?: string;
  event: 'line' | 'phase' | 'end';
  at: string | null;
  phase: string | null;
  text: string;
  outcome?: string;
  error?: string;
}

/** Deployment statuses (project-service DeploymentStatus) that are still moving. */
export const ACTIVE_DEPLOYMENT = ['QUEUED', 'BUILDING', 'DEPLOYING'];

export type ApiToken = Identity['schemas']['TokenView'];
export type CreateApiToken = Identity['schemas']['CreateRequest'];
export type CreatedApiToken = Identity['schemas']['CreatedView'];

export type RuntimeEntry = Builds['schemas']['RuntimeEntry'];
export type RuntimeRequest = Builds['schemas']['RuntimeRequest'];

export type QueuedDeployment = Sent<Metrics['schemas']['QueuedDeployment'], 'deploymentId' | 'projectId'
  | 'requestedAt' | 'waitingFor'>;
export type Capacity = Without<Sent<Metrics['schemas']['CapacityView'], 'host' | 'cpuCores' | 'cpuPercent'
  | 'cpuAveragePercent' | 'memoryTotalBytes' | 'memoryUsedBytes' | 'memoryPercent' | 'diskTotalBytes' | 'diskUsedBytes'
  | 'diskPercent' | 'thresholdPercent' | 'admitting' | 'queuedDeployments'>, 'queuedDeployments'>
  & {queuedDeployments: QueuedDeployment[]};
/** GET /api/v1/admin/containers: nothing in it says whose a container is. */
export type ContainerRow = Sent<Metrics['schemas']['Row'], 'id' | 'kind' | 'status' | 'cpuPercent' | 'cpuPercentOfHost'
  | 'memoryBytes' | 'memoryLimitBytes' | 'uptimeSeconds' | 'restartCount'>;
export type ThresholdChange = Metrics['schemas']['ThresholdChange'];
export type Alert = Sent<Metrics['schemas']['Alert'], 'id' | 'kind' | 'severity' | 'state' | 'message' | 'openings'
  | 'openedAt'>;
export type Plan = Billing['schemas']['PlanView'];
export type AdjustmentRequest = Billing['schemas']['AdjustmentRequest'];
export type LedgerEntry = Billing['schemas']['EntryView'];

// metrics-service: container metrics, HTTP analytics, alerts and notification channels.
export type MetricSeries = Metrics['schemas']['ContainerMetricSeries'];
export type MetricPoint = Metrics['schemas']['MetricPoint'];
export type AnalyticsReport = Metrics['schemas']['Report'];
export type NotificationChannel = Metrics['schemas']['NotificationChannel'];
export type NewNotificationChannel = Metrics['schemas']['NewNotificationChannel'];
export type Domain = Runtime['schemas']['Domain'];
