-- Pipelines: the Bitbucket Pipelines runs of a repository, oldest first.
-- @endpoint /repositories/{workspace}/{repo_slug}/pipelines
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   insert
CREATE TABLE Pipelines (
  Workspace                 VARCHAR(64)   NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug            VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  Uuid                      VARCHAR(38)   NOT NULL, -- uuid | The UUID identifying the pipeline.
  BuildNumber               INTEGER,                -- build_number | The build number of the pipeline.
  Type                      VARCHAR(32),            -- type | The object type, "pipeline".
  StateName                 VARCHAR(16),            -- state.name | PENDING, IN_PROGRESS or COMPLETED.
  StateType                 VARCHAR(64),            -- state.type | The state's object type (pipeline_state_completed...).
  StateResultName           VARCHAR(16),            -- state.result.name @param status | Once COMPLETED: SUCCESSFUL, FAILED, ERROR, STOPPED or EXPIRED.
  StateResultType           VARCHAR(64),            -- state.result.type | The result's object type.
  StateResultErrorKey       VARCHAR(255),           -- state.result.error.key | The error key, for an ERROR result.
  StateResultErrorMessage   VARCHAR(1024),          -- state.result.error.message | The error message, for an ERROR result.
  StateResultTerminatorDisplayName VARCHAR(255),    -- state.result.terminator.display_name | Who stopped it, for a STOPPED result.
  StateResultTerminatorUuid VARCHAR(38),            -- state.result.terminator.uuid | The id of who stopped it.
  StateResultTerminatorAccountId VARCHAR(128),      -- state.result.terminator.account_id | The Atlassian account id of who stopped it.
  StateStageName            VARCHAR(16),            -- state.stage.name | While IN_PROGRESS: RUNNING, PAUSED or HALTED.
  StateStageType            VARCHAR(64),            -- state.stage.type | The stage's object type.
  CreatorDisplayName        VARCHAR(255),           -- creator.display_name | Who or what started the pipeline.
  CreatorUuid               VARCHAR(38),            -- creator.uuid @param creator.uuid | The creator's id.
  CreatorAccountId          VARCHAR(128),           -- creator.account_id | The creator's Atlassian account id.
  CreatorNickname           VARCHAR(255),           -- creator.nickname | The creator's nickname.
  TargetType                VARCHAR(64),            -- target.type | pipeline_ref_target (a branch or tag) or pipeline_commit_target.
  TargetRefType             VARCHAR(16),            -- target.ref_type @param target.ref_type | The type of reference (branch, tag, named_branch, bookmark).
  TargetRefName             VARCHAR(255),           -- target.ref_name @param target.ref_name | The name of the reference.
  TargetCommitHash          VARCHAR(64),            -- target.commit.hash @param target.commit.hash | The commit the pipeline ran on.
  TargetSelectorType        VARCHAR(16),            -- target.selector.type @param target.selector.type | The type of selector (branches, tags, bookmarks, default, custom).
  TargetSelectorPattern     VARCHAR(255),           -- target.selector.pattern @param target.selector.pattern | The name of the matching pipeline definition.
  TriggerName               VARCHAR(32),            -- trigger.name @param trigger_type | What started it: PUSH, MANUAL, SCHEDULE...
  TriggerType               VARCHAR(64),            -- trigger.type | The trigger's object type.
  CreatedOn                 TIMESTAMP,              -- created_on @sort | The timestamp when the pipeline was created.
  CompletedOn               TIMESTAMP,              -- completed_on | The timestamp when the Pipeline was completed. This is not set if the pipeline is still in progress.
  RunNumber                 INTEGER,                -- run_number | The run number: above 1 once the pipeline was re-run.
  DurationInSeconds         INTEGER,                -- duration_in_seconds | How long it ran, in seconds.
  BuildSecondsUsed          INTEGER,                -- build_seconds_used | The number of build seconds used by this pipeline.
  FirstSuccessful           BIT,                    -- first_successful | Whether it is the repository's first successful pipeline.
  Expired                   BIT,                    -- expired | Whether its results have expired.
  HasVariables              BIT,                    -- has_variables | Whether it was started with custom variables.
  Variables                 JSON,                   -- variables | The variables for the pipeline, as JSON.
  ConfigurationSources      JSON,                   -- configuration_sources | An ordered list of sources of the pipeline configuration, as JSON.
  RepositoryFullName        VARCHAR(255),           -- repository.full_name | The repository's full name.
  RepositoryUuid            VARCHAR(38),            -- repository.uuid | The repository's id.
  RepositoryName            VARCHAR(255),           -- repository.name | The repository's name.
  SelfUrl                   VARCHAR(512),           -- links.self.href | The pipeline's address in the Pipelines service.
  PRIMARY KEY (Workspace, RepositorySlug, Uuid)
);

-- PipelineSteps: the steps of a pipeline.
-- @endpoint /repositories/{workspace}/{repo_slug}/pipelines/{pipeline_uuid}/steps
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @fanout   pipeline_uuid = Pipelines.Uuid
-- @writes   none
CREATE TABLE PipelineSteps (
  Workspace                 VARCHAR(64)   NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug            VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  PipelineUuid              VARCHAR(38)   NOT NULL, -- {pipeline_uuid} | The pipeline's id (Pipelines.Uuid).
  Uuid                      VARCHAR(38)   NOT NULL, -- uuid | The UUID identifying the step.
  Name                      VARCHAR(255),           -- name | The step's name.
  Type                      VARCHAR(32),            -- type | The object type, "pipeline_step".
  StateName                 VARCHAR(16),            -- state.name | PENDING, READY, IN_PROGRESS or COMPLETED.
  StateType                 VARCHAR(64),            -- state.type | The state's object type.
  StateResultName           VARCHAR(16),            -- state.result.name | Once COMPLETED: SUCCESSFUL, FAILED, ERROR, STOPPED, NOT_RUN or EXPIRED.
  StateResultType           VARCHAR(64),            -- state.result.type | The result's object type.
  StateResultErrorKey       VARCHAR(255),           -- state.result.error.key | The error key, for an ERROR result.
  StateResultErrorMessage   VARCHAR(1024),          -- state.result.error.message | The error message, for an ERROR result.
  TriggerType               VARCHAR(64),            -- trigger.type | How the step starts (pipeline_step_trigger_automatic or _manual).
  StartedOn                 TIMESTAMP,              -- started_on | The timestamp when the step execution was started. This is not set when the step hasn't executed yet.
  CompletedOn               TIMESTAMP,              -- completed_on | The timestamp when the step execution was completed. This is not set if the step is still in progress.
  DurationInSeconds         INTEGER,                -- duration_in_seconds | How long it ran, in seconds.
  BuildSecondsUsed          INTEGER,                -- build_seconds_used | The build seconds it used.
  RunNumber                 INTEGER,                -- run_number | The run of the pipeline it belongs to.
  MaxTime                   INTEGER,                -- maxTime | The step's time limit, in minutes (the API's camel-case key).
  ImageName                 VARCHAR(255),           -- image.name | The name of the image. If the image is hosted on DockerHub the short name can be used, otherwise the fully qualified name is required here.
  SetupCommands             JSON,                   -- setup_commands | The list of commands that are executed as part of the setup phase of the build, as JSON.
  ScriptCommands            JSON,                   -- script_commands | The list of build commands, executed in the build container, as JSON.
  PRIMARY KEY (Workspace, RepositorySlug, PipelineUuid, Uuid)
);

-- PipelineVariables: the repository variables of Bitbucket Pipelines.
-- @endpoint /repositories/{workspace}/{repo_slug}/pipelines_config/variables
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   insert, update, delete
CREATE TABLE PipelineVariables (
  Workspace                 VARCHAR(64)   NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug            VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  Uuid                      VARCHAR(38)   NOT NULL, -- uuid | The UUID identifying the variable.
  Key                       VARCHAR(255),           -- key | The unique name of the variable.
  Value                     VARCHAR(8000),          -- value | The value of the variable. If the variable is secured, this will be empty.
  Secured                   BIT,                    -- secured | If true, this variable will be treated as secured. The value will never be exposed in the logs or the REST API.
  Type                      VARCHAR(32),            -- type | The object type, "pipeline_variable".
  PRIMARY KEY (Workspace, RepositorySlug, Uuid)
);

-- PipelineSchedules: the schedules that start pipelines of a repository.
-- @endpoint /repositories/{workspace}/{repo_slug}/pipelines_config/schedules
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   insert, update, delete
CREATE TABLE PipelineSchedules (
  Workspace                 VARCHAR(64)   NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug            VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  Uuid                      VARCHAR(38)   NOT NULL, -- uuid | The UUID identifying the schedule.
  Enabled                   BIT,                    -- enabled | Whether the schedule is enabled.
  CronPattern               VARCHAR(64),            -- cron_pattern | The cron expression with second precision (7 fields) that the schedule applies.
  TargetType                VARCHAR(64),            -- target.type | The target's object type.
  TargetRefType             VARCHAR(16),            -- target.ref_type | The type of reference (branch/tag).
  TargetRefName             VARCHAR(255),           -- target.ref_name | The name of the reference.
  TargetSelectorType        VARCHAR(16),            -- target.selector.type | The type of selector.
  TargetSelectorPattern     VARCHAR(255),           -- target.selector.pattern | The name of the matching pipeline definition.
  CreatedOn                 TIMESTAMP,              -- created_on | The timestamp when the schedule was created.
  UpdatedOn                 TIMESTAMP,              -- updated_on | The timestamp when the schedule was updated.
  Type                      VARCHAR(32),            -- type | The object type, "pipeline_schedule".
  PRIMARY KEY (Workspace, RepositorySlug, Uuid)
);

-- PipelineScheduleExecutions: the executions of a pipeline schedule: the pipeline it started, or the error.
-- @endpoint /repositories/{workspace}/{repo_slug}/pipelines_config/schedules/{schedule_uuid}/executions
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @fanout   schedule_uuid = PipelineSchedules.Uuid
-- @writes   none
CREATE TABLE PipelineScheduleExecutions (
  Workspace                 VARCHAR(64)   NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug            VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  ScheduleUuid              VARCHAR(38)   NOT NULL, -- {schedule_uuid} | The schedule's id (PipelineSchedules.Uuid).
  Type                      VARCHAR(64),            -- type | pipeline_schedule_execution_executed or pipeline_schedule_execution_errored.
  PipelineUuid              VARCHAR(38),            -- pipeline.uuid | The pipeline it started (Pipelines.Uuid), if it ran.
  PipelineBuildNumber       INTEGER,                -- pipeline.build_number | That pipeline's build number.
  PipelineStateName         VARCHAR(16),            -- pipeline.state.name | That pipeline's state.
  PipelineStateResultName   VARCHAR(16),            -- pipeline.state.result.name | That pipeline's result, once completed.
  PipelineCreatedOn         TIMESTAMP,              -- pipeline.created_on | When that pipeline was created.
  PipelineCompletedOn       TIMESTAMP,              -- pipeline.completed_on | When that pipeline completed.
  ErrorKey                  VARCHAR(255),           -- error.key | The error key, if the execution failed to start.
  ErrorMessage              VARCHAR(1024),          -- error.message | The error message.
  PRIMARY KEY (Workspace, RepositorySlug, ScheduleUuid, PipelineUuid)
);

-- PipelineCaches: the dependency caches that pipelines of a repository saved.
-- @endpoint /repositories/{workspace}/{repo_slug}/pipelines-config/caches
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   delete
CREATE TABLE PipelineCaches (
  Workspace                 VARCHAR(64)   NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug            VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  Uuid                      VARCHAR(38)   NOT NULL, -- uuid | The UUID identifying the pipeline cache.
  Name                      VARCHAR(255),           -- name | The name of the cache.
  PipelineUuid              VARCHAR(38),            -- pipeline_uuid | The UUID of the pipeline that created the cache.
  StepUuid                  VARCHAR(38),            -- step_uuid | The uuid of the step that created the cache.
  KeyHash                   VARCHAR(128),           -- key_hash | The key hash of the cache version.
  Path                      VARCHAR(1024),          -- path | The path where the cache contents were retrieved from.
  FileSizeBytes             BIGINT,                 -- file_size_bytes | The size of the file containing the archive of the cache.
  CreatedOn                 TIMESTAMP,              -- created_on | The timestamp when the cache was created.
  Type                      VARCHAR(32),            -- type | The object type, "pipeline_cache".
  PRIMARY KEY (Workspace, RepositorySlug, Uuid)
);
