-- Branches: the open branches of a repository, each with the commit at its head.
-- @endpoint /repositories/{workspace}/{repo_slug}/refs/branches
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   insert, delete
CREATE TABLE Branches (
  Workspace                   VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the repository.
  RepositorySlug              VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  Name                        VARCHAR(255)  NOT NULL, -- name @filter | The name of the ref.
  Type                        VARCHAR(32),            -- type | The object type, "branch".
  DefaultMergeStrategy        VARCHAR(32),            -- default_merge_strategy | The default merge strategy for pull requests targeting this branch.
  MergeStrategies             JSON,                   -- merge_strategies | Available merge strategies for pull requests targeting this branch, as JSON.
  TargetHash                  VARCHAR(64),            -- target.hash @filter | The hash of the commit at the branch's head.
  TargetType                  VARCHAR(32),            -- target.type | The target's object type, "commit".
  TargetDate                  TIMESTAMP,              -- target.date @filter @sort | When the head commit was authored (UTC).
  TargetMessage               VARCHAR(8000),          -- target.message | The head commit's message.
  TargetAuthorRaw             VARCHAR(512),           -- target.author.raw | The head commit's author as Git recorded it ("Name <e-mail>").
  TargetAuthorType            VARCHAR(32),            -- target.author.type | The author's object type, "author".
  TargetAuthorUserDisplayName VARCHAR(255),           -- target.author.user.display_name | The Bitbucket account of the author, when the e-mail is linked to one.
  TargetAuthorUserUuid        VARCHAR(38),            -- target.author.user.uuid | That account's id.
  TargetAuthorUserAccountId   VARCHAR(128),           -- target.author.user.account_id | That account's Atlassian account id.
  TargetAuthorUserNickname    VARCHAR(255),           -- target.author.user.nickname | That account's nickname.
  TargetParents               JSON,                   -- target.parents | The head commit's parents, as JSON.
  TargetRepositoryFullName    VARCHAR(255),           -- target.repository.full_name | The repository of the head commit.
  TargetRepositoryUuid        VARCHAR(38),            -- target.repository.uuid | Its id.
  TargetRepositoryName        VARCHAR(255),           -- target.repository.name | Its name.
  HtmlUrl                     VARCHAR(512),           -- links.html.href | The branch's web page.
  CommitsUrl                  VARCHAR(512),           -- links.commits.href | The API link to the branch's commits.
  PRIMARY KEY (Workspace, RepositorySlug, Name)
);

-- Tags: the tags of a repository, annotated or lightweight.
-- @endpoint /repositories/{workspace}/{repo_slug}/refs/tags
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   insert, delete
CREATE TABLE Tags (
  Workspace                   VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the repository.
  RepositorySlug              VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  Name                        VARCHAR(255)  NOT NULL, -- name @filter | The name of the ref.
  Type                        VARCHAR(32),            -- type | The object type, "tag".
  Message                     VARCHAR(8000),          -- message | The message associated with the tag, if available (NULL for a lightweight tag).
  Date                        TIMESTAMP,              -- date | The date that the tag was created, if available (UTC).
  TaggerRaw                   VARCHAR(512),           -- tagger.raw | Who created the tag, as Git recorded it ("Name <e-mail>").
  TaggerType                  VARCHAR(32),            -- tagger.type | The tagger's object type, "author".
  TaggerUserDisplayName       VARCHAR(255),           -- tagger.user.display_name | The Bitbucket account of the tagger, when the e-mail is linked to one.
  TaggerUserUuid              VARCHAR(38),            -- tagger.user.uuid | That account's id.
  TaggerUserAccountId         VARCHAR(128),           -- tagger.user.account_id | That account's Atlassian account id.
  TaggerUserNickname          VARCHAR(255),           -- tagger.user.nickname | That account's nickname.
  TargetHash                  VARCHAR(64),            -- target.hash @filter | The hash of the tagged commit.
  TargetType                  VARCHAR(32),            -- target.type | The target's object type, "commit".
  TargetDate                  TIMESTAMP,              -- target.date @filter @sort | When the tagged commit was authored (UTC).
  TargetMessage               VARCHAR(8000),          -- target.message | The tagged commit's message.
  TargetAuthorRaw             VARCHAR(512),           -- target.author.raw | The tagged commit's author as Git recorded it.
  TargetAuthorType            VARCHAR(32),            -- target.author.type | The author's object type, "author".
  TargetAuthorUserDisplayName VARCHAR(255),           -- target.author.user.display_name | The Bitbucket account of the author, when linked.
  TargetAuthorUserUuid        VARCHAR(38),            -- target.author.user.uuid | That account's id.
  TargetAuthorUserAccountId   VARCHAR(128),           -- target.author.user.account_id | That account's Atlassian account id.
  TargetAuthorUserNickname    VARCHAR(255),           -- target.author.user.nickname | That account's nickname.
  TargetParents               JSON,                   -- target.parents | The tagged commit's parents, as JSON.
  TargetRepositoryFullName    VARCHAR(255),           -- target.repository.full_name | The repository of the tagged commit.
  TargetRepositoryUuid        VARCHAR(38),            -- target.repository.uuid | Its id.
  TargetRepositoryName        VARCHAR(255),           -- target.repository.name | Its name.
  HtmlUrl                     VARCHAR(512),           -- links.html.href | The tag's web page.
  CommitsUrl                  VARCHAR(512),           -- links.commits.href | The API link to the commits up to the tag.
  PRIMARY KEY (Workspace, RepositorySlug, Name)
);

-- Refs: the branches and tags of a repository together, branches first (as git show-ref lists them).
-- @endpoint /repositories/{workspace}/{repo_slug}/refs
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   none
CREATE TABLE Refs (
  Workspace                   VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the repository.
  RepositorySlug              VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  Type                        VARCHAR(32)   NOT NULL, -- type | The kind of ref, "branch" or "tag".
  Name                        VARCHAR(255)  NOT NULL, -- name @filter | The name of the ref.
  TargetHash                  VARCHAR(64),            -- target.hash @filter | The hash of the commit the ref points at.
  TargetType                  VARCHAR(32),            -- target.type | The target's object type, "commit".
  TargetDate                  TIMESTAMP,              -- target.date @filter @sort | When that commit was authored (UTC).
  TargetMessage               VARCHAR(8000),          -- target.message | That commit's message.
  TargetAuthorRaw             VARCHAR(512),           -- target.author.raw | That commit's author as Git recorded it ("Name <e-mail>").
  TargetAuthorType            VARCHAR(32),            -- target.author.type | The author's object type, "author".
  TargetAuthorUserDisplayName VARCHAR(255),           -- target.author.user.display_name | The Bitbucket account of the author, when linked.
  TargetAuthorUserUuid        VARCHAR(38),            -- target.author.user.uuid | That account's id.
  TargetAuthorUserAccountId   VARCHAR(128),           -- target.author.user.account_id | That account's Atlassian account id.
  TargetAuthorUserNickname    VARCHAR(255),           -- target.author.user.nickname | That account's nickname.
  TargetParents               JSON,                   -- target.parents | That commit's parents, as JSON.
  TargetRepositoryFullName    VARCHAR(255),           -- target.repository.full_name | The repository of that commit.
  TargetRepositoryUuid        VARCHAR(38),            -- target.repository.uuid | Its id.
  HtmlUrl                     VARCHAR(512),           -- links.html.href | The ref's web page.
  CommitsUrl                  VARCHAR(512),           -- links.commits.href | The API link to the commits up to the ref.
  PRIMARY KEY (Workspace, RepositorySlug, Type, Name)
);
