-- Environments: the deployment environments of a repository (Test, Staging, Production...).
-- @endpoint /repositories/{workspace}/{repo_slug}/environments
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   insert, delete
CREATE TABLE Environments (
  Workspace                 VARCHAR(64)   NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug            VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  Uuid                      VARCHAR(38)   NOT NULL, -- uuid | The UUID identifying the environment.
  Name                      VARCHAR(255),           -- name | The name of the environment.
  Slug                      VARCHAR(255),           -- slug | The environment's slug.
  Rank                      INTEGER,                -- rank | Its place in the list of environments.
  Hidden                    BIT,                    -- hidden | Whether it is hidden in the deployments dashboard.
  EnvironmentTypeName       VARCHAR(32),            -- environment_type.name | Test, Staging or Production.
  EnvironmentTypeRank       INTEGER,                -- environment_type.rank | The type's rank.
  Type                      VARCHAR(32),            -- type | The object type, "deployment_environment".
  PRIMARY KEY (Workspace, RepositorySlug, Uuid)
);

-- Deployments: the deployments of a repository to its environments.
-- @endpoint /repositories/{workspace}/{repo_slug}/deployments
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   none
CREATE TABLE Deployments (
  Workspace                 VARCHAR(64)   NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug            VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  Uuid                      VARCHAR(38)   NOT NULL, -- uuid | The UUID identifying the deployment.
  Type                      VARCHAR(32),            -- type | The object type, "deployment".
  StateName                 VARCHAR(16),            -- state.name | UNDEPLOYED, IN_PROGRESS or COMPLETED.
  StateType                 VARCHAR(64),            -- state.type | The state's object type.
  StateStatusName           VARCHAR(16),            -- state.status.name | Once COMPLETED: SUCCESSFUL, FAILED or STOPPED.
  StateStatusType           VARCHAR(64),            -- state.status.type | The status's object type.
  StateUrl                  VARCHAR(1024),          -- state.url | Link to the deployment result.
  StateStartedOn            TIMESTAMP,              -- state.started_on | When the deployment started.
  StateCompletedOn          TIMESTAMP,              -- state.completed_on | When the deployment completed.
  StateDeployerDisplayName  VARCHAR(255),           -- state.deployer.display_name | Who deployed.
  StateDeployerUuid         VARCHAR(38),            -- state.deployer.uuid | The deployer's id.
  EnvironmentUuid           VARCHAR(38),            -- environment.uuid | The environment deployed to (Environments.Uuid).
  EnvironmentName           VARCHAR(255),           -- environment.name | The environment's name.
  EnvironmentTypeName       VARCHAR(32),            -- environment.environment_type.name | The environment's type.
  StepUuid                  VARCHAR(38),            -- step.uuid | The pipeline step that deployed (PipelineSteps.Uuid).
  ReleaseUuid               VARCHAR(38),            -- release.uuid | The UUID identifying the release.
  ReleaseName               VARCHAR(255),           -- release.name | The name of the release.
  ReleaseKey                VARCHAR(255),           -- release.key | The release's key.
  ReleaseUrl                VARCHAR(1024),          -- release.url | Link to the pipeline that produced the release.
  ReleasePipelineUuid       VARCHAR(38),            -- release.pipeline.uuid | The pipeline that produced the release (Pipelines.Uuid).
  ReleaseCommitHash         VARCHAR(64),            -- release.commit.hash | The commit released.
  ReleaseCreatedOn          TIMESTAMP,              -- release.created_on | The timestamp when the release was created.
  LastUpdateTime            TIMESTAMP,              -- last_update_time | When the deployment last changed.
  PRIMARY KEY (Workspace, RepositorySlug, Uuid)
);

-- DeploymentVariables: the variables of a deployment environment.
-- @endpoint /repositories/{workspace}/{repo_slug}/deployments_config/environments/{environment_uuid}/variables
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @fanout   environment_uuid = Environments.Uuid
-- @writes   insert, update, delete
CREATE TABLE DeploymentVariables (
  Workspace                 VARCHAR(64)   NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug            VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  EnvironmentUuid           VARCHAR(38)   NOT NULL, -- {environment_uuid} | The environment's id (Environments.Uuid).
  Uuid                      VARCHAR(38)   NOT NULL, -- uuid | The UUID identifying the variable.
  Key                       VARCHAR(255),           -- key | The unique name of the variable.
  Value                     VARCHAR(8000),          -- value | The value of the variable. If the variable is secured, this will be empty.
  Secured                   BIT,                    -- secured | If true, this variable will be treated as secured. The value will never be exposed in the logs or the REST API.
  Type                      VARCHAR(32),            -- type | The object type, "deployment_variable".
  PRIMARY KEY (Workspace, RepositorySlug, EnvironmentUuid, Uuid)
);
