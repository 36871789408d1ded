-- CurrentUser: the account the connection's credentials belong to (one row).
-- @endpoint /user
-- @single
-- @writes   none
CREATE TABLE CurrentUser (
  Uuid           VARCHAR(38)  NOT NULL, -- uuid | The account's immutable id, with braces.
  Username       VARCHAR(128),          -- username | The account's username.
  DisplayName    VARCHAR(255),          -- display_name | The account's display name.
  Nickname       VARCHAR(128),          -- nickname | Account name defined by the owner; not unique, and not usable in place of the username in URLs.
  AccountId      VARCHAR(128),          -- account_id | The user's Atlassian account id.
  AccountStatus  VARCHAR(32),           -- account_status | The status of the account; currently only "active".
  Has2faEnabled  BIT,                   -- has_2fa_enabled | Whether two-step verification is on; NULL when the API does not say.
  IsStaff        BIT,                   -- is_staff | Whether the account is Atlassian staff.
  CreatedOn      TIMESTAMP,             -- created_on | When the account was created (UTC).
  Website        VARCHAR(512),          -- website | The account's website.
  Location       VARCHAR(255),          -- location | The account's location.
  Type           VARCHAR(32),           -- type | The object type, "user".
  HtmlUrl        VARCHAR(512),          -- links.html.href | The account's web page.
  AvatarUrl      VARCHAR(512),          -- links.avatar.href | The account's avatar image.
  PRIMARY KEY (Uuid)
);

-- UserWorkspacePermissions: the current user's membership and permission in each workspace.
-- @endpoint /user/permissions/workspaces
-- @pagelen  100
-- @writes   none
CREATE TABLE UserWorkspacePermissions (
  Workspace       VARCHAR(64)  NOT NULL, -- workspace.slug @filter @sort | The workspace's slug.
  WorkspaceUuid   VARCHAR(38),           -- workspace.uuid @filter | The workspace's immutable id.
  WorkspaceName   VARCHAR(255),          -- workspace.name @filter @sort | The name of the workspace.
  Permission      VARCHAR(32),           -- permission @filter @sort | The user's permission: owner, collaborator or member.
  AddedOn         TIMESTAMP,             -- added_on | When the user was added (UTC); absent once administration moved to admin.atlassian.com.
  LastAccessed    TIMESTAMP,             -- last_accessed | When the user last accessed the workspace (UTC); absent once administration moved to admin.atlassian.com.
  UserUuid        VARCHAR(38),           -- user.uuid | The user's immutable id.
  UserDisplayName VARCHAR(255),          -- user.display_name | The user's display name.
  Type            VARCHAR(32),           -- type | The object type, "workspace_membership".
  PRIMARY KEY (Workspace)
);

-- UserRepositoryPermissions: the current user's explicit permission on each repository, across workspaces.
-- @endpoint /user/permissions/repositories
-- @pagelen  100
-- @writes   none
CREATE TABLE UserRepositoryPermissions (
  RepositoryUuid     VARCHAR(38)  NOT NULL, -- repository.uuid @filter | The repository's immutable id, with braces.
  RepositoryFullName VARCHAR(255),          -- repository.full_name @filter @sort | The workspace slug and repository slug, joined by a slash.
  RepositoryName     VARCHAR(255),          -- repository.name @filter @sort | The repository's name.
  RepositoryType     VARCHAR(32),           -- repository.type | The repository's object type, "repository".
  RepositoryHtmlUrl  VARCHAR(512),          -- repository.links.html.href | The repository's web page.
  Permission         VARCHAR(16),           -- permission @filter @sort | The permission: read, write, admin or none.
  UserUuid           VARCHAR(38),           -- user.uuid | The user's immutable id.
  UserDisplayName    VARCHAR(255),          -- user.display_name | The user's display name.
  UserAccountId      VARCHAR(128),          -- user.account_id | The user's Atlassian account id.
  UserNickname       VARCHAR(255),          -- user.nickname | The user's nickname.
  Type               VARCHAR(32),           -- type | The object type, "repository_permission".
  PRIMARY KEY (RepositoryUuid)
);

-- UserWorkspaceRepositoryPermissions: the current user's explicit permission on each repository of one workspace.
-- @endpoint /user/workspaces/{workspace}/permissions/repositories
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @writes   none
CREATE TABLE UserWorkspaceRepositoryPermissions (
  Workspace          VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  RepositoryUuid     VARCHAR(38)  NOT NULL, -- repository.uuid @filter | The repository's immutable id, with braces.
  RepositoryFullName VARCHAR(255),          -- repository.full_name @filter @sort | The workspace slug and repository slug, joined by a slash.
  RepositoryName     VARCHAR(255),          -- repository.name @filter @sort | The repository's name.
  RepositoryType     VARCHAR(32),           -- repository.type | The repository's object type, "repository".
  RepositoryHtmlUrl  VARCHAR(512),          -- repository.links.html.href | The repository's web page.
  Permission         VARCHAR(16),           -- permission @filter @sort | The permission: read, write, admin or none.
  UserUuid           VARCHAR(38),           -- user.uuid | The user's immutable id.
  UserDisplayName    VARCHAR(255),          -- user.display_name | The user's display name.
  Type               VARCHAR(32),           -- type | The object type, "repository_permission".
  PRIMARY KEY (Workspace, RepositoryUuid)
);
