#!/usr/bin/env bash
# Lints pinned real modules with every seclint rule and fails on a crash or
# an analyzer error. Findings are printed for review; their verdicts are
# kept in verdicts/<rule>.md.
#
#   testdata/realworld/run.sh [list...]     # default: every modules*.txt here
#
# SECLINT_BIN runs a given seclint binary instead of building this one,
# and SECLINT_REALWORLD_OUT keeps the outputs, so two builds can be
# compared.
# Each list holds one module@version a line ('std' for the standard
# library of the Go in use); '#' starts a comment. Modules
# come through the Go module proxy into the module cache, are copied to a
# scratch directory and linted there with -mod=mod, so missing go.sum
# entries are filled in as go build would.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
lists=("$@")
[ ${#lists[@]} -gt 0 ] || lists=("$here"/modules*.txt)

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
if [ -n "${SECLINT_BIN:-}" ]; then
	cp "$SECLINT_BIN" "$work/seclint"
else
	(cd "$root" && go build -o "$work/seclint" ./cmd/seclint)
fi
out=${SECLINT_REALWORLD_OUT:-$work/out}
mkdir -p "$out"

failed=0
for mod in $(grep -hv '^\s*#' "${lists[@]}" | awk 'NF {print $1}' | sort -u); do
	name=${mod//\//_}
	if [ "$mod" = std ]; then
		src=$(go env GOROOT)/src
		pattern=std
	else
		# A module that fails to download (a version the proxy lacks, or
		# one that needs a newer Go) is a fault of the list: it is named
		# and the run goes on with the next one.
		json=$(cd "$work" && go mod download -json "$mod" 2>&1 || true)
		src=$(sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p' <<<"$json")
		pattern=./...
	fi
	if [ -z "$src" ]; then
		echo "FAIL $mod: download failed: $(sed -n 's/^\s*"Error": "\(.*\)",\{0,1\}$/\1/p' <<<"${json:-}" | head -1)"
		failed=1
		continue
	fi
	dir=$src
	if [ "$mod" != std ]; then
		dir=$work/$name
		cp -r "$src" "$dir"
		chmod -R u+w "$dir"
		# A module of a multi-module repository may replace its siblings
		# by directory. Those replacements apply only inside that
		# repository; a user of the module gets the versions it requires,
		# and so does this copy.
		for old in $(cd "$dir" && go mod edit -json | tr -d ' \t\n' |
			grep -o '"Old":{"Path":"[^"]*"[^}]*},"New":{"Path":"[./][^"]*"' |
			sed 's/^"Old":{"Path":"\([^"]*\)".*/\1/'); do
			(cd "$dir" && go mod edit -dropreplace="$old")
		done
	fi
	start=$(date +%s)
	set +e
	(cd "$dir" && GOFLAGS=-mod=mod SECLINT_CACHE=off "$work/seclint" "$pattern" >"$out/$name.txt" 2>"$out/$name.err")
	code=$?
	pkgs=$(cd "$dir" && GOFLAGS=-mod=mod go list "$pattern" 2>/dev/null | wc -l)
	set -e
	secs=$(( $(date +%s) - start ))
	perrule=$(awk -F': ' 'NF >= 3 {print $2}' "$out/$name.txt" | sort | uniq -c | awk '{printf " %s=%s", $2, $1}')
	if grep -qE '^(panic:|fatal error:)|analyzer [a-z]+ failed on' "$out/$name.err"; then
		echo "FAIL $mod: crash or analyzer error (exit $code, ${secs}s):"
		grep -E 'panic:|fatal error:|failed on' "$out/$name.err" | head -5
		failed=1
	else
		loaderr=$(grep -c '^seclint: package ' "$out/$name.err" || true)
		echo "ok   $mod: $pkgs packages, $loaderr package errors, exit $code, ${secs}s, findings:${perrule:- none}"
	fi
	if [ -z "${SECLINT_REALWORLD_QUIET:-}" ]; then
		sed "s|^|  |" "$out/$name.txt"
	fi
	if [ "$mod" != std ]; then
		chmod -R u+w "$dir" && rm -rf "$dir"
	fi
done
exit $failed
