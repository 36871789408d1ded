-- WorkspaceMembers: the members of a workspace.
-- @endpoint /workspaces/{workspace}/members
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @writes   none
CREATE TABLE WorkspaceMembers (
  Workspace        VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  UserUuid         VARCHAR(38)  NOT NULL, -- user.uuid | The member's immutable id, with braces.
  UserDisplayName  VARCHAR(255),          -- user.display_name | The member's display name.
  UserNickname     VARCHAR(128),          -- user.nickname | Account name defined by the owner; not unique.
  UserAccountId    VARCHAR(128),          -- user.account_id | The member's Atlassian account id.
  UserType         VARCHAR(32),           -- user.type | The account's object type, "user".
  UserAvatarUrl    VARCHAR(512),          -- user.links.avatar.href | The member's avatar image.
  UserHtmlUrl      VARCHAR(512),          -- user.links.html.href | The member's web page.
  WorkspaceUuid    VARCHAR(38),           -- workspace.uuid | The workspace's immutable id.
  WorkspaceName    VARCHAR(255),          -- workspace.name | The name of the workspace.
  WorkspaceSlug    VARCHAR(64),           -- workspace.slug | The short label that identifies this workspace.
  Type             VARCHAR(32),           -- type | The object type, "workspace_membership".
  SelfUrl          VARCHAR(512),          -- links.self.href | The membership's API URL.
  PRIMARY KEY (Workspace, UserUuid)
);

-- WorkspacePermissions: the members of a workspace and their permission levels (owner, collaborator or member).
-- @endpoint /workspaces/{workspace}/permissions
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @writes   none
CREATE TABLE WorkspacePermissions (
  Workspace        VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  UserUuid         VARCHAR(38)  NOT NULL, -- user.uuid @filter | The member's immutable id, with braces.
  Permission       VARCHAR(32),           -- permission @filter | The member's permission: owner, collaborator or member.
  UserDisplayName  VARCHAR(255),          -- user.display_name @filter | The member's display name.
  UserNickname     VARCHAR(128),          -- user.nickname @filter | Account name defined by the owner; not unique.
  UserAccountId    VARCHAR(128),          -- user.account_id @filter | The member's Atlassian account id.
  UserType         VARCHAR(32),           -- user.type | The account's object type, "user".
  UserAvatarUrl    VARCHAR(512),          -- user.links.avatar.href | The member's avatar image.
  AddedOn          TIMESTAMP,             -- added_on | When the member was added (UTC); absent once administration moved to admin.atlassian.com.
  LastAccessed     TIMESTAMP,             -- last_accessed | When the member last accessed the workspace (UTC); absent once administration moved to admin.atlassian.com.
  WorkspaceUuid    VARCHAR(38),           -- workspace.uuid | The workspace's immutable id.
  WorkspaceName    VARCHAR(255),          -- workspace.name | The name of the workspace.
  WorkspaceSlug    VARCHAR(64),           -- workspace.slug | The short label that identifies this workspace.
  Type             VARCHAR(32),           -- type | The object type, "workspace_membership".
  PRIMARY KEY (Workspace, UserUuid)
);

-- WorkspaceRepositoryPermissions: each user's explicit permission on each repository of a workspace.
-- @endpoint /workspaces/{workspace}/permissions/repositories
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @writes   none
CREATE TABLE WorkspaceRepositoryPermissions (
  Workspace          VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  RepositoryUuid     VARCHAR(38)  NOT NULL, -- repository.uuid @filter | The repository's immutable id, with braces.
  UserUuid           VARCHAR(38)  NOT NULL, -- user.uuid @filter | The user's immutable id, with braces.
  Permission         VARCHAR(16),           -- permission @filter @sort | The permission: read, write, admin or none.
  RepositoryName     VARCHAR(255),          -- repository.name @filter @sort | The repository's name.
  RepositoryFullName VARCHAR(255),          -- repository.full_name @filter @sort | The workspace slug and repository slug, joined by a slash.
  RepositoryType     VARCHAR(32),           -- repository.type | The repository's object type, "repository".
  RepositoryHtmlUrl  VARCHAR(512),          -- repository.links.html.href | The repository's web page.
  UserDisplayName    VARCHAR(255),          -- user.display_name @filter @sort | The user's display name.
  UserNickname       VARCHAR(128),          -- user.nickname | Account name defined by the owner; not unique.
  UserAccountId      VARCHAR(128),          -- user.account_id @filter | The user's Atlassian account id.
  UserType           VARCHAR(32),           -- user.type | The account's object type, "user".
  Type               VARCHAR(32),           -- type | The object type, "repository_permission".
  PRIMARY KEY (Workspace, RepositoryUuid, UserUuid)
);

-- WorkspaceWebhooks: the webhooks defined on a workspace.
-- @endpoint /workspaces/{workspace}/hooks
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @writes   insert, update, delete
CREATE TABLE WorkspaceWebhooks (
  Workspace            VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  Uuid                 VARCHAR(38)  NOT NULL, -- uuid | The webhook's id.
  Url                  VARCHAR(1024),         -- url | The URL events get delivered to.
  Description          VARCHAR(1024),         -- description | A user-defined description of the webhook.
  SubjectType          VARCHAR(32),           -- subject_type | The type of entity: repository or workspace, after where the subscription is defined.
  SubjectObjectType    VARCHAR(32),           -- subject.type | The subject's object type.
  SubjectUuid          VARCHAR(38),           -- subject.uuid | The subject's immutable id.
  SubjectSlug          VARCHAR(64),           -- subject.slug | The subject workspace's slug.
  SubjectName          VARCHAR(255),          -- subject.name | The subject's name.
  Active               BIT,                   -- active | Whether the webhook delivers events.
  CreatedAt            TIMESTAMP,             -- created_at | When the webhook was created (UTC).
  Events               JSON,                  -- events | The events this webhook is subscribed to, as a JSON array.
  SecretSet            BIT,                   -- secret_set | Whether the hook has an associated secret (the secret itself is never returned).
  ReadOnly             BIT,                   -- read_only | Whether the webhook is read-only.
  SkipCertVerification BIT,                   -- skip_cert_verification | Whether TLS certificates are not verified on delivery.
  Source               VARCHAR(255),          -- source | What created the webhook, when the API says.
  Type                 VARCHAR(32),           -- type | The object type, "webhook_subscription".
  SelfUrl              VARCHAR(512),          -- links.self.href | The webhook's API URL.
  PRIMARY KEY (Workspace, Uuid)
);

-- WorkspacePipelineVariables: the Pipelines variables defined for a whole workspace.
-- @endpoint /workspaces/{workspace}/pipelines-config/variables
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @writes   insert, update, delete
CREATE TABLE WorkspacePipelineVariables (
  Workspace  VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  Uuid       VARCHAR(38)  NOT NULL, -- uuid | The UUID identifying the variable.
  Key        VARCHAR(255),          -- key | The unique name of the variable.
  Value      VARCHAR(4000),         -- value | The value of the variable; NULL or empty when the variable is secured.
  Secured    BIT,                   -- secured | Whether the variable is secured: its value is never exposed in the logs or the REST API.
  Type       VARCHAR(32),           -- type | The object type, "pipeline_variable".
  PRIMARY KEY (Workspace, Uuid)
);

-- WorkspaceRunners: the self-hosted Pipelines runners of a workspace.
-- @endpoint /workspaces/{workspace}/pipelines-config/runners
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @writes   insert, update, delete
CREATE TABLE WorkspaceRunners (
  Workspace            VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  Uuid                 VARCHAR(38)  NOT NULL, -- uuid | The UUID identifying the runner.
  Name                 VARCHAR(255),          -- name | The name of the runner.
  Labels               JSON,                  -- labels | Labels assigned to the runner for identification and routing, as a JSON array.
  StateStatus          VARCHAR(32),           -- state.status | The current status of the runner: UNREGISTERED, ONLINE, OFFLINE, DISABLED, ENABLED or UNHEALTHY.
  StateCordoned        BIT,                   -- state.cordoned | Whether the runner is cordoned (prevented from accepting new steps).
  StateUpdatedOn       TIMESTAMP,             -- state.updated_on | When the runner state was last updated (UTC).
  StateVersion         VARCHAR(32),           -- state.version.version | The currently installed version of the runner.
  StateVersionCurrent  VARCHAR(32),           -- state.version.current | The current recommended version of the runner.
  OauthClientId        VARCHAR(128),          -- oauth_client.id | The OAuth client ID the runner authenticates with.
  OauthClientTokenEndpoint VARCHAR(512),      -- oauth_client.token_endpoint | The OAuth token endpoint URL.
  OauthClientAudience  VARCHAR(255),          -- oauth_client.audience | The intended audience for the OAuth token.
  CreatedOn            TIMESTAMP,             -- created_on | When the runner was created (UTC).
  UpdatedOn            TIMESTAMP,             -- updated_on | When the runner was last updated (UTC).
  Type                 VARCHAR(32),           -- type | The object type, "pipeline_runner".
  PRIMARY KEY (Workspace, Uuid)
);
