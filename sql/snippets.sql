-- Snippets: the snippets owned by a workspace.
-- @endpoint /snippets/{workspace}
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @writes   insert, update, delete
CREATE TABLE Snippets (
  Workspace          VARCHAR(64)  NOT NULL, -- {workspace} | The workspace owning the snippet.
  Id                 VARCHAR(32)  NOT NULL, -- id | The snippet's id, as used in its URLs (the spec says integer; URLs use encoded ids such as "kypj").
  Title              VARCHAR(255),          -- title | The snippet's title.
  Scm                VARCHAR(16),           -- scm | The DVCS used to store the snippet, "git".
  IsPrivate          BIT,                   -- is_private | Whether the snippet is private.
  CreatedOn          TIMESTAMP,             -- created_on | When the snippet was created (UTC).
  UpdatedOn          TIMESTAMP,             -- updated_on | When the snippet was last changed (UTC).
  OwnerDisplayName   VARCHAR(255),          -- owner.display_name | The owner's display name.
  OwnerUuid          VARCHAR(38),           -- owner.uuid | The owner's id.
  OwnerUsername      VARCHAR(128),          -- owner.username | The owner's username, for a team.
  OwnerType          VARCHAR(32),           -- owner.type | user or team.
  CreatorDisplayName VARCHAR(255),          -- creator.display_name | The creator's display name.
  CreatorUuid        VARCHAR(38),           -- creator.uuid | The creator's id.
  CreatorNickname    VARCHAR(128),          -- creator.nickname | The creator's nickname.
  CreatorAccountId   VARCHAR(128),          -- creator.account_id | The creator's Atlassian account id.
  Type               VARCHAR(32),           -- type | The object type, "snippet".
  HtmlUrl            VARCHAR(512),          -- links.html.href | The snippet's web page.
  CloneLinks         JSON,                  -- links.clone | The clone URLs, as JSON.
  PRIMARY KEY (Workspace, Id)
);

-- SnippetComments: the comments on a snippet, oldest first.
-- @endpoint /snippets/{workspace}/{encoded_id}/comments
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   encoded_id = Snippets.Id
-- @writes   insert, update, delete
CREATE TABLE SnippetComments (
  Workspace       VARCHAR(64)  NOT NULL, -- {workspace} | The workspace owning the snippet.
  SnippetId       VARCHAR(32)  NOT NULL, -- {encoded_id} | The snippet's id.
  Id              INTEGER      NOT NULL, -- id | The comment's id.
  ContentRaw      VARCHAR(8000),         -- content.raw | The text as it was typed.
  ContentMarkup   VARCHAR(32),           -- content.markup | The markup language of the text, "markdown".
  ContentHtml     VARCHAR(8000),         -- content.html | The text rendered as HTML.
  Deleted         BIT,                   -- deleted | Whether the comment was deleted.
  CreatedOn       TIMESTAMP,             -- created_on | When the comment was written (UTC).
  UpdatedOn       TIMESTAMP,             -- updated_on | When the comment was last changed (UTC).
  UserUuid        VARCHAR(38),           -- user.uuid | The author's id.
  UserDisplayName VARCHAR(255),          -- user.display_name | The author's display name.
  UserNickname    VARCHAR(128),          -- user.nickname | The author's nickname.
  UserAccountId   VARCHAR(128),          -- user.account_id | The author's Atlassian account id.
  SnippetTitle    VARCHAR(255),          -- snippet.title | The snippet's title.
  Type            VARCHAR(32),           -- type | The object type, "snippet_comment".
  HtmlUrl         VARCHAR(512),          -- links.html.href | The comment's web page.
  PRIMARY KEY (Workspace, SnippetId, Id)
);

-- SnippetCommits: the changes (commits) made on a snippet, newest first.
-- @endpoint /snippets/{workspace}/{encoded_id}/commits
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   encoded_id = Snippets.Id
-- @writes   none
CREATE TABLE SnippetCommits (
  Workspace             VARCHAR(64)  NOT NULL, -- {workspace} | The workspace owning the snippet.
  SnippetId             VARCHAR(32)  NOT NULL, -- {encoded_id} | The snippet's id.
  Hash                  VARCHAR(64)  NOT NULL, -- hash | The commit's hash.
  Date                  TIMESTAMP,             -- date | When the commit was made (UTC).
  Message               VARCHAR(8000),         -- message | The commit message.
  SummaryHtml           VARCHAR(8000),         -- summary.html | The commit message rendered as HTML.
  AuthorRaw             VARCHAR(512),          -- author.raw | The author as Git recorded it, name and e-mail.
  AuthorUserUuid        VARCHAR(38),           -- author.user.uuid | The id of the author's account, when one is linked.
  AuthorUserDisplayName VARCHAR(255),          -- author.user.display_name | The display name of that account.
  AuthorUserAccountId   VARCHAR(128),          -- author.user.account_id | The Atlassian account id of that account.
  Parents               JSON,                  -- parents | The parent commits, as JSON.
  Type                  VARCHAR(32),           -- type | The object type, "snippet_commit".
  HtmlUrl               VARCHAR(512),          -- links.html.href | The commit's web page.
  PRIMARY KEY (Workspace, SnippetId, Hash)
);

-- SnippetWatchers: the accounts watching a snippet.
-- @endpoint /snippets/{workspace}/{encoded_id}/watchers
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   encoded_id = Snippets.Id
-- @writes   none
CREATE TABLE SnippetWatchers (
  Workspace   VARCHAR(64)  NOT NULL, -- {workspace} | The workspace owning the snippet.
  SnippetId   VARCHAR(32)  NOT NULL, -- {encoded_id} | The snippet's id.
  Uuid        VARCHAR(38)  NOT NULL, -- uuid | The watcher's immutable id, with braces.
  DisplayName VARCHAR(255),          -- display_name | The watcher's display name.
  Nickname    VARCHAR(128),          -- nickname | Account name defined by the owner; not unique.
  AccountId   VARCHAR(128),          -- account_id | The watcher's Atlassian account id.
  Type        VARCHAR(32),           -- type | The account's object type, "user".
  AvatarUrl   VARCHAR(512),          -- links.avatar.href | The watcher's avatar image.
  PRIMARY KEY (Workspace, SnippetId, Uuid)
);
