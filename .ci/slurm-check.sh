#!/usr/bin/env bash
# End-to-end check of the Slurm scripts: a one-node local cluster runs a sweep as a 4-task array
# (scripts/slurm/submit.sh --wait, cpu backend) plus the merge step; the same sweep runs unsharded
# without Slurm; the two `summarize --format json` reports must match except for volatile metadata,
# and the row counts must agree.
#
# Usage (as root; installs slurm-wlm and munge with apt-get if missing): bash .ci/slurm-check.sh
# Environment:
#   SLURM_CHECK_SWEEP      sweep file       (default data/sweeps/us-export-policy.json)
#   SLURM_CHECK_SHARDS     array size       (default 4)
#   SLURM_CHECK_ARTIFACTS  if set, build with --artifacts-path there (keeps src/ untouched)
#   SLURM_CHECK_KEEP=1     keep the temporary directory (its path is printed)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
sweep=${SLURM_CHECK_SWEEP:-data/sweeps/us-export-policy.json}
shards=${SLURM_CHECK_SHARDS:-4}
started=$SECONDS

say() { echo "slurm-check: $*"; }
fail() { echo "slurm-check: FAILED: $*" >&2; exit 1; }

say "building the CLI (Release)"
if [[ -n ${SLURM_CHECK_ARTIFACTS:-} ]]; then
    dotnet build src/ComputeGap.Cli -c Release --artifacts-path "$SLURM_CHECK_ARTIFACTS" -nologo -v q -clp:ErrorsOnly
    bin=$SLURM_CHECK_ARTIFACTS/bin/ComputeGap.Cli/release/computegap
else
    dotnet build src/ComputeGap.Cli -c Release -nologo -v q -clp:ErrorsOnly
    bin=$repo/src/ComputeGap.Cli/bin/Release/net10.0/computegap
fi
[[ -x $bin ]] || fail "no binary at $bin after the build"
"$bin" sweep --help | grep -q -- '--shard' || fail "$bin has no 'sweep --shard' option"

tmp=$(mktemp -d /tmp/computegap-slurm-check.XXXXXX)
cleanup() {
    local rc=$?
    bash "$repo/scripts/slurm/local-cluster.sh" stop "$tmp/cluster" || true
    if ((rc != 0)) || [[ ${SLURM_CHECK_KEEP:-} == 1 ]]; then
        echo "slurm-check: kept $tmp" >&2
    else
        rm -rf "$tmp"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "starting a one-node Slurm cluster in $tmp/cluster"
bash "$repo/scripts/slurm/local-cluster.sh" start "$tmp/cluster"
export SLURM_CONF=$tmp/cluster/slurm.conf
sinfo

say "sbatch: $sweep as a $shards-task array (cpu backend) + merge"
t0=$SECONDS
bash "$repo/scripts/slurm/submit.sh" --wait --shards "$shards" --backend cpu --bin "$bin" "$sweep" "$tmp/sharded"
say "Slurm jobs took $((SECONDS - t0)) s"
for f in "$tmp"/sharded/slurm-logs/*.out; do
    echo "----- ${f##*/} -----"
    grep -v '^progress:' "$f" | head -n 8
done

say "the same sweep unsharded, without Slurm"
"$bin" sweep "$sweep" --out "$tmp/single" --backend cpu --quiet

# (a) every shard committed its parts and recorded them in its manifest
shopt -s nullglob
stem=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["name"])' "$sweep")
for ((i = 0; i < shards; i++)); do
    manifest=$(printf '%s/sharded/%s.part-%04d-of-%04d.rows.manifest.json' "$tmp" "$stem" "$i" "$shards")
    [[ -s $manifest ]] || fail "missing shard manifest ${manifest##*/}"
    python3 - "$manifest" <<'PY' || fail "shard manifest ${manifest##*/} is incomplete"
import json, sys
m = json.load(open(sys.argv[1]))
sys.exit(0 if sum(p["count"] for p in m["parts"]) == m["count"] else 1)
PY
done
parts=("$tmp"/sharded/*.rows.parquet)
((${#parts[@]} >= shards)) || fail "expected at least $shards row parts in $tmp/sharded, found ${#parts[@]}"
say "(a) ok: $shards complete shard manifests, ${#parts[@]} row parts: $(cd "$tmp/sharded" && echo *.rows.parquet)"
[[ -s $tmp/sharded/report.json ]] || fail "the merge step wrote no $tmp/sharded/report.json"

# (b) and (c): the reports, without volatile metadata, and their row counts
"$bin" summarize "$tmp/sharded" --format json >"$tmp/sharded.json"
"$bin" summarize "$tmp/single" --format json >"$tmp/single.json"
python3 - "$tmp/sharded.json" "$tmp/single.json" "$tmp/sharded/report.json" <<'EOF'
import json, sys

VOLATILE = {"created_utc", "backend", "device"}
# How many files were verified depends on how the run was split into shards and parts.
VOLATILE_TOP = {"verification"}

def strip(value, in_metadata=False, top=True):
    if isinstance(value, dict):
        return {k: strip(v, k == "metadata", False) for k, v in value.items()
                if not (in_metadata and k in VOLATILE) and not (top and k in VOLATILE_TOP)}
    if isinstance(value, list):
        return [strip(v, top=False) for v in value]
    return value

def diff(a, b, path="$", out=None):
    out = [] if out is None else out
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                out.append(f"{path}.{k}: only in {'sharded' if k in a else 'single'}")
            else:
                diff(a[k], b[k], f"{path}.{k}", out)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            diff(x, y, f"{path}[{i}]", out)
    elif a != b:
        out.append(f"{path}: sharded {json.dumps(a)[:200]} != single {json.dumps(b)[:200]}")
    return out

sharded, single, merged = (json.load(open(p)) for p in sys.argv[1:4])
rows_sharded, rows_single = sharded.get("row_count"), single.get("row_count")
if rows_sharded is None or rows_sharded != rows_single:
    sys.exit(f"slurm-check: FAILED: (c) row counts differ: sharded {rows_sharded}, single {rows_single}")
print(f"slurm-check: (c) ok: row_count {rows_sharded} in both")
problems = diff(strip(sharded), strip(single))
if problems:
    print("slurm-check: FAILED: (b) summarize reports differ (volatile keys ignored: "
          + ", ".join(sorted(VOLATILE)) + "):", file=sys.stderr)
    for p in problems[:40]:
        print("  " + p, file=sys.stderr)
    sys.exit(1)
if diff(strip(merged), strip(sharded)):
    sys.exit("slurm-check: FAILED: the merge job's report.json differs from summarize of the same directory")
print(f"slurm-check: (b) ok: reports equal apart from metadata {sorted(VOLATILE)}")
EOF
# (d) a requeued task that finds its shard locked by a still-running process waits and then resumes
mkdir -p "$tmp/requeue"
lock=$(printf '%s/requeue/%s.part-0000-of-%04d.rows.lock' "$tmp" "$stem" "$shards")
flock "$lock" sleep 4 &
holder=$!
sleep 0.5
SLURM_ARRAY_TASK_ID=0 SLURM_ARRAY_TASK_COUNT=$shards SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_MAX=$((shards - 1)) \
    COMPUTEGAP_SWEEP=$sweep COMPUTEGAP_OUT=$tmp/requeue COMPUTEGAP_BIN=$bin COMPUTEGAP_BACKEND=cpu \
    COMPUTEGAP_LOCK_RETRY=1 COMPUTEGAP_LOCK_WAIT=60 COMPUTEGAP_ARGS=--quiet \
    bash "$repo/scripts/slurm/computegap.sbatch" >"$tmp/requeue.log" 2>&1 || { cat "$tmp/requeue.log" >&2; fail "(d) the requeued task failed"; }
wait "$holder"
grep -q 'is locked by another process; retrying' "$tmp/requeue.log" || { cat "$tmp/requeue.log" >&2; fail "(d) the task did not meet the lock"; }
manifest=$(printf '%s/requeue/%s.part-0000-of-%04d.rows.manifest.json' "$tmp" "$stem" "$shards")
[[ -s $manifest ]] || fail "(d) no manifest after the lock was released"
say "(d) ok: a requeued task met its shard's lock, waited, and completed the shard"

say "passed in $((SECONDS - started)) s"
