#!/usr/bin/env bash
# A throw-away one-node Slurm cluster on this machine, for testing the sbatch scripts
# (see shared notes on what works on a 2-core Debian bookworm box without cgroups).
#
# Usage (as root):
#   scripts/slurm/local-cluster.sh start STATE_DIR   # install if missing, start munged/slurmctld/slurmd
#   export SLURM_CONF=STATE_DIR/slurm.conf           # or: source STATE_DIR/env
#   sbatch ... ; sinfo ; squeue
#   scripts/slurm/local-cluster.sh stop STATE_DIR    # stop exactly the daemons `start` started
#
# `start` installs slurm-wlm and munge with apt-get when they are missing, creates the munge key
# and folders if needed, starts `munged --force` unless a working munged is already running,
# writes STATE_DIR/slurm.conf (this host as controller and only node, CPUs=$(nproc),
# RealMemory=4000, partition "debug"), starts slurmctld and slurmd with it, records their
# process ids under STATE_DIR/pids/ and waits until `sinfo` shows the node idle.
# Daemon logs go to STATE_DIR/log/; on failure they are printed.
# `stop` kills only the recorded process ids (TERM, then KILL after 10 s), never by name.
#
# Environment: LOCAL_SLURM_WAIT (seconds to wait for an idle node, default 60).
set -euo pipefail

usage() {
    echo "usage: $0 start|stop|status STATE_DIR" >&2
    exit 2
}

[[ $# -eq 2 ]] || usage
action=$1
state=$2

log() { echo "local-cluster: $*" >&2; }

# The process id recorded in STATE_DIR/pids/NAME if that process is still alive and is NAME.
recorded_pid() {
    local name=$1 file="$state/pids/$1" pid comm
    [[ -f $file ]] || return 1
    pid=$(<"$file")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ -r /proc/$pid/comm ]] || return 1
    comm=$(<"/proc/$pid/comm")
    [[ $comm == "$name" ]] || return 1
    echo "$pid"
}

print_logs() {
    local f
    for f in "$state"/log/*.log; do
        [[ -f $f ]] || continue
        echo "----- $f (last 60 lines) -----" >&2
        tail -n 60 "$f" >&2 || true
    done
}

stop_one() {
    local name=$1 pid i
    if ! pid=$(recorded_pid "$name"); then
        rm -f "$state/pids/$name"
        return 0
    fi
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
        [[ -d /proc/$pid ]] || break
        sleep 0.1
    done
    if [[ -d /proc/$pid ]]; then
        log "$name (pid $pid) still running after 10 s: KILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$state/pids/$name"
}

do_stop() {
    [[ -d $state/pids ]] || { log "nothing recorded in $state/pids"; return 0; }
    # slurmd first: jobs still running on it are ended with it.
    stop_one slurmd
    stop_one slurmctld
    stop_one munged
}

install_if_missing() {
    local missing=0 c
    for c in slurmctld slurmd sbatch sinfo munged munge unmunge; do
        command -v "$c" >/dev/null 2>&1 || missing=1
    done
    ((missing)) || return 0
    [[ $(id -u) -eq 0 ]] || { log "slurm-wlm/munge missing and not root: install them first"; exit 1; }
    log "installing slurm-wlm and munge (apt-get)"
    apt-get update -q >"$state/log/apt.log" 2>&1 || { cat "$state/log/apt.log" >&2; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge >>"$state/log/apt.log" 2>&1 \
        || { cat "$state/log/apt.log" >&2; exit 1; }
}

munge_works() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }

start_munge() {
    if munge_works; then
        log "munged already running: using it"
        return 0
    fi
    install -d -o munge -g munge -m 0700 /etc/munge /var/log/munge /var/lib/munge
    install -d -o munge -g munge -m 0755 /run/munge
    if [[ ! -s /etc/munge/munge.key ]]; then
        log "creating /etc/munge/munge.key"
        dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
    fi
    chown munge:munge /etc/munge/munge.key
    chmod 0400 /etc/munge/munge.key
    # As root munged refuses to run without --force; it then only warns about file ownership.
    munged --force >"$state/log/munged.log" 2>&1 || { print_logs; exit 1; }
    local i pid=""
    for ((i = 0; i < 50; i++)); do
        if [[ -s /run/munge/munged.pid ]] && munge_works; then
            pid=$(</run/munge/munged.pid)
            break
        fi
        sleep 0.1
    done
    [[ -n $pid ]] || { log "munged did not come up"; print_logs; exit 1; }
    echo "$pid" >"$state/pids/munged"
    log "munged started (pid $pid)"
}

write_conf() {
    local host cpus
    host=$(hostname -s)
    cpus=$(nproc)
    cat >"$state/slurm.conf" <<EOF
# Written by scripts/slurm/local-cluster.sh: a one-node test cluster.
ClusterName=computegap-local
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SchedulerType=sched/backfill
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/run/slurmctld.pid
SlurmdPidFile=$state/run/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=10
Waittime=0
NodeName=$host CPUs=$cpus RealMemory=4000 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
    echo "export SLURM_CONF=$state/slurm.conf" >"$state/env"
}

# Starts a self-daemonising Slurm daemon and records the pid it writes to its pid file.
start_daemon() {
    local name=$1 pidfile=$2 i pid=""
    shift 2
    rm -f "$pidfile"
    "$@" >>"$state/log/$name.stdout.log" 2>&1 || { log "$name failed to start"; print_logs; do_stop; exit 1; }
    for ((i = 0; i < 100; i++)); do
        if [[ -s $pidfile ]]; then
            pid=$(<"$pidfile")
            [[ -d /proc/$pid ]] && break
        fi
        pid=""
        sleep 0.1
    done
    [[ -n $pid ]] || { log "$name wrote no pid file"; print_logs; do_stop; exit 1; }
    echo "$pid" >"$state/pids/$name"
    log "$name started (pid $pid)"
}

do_start() {
    if recorded_pid slurmctld >/dev/null || recorded_pid slurmd >/dev/null; then
        log "a cluster recorded in $state is still running: stop it first"
        exit 1
    fi
    mkdir -p "$state"/{log,pids,run,ctld,spool}
    install_if_missing
    start_munge
    write_conf
    export SLURM_CONF=$state/slurm.conf
    # -c: start from empty state (no jobs of an earlier run in the same STATE_DIR).
    start_daemon slurmctld "$state/run/slurmctld.pid" slurmctld -c
    start_daemon slurmd "$state/run/slurmd.pid" slurmd -N "$(hostname -s)"

    local wait=${LOCAL_SLURM_WAIT:-60} i node_state=""
    for ((i = 0; i < wait * 2; i++)); do
        node_state=$(sinfo -h -N -o '%T' 2>/dev/null | head -n 1 || true)
        [[ $node_state == idle ]] && break
        sleep 0.5
    done
    if [[ $node_state != idle ]]; then
        log "node not idle after ${wait} s (state: '${node_state:-none}')"
        sinfo -N -l >&2 || true
        print_logs
        do_stop
        exit 1
    fi
    log "cluster up: $(sinfo -h -N -o '%N %T cpus=%c mem=%m partition=%P')"
    log "use: export SLURM_CONF=$state/slurm.conf"
}

do_status() {
    local n pid
    for n in munged slurmctld slurmd; do
        if pid=$(recorded_pid "$n"); then echo "$n: running (pid $pid)"; else echo "$n: not started here"; fi
    done
    if [[ -f $state/slurm.conf ]]; then SLURM_CONF=$state/slurm.conf sinfo -N -l || true; fi
}

case $action in
    start)
        mkdir -p "$state"
        state=$(cd "$state" && pwd)
        do_start
        ;;
    stop)
        [[ -d $state ]] || { log "no state dir $state"; exit 0; }
        state=$(cd "$state" && pwd)
        do_stop
        ;;
    status)
        state=$(cd "$state" && pwd)
        do_status
        ;;
    *) usage ;;
esac
