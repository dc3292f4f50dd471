#!/usr/bin/env bash
# Submit a sharded ComputeGap sweep to Slurm: an N-task array of computegap.sbatch (task i runs
# `computegap sweep SWEEP --out OUTDIR --shard i/N`), then merge.sbatch with
# --dependency=afterok on the array, which writes `computegap summarize OUTDIR` to a report.
#
# Usage: scripts/slurm/submit.sh [options] SWEEP.json OUTDIR [-- more sbatch options for the array]
#   --shards N        array tasks / shards                        (default 4)
#   --max-running M   at most M tasks at once (--array=0-(N-1)%M)
#   --backend B       auto | cuda | cpu | ilgpu-cpu               (default auto)
#   --gres SPEC       e.g. gpu:1: ask every array task for a GPU  (default: none)
#   --bin PATH        computegap binary  (default: $COMPUTEGAP_BIN, else this repository's
#                     src/ComputeGap.Cli/bin/Release/net10.0/computegap, else `computegap` on PATH)
#   --report FILE     report file                                 (default OUTDIR/report.json)
#   --format F        report format: json | csv | table           (default json)
#   --clean           delete earlier *.parquet output in OUTDIR first (otherwise refuse to start)
#   --wait            wait for both jobs (sbatch --wait); exit non-zero if either fails and
#                     print the failed jobs' logs
# Anything after `--` goes to the array's sbatch (e.g. -- --partition=gpu --time=02:00:00).
# Job logs: OUTDIR/slurm-logs/. Extra sweep options: COMPUTEGAP_ARGS="--series".
#
# Example on a GPU cluster:
#   scripts/slurm/submit.sh --shards 16 --gres gpu:1 data/sweeps/us-export-policy.json /scratch/cg/us
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)

die() { echo "submit.sh: $*" >&2; exit 1; }
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }

shards=4 max_running="" backend=auto gres="" bin=${COMPUTEGAP_BIN:-} report="" format=json clean=0 wait=0
positional=() array_extra=()
while (($#)); do
    case $1 in
        --shards) shards=${2:?}; shift 2 ;;
        --max-running) max_running=${2:?}; shift 2 ;;
        --backend) backend=${2:?}; shift 2 ;;
        --gres) gres=${2:?}; shift 2 ;;
        --bin) bin=${2:?}; shift 2 ;;
        --report) report=${2:?}; shift 2 ;;
        --format) format=${2:?}; shift 2 ;;
        --clean) clean=1; shift ;;
        --wait) wait=1; shift ;;
        -h | --help) usage ;;
        --) shift; array_extra=("$@"); break ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) positional+=("$1"); shift ;;
    esac
done
((${#positional[@]} == 2)) || usage
[[ $shards =~ ^[1-9][0-9]*$ && $shards -le 9999 ]] || die "--shards must be 1..9999 (got $shards)"
[[ -z $max_running || $max_running =~ ^[1-9][0-9]*$ ]] || die "--max-running must be a positive number"
command -v sbatch >/dev/null || die "sbatch not found: is this a Slurm login node? (SLURM_CONF=${SLURM_CONF:-unset})"

abspath() { [[ $1 == /* ]] && echo "$1" || echo "$PWD/$1"; }
sweep=$(abspath "${positional[0]}")
out=$(abspath "${positional[1]}")
[[ -f $sweep ]] || die "no sweep file at $sweep"
if [[ -z $bin ]]; then
    bin=$repo/src/ComputeGap.Cli/bin/Release/net10.0/computegap
    [[ -x $bin ]] || bin=$(command -v computegap || echo "$bin")
fi
bin=$(abspath "$bin")
[[ -x $bin ]] || die "no computegap binary at $bin (dotnet build src/ComputeGap.Cli -c Release, or --bin)"
report=$(abspath "${report:-$out/report.$format}")

mkdir -p "$out/slurm-logs"
shopt -s nullglob
old=("$out"/*.parquet)
if ((${#old[@]})); then
    ((clean)) || die "$out already holds ${#old[@]} Parquet file(s) (e.g. ${old[0]##*/}): pass --clean to delete them, or pick another OUTDIR"
    rm -f -- "${old[@]}"
fi

export COMPUTEGAP_SWEEP=$sweep COMPUTEGAP_OUT=$out COMPUTEGAP_BIN=$bin COMPUTEGAP_BACKEND=$backend
export COMPUTEGAP_SHARDS=$shards COMPUTEGAP_REPORT=$report COMPUTEGAP_REPORT_FORMAT=$format

array_opts=(--parsable --array="0-$((shards - 1))${max_running:+%$max_running}"
    --output="$out/slurm-logs/%x-%A_%a.out" --chdir="$repo")
[[ -n $gres ]] && array_opts+=(--gres="$gres")
merge_opts=(--parsable --kill-on-invalid-dep=yes --output="$out/slurm-logs/%x-%j.out" --chdir="$repo")

show_logs() {
    local f
    # shellcheck disable=SC2231 # $1 is a glob pattern
    for f in "$out"/slurm-logs/*-$1.out; do
        echo "----- ${f##*/} -----" >&2
        tail -n 40 "$f" >&2
    done
}

echo "submit.sh: $shards shards of ${sweep#"$repo"/} -> $out (backend $backend${gres:+, gres $gres})"
if ((wait)); then
    # sbatch --wait returns once every task has ended, with a non-zero status if any failed.
    set +e
    array_id=$(sbatch --wait "${array_opts[@]}" "${array_extra[@]}" "$here/computegap.sbatch")
    rc=$?
    set -e
    array_id=${array_id%%;*}
    if ((rc != 0)); then
        echo "submit.sh: array job ${array_id:-?} failed (sbatch exit $rc)" >&2
        [[ -n $array_id ]] && show_logs "${array_id}_*"
        exit 1
    fi
    echo "submit.sh: array job $array_id done ($shards tasks)"
    set +e
    merge_id=$(sbatch --wait "${merge_opts[@]}" --dependency="afterok:$array_id" "$here/merge.sbatch")
    rc=$?
    set -e
    merge_id=${merge_id%%;*}
    if ((rc != 0)); then
        echo "submit.sh: merge job ${merge_id:-?} failed (sbatch exit $rc)" >&2
        [[ -n $merge_id ]] && show_logs "$merge_id"
        exit 1
    fi
    echo "submit.sh: merge job $merge_id done: report $report"
else
    array_id=$(sbatch "${array_opts[@]}" "${array_extra[@]}" "$here/computegap.sbatch")
    array_id=${array_id%%;*}
    merge_id=$(sbatch "${merge_opts[@]}" --dependency="afterok:$array_id" "$here/merge.sbatch")
    merge_id=${merge_id%%;*}
    echo "submit.sh: array job $array_id, merge job $merge_id (runs after all tasks succeed)"
    echo "submit.sh: report will be $report; logs in $out/slurm-logs/ (watch: squeue -j $array_id,$merge_id)"
fi
