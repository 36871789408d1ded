# Shared by scripts/demo, scripts/test and scripts/lint: installing what is
# missing from Debian's archive, building, and running the emulator.
# Sourced, not run.

BB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BB_PY=/usr/bin/python3 # Debian's Python: pyodbc is its package

BB_BUILD_PKGS="build-essential cmake pkg-config unixodbc unixodbc-dev odbcinst
libcurl4-openssl-dev libcjson-dev libsqlite3-dev libssl-dev python3
python3-pyodbc ca-certificates"

# The other ODBC clients tests/clients runs: iODBC's iodbctest, Perl's
# DBI with DBD::ODBC, and C# on mono's System.Data.Odbc (compiled by mcs).
BB_CLIENT_PKGS="iodbc libiodbc2 libdbi-perl libdbd-odbc-perl mono-mcs
mono-runtime libmono-system-data4.0-cil"

# Installs the packages named that are not installed yet; silent when
# everything is there already.
bb_ensure_pkgs() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
			grep -q 'install ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	echo "Installing ${missing[*]} ..."
	local sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq >/dev/null
	$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" \
		>/dev/null
}

# Configures and builds into $1 (a directory) with extra CMake flags.
bb_build() {
	local dir=$1
	shift
	cmake -S "$BB_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" \
		>/dev/null
	cmake --build "$dir" -j "$(nproc)" >/dev/null
}

# Starts the emulator on a free loopback port; sets BB_EMU_PID and
# BB_EMU_PORT. Stop it with bb_emu_stop.
bb_emu_start() {
	local portfile
	portfile=$(mktemp)
	"$BB_PY" "$BB_ROOT/tests/emulator/server.py" --port 0 --quiet \
		--port-file "$portfile" "$@" >/dev/null &
	BB_EMU_PID=$!
	local i
	for i in $(seq 1 100); do
		[ -s "$portfile" ] && break
		sleep 0.05
	done
	BB_EMU_PORT=$(cat "$portfile")
	rm -f "$portfile"
	if [ -z "$BB_EMU_PORT" ]; then
		echo "the emulator did not start" >&2
		return 1
	fi
}

bb_emu_stop() {
	[ -n "${BB_EMU_PID:-}" ] && kill "$BB_EMU_PID" 2>/dev/null
	wait "$BB_EMU_PID" 2>/dev/null
	BB_EMU_PID=
}
