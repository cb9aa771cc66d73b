#!/usr/bin/env bash
# Measures seclint against its peers on pinned real modules, alternating the
# commands in one session so that a drift in the machine's speed hits all
# of them alike, and prints a table of medians with seclint/peer ratios.
#
#   bench/run.sh [-n ROUNDS] [-vet] [corpus ...]     corpus: caddy, terraform
#
# Peers are installed at pinned versions with go install. "cold" means
# each tool's own result cache is empty; the module and build caches are
# warm (the corpus is built first), as on a developer's machine or a CI
# runner with a restored Go cache. -vet adds go vet and go vet -vettool
# runs with an empty GOCACHE (one round: they rebuild every dependency).
set -euo pipefail

rounds=5
vet=false
while [ $# -gt 0 ]; do
	case "$1" in
	-n) rounds=$2; shift 2 ;;
	-vet) vet=true; shift ;;
	*) break ;;
	esac
done
corpora=("$@")
[ ${#corpora[@]} -gt 0 ] || corpora=(caddy)

declare -A module=(
	[caddy]=github.com/caddyserver/caddy/v2@v2.10.2
	[terraform]=github.com/hashicorp/terraform@v1.13.3
)
gosec_version=v2.30.0
golangci_version=v2.15.0
staticcheck_version=v0.8.2
# gosec's rules for the same checklist: credentials, TLS, weak crypto and
# randomness, timeouts, file permissions, unhandled errors.
gosec_rules=G101,G104,G106,G107,G112,G114,G302,G306,G401,G402,G403,G404,G405,G406,G501,G502,G503,G505,G506,G507

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work=${BENCH_DIR:-/tmp/seclint-bench}
bin=$work/bin
mkdir -p "$bin"

echo "# installing tools into $bin" >&2
(cd "$root" && go build -o "$bin/seclint" ./cmd/seclint)
[ -x "$bin/gosec" ] || GOBIN=$bin go install github.com/securego/gosec/v2/cmd/gosec@$gosec_version
[ -x "$bin/golangci-lint" ] || GOBIN=$bin go install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$golangci_version
[ -x "$bin/staticcheck" ] || GOBIN=$bin go install honnef.co/go/tools/cmd/staticcheck@$staticcheck_version

cat >"$work/golangci-gosec.yml" <<YML
version: "2"
linters:
  default: none
  enable: [gosec]
YML

# measure LABEL DIR ENV... -- CMD...: appends "label wall cpu rss_kib" to
# the results file. Exit codes are ignored: linters exit non-zero on
# findings.
measure() {
	local label=$1 dir=$2
	shift 2
	local env=()
	while [ "$1" != "--" ]; do env+=("$1"); shift; done
	shift
	local out
	out=$(cd "$dir" && env "${env[@]}" /usr/bin/time -f '%e %U %S %M' "$@" 2>&1 >/dev/null | tail -1) || true
	read -r wall user sys rss <<<"$out"
	echo "$label $wall $(awk "BEGIN { print $user + $sys }") $rss" >>"$results"
}

for corpus in "${corpora[@]}"; do
	mod=${module[$corpus]}
	dir=$work/$corpus
	if [ ! -d "$dir" ]; then
		src=$(cd "$work" && go mod download -json "$mod" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')
		cp -r "$src" "$dir"
		chmod -R u+w "$dir"
	fi
	echo "# warming module and build caches for $corpus" >&2
	(cd "$dir" && GOFLAGS=-mod=mod go build ./... >/dev/null 2>&1 || true)
	export GOFLAGS=-mod=mod
	lines=$(cd "$dir" && find . -name '*.go' -not -path './vendor/*' | xargs cat | wc -l)

	results=$(mktemp)
	warmcache=$(mktemp -d)
	(cd "$dir" && SECLINT_CACHE=$warmcache "$bin/seclint" ./... >/dev/null 2>&1 || true)
	(cd "$dir" && "$bin/golangci-lint" run -c "$work/golangci-gosec.yml" ./... >/dev/null 2>&1 || true)
	(cd "$dir" && "$bin/staticcheck" ./... >/dev/null 2>&1 || true)
	for i in $(seq "$rounds"); do
		echo "# $corpus round $i/$rounds" >&2
		cold=$(mktemp -d)
		measure seclint-cold "$dir" SECLINT_CACHE=$cold -- "$bin/seclint" ./...
		rm -rf "$cold"
		# The same with the collector run twice as often: less memory
		# for more CPU, a trade users can make with GOGC.
		cold=$(mktemp -d)
		measure seclint-cold-gogc50 "$dir" SECLINT_CACHE=$cold GOGC=50 -- "$bin/seclint" ./...
		rm -rf "$cold"
		measure seclint-warm "$dir" SECLINT_CACHE=$warmcache -- "$bin/seclint" ./...
		"$bin/golangci-lint" cache clean >/dev/null 2>&1
		measure golangci-gosec-cold "$dir" -- "$bin/golangci-lint" run -c "$work/golangci-gosec.yml" ./...
		measure golangci-gosec-warm "$dir" -- "$bin/golangci-lint" run -c "$work/golangci-gosec.yml" ./...
		measure gosec "$dir" -- "$bin/gosec" -quiet -include=$gosec_rules ./...
		measure staticcheck-warm "$dir" -- "$bin/staticcheck" ./...
	done
	if $vet; then
		echo "# $corpus go vet with an empty GOCACHE" >&2
		for tool in vet seclint-vettool; do
			gocache=$(mktemp -d)
			if [ $tool = vet ]; then
				measure go-vet-cold "$dir" GOCACHE=$gocache -- go vet ./...
			else
				measure go-vet-seclint-cold "$dir" GOCACHE=$gocache -- go vet -vettool="$bin/seclint" ./...
			fi
			chmod -R u+w "$gocache"; rm -rf "$gocache"
		done
	fi
	rm -rf "$warmcache"

	echo
	echo "## $corpus ($mod, $lines lines of Go), median of $rounds rounds, $(nproc) cores"
	echo
	echo "| command | wall s | CPU s | peak RSS MiB |"
	echo "|---|---:|---:|---:|"
	summary=$(awk '
		function median(list,   a, n, i, j, t) {
			n = split(list, a, ",")
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
			return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
		}
		{ w[$1] = w[$1] "," $2; c[$1] = c[$1] "," $3; r[$1] = r[$1] "," $4 }
		END { for (k in w) printf "%s %.2f %.2f %.0f\n", k, median(substr(w[k], 2)), median(substr(c[k], 2)), median(substr(r[k], 2)) / 1024 }
	' "$results" | sort)
	echo "$summary" | awk '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }'
	echo
	echo "| ratio | value | target |"
	echo "|---|---:|---:|"
	echo "$summary" | awk '
		{ w[$1] = $2; r[$1] = $4 }
		function ratio(what, a, b, target) { if ((a in w) && (b in w) && w[b] > 0) printf "| %s | %.2f | %s |\n", what, w[a] / w[b], target }
		END {
			ratio("seclint cold / golangci-lint+gosec cold, wall", "seclint-cold", "golangci-gosec-cold", "<= 0.8")
			ratio("seclint warm / golangci-lint+gosec warm, wall", "seclint-warm", "golangci-gosec-warm", "<= 1.0")
			if (("seclint-cold" in r) && ("gosec" in r)) printf "| seclint cold / gosec, peak RSS | %.2f | <= 1.0 |\n", r["seclint-cold"] / r["gosec"]
			if (("seclint-cold-gogc50" in r) && ("gosec" in r)) printf "| seclint cold with GOGC=50 / gosec, peak RSS | %.2f | <= 1.0 |\n", r["seclint-cold-gogc50"] / r["gosec"]
			ratio("go vet -vettool=seclint / go vet, cold wall", "go-vet-seclint-cold", "go-vet-cold", "<= 1.0")
		}'
	rm -f "$results"
done
