-- Projects: the projects of a workspace.
-- @endpoint /workspaces/{workspace}/projects
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @writes   insert, update, delete
CREATE TABLE Projects (
  Workspace               VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  Key                     VARCHAR(64)  NOT NULL, -- key | The project's key.
  Uuid                    VARCHAR(38)  NOT NULL, -- uuid | The project's immutable id, with braces.
  Name                    VARCHAR(255),          -- name | The name of the project.
  Description             VARCHAR(4000),         -- description | The project's description.
  IsPrivate               BIT,                   -- is_private | Whether the project is private to the workspace (public projects may hold public repositories).
  HasPubliclyVisibleRepos BIT,                   -- has_publicly_visible_repos | Whether the project holds publicly visible repositories (private projects cannot).
  CreatedOn               TIMESTAMP,             -- created_on | When the project was created (UTC).
  UpdatedOn               TIMESTAMP,             -- updated_on | When the project was last changed (UTC).
  OwnerDisplayName        VARCHAR(255),          -- owner.display_name | The owning workspace's display name.
  OwnerUuid               VARCHAR(38),           -- owner.uuid | The owner's id.
  OwnerUsername           VARCHAR(128),          -- owner.username | The owner's username.
  OwnerType               VARCHAR(32),           -- owner.type | The owner's object type, "team".
  Type                    VARCHAR(32),           -- type | The object type, "project".
  HtmlUrl                 VARCHAR(512),          -- links.html.href | The project's web page.
  AvatarUrl               VARCHAR(512),          -- links.avatar.href | The project's avatar image.
  PRIMARY KEY (Workspace, Key)
);

-- ProjectDefaultReviewers: the users added as reviewers to new pull requests in every repository of a project.
-- @endpoint /workspaces/{workspace}/projects/{project_key}/default-reviewers
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   project_key = Projects.Key
-- @writes   update, delete
CREATE TABLE ProjectDefaultReviewers (
  Workspace       VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  ProjectKey      VARCHAR(64)  NOT NULL, -- {project_key} | The project's key.
  UserUuid        VARCHAR(38)  NOT NULL, -- user.uuid | The reviewer's immutable id, with braces.
  UserDisplayName VARCHAR(255),          -- user.display_name | The reviewer's display name.
  UserNickname    VARCHAR(128),          -- user.nickname | Account name defined by the owner; not unique.
  UserAccountId   VARCHAR(128),          -- user.account_id | The reviewer's Atlassian account id.
  UserType        VARCHAR(32),           -- user.type | The account's object type, "user".
  UserAvatarUrl   VARCHAR(512),          -- user.links.avatar.href | The reviewer's avatar image.
  ReviewerType    VARCHAR(32),           -- reviewer_type | Where the reviewer is defined: "project".
  Type            VARCHAR(32),           -- type | The object type, "default_reviewer".
  PRIMARY KEY (Workspace, ProjectKey, UserUuid)
);

-- ProjectUserPermissions: each user's direct permission on a project.
-- @endpoint /workspaces/{workspace}/projects/{project_key}/permissions-config/users
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   project_key = Projects.Key
-- @writes   update, delete
CREATE TABLE ProjectUserPermissions (
  Workspace       VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  ProjectKey      VARCHAR(64)  NOT NULL, -- {project_key} | The project's key.
  UserUuid        VARCHAR(38)  NOT NULL, -- user.uuid | The user's immutable id, with braces.
  Permission      VARCHAR(16),           -- permission | The permission: read, write, create-repo, admin or none.
  UserDisplayName VARCHAR(255),          -- user.display_name | The user's display name.
  UserNickname    VARCHAR(128),          -- user.nickname | Account name defined by the owner; not unique.
  UserAccountId   VARCHAR(128),          -- user.account_id | The user's Atlassian account id.
  UserType        VARCHAR(32),           -- user.type | The account's object type, "user".
  Type            VARCHAR(32),           -- type | The object type, "project_user_permission".
  SelfUrl         VARCHAR(512),          -- links.self.href | The permission's API URL.
  PRIMARY KEY (Workspace, ProjectKey, UserUuid)
);

-- ProjectGroupPermissions: each group's permission on a project.
-- @endpoint /workspaces/{workspace}/projects/{project_key}/permissions-config/groups
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   project_key = Projects.Key
-- @writes   update, delete
CREATE TABLE ProjectGroupPermissions (
  Workspace   VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  ProjectKey  VARCHAR(64)  NOT NULL, -- {project_key} | The project's key.
  GroupSlug   VARCHAR(128) NOT NULL, -- group.slug | The group's slug: its name in ASCII.
  GroupName   VARCHAR(255),          -- group.name | The group's name.
  GroupType   VARCHAR(32),           -- group.type | The group's object type, "group".
  Permission  VARCHAR(16),           -- permission | The permission: read, write, create-repo, admin or none.
  Type        VARCHAR(32),           -- type | The object type, "project_group_permission".
  SelfUrl     VARCHAR(512),          -- links.self.href | The permission's API URL.
  PRIMARY KEY (Workspace, ProjectKey, GroupSlug)
);

-- ProjectDeployKeys: the SSH deploy keys of a project (read access to all its repositories).
-- @endpoint /workspaces/{workspace}/projects/{project_key}/deploy-keys
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   project_key = Projects.Key
-- @writes   insert, delete
CREATE TABLE ProjectDeployKeys (
  Workspace            VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  ProjectKey           VARCHAR(64)  NOT NULL, -- {project_key} | The project's key.
  Id                   INTEGER      NOT NULL, -- id | The deploy key's id.
  Key                  VARCHAR(4000),         -- key | The deploy key value (an OpenSSH public key).
  Label                VARCHAR(255),          -- label | The user-defined label for the deploy key.
  Comment              VARCHAR(255),          -- comment | The comment parsed from the deploy key (if present).
  CreatedOn            TIMESTAMP,             -- created_on | When the key was added (UTC).
  AddedOn              TIMESTAMP,             -- added_on | When the key was added (UTC), where the API gives it under this name.
  LastUsed             TIMESTAMP,             -- last_used | When the key was last used (UTC); NULL if never.
  ProjectUuid          VARCHAR(38),           -- project.uuid | The project's immutable id.
  ProjectName          VARCHAR(255),          -- project.name | The project's name.
  CreatedByDisplayName VARCHAR(255),          -- created_by.display_name | Who added the key, where the API says.
  CreatedByUuid        VARCHAR(38),           -- created_by.uuid | The id of who added the key.
  Type                 VARCHAR(32),           -- type | The object type, "project_deploy_key".
  SelfUrl              VARCHAR(512),          -- links.self.href | The key's API URL.
  PRIMARY KEY (Workspace, ProjectKey, Id)
);
