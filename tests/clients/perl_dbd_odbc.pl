#!/usr/bin/perl
# Perl's DBI with DBD::ODBC (through unixODBC) on a DSN-less connection
# string: the demo query, prepared statements with placeholders, the
# catalog methods (table_info, column_info, primary_key_info,
# foreign_key_info), non-ASCII titles and the SQLSTATE of a wrong token.
# Every answer is checked against the emulator, read directly over HTTP.
# Needs BBODBC_CONN and BBEMU_URL (see tests/integration/with_emulator.sh).
use strict;
use warnings;
use DBI qw(:sql_types);
use Encode qw(decode);
use File::Basename qw(dirname);
use HTTP::Tiny;
use JSON::PP;
use MIME::Base64 qw(encode_base64);

binmode STDOUT, ':encoding(UTF-8)';
binmode STDERR, ':encoding(UTF-8)';

my $conn = $ENV{BBODBC_CONN} or die "BBODBC_CONN is not set\n";
my $url  = $ENV{BBEMU_URL}   or die "BBEMU_URL is not set\n";
# The table docs the build wrote beside the driver, from the same
# definitions; the ones in the source tree when there are none.
my $docs = dirname($ENV{BBODBC_DRIVER} // '') . '/docs/tables';
$docs = dirname(__FILE__) . '/../../docs/tables' unless -d $docs;

my $failures = 0;
sub check {
	my ($ok, $what, $detail) = @_;
	print(($ok ? 'ok    ' : 'FAIL  ') . $what . "\n");
	print "      $detail\n" if !$ok && defined $detail;
	$failures++ unless $ok;
	return $ok;
}

# --- the emulator, read directly ---------------------------------------
my $http = HTTP::Tiny->new(timeout => 20);
my $auth = 'Basic ' . encode_base64('demo:demo-token', '');
sub emu_get {
	my ($path) = @_;
	my $u = $path =~ /^http/ ? $path : $url . $path;
	my $r = $http->get($u, { headers => { Authorization => $auth } });
	die "GET $u: $r->{status} $r->{reason}\n" unless $r->{success};
	return decode_json($r->{content});
}
sub emu_all {
	my ($path) = @_;
	my (@out, $next);
	for ($next = $url . $path; $next;) {
		my $page = emu_get($next);
		push @out, @{ $page->{values} };
		$next = $page->{next};
	}
	return @out;
}
my $states = 'state=OPEN&state=MERGED&state=DECLINED&state=SUPERSEDED';
sub emu_prs {    # every pull request of an acme repository, by id
	my ($slug) = @_;
	return sort { $a->{id} <=> $b->{id} }
	  emu_all("/repositories/acme/$slug/pullrequests?$states&pagelen=50");
}

my @repos = emu_all('/repositories/acme?pagelen=100');
my %open_want;
for my $r (@repos) {
	my @open = emu_all("/repositories/acme/$r->{slug}/pullrequests?state=OPEN&pagelen=50");
	$open_want{ $r->{name} } = scalar @open if @open;
}

# The driver's strings come back as UTF-8 bytes when DBD::ODBC is built
# without its Unicode API (Debian's is), as characters when built with it.
my $dbh;
sub text {
	my ($s) = @_;
	return $s if !defined $s || $dbh->{odbc_has_unicode} || utf8::is_utf8($s);
	return decode('UTF-8', $s, Encode::FB_CROAK);
}

# --- connecting --------------------------------------------------------
$dbh = DBI->connect("dbi:ODBC:$conn", undef, undef,
	{ RaiseError => 1, PrintError => 0, AutoCommit => 1 });
check($dbh && $dbh->{Active}, 'DSN-less DBI->connect');
print "      DBD::ODBC $DBD::ODBC::VERSION, odbc_has_unicode=$dbh->{odbc_has_unicode}\n";

# --- the demo query ----------------------------------------------------
my $demo = "SELECT r.Name, COUNT(*) AS OpenPRs FROM Repositories r JOIN PullRequests p ON p.RepositorySlug = r.Slug WHERE p.State = 'OPEN' GROUP BY r.Name ORDER BY OpenPRs DESC";
{
	my $sth = $dbh->prepare($demo);
	$sth->execute;
	my @names = @{ $sth->{NAME} };
	my $rows = $sth->fetchall_arrayref;
	my %got = map { (text($_->[0]) => 0 + $_->[1]) } @$rows;
	my @counts = map { $_->[1] } @$rows;
	my $sorted = join(',', @counts) eq join(',', sort { $b <=> $a } @counts);
	check("@names" eq 'Name OpenPRs', 'demo query: column names', "got @names");
	check(scalar(@$rows) == keys %got
		  && JSON::PP->new->canonical->encode(\%got) eq
		  JSON::PP->new->canonical->encode(\%open_want) && $sorted,
		sprintf('demo query: %d repositories, open pull requests per repository, '
			  . 'descending (top %s %s)', scalar @$rows,
			text($rows->[0][0] // ''), $rows->[0][1] // '-'),
		'want ' . JSON::PP->new->canonical->encode(\%open_want));
}

# --- placeholders ------------------------------------------------------
{
	my $sth = $dbh->prepare('SELECT Id, Title, State, AuthorDisplayName FROM PullRequests '
		  . 'WHERE RepositorySlug = ? ORDER BY Id');
	check($sth->{NUM_OF_PARAMS} == 1, 'prepare with one ? marker: NUM_OF_PARAMS is 1',
		"got $sth->{NUM_OF_PARAMS}");
	# The same statement, executed again with another value.
	for my $slug ('platform-api', 'web-frontend') {
		$sth->execute($slug);
		my $rows = $sth->fetchall_arrayref;
		my @want = emu_prs($slug);
		my $ok = @$rows == @want;
		my $bad = '';
		for my $i (0 .. $#want) {
			last unless $ok;
			my ($id, $title, $state, $author) = @{ $rows->[$i] };
			my $w = $want[$i];
			next if $id == $w->{id} && text($title) eq $w->{title}
			  && $state eq $w->{state}
			  && text($author) eq $w->{author}{display_name};
			$ok = 0;
			$bad = "row $i: got ($id, " . text($title) . ", $state) want ($w->{id}, $w->{title}, $w->{state})";
		}
		check($ok, sprintf("execute('%s'): %d pull requests, ids, titles, states, authors",
				$slug, scalar @$rows), $bad || sprintf('%d rows, want %d', scalar @$rows, scalar @want));
	}

	# Two markers, the second bound as an integer.
	my $one = $dbh->prepare('SELECT Id, State, CommentCount FROM PullRequests '
		  . 'WHERE RepositorySlug = ? AND Id = ?');
	my ($w) = grep { $_->{id} == 42 } emu_prs('platform-api');
	$one->bind_param(1, 'platform-api');
	$one->bind_param(2, 42, SQL_INTEGER);
	$one->execute;
	my $rows = $one->fetchall_arrayref;
	check(@$rows == 1 && $rows->[0][0] == 42 && $rows->[0][1] eq $w->{state}
		  && $rows->[0][2] == $w->{comment_count},
		'bind_param SQL_VARCHAR and SQL_INTEGER: one pull request, its state and comment count',
		'got ' . JSON::PP->new->encode($rows));
}

# --- non-ASCII titles --------------------------------------------------
{
	my %want = map { ($_->{id} => $_->{title}) } grep { $_->{id} >= 73 && $_->{id} <= 75 }
	  emu_prs('platform-api');
	my $rows = $dbh->selectall_arrayref("SELECT Id, Title FROM PullRequests "
		  . "WHERE RepositorySlug = 'platform-api' AND Id BETWEEN 73 AND 75 ORDER BY Id");
	my $ok = @$rows == 3;
	for (@$rows) {
		my $t = text($_->[1]);
		check($t eq $want{ $_->[0] } && $t =~ /[^\x00-\x7f]/,
			"Unicode title of pull request $_->[0]: $t", "want $want{$_->[0]}");
	}
	check($ok, 'pull requests 73 to 75: three rows', 'got ' . scalar @$rows);

	# A non-ASCII value through a placeholder, matched by the driver.
	my $title = $want{73};
	my $bytes = $dbh->{odbc_has_unicode} ? $title : Encode::encode('UTF-8', $title);
	my $ids = $dbh->selectcol_arrayref('SELECT Id FROM PullRequests '
		  . 'WHERE RepositorySlug = ? AND Title = ?', undef, 'platform-api', $bytes);
	check("@$ids" eq '73', "placeholder with a non-ASCII title finds pull request 73",
		"got (@$ids)");
}

# --- catalog: table_info -----------------------------------------------
my @doc_tables = sort map { m{/(\w+)\.md$} ? $1 : () } grep { !/README/ } glob("$docs/*.md");
{
	my $sth = $dbh->table_info(undef, undef, 'PullRequests', 'TABLE');
	my $rows = $sth->fetchall_arrayref({});
	check(@$rows == 1 && $rows->[0]{TABLE_NAME} eq 'PullRequests'
		  && $rows->[0]{TABLE_TYPE} eq 'TABLE',
		"table_info('PullRequests', 'TABLE'): one TABLE",
		'got ' . JSON::PP->new->canonical->encode($rows));
	$sth = $dbh->table_info(undef, undef, '%', 'TABLE');
	my %seen = map { ($_->{TABLE_NAME} => 1) } @{ $sth->fetchall_arrayref({}) };
	my @got = sort keys %seen;
	check("@got" eq "@doc_tables",
		sprintf("table_info('%%'): the %d tables of docs/tables", scalar @doc_tables),
		"got @got");
	# (DBD::ODBC 1.61 hands '' for the catalog and schema to SQLTables as
	# NULL, so DBI's table_info('', '', '', '%') cannot ask for the table
	# types: SQLGetTypeInfo and SQLGetInfo instead.)
	my $ti = $dbh->type_info(SQL_INTEGER);
	check($ti && $ti->{TYPE_NAME} eq 'INTEGER' && $ti->{DATA_TYPE} == SQL_INTEGER,
		'type_info(SQL_INTEGER): INTEGER', 'got ' . ($ti ? $ti->{TYPE_NAME} : 'nothing'));
	my $dbms = $dbh->get_info(17);    # SQL_DBMS_NAME
	check(defined $dbms && length $dbms, "get_info(SQL_DBMS_NAME): $dbms");
}

# --- catalog: column_info ----------------------------------------------
{
	my %code = (SQL_WVARCHAR => -9, SQL_VARCHAR => 12, SQL_INTEGER => 4,
		SQL_BIGINT => -5, SQL_BIT => -7, SQL_TYPE_TIMESTAMP => 93,
		SQL_WLONGVARCHAR => -10, SQL_DOUBLE => 8, SQL_TYPE_DATE => 91);
	open my $fh, '<:encoding(UTF-8)', "$docs/PullRequests.md" or die "$docs: $!";
	my @want;    # [name, SQL type code]
	while (<$fh>) {
		push @want, [ $1, $code{$2} // "?$2" ] if /^\| (\w+) \| [^|]*\((SQL_\w+)\) \|/;
	}
	close $fh;
	my $sth = $dbh->column_info(undef, undef, 'PullRequests', '%');
	my $cols = $sth->fetchall_arrayref({});
	my $got  = join ' ', map { "$_->{COLUMN_NAME}:$_->{DATA_TYPE}" } @$cols;
	my $exp  = join ' ', map { "$_->[0]:$_->[1]" } @want;
	check(@want > 30 && $got eq $exp,
		sprintf("column_info('PullRequests'): %d columns, names, order and DATA_TYPE "
			  . "as in docs/tables", scalar @$cols), "got  $got\n      want $exp");
	my @pos = map { $_->{ORDINAL_POSITION} } @$cols;
	check("@pos" eq join(' ', 1 .. @$cols), 'column_info: ORDINAL_POSITION 1..n');
	my ($title) = grep { $_->{COLUMN_NAME} eq 'Title' } @$cols;
	check($title && $title->{COLUMN_SIZE} == 1024 && $title->{TABLE_NAME} eq 'PullRequests',
		'column_info: Title is 1024 characters wide');
	$sth = $dbh->column_info(undef, undef, 'PullRequests', 'Created%');
	my @c = map { $_->{COLUMN_NAME} } @{ $sth->fetchall_arrayref({}) };
	check("@c" eq 'CreatedOn', "column_info with the pattern 'Created%'", "got @c");
}

# --- catalog: primary_key_info and foreign_key_info --------------------
{
	my $sth = $dbh->primary_key_info(undef, undef, 'PullRequests');
	my $rows = $sth->fetchall_arrayref({});
	my $got = join ' ', map { "$_->{COLUMN_NAME}:$_->{KEY_SEQ}" }
	  sort { $a->{KEY_SEQ} <=> $b->{KEY_SEQ} } @$rows;
	check($got eq 'Workspace:1 RepositorySlug:2 Id:3',
		'primary_key_info(PullRequests): Workspace, RepositorySlug, Id', "got $got");
	my @keys = $dbh->primary_key(undef, undef, 'Repositories');
	check("@keys" eq 'Workspace Slug', 'primary_key(Repositories): Workspace, Slug',
		"got @keys");

	$sth = $dbh->foreign_key_info(undef, undef, 'Repositories', undef, undef, 'PullRequests');
	$rows = $sth->fetchall_arrayref({});
	# DBI names the columns UK_* / FK_* or PK*/FK* depending on the driver.
	my $pk = sub { $_[0]{UK_COLUMN_NAME} // $_[0]{PKCOLUMN_NAME} };
	my $fk = sub { $_[0]{FK_COLUMN_NAME} // $_[0]{FKCOLUMN_NAME} };
	my $seq = sub { $_[0]{ORDINAL_POSITION} // $_[0]{KEY_SEQ} };
	$got = join ' ', map { $fk->($_) . '->' . $pk->($_) } sort { $seq->($a) <=> $seq->($b) } @$rows;
	check($got eq 'Workspace->Workspace RepositorySlug->Slug',
		'foreign_key_info(Repositories -> PullRequests): (Workspace, RepositorySlug) '
		  . 'references (Workspace, Slug)', "got $got");

	$sth = $dbh->foreign_key_info(undef, undef, undef, undef, undef, 'PullRequests');
	my %parents;
	$parents{ $_->{UK_TABLE_NAME} // $_->{PKTABLE_NAME} } = 1 for @{ $sth->fetchall_arrayref({}) };
	my @p = sort keys %parents;
	check("@p" eq 'Repositories Workspaces',
		'foreign_key_info(-> PullRequests): the parents are Repositories and Workspaces',
		"got @p");

	$sth = $dbh->foreign_key_info(undef, undef, 'Workspaces', undef, undef, undef);
	my %children;
	$children{ $_->{FK_TABLE_NAME} // $_->{FKTABLE_NAME} } = 1 for @{ $sth->fetchall_arrayref({}) };
	check($children{PullRequests} && $children{Repositories},
		'foreign_key_info(Workspaces ->): PullRequests and Repositories refer to it',
		'got ' . join(' ', sort keys %children));
}
$dbh->disconnect;

# --- a wrong token: SQLSTATE 28000 -------------------------------------
{
	(my $bad = $conn) =~ s/ApiToken=[^;]*/ApiToken=not-the-token/;
	my $d = DBI->connect("dbi:ODBC:$bad", undef, undef,
		{ RaiseError => 0, PrintError => 0 });
	my $state = $DBI::state // '';
	my $err = $DBI::errstr // '';
	check(!$d && $state eq '28000',
		"wrong token: connect fails with SQLSTATE 28000 ($err)", "state '$state'");
	$d->disconnect if $d;
}

print $failures ? "perl DBD::ODBC: $failures check(s) FAILED\n" : "perl DBD::ODBC: all checks passed\n";
exit($failures ? 1 : 0);
