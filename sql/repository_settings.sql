-- Forks: the forks of a repository.
-- @endpoint /repositories/{workspace}/{repo_slug}/forks
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   insert
CREATE TABLE Forks (
  Workspace            VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the forked repository.
  RepositorySlug       VARCHAR(128)  NOT NULL, -- {repo_slug} | The slug of the forked repository.
  Uuid                 VARCHAR(38)   NOT NULL, -- uuid @filter | The fork's immutable id, with braces.
  Slug                 VARCHAR(128),           -- slug @filter | The fork's slug, its name in URLs.
  Name                 VARCHAR(255),           -- name @filter @sort | The fork's name.
  FullName             VARCHAR(255),           -- full_name @filter @sort | The fork's workspace slug and repository slug, joined by a slash.
  Type                 VARCHAR(32),            -- type | The object type, "repository".
  Description          VARCHAR(4000),          -- description @filter | The fork's description.
  Scm                  VARCHAR(16),            -- scm | The version control system, "git".
  Website              VARCHAR(512),           -- website | The project's website.
  Language             VARCHAR(64),            -- language @filter | The main programming language.
  IsPrivate            BIT,                    -- is_private @filter | Whether the fork is private.
  HasIssues            BIT,                    -- has_issues | Whether the issue tracker is enabled.
  HasWiki              BIT,                    -- has_wiki | Whether the wiki is enabled.
  ForkPolicy           VARCHAR(32),            -- fork_policy | allow_forks, no_public_forks or no_forks.
  Size                 BIGINT,                 -- size @filter @sort | The fork's size in bytes.
  CreatedOn            TIMESTAMP,              -- created_on @filter @sort | When the fork was created (UTC).
  UpdatedOn            TIMESTAMP,              -- updated_on @filter @sort | When the fork was last changed (UTC).
  MainbranchName       VARCHAR(255),           -- mainbranch.name | The main branch; NULL for an empty repository.
  WorkspaceSlug        VARCHAR(64),            -- workspace.slug | The slug of the workspace holding the fork.
  WorkspaceName        VARCHAR(255),           -- workspace.name | The name of that workspace.
  WorkspaceUuid        VARCHAR(38),            -- workspace.uuid | The id of that workspace.
  ProjectKey           VARCHAR(64),            -- project.key | The key of the project holding the fork.
  ProjectName          VARCHAR(255),           -- project.name | The name of that project.
  OwnerDisplayName     VARCHAR(255),           -- owner.display_name | The owner's display name.
  OwnerUuid            VARCHAR(38),            -- owner.uuid @filter | The owner's id.
  OwnerUsername        VARCHAR(128),           -- owner.username | The owner's username, for a team.
  OwnerNickname        VARCHAR(128),           -- owner.nickname | The owner's nickname, for a user.
  OwnerAccountId       VARCHAR(128),           -- owner.account_id | The owner's Atlassian account id, for a user.
  OwnerType            VARCHAR(32),            -- owner.type | user or team.
  ParentFullName       VARCHAR(255),           -- parent.full_name | The repository it was forked from.
  ParentUuid           VARCHAR(38),            -- parent.uuid | The id of that repository.
  HtmlUrl              VARCHAR(512),           -- links.html.href | The fork's web page.
  AvatarUrl            VARCHAR(512),           -- links.avatar.href | The fork's avatar image.
  CloneLinks           JSON,                   -- links.clone | The clone URLs, as JSON.
  PRIMARY KEY (Workspace, RepositorySlug, Uuid)
);

-- Watchers: the accounts watching a repository.
-- @endpoint /repositories/{workspace}/{repo_slug}/watchers
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   none
CREATE TABLE Watchers (
  Workspace      VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug VARCHAR(128) NOT NULL, -- {repo_slug} | The repository's slug.
  Uuid           VARCHAR(38)  NOT NULL, -- uuid | The watcher's immutable id, with braces.
  DisplayName    VARCHAR(255),          -- display_name | The watcher's display name.
  Nickname       VARCHAR(128),          -- nickname | Account name defined by the owner; not unique.
  AccountId      VARCHAR(128),          -- account_id | The watcher's Atlassian account id.
  Type           VARCHAR(32),           -- type | The account's object type, "user".
  AvatarUrl      VARCHAR(512),          -- links.avatar.href | The watcher's avatar image.
  HtmlUrl        VARCHAR(512),          -- links.html.href | The watcher's web page.
  PRIMARY KEY (Workspace, RepositorySlug, Uuid)
);

-- Webhooks: the webhooks defined on a repository.
-- @endpoint /repositories/{workspace}/{repo_slug}/hooks
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   insert, update, delete
CREATE TABLE Webhooks (
  Workspace            VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug       VARCHAR(128) NOT NULL, -- {repo_slug} | The repository's slug.
  Uuid                 VARCHAR(38)  NOT NULL, -- uuid | The webhook's id.
  Url                  VARCHAR(1024),         -- url | The URL events get delivered to.
  Description          VARCHAR(1024),         -- description | A user-defined description of the webhook.
  SubjectType          VARCHAR(32),           -- subject_type | The type of entity: repository or workspace, after where the subscription is defined.
  SubjectObjectType    VARCHAR(32),           -- subject.type | The subject's object type.
  SubjectUuid          VARCHAR(38),           -- subject.uuid | The subject's immutable id.
  SubjectFullName      VARCHAR(255),          -- subject.full_name | The subject repository's full name.
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
  PRIMARY KEY (Workspace, RepositorySlug, Uuid)
);

-- BranchRestrictions: the branch permissions and merge checks of a repository.
-- @endpoint /repositories/{workspace}/{repo_slug}/branch-restrictions
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   insert, update, delete
CREATE TABLE BranchRestrictions (
  Workspace       VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug  VARCHAR(128) NOT NULL, -- {repo_slug} | The repository's slug.
  Id              INTEGER      NOT NULL, -- id | The branch restriction's id.
  Kind            VARCHAR(64),           -- kind @param kind | The type of restriction applied (push, delete, force, restrict_merges, require_approvals_to_merge, ...).
  Pattern         VARCHAR(255),          -- pattern @param pattern | The branches the restriction applies to, when BranchMatchKind is glob; empty for branching_model.
  BranchMatchKind VARCHAR(32),           -- branch_match_kind | How the restriction is matched against a branch: glob (the default) or branching_model.
  BranchType      VARCHAR(32),           -- branch_type | The branch type the restriction applies to, when BranchMatchKind is branching_model.
  Value           INTEGER,               -- value | A kind-specific number: minimum approvals or passing builds, maximum commits behind; NULL for other kinds.
  Users           JSON,                  -- users | The accounts the restriction exempts or allows, as a JSON array.
  Groups          JSON,                  -- groups | The groups the restriction exempts or allows, as a JSON array.
  Type            VARCHAR(32),           -- type | The object type, "branchrestriction".
  SelfUrl         VARCHAR(512),          -- links.self.href | The restriction's API URL.
  PRIMARY KEY (Workspace, RepositorySlug, Id)
);

-- DefaultReviewers: the users added as reviewers to every new pull request of a repository (defined on the repository itself).
-- @endpoint /repositories/{workspace}/{repo_slug}/default-reviewers
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   update, delete
CREATE TABLE DefaultReviewers (
  Workspace      VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug VARCHAR(128) NOT NULL, -- {repo_slug} | The repository's slug.
  Uuid           VARCHAR(38)  NOT NULL, -- uuid | The reviewer's immutable id, with braces.
  DisplayName    VARCHAR(255),          -- display_name | The reviewer's display name.
  Nickname       VARCHAR(128),          -- nickname | Account name defined by the owner; not unique.
  AccountId      VARCHAR(128),          -- account_id | The reviewer's Atlassian account id.
  Type           VARCHAR(32),           -- type | The account's object type, "user".
  AvatarUrl      VARCHAR(512),          -- links.avatar.href | The reviewer's avatar image.
  HtmlUrl        VARCHAR(512),          -- links.html.href | The reviewer's web page.
  PRIMARY KEY (Workspace, RepositorySlug, Uuid)
);

-- EffectiveDefaultReviewers: a repository's default reviewers, its own and those inherited from its project.
-- @endpoint /repositories/{workspace}/{repo_slug}/effective-default-reviewers
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   none
CREATE TABLE EffectiveDefaultReviewers (
  Workspace       VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug  VARCHAR(128) NOT NULL, -- {repo_slug} | The repository's slug.
  UserUuid        VARCHAR(38)  NOT NULL, -- user.uuid | The reviewer's immutable id, with braces.
  UserDisplayName VARCHAR(255),          -- user.display_name | The reviewer's display name.
  UserNickname    VARCHAR(128),          -- user.nickname | Account name defined by the owner; not unique.
  UserAccountId   VARCHAR(128),          -- user.account_id | The reviewer's Atlassian account id.
  UserType        VARCHAR(32),           -- user.type | The account's object type, "user".
  UserAvatarUrl   VARCHAR(512),          -- user.links.avatar.href | The reviewer's avatar image.
  ReviewerType    VARCHAR(32),           -- reviewer_type | Where the reviewer is defined: repository or project.
  Type            VARCHAR(32),           -- type | The object type, "default_reviewer".
  PRIMARY KEY (Workspace, RepositorySlug, UserUuid)
);

-- DeployKeys: the SSH deploy keys of a repository.
-- @endpoint /repositories/{workspace}/{repo_slug}/deploy-keys
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   insert, update, delete
CREATE TABLE DeployKeys (
  Workspace          VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug     VARCHAR(128) NOT NULL, -- {repo_slug} | The repository's slug.
  Id                 INTEGER      NOT NULL, -- id | The deploy key's id.
  Key                VARCHAR(4000),         -- key | The deploy key value (an OpenSSH public key).
  Label              VARCHAR(255),          -- label | The user-defined label for the deploy key.
  Comment            VARCHAR(255),          -- comment | The comment parsed from the deploy key (if present).
  CreatedOn          TIMESTAMP,             -- created_on | When the key was added (UTC).
  AddedOn            TIMESTAMP,             -- added_on | When the key was added (UTC), where the API gives it under this name.
  LastUsed           TIMESTAMP,             -- last_used | When the key was last used (UTC); NULL if never.
  RepositoryFullName VARCHAR(255),          -- repository.full_name | The repository's full name.
  RepositoryUuid     VARCHAR(38),           -- repository.uuid | The repository's immutable id.
  OwnerDisplayName   VARCHAR(255),          -- owner.display_name | The key's owner, where the API says.
  OwnerUuid          VARCHAR(38),           -- owner.uuid | The id of the key's owner.
  Type               VARCHAR(32),           -- type | The object type, "deploy_key".
  SelfUrl            VARCHAR(512),          -- links.self.href | The key's API URL.
  PRIMARY KEY (Workspace, RepositorySlug, Id)
);

-- RepositoryUserPermissions: each user's direct permission on a repository.
-- @endpoint /repositories/{workspace}/{repo_slug}/permissions-config/users
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   update, delete
CREATE TABLE RepositoryUserPermissions (
  Workspace       VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug  VARCHAR(128) NOT NULL, -- {repo_slug} | The repository's slug.
  UserUuid        VARCHAR(38)  NOT NULL, -- user.uuid | The user's immutable id, with braces.
  Permission      VARCHAR(16),           -- permission | The permission: read, write, admin or none.
  UserDisplayName VARCHAR(255),          -- user.display_name | The user's display name.
  UserNickname    VARCHAR(128),          -- user.nickname | Account name defined by the owner; not unique.
  UserAccountId   VARCHAR(128),          -- user.account_id | The user's Atlassian account id.
  UserType        VARCHAR(32),           -- user.type | The account's object type, "user".
  Type            VARCHAR(32),           -- type | The object type, "repository_user_permission".
  SelfUrl         VARCHAR(512),          -- links.self.href | The permission's API URL.
  PRIMARY KEY (Workspace, RepositorySlug, UserUuid)
);

-- RepositoryGroupPermissions: each group's permission on a repository.
-- @endpoint /repositories/{workspace}/{repo_slug}/permissions-config/groups
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   update, delete
CREATE TABLE RepositoryGroupPermissions (
  Workspace      VARCHAR(64)  NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug VARCHAR(128) NOT NULL, -- {repo_slug} | The repository's slug.
  GroupSlug      VARCHAR(128) NOT NULL, -- group.slug | The group's slug: its name in ASCII.
  GroupName      VARCHAR(255),          -- group.name | The group's name.
  GroupType      VARCHAR(32),           -- group.type | The group's object type, "group".
  Permission     VARCHAR(16),           -- permission | The permission: read, write, admin or none.
  Type           VARCHAR(32),           -- type | The object type, "repository_group_permission".
  SelfUrl        VARCHAR(512),          -- links.self.href | The permission's API URL.
  PRIMARY KEY (Workspace, RepositorySlug, GroupSlug)
);
