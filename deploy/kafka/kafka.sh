#!/usr/bin/env bash
# A real Apache Kafka broker without Docker: one combined broker+controller in KRaft mode,
# run from jars that Maven resolves into deploy/kafka/lib (see pom.xml).
#
#   bash deploy/kafka/kafka.sh start|stop|status|restart
#
# Environment (all optional; the defaults give the shared development broker on 127.0.0.1:9092):
#   KAFKA_PORT             client port                     (9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port           (9093)
#   KAFKA_DATA_DIR         storage, config, pid and log    (deploy/kafka/data)
#   KAFKA_PID_FILE         pid of the broker JVM           ($KAFKA_DATA_DIR/kafka.pid)
#   KAFKA_LOG_FILE         broker log                      ($KAFKA_DATA_DIR/kafka.log)
#   KAFKA_HEAP_OPTS        JVM heap                        (-Xms256m -Xmx768m)
#   KAFKA_START_TIMEOUT    seconds to wait for readiness   (120)
#   KAFKA_STOP_TIMEOUT     seconds before SIGKILL on stop  (60)
#   KAFKA_RETENTION_CHECK_INTERVAL_MS  how often expired segments are deleted (10000)
#   KAFKA_CLEANER_BACKOFF_MS           compaction idle back-off             (1000)
# A second, disposable broker is just other ports and another data dir.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LIB_DIR="$HERE/lib"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_DATA_DIR="${KAFKA_DATA_DIR:-$HERE/data}"
mkdir -p "$KAFKA_DATA_DIR"
KAFKA_DATA_DIR="$(cd "$KAFKA_DATA_DIR" && pwd)"
KAFKA_PID_FILE="${KAFKA_PID_FILE:-$KAFKA_DATA_DIR/kafka.pid}"
KAFKA_LOG_FILE="${KAFKA_LOG_FILE:-$KAFKA_DATA_DIR/kafka.log}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-120}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-60}"
KAFKA_RETENTION_CHECK_INTERVAL_MS="${KAFKA_RETENTION_CHECK_INTERVAL_MS:-10000}"
KAFKA_CLEANER_BACKOFF_MS="${KAFKA_CLEANER_BACKOFF_MS:-1000}"
BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
CONFIG_FILE="$KAFKA_DATA_DIR/server.properties"
STORAGE_DIR="$KAFKA_DATA_DIR/storage"

log() { printf '[kafka:%s] %s\n' "$KAFKA_PORT" "$*" >&2; }
die() { log "error: $*"; exit 1; }

need_java() {
  command -v java >/dev/null 2>&1 || die "java is not on PATH (install a JDK 17+, e.g. apt-get install openjdk-17-jre-headless)"
}

# Jars are resolved once and reused; the lock keeps two concurrent starts (the shared broker and
# a disposable one) from running Maven into the same folder at the same time.
ensure_jars() {
  if [[ -f "$LIB_DIR/.complete" ]]; then return; fi
  command -v mvn >/dev/null 2>&1 || die "deploy/kafka/lib is empty and mvn is not on PATH (install Maven, e.g. apt-get install maven)"
  mkdir -p "$LIB_DIR"
  (
    flock 9
    if [[ ! -f "$LIB_DIR/.complete" ]]; then
      log "resolving Kafka jars with Maven into $LIB_DIR (first run only)"
      local started=$SECONDS
      mvn -q -B -Dstyle.color=never -f "$HERE/pom.xml" dependency:copy-dependencies >&2
      touch "$LIB_DIR/.complete"
      log "jars resolved in $((SECONDS - started))s"
    fi
  ) 9>"$LIB_DIR/.lock"
}

kafka_java() {
  java -Xms64m -Xmx256m -XX:TieredStopAtLevel=1 -Dlog4j.configuration="file:$HERE/log4j-tools.properties" \
    -cp "$LIB_DIR/*" "$@"
}

# The pid file alone could name a recycled pid: also require the JVM to run kafka.Kafka with our config.
running_pid() {
  [[ -f "$KAFKA_PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$KAFKA_PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "kafka.Kafka $CONFIG_FILE" || return 1
  echo "$pid"
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# "Ready" means a real client completed a metadata + ApiVersions round trip with the broker.
cluster_answers() {
  timeout 30 java -Xms32m -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j.configuration="file:$HERE/log4j-tools.properties" -cp "$LIB_DIR/*" \
    kafka.admin.BrokerApiVersionsCommand --bootstrap-server "$BOOTSTRAP" >/dev/null 2>&1
}

write_config() {
  cat >"$CONFIG_FILE" <<EOF
# Written by deploy/kafka/kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$STORAGE_DIR
num.partitions=3
auto.create.topics.enable=true
# One node: internal topics cannot be replicated.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
# Tests join consumer groups constantly; the default 3 s initial rebalance delay only slows them.
group.initial.rebalance.delay.ms=0
# Only for topics created without retention.ms (auto-created ones): the services provision theirs
# (MESSAGING_TOPIC_RETENTION_MS, state topics compacted).
log.retention.hours=24
# Retention against the broker's clock, never a producer's: a producer under faketime -400d or with
# a jumped clock otherwise writes CreateTime stamps older than any retention, and the next check
# deletes them (docs/architecture.md, "Retention"). The services also set it on every topic.
log.message.timestamp.type=LogAppendTime
# Expired segments and compaction are acted on within seconds (Kafka's 5 min / 15 s defaults make
# the erasure window tests wait minutes); cheap on a development broker.
log.retention.check.interval.ms=$KAFKA_RETENTION_CHECK_INTERVAL_MS
log.cleaner.backoff.ms=$KAFKA_CLEANER_BACKOFF_MS
EOF
}

format_storage_once() {
  if [[ -f "$STORAGE_DIR/meta.properties" ]]; then return; fi
  local cluster_id
  cluster_id="$(kafka_java kafka.tools.StorageTool random-uuid)"
  log "formatting KRaft storage in $STORAGE_DIR (cluster id $cluster_id)"
  kafka_java kafka.tools.StorageTool format --ignore-formatted -t "$cluster_id" -c "$CONFIG_FILE" >&2
}

start() {
  need_java
  local pid
  if pid="$(running_pid)"; then
    log "already running (pid $pid) on $BOOTSTRAP"
    return 0
  fi
  if port_open "$KAFKA_PORT"; then
    die "port $KAFKA_PORT is taken by a process this script did not start (check: bash $0 status)"
  fi
  if port_open "$KAFKA_CONTROLLER_PORT"; then
    die "controller port $KAFKA_CONTROLLER_PORT is taken (set KAFKA_CONTROLLER_PORT)"
  fi
  ensure_jars
  write_config
  format_storage_once
  # Keep the previous run's log for post-mortems, start the new one empty.
  [[ -f "$KAFKA_LOG_FILE" ]] && mv -f "$KAFKA_LOG_FILE" "$KAFKA_LOG_FILE.1"
  local started=$SECONDS
  # setsid: the broker must outlive the shell (or jest worker) that started it.
  # shellcheck disable=SC2086
  setsid nohup java $KAFKA_HEAP_OPTS -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$HERE/log4j.properties" \
    -cp "$LIB_DIR/*" kafka.Kafka "$CONFIG_FILE" >>"$KAFKA_LOG_FILE" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$KAFKA_PID_FILE"
  log "started pid $pid, waiting until a client can describe the cluster at $BOOTSTRAP"
  while ((SECONDS - started < KAFKA_START_TIMEOUT)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$KAFKA_LOG_FILE" >&2 || true
      rm -f "$KAFKA_PID_FILE"
      die "broker exited during start-up (log: $KAFKA_LOG_FILE)"
    fi
    if port_open "$KAFKA_PORT" && cluster_answers; then
      log "ready on $BOOTSTRAP in $((SECONDS - started))s (pid $pid, log $KAFKA_LOG_FILE)"
      return 0
    fi
    sleep 0.5
  done
  tail -n 40 "$KAFKA_LOG_FILE" >&2 || true
  stop
  die "broker not ready after ${KAFKA_START_TIMEOUT}s (log: $KAFKA_LOG_FILE)"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$KAFKA_PID_FILE"
    log "not running (no live broker for pid file $KAFKA_PID_FILE)"
    return 0
  fi
  log "stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if ((waited >= KAFKA_STOP_TIMEOUT * 10)); then
      log "pid $pid still alive after ${KAFKA_STOP_TIMEOUT}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  rm -f "$KAFKA_PID_FILE"
  log "stopped"
}

# Exit 0 when a broker answers on the port (ours or someone else's), 1 otherwise.
status() {
  local pid owner="not started by this script"
  pid="$(running_pid)" && owner="pid $pid"
  need_java
  if port_open "$KAFKA_PORT" && ensure_jars && cluster_answers; then
    echo "running on $BOOTSTRAP ($owner)"
    return 0
  fi
  if [[ -n "${pid:-}" ]]; then
    echo "starting or unhealthy: pid $pid is alive but $BOOTSTRAP does not answer"
  else
    echo "stopped ($BOOTSTRAP does not answer)"
  fi
  return 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  restart) stop && start ;;
  *)
    echo "usage: $0 start|stop|status|restart" >&2
    exit 2
    ;;
esac
