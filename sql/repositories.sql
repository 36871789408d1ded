-- Repositories: the repositories of a workspace.
-- @endpoint /repositories/{workspace}
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @writes   update, delete
CREATE TABLE Repositories (
  Workspace            VARCHAR(64)   NOT NULL, -- {workspace} | The workspace the repository belongs to.
  Slug                 VARCHAR(128)  NOT NULL, -- slug @filter | The repository's slug, its name in URLs.
  Uuid                 VARCHAR(38)   NOT NULL, -- uuid @filter | The repository's immutable id, with braces.
  Name                 VARCHAR(255),           -- name @filter | The repository's name.
  FullName             VARCHAR(255),           -- full_name @filter | The workspace slug and repository slug, joined by a slash.
  Type                 VARCHAR(32),            -- type | The object type, "repository".
  Description          VARCHAR(4000),          -- description @filter | The repository's description.
  Scm                  VARCHAR(16),            -- scm | The version control system, "git".
  Website              VARCHAR(512),           -- website | The project's website.
  Language             VARCHAR(64),            -- language @filter | The main programming language.
  IsPrivate            BIT,                    -- is_private @filter | Whether the repository is private.
  HasIssues            BIT,                    -- has_issues @filter | Whether the issue tracker is enabled.
  HasWiki              BIT,                    -- has_wiki @filter | Whether the wiki is enabled.
  ForkPolicy           VARCHAR(32),            -- fork_policy @filter | allow_forks, no_public_forks or no_forks.
  Size                 BIGINT,                 -- size @filter | The repository's size in bytes.
  CreatedOn            TIMESTAMP,              -- created_on @filter | When the repository was created (UTC).
  UpdatedOn            TIMESTAMP,              -- updated_on @filter | When the repository was last changed (UTC).
  MainbranchName       VARCHAR(255),           -- mainbranch.name @filter | The main branch; NULL for an empty repository.
  MainbranchType       VARCHAR(32),            -- mainbranch.type | The main branch's object type.
  WorkspaceSlug        VARCHAR(64),            -- workspace.slug | The slug of the workspace holding the repository.
  WorkspaceName        VARCHAR(255),           -- workspace.name | The name of that workspace.
  WorkspaceUuid        VARCHAR(38),            -- workspace.uuid | The id of that workspace.
  ProjectKey           VARCHAR(64),            -- project.key @filter | The key of the project holding the repository.
  ProjectName          VARCHAR(255),           -- project.name @filter | The name of that project.
  ProjectUuid          VARCHAR(38),            -- project.uuid @filter | The id of that project.
  OwnerDisplayName     VARCHAR(255),           -- owner.display_name | The owner's display name.
  OwnerUuid            VARCHAR(38),            -- owner.uuid @filter | The owner's id.
  OwnerUsername        VARCHAR(128),           -- owner.username | The owner's username, where the API gives one.
  OwnerAccountId       VARCHAR(128),           -- owner.account_id | The owner's Atlassian account id, for a user.
  OwnerType            VARCHAR(32),            -- owner.type | user or team.
  ParentFullName       VARCHAR(255),           -- parent.full_name | For a fork, the repository it was forked from.
  ParentUuid           VARCHAR(38),            -- parent.uuid | For a fork, the id of its parent.
  OverrideSettingsDefaultMergeStrategy BIT,    -- override_settings.default_merge_strategy | Whether the repository sets its own default merge strategy instead of inheriting one.
  OverrideSettingsBranchingModel BIT,          -- override_settings.branching_model | Whether the repository sets its own branching model instead of inheriting one.
  EnforcedSignedCommits BIT,                   -- enforced_signed_commits | Whether pushed commits must be signed; NULL when not set.
  HtmlUrl              VARCHAR(512),           -- links.html.href | The repository's web page.
  AvatarUrl            VARCHAR(512),           -- links.avatar.href | The repository's avatar image.
  CloneLinks           JSON,                   -- links.clone | The clone URLs, as JSON.
  PRIMARY KEY (Workspace, Slug)
);
