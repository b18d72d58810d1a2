#!/usr/bin/env bash
# make bench: planassure against conftest and opa eval on the same generated
# plans and the shipped policies. Prints wall time, plans/second, peak RSS and
# planassure's ratio to each peer, and the CPU time (user + system) each tool
# spends per plan, which says how much of a lead comes from doing less work and
# how much from using more cores; the three finding counts must agree (exit 1
# if not). Then a one-plan cold run of each tool (median of 10), the cost
# with the rule set doubled, a re-check (a batch checked, 1% of its plans
# changed, checked again) with and without planassure's result cache and with
# conftest, and planassure's cost as the batch grows.
#
#   BENCH_SIZES="1000 10000"        plan counts (default; "" to skip)
#   BENCH_DOUBLED=1000              plan count for the doubled rule set ("" to skip)
#   BENCH_RECHECK=10000             plan count for the re-check ("" to skip)
#   BENCH_SCALE="1000 10000 100000" plan counts for planassure's growth ("" to skip)
#   BENCH_SEED=1
#   BENCH_BASELINE=REV              also time planassure built at git revision REV (its own
#                                   embedded policies) on the shipped-rules rows: CPU against a
#                                   former build in the same run ("" to skip, the default)
set -euo pipefail
cd "$(dirname "$0")/.."

CONFTEST_VERSION=v0.71.1 # latest the Go module proxy served when pinned
SIZES=${BENCH_SIZES-1000 10000}
DOUBLED=${BENCH_DOUBLED-1000}
RECHECK=${BENCH_RECHECK-10000}
SCALE=${BENCH_SCALE-1000 10000 100000}
SEED=${BENCH_SEED:-1}
BASELINE=${BENCH_BASELINE-}
B=$PWD/.bench
mkdir -p "$B/bin"

if [ ! -x /usr/bin/time ]; then
	echo "installing GNU time (peak RSS)" >&2
	SUDO=""
	[ "$(id -u)" = 0 ] || SUDO=sudo
	$SUDO apt-get install -y -qq time >/dev/null
fi
if [ ! -x "$B/bin/conftest" ] || ! grep -q "$CONFTEST_VERSION" "$B/bin/conftest.version" 2>/dev/null; then
	echo "installing conftest $CONFTEST_VERSION" >&2
	GOBIN=$B/bin go install "github.com/open-policy-agent/conftest@$CONFTEST_VERSION"
	echo "$CONFTEST_VERSION" >"$B/bin/conftest.version"
fi
go build -o "$B/bin/planassure" ./cmd/planassure
go build -o "$B/bin/plangen" ./bench/plangen
go build -o "$B/bin/count" ./bench/count
if [ -n "$BASELINE" ]; then
	rm -rf "$B/baseline-src"
	mkdir -p "$B/baseline-src"
	git archive "$BASELINE" | tar -x -C "$B/baseline-src"
	(cd "$B/baseline-src" && go build -o "$B/bin/planassure-baseline" ./cmd/planassure)
	BASELINE_REV=$(git rev-parse --short "$BASELINE")
fi
OPA=$(go tool -n opa) # the binary `go tool opa` runs, without the go command's start-up
CONFTEST=$B/bin/conftest
PA=$B/bin/planassure

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "tools:   planassure $(git describe --always --dirty 2>/dev/null || echo '(this tree)'), conftest $CONFTEST_VERSION ($("$CONFTEST" --version | tr '\n' ' ')), opa $("$OPA" version | awk '/^Version/ {print $2}')"
echo

# timed LABEL OUT CMD...: runs CMD with stdout to OUT, records wall seconds, peak RSS (KB)
# and CPU seconds (user + system, the command and its children)
timed() {
	local label=$1 out=$2 usr sys
	shift 2
	/usr/bin/time -f '%e %M %U %S' -o "$B/time.$label" "$@" >"$out" || true
	read -r WALL RSS usr sys < <(tail -n 1 "$B/time.$label") # GNU time writes "Command exited with non-zero status" first
	CPU=$(awk -v u="$usr" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
}

# generate N: plans into $B/plans-N and the array $B/input-N.json, unless already there
generate() {
	local n=$1 dir=$B/plans-$1
	if [ "$(find "$dir" -name '*.json' 2>/dev/null | wc -l)" != "$n" ] || [ ! -s "$B/input-$n.json" ] || [ "$(cat "$dir.seed" 2>/dev/null)" != "$SEED" ]; then
		rm -rf "$dir"
		"$B/bin/plangen" -n "$n" -seed "$SEED" -out "$dir" -input "$B/input-$n.json"
		echo "$SEED" >"$dir.seed"
	fi
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.1f", b / a; else print "inf" }'; }
rate() { awk -v n="$1" -v t="$2" 'BEGIN { if (t > 0) printf "%.0f", n / t; else print "inf" }'; }
per_plan_ms() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%.1f", t * 1000 / n }'; }

QUERY='sum([n | some p in input; n := count(data.planassure.main.findings) with input as p])'
STATUS=0

# compare N LABEL PA_FLAGS POLICY_DIR: the three tools on $B/plans-N
compare() {
	local n=$1 label=$2 paflags=$3 pol=$4 dir=$B/plans-$1
	timed pa "$B/out.pa" "$PA" check -o json --fail-on none $paflags "$dir"
	local pa_wall=$WALL pa_rss=$RSS pa_cpu=$CPU pa_count
	pa_count=$("$B/bin/count" <"$B/out.pa")
	# the same on one worker: how the lead splits between less work and more cores
	timed pa1 "$B/out.pa1" "$PA" check -o json --fail-on none --jobs 1 $paflags "$dir"
	local pa1_wall=$WALL pa1_rss=$RSS pa1_cpu=$CPU
	timed conftest "$B/out.conftest" sh -c "find '$dir' -name '*.json' | sort | xargs -n 2000 '$CONFTEST' test --no-color --namespace planassure.main -p '$pol' -o json"
	local ct_wall=$WALL ct_rss=$RSS ct_cpu=$CPU ct_count
	ct_count=$("$B/bin/count" <"$B/out.conftest")
	timed opa "$B/out.opa" "$OPA" eval -d "$pol" -i "$B/input-$n.json" -f raw "$QUERY"
	local opa_wall=$WALL opa_rss=$RSS opa_cpu=$CPU opa_count
	opa_count=$("$B/bin/count" <"$B/out.opa")

	local base_wall="" base_rss=0 base_cpu="" base_count=""
	if [ -n "$BASELINE" ] && [ -z "$paflags" ]; then
		timed base "$B/out.base" "$B/bin/planassure-baseline" check -o json --fail-on none "$dir"
		base_wall=$WALL base_rss=$RSS base_cpu=$CPU
		base_count=$("$B/bin/count" <"$B/out.base")
	fi

	printf '\n%s, %s plans\n' "$label" "$n"
	local row='  %-12s %9s %9s %12s %12s %10s %9s %9s\n'
	printf "$row" tool "wall (s)" "plans/s" "CPU ms/plan" "peak RSS MB" findings "pa ratio" "CPU ratio"
	printf "$row" planassure "$pa_wall" "$(rate "$n" "$pa_wall")" "$(per_plan_ms "$n" "$pa_cpu")" "$((pa_rss / 1024))" "$pa_count" "1.0" "1.0"
	printf "$row" "  1 job" "$pa1_wall" "$(rate "$n" "$pa1_wall")" "$(per_plan_ms "$n" "$pa1_cpu")" "$((pa1_rss / 1024))" "" \
		"$(ratio "$pa_wall" "$pa1_wall")x" "$(ratio "$pa_cpu" "$pa1_cpu")x"
	if [ -n "$base_wall" ]; then
		printf "$row" "  @$BASELINE_REV" "$base_wall" "$(rate "$n" "$base_wall")" "$(per_plan_ms "$n" "$base_cpu")" "$((base_rss / 1024))" "$base_count" \
			"$(ratio "$pa_wall" "$base_wall")x" "$(ratio "$pa_cpu" "$base_cpu")x"
		if [ "$base_count" != "$pa_count" ]; then
			echo "  MISMATCH: planassure and its baseline count different findings ($pa_count, $base_count)" >&2
			STATUS=1
		fi
	fi
	printf "$row" conftest "$ct_wall" "$(rate "$n" "$ct_wall")" "$(per_plan_ms "$n" "$ct_cpu")" "$((ct_rss / 1024))" "$ct_count" \
		"$(ratio "$pa_wall" "$ct_wall")x" "$(ratio "$pa_cpu" "$ct_cpu")x"
	printf "$row" "opa eval" "$opa_wall" "$(rate "$n" "$opa_wall")" "$(per_plan_ms "$n" "$opa_cpu")" "$((opa_rss / 1024))" "$opa_count" \
		"$(ratio "$pa_wall" "$opa_wall")x" "$(ratio "$pa_cpu" "$opa_cpu")x"
	if [ "$pa_count" != "$ct_count" ] || [ "$pa_count" != "$opa_count" ]; then
		echo "  MISMATCH: the tools count different findings ($pa_count, $ct_count, $opa_count)" >&2
		STATUS=1
	fi
}

for n in $SIZES; do
	generate "$n"
	compare "$n" "shipped rules" "" policies
done

# cold: one plan, a fresh process each time, median of 10 runs (ms)
median_ms() {
	local i t
	for i in 1 2 3 4 5 6 7 8 9 10; do
		/usr/bin/time -f '%e' -o "$B/time.cold" "$@" >/dev/null 2>&1 || true
		tail -n 1 "$B/time.cold"
	done | sort -n | awk '{a[NR] = $1} END {printf "%.0f", (a[5] + a[6]) / 2 * 1000}'
}
PLAN=plans/06W-2017-19.json
echo
echo "cold: one plan ($PLAN), new process per run, median of 10"
pa_cold=$(median_ms "$PA" check -o json "$PLAN")
ct_cold=$(median_ms "$CONFTEST" test --no-color --namespace planassure.main -p policies -o json "$PLAN")
opa_cold=$(median_ms "$OPA" eval -d policies -i "$PLAN" -f raw 'count(data.planassure.main.findings)')
printf '  %-12s %6s ms\n' planassure "$pa_cold" conftest "$ct_cold" "opa eval" "$opa_cold"

# the rule set doubled: every rule again under a second area name (rules/<area>2/...)
if [ -n "$DOUBLED" ]; then
	D=$B/doubled
	rm -rf "$D"
	mkdir -p "$D/full" "$D/extra"
	cp -r policies/. "$D/full/"
	for f in policies/rules/*/*.rego; do
		case $f in *_test.rego) continue ;; esac
		area=$(basename "$(dirname "$f")")
		for root in "$D/full" "$D/extra"; do
			mkdir -p "$root/rules/${area}2"
			sed "s/^package planassure\.rules\.$area\./package planassure.rules.${area}2./" "$f" >"$root/rules/${area}2/$(basename "$f")"
		done
	done
	rm -f "$D"/full/*.go
	generate "$DOUBLED"
	# planassure keeps its built-in rules and loads the copies beside them
	compare "$DOUBLED" "doubled rules ($(find "$D/full/rules" -name '*.rego' ! -name '*_test.rego' | wc -l) rule files)" "--policies $D/extra" "$D/full"
fi
# re-check: N plans checked, 1% of them changed (a resubmission: the
# organisation's name edited), then the batch checked again. planassure with
# --cache (the first run fills it), planassure without, and conftest.
if [ -n "$RECHECK" ]; then
	n=$RECHECK
	generate "$n"
	R=$B/recheck-$n C=$B/cache-$n
	rm -rf "$R" "$C"
	cp -r "$B/plans-$n" "$R"
	timed pacold "$B/out.pacold" "$PA" check -o json --fail-on none --cache "$C" "$R"
	cold_wall=$WALL cold_cpu=$CPU cold_rss=$RSS
	cold_count=$("$B/bin/count" <"$B/out.pacold")
	changed=0
	while read -r f; do
		sed -i '0,/"name": "/s//"name": "Resubmitted /' "$f"
		changed=$((changed + 1))
	done < <(find "$R" -name '*.json' | sort | awk 'NR % 100 == 1')
	timed pahit "$B/out.pahit" "$PA" check -o json --fail-on none --cache "$C" "$R"
	hit_wall=$WALL hit_cpu=$CPU hit_rss=$RSS
	hit_count=$("$B/bin/count" <"$B/out.pahit")
	timed panocache "$B/out.panocache" "$PA" check -o json --fail-on none "$R"
	nc_wall=$WALL nc_cpu=$CPU nc_rss=$RSS
	nc_count=$("$B/bin/count" <"$B/out.panocache")
	timed ctre "$B/out.ctre" sh -c "find '$R' -name '*.json' | sort | xargs -n 2000 '$CONFTEST' test --no-color --namespace planassure.main -p policies -o json"
	ct_wall=$WALL ct_cpu=$CPU ct_rss=$RSS
	ct_count=$("$B/bin/count" <"$B/out.ctre")

	printf '\nre-check: %s plans, %s of them changed, checked again\n' "$n" "$changed"
	row='  %-30s %9s %12s %12s %10s %14s\n'
	printf "$row" run "wall (s)" "CPU ms/plan" "peak RSS MB" findings "cached's lead"
	printf "$row" "planassure, first run (cache)" "$cold_wall" "$(per_plan_ms "$n" "$cold_cpu")" "$((cold_rss / 1024))" "$cold_count" "$(ratio "$hit_wall" "$cold_wall")x"
	printf "$row" "planassure --cache, re-check" "$hit_wall" "$(per_plan_ms "$n" "$hit_cpu")" "$((hit_rss / 1024))" "$hit_count" "1.0x"
	printf "$row" "planassure, re-check, no cache" "$nc_wall" "$(per_plan_ms "$n" "$nc_cpu")" "$((nc_rss / 1024))" "$nc_count" "$(ratio "$hit_wall" "$nc_wall")x"
	printf "$row" "conftest, re-check" "$ct_wall" "$(per_plan_ms "$n" "$ct_cpu")" "$((ct_rss / 1024))" "$ct_count" "$(ratio "$hit_wall" "$ct_wall")x"
	if [ "$hit_count" != "$nc_count" ] || [ "$hit_count" != "$ct_count" ]; then
		echo "  MISMATCH: the re-checks count different findings ($hit_count, $nc_count, $ct_count)" >&2
		STATUS=1
	fi
	if ! cmp -s "$B/out.pahit" "$B/out.panocache"; then
		echo "  MISMATCH: the cached re-check's report differs from the uncached one" >&2
		STATUS=1
	fi
	rm -rf "$R" "$C"
fi

# growth: planassure alone (no cache) as the batch grows; plans beyond the
# sizes above are generated here, and removed afterwards when over 10,000
if [ -n "$SCALE" ]; then
	echo
	echo "growth: planassure check -o json, no cache"
	row='  %-10s %9s %9s %12s %12s %10s\n'
	printf "$row" plans "wall (s)" "plans/s" "CPU ms/plan" "peak RSS MB" findings
	for n in $SCALE; do
		generate "$n"
		timed grow "$B/out.grow" "$PA" check -o json --fail-on none "$B/plans-$n"
		printf "$row" "$n" "$WALL" "$(rate "$n" "$WALL")" "$(per_plan_ms "$n" "$CPU")" "$((RSS / 1024))" "$("$B/bin/count" <"$B/out.grow")"
		if [ "$n" -gt 10000 ]; then
			rm -rf "$B/plans-$n" "$B/input-$n.json" "$B/plans-$n.seed"
		fi
	done
fi
exit $STATUS
