#!/usr/bin/env bash
# lab.sh — a throwaway MTA-STS test lab on loopback, for mtasts' integration tests.
#
#   scripts/lab/lab.sh start    (re)create everything under $LAB_DIR and start the servers
#   scripts/lab/lab.sh stop     stop everything this lab started (safe to repeat)
#   scripts/lab/lab.sh status   show what is running; exit 0 only if every server answers
#   scripts/lab/lab.sh restart  stop + start
#   scripts/lab/lab.sh set-policy DOMAIN < file   atomically replace a served policy file
#   scripts/lab/lab.sh set-zone DOMAIN < records  replace a dynamic zone's records, reload nsd
#
# What runs (all on 127.0.0.0/8, nothing else is ever contacted):
#   nsd       127.0.0.1:5354   authoritative for lab.test. (unsigned) and secure.test. (DNSSEC)
#   unbound   127.0.0.1:5353   validating resolver, stubs to nsd, trust anchor for secure.test.
#   nginx     127.0.0.20:8443  HTTPS policy hosts mta-sts.<domain> (SNI), files from $LAB_DIR/www
#   python3   127.0.0.3x:2525  aiosmtpd MX hosts (STARTTLS variants), see smtp_server.py
#
# Everything generated at run time (CA, keys, certs, zones, configs, pid files, logs) lives under
# $LAB_DIR (default: <repo>/lab-run, gitignored). `start` writes $LAB_DIR/lab.env for the tests.
# The scenario table is in scripts/lab/README.md; keep the two in sync.
# Needs the packages from scripts/lab/install-deps.sh. Works as root or as a normal user.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$SCRIPT_DIR/../.." && pwd)"
LAB_DIR="$(realpath -m "${LAB_DIR:-$REPO_DIR/lab-run}")"
# The Debian python3 (has python3-aiosmtpd); a pyenv/venv python3 earlier in PATH would not.
PYTHON="${LAB_PYTHON:-/usr/bin/python3}"

# ---- fixed addresses and ports (mirrored in README.md and lab.env) -------------------------
DNS_ADDR=127.0.0.1
AUTH_PORT=5354          # nsd
RESOLVER_PORT=5353      # unbound
HTTPS_ADDR=127.0.0.20   # nginx, every mta-sts.<domain> host
HTTPS_DOWN_ADDR=127.0.0.21  # an mta-sts host address where nothing listens
HTTPS_PORT=8443
SMTP_PORT=2525
TTL=60
STS_ID=20250101T000000  # id= in every _mta-sts record (1-32 alphanumerics)
# Zones whose records tests change at run time (set-zone): their own nsd zone, TTL 0 and SOA
# minimum 0, so the resolver caches neither answers nor NXDOMAIN/NODATA.
DYNAMIC_ZONES=(rollout.lab.test)

# MX hosts in lab.test: name, address, SMTP variant, certificate (file stem under certs/).
# Variants are implemented in smtp_server.py; "down" means nothing listens there.
MX_HOSTS=(
  "mx-good        127.0.0.30 starttls   mx-good.lab.test"
  "mx-good2       127.0.0.31 starttls   mx-good2.lab.test"
  "mx-expired     127.0.0.32 starttls   mx-expired.lab.test"
  "mx-wrongname   127.0.0.33 starttls   other.lab.test"
  "mx-selfsigned  127.0.0.34 starttls   mx-selfsigned.lab.test"
  "mx-nostarttls  127.0.0.35 nostarttls -"
  "mx-expiring    127.0.0.36 starttls   mx-expiring.lab.test"
  "mx-oldtls      127.0.0.37 oldtls     mx-oldtls.lab.test"
  "mx-down        127.0.0.38 down       -"
  "mx-badtls      127.0.0.39 badtls     mx-badtls.lab.test"
)

# ---- small helpers ---------------------------------------------------------------------------
log()  { printf 'lab: %s\n' "$*"; }
warn() { printf 'lab: %s\n' "$*" >&2; }

RUN="$LAB_DIR/run"      # our pid files: run/<service>.pid
LOGS="$LAB_DIR/logs"    # one log per service: logs/<service>.log

# Seconds since the epoch with fractions, for the start-up deadline.
now() { date +%s.%N; }
elapsed_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# Print the tail of the given log files to stderr.
show_logs() {
  local f
  for f in "$@"; do
    [[ -f "$f" ]] || continue
    printf '\n----- %s (last 40 lines) -----\n' "$f" >&2
    tail -n 40 "$f" >&2 || true
  done
}

# fail MESSAGE [LOGFILE...]: report, show the logs, tear down what was started, exit 1.
fail() {
  local msg="$1"; shift
  trap - EXIT
  warn "ERROR: $msg"
  show_logs "$@"
  warn "stopping whatever was started"
  do_stop >&2 || true
  exit 1
}

# EXIT trap during start: an unexpected failure (set -e) also shows logs and tears down.
on_start_exit() {
  local rc=$?
  ((rc == 0)) && return 0
  fail "start failed unexpectedly (exit $rc)" "$LOGS"/*.log
}

# Is PID alive and one of ours? Every server's command line names a file under $LAB_DIR,
# which protects against killing an unrelated process that reused a stale pid.
is_ours() {
  local pid="$1"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  local cmdline
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ "$cmdline" == *"$LAB_DIR/"* ]]
}

# launch NAME CMD...: start CMD in its own session (so it is the leader of its own process
# group, which `stop` can signal as a whole), output appended to logs/NAME.log.
# Since this script has no job control, the background child is not a group leader, so
# `setsid` calls setsid() and execs in place: $! is the server's own pid.
launch() {
  local name="$1"; shift
  setsid "$@" >>"$LOGS/$name.log" 2>&1 </dev/null &
  echo "$!" >"$RUN/$name.pid"
}

# wait_for_service NAME DEADLINE: poll the service's probe every 0.1 s until it answers or the
# clock passes DEADLINE (epoch seconds). Fails at once if the process has died.
wait_for_service() {
  local name="$1" deadline="$2"
  while true; do
    alive "$name" || return 1
    probe "$name" >/dev/null 2>&1 && return 0
    awk -v t="$(now)" -v d="$deadline" 'BEGIN { exit !(t > d) }' && return 1
    sleep 0.1
  done
}

# The service's process is still alive (used while polling, to fail fast on a crash).
alive() { local pid; pid=$(cat "$RUN/$1.pid" 2>/dev/null) && is_ours "$pid"; }

# ---- probes (used by start and status) -------------------------------------------------------
# dig with short timeouts; never falls back to another server (only the one we name).
qdig() { dig +time=1 +tries=1 +norecurse "$@"; }

probe_nsd() {
  [[ -n "$(qdig @"$DNS_ADDR" -p "$AUTH_PORT" +short SOA lab.test.)" ]] &&
  [[ -n "$(qdig @"$DNS_ADDR" -p "$AUTH_PORT" +short +tcp SOA secure.test.)" ]]
}

# The resolver answers, validates secure.test (AD set) and does not claim lab.test is secure.
probe_unbound() {
  local out
  out=$(dig +time=2 +tries=1 @"$DNS_ADDR" -p "$RESOLVER_PORT" +dnssec MX good.secure.test.) || return 1
  grep -q 'status: NOERROR' <<<"$out" && grep -qE 'flags:[^;]* ad[ ;]' <<<"$out" || return 1
  out=$(dig +time=2 +tries=1 @"$DNS_ADDR" -p "$RESOLVER_PORT" +dnssec MX good.lab.test.) || return 1
  grep -q 'status: NOERROR' <<<"$out" && ! grep -qE 'flags:[^;]* ad[ ;]' <<<"$out"
}

# nginx serves a real policy over HTTPS with a certificate that verifies against the lab CA.
probe_nginx() {
  local body
  body=$(curl -sS --fail --max-time 2 --cacert "$LAB_DIR/ca/ca.pem" \
    --resolve "mta-sts.good.lab.test:$HTTPS_PORT:$HTTPS_ADDR" \
    "https://mta-sts.good.lab.test:$HTTPS_PORT/.well-known/mta-sts.txt") || return 1
  [[ "$body" == "version: STSv1"* ]]
}

# An SMTP listener sends its 220 greeting (bash's /dev/tcp, no extra tools needed).
probe_smtp_addr() {
  # shellcheck disable=SC2016  # $1/$2 are expanded by the inner bash, on purpose
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2" && IFS= read -r line <&3 && [[ "$line" == 220* ]]' \
    _ "$1" "$SMTP_PORT"
}

probe_smtp() {
  local entry name addr variant cert
  for entry in "${MX_HOSTS[@]}"; do
    read -r name addr variant cert <<<"$entry"
    [[ "$variant" == down ]] && continue
    probe_smtp_addr "$addr" || return 1
  done
}

SERVICES=(nsd unbound nginx smtp)

# ---- stop ----------------------------------------------------------------------------------
# The process name (comm) each service's processes have, used to recognise orphaned children
# (nginx workers' command lines do not name $LAB_DIR, so is_ours cannot).
service_comm() {
  case "$1" in nsd) echo nsd ;; unbound) echo unbound ;; nginx) echo nginx ;; smtp) echo python3 ;; esac
}

# Stop every service that has a pid file: SIGTERM to its process group, up to 5 s grace, then
# SIGKILL. Missing or stale pid files are fine, so this is safe to run any number of times.
do_stop() {
  local name pidfile pid i child
  [[ -d "$RUN" ]] || return 0
  for name in smtp nginx unbound nsd; do
    pidfile="$RUN/$name.pid"
    [[ -f "$pidfile" ]] || continue
    pid=$(cat "$pidfile" 2>/dev/null || true)
    [[ "$pid" =~ ^[0-9]+$ ]] || { rm -f "$pidfile"; continue; }
    if is_ours "$pid"; then
      log "stopping $name (pid $pid)"
      # launch made the server its own process-group leader, so -pid also reaches its
      # children (nginx workers, nsd server processes). Fall back to the pid alone otherwise.
      if [[ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" == "$pid" ]]; then
        kill -TERM -- "-$pid" 2>/dev/null || true
      else
        kill -TERM "$pid" 2>/dev/null || true
      fi
      for ((i = 0; i < 50; i++)); do
        is_ours "$pid" || break
        sleep 0.1
      done
      if is_ours "$pid"; then
        warn "$name (pid $pid) ignored SIGTERM, sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
    # Children that outlived their leader (e.g. it was SIGKILLed) keep its process-group id:
    # kill those that are ours or carry the service's process name.
    for ((i = 0; i < 20; i++)); do
      local left=0
      for child in $(pgrep -g "$pid" 2>/dev/null || true); do
        # Zombies are already dead (waiting for init to reap them): ignore them.
        [[ "$(ps -o stat= -p "$child" 2>/dev/null)" == Z* ]] && continue
        # (prefix match: nsd renames its processes "nsd: main", "nsd: xfrd", ...)
        if is_ours "$child" || [[ "$(cat "/proc/$child/comm" 2>/dev/null)" == "$(service_comm "$name")"* ]]; then
          kill -KILL "$child" 2>/dev/null || true
          left=1
        fi
      done
      ((left)) || break
      sleep 0.1
    done
    rm -f "$pidfile"
  done
}

# ---- certificates ----------------------------------------------------------------------------
CA_DIR="$LAB_DIR/ca"
CERT_DIR="$LAB_DIR/certs"

# Minimal `openssl ca` setup; leaves get their subjectAltName from $LAB_SAN (which must always
# be set, since every openssl command reading this config expands it).
export LAB_SAN=DNS:unused
write_ca_config() {
  mkdir -p "$CA_DIR/newcerts"
  : >"$CA_DIR/index.txt"
  echo 1000 >"$CA_DIR/serial"
  cat >"$CA_DIR/openssl.cnf" <<EOF
# Generated by scripts/lab/lab.sh: throwaway test CA.
[ ca ]
default_ca = lab_ca

[ lab_ca ]
dir            = $CA_DIR
database       = \$dir/index.txt
new_certs_dir  = \$dir/newcerts
serial         = \$dir/serial
certificate    = \$dir/ca.pem
private_key    = \$dir/ca.key
default_md     = sha256
policy         = policy_any
unique_subject = no
copy_extensions = none
email_in_dn    = no

[ policy_any ]
commonName       = supplied
organizationName = optional

[ ca_ext ]
basicConstraints     = critical, CA:TRUE
keyUsage             = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[ leaf_ext ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = serverAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
subjectAltName         = \$ENV::LAB_SAN

[ req ]
distinguished_name = req_dn
prompt             = no
[ req_dn ]
CN = unused
EOF
}

# UTCTime (YYMMDDHHMMSSZ) for `openssl ca -startdate/-enddate`; argument like "-100 days".
utc_time() { date -u -d "$1" +%y%m%d%H%M%SZ; }

new_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

# The CA: self-signed through `openssl ca -selfsign` so its validity can start in the past
# (before the expired/expiring leaves' notBefore). OpenSSL 3.0 has no `x509 -not_before`.
make_ca() {
  write_ca_config
  new_key "$CA_DIR/ca.key"
  openssl req -new -config "$CA_DIR/openssl.cnf" -key "$CA_DIR/ca.key" \
    -subj "/O=mtasts test lab/CN=mtasts Lab CA" -out "$CA_DIR/ca.csr"
  openssl ca -batch -notext -config "$CA_DIR/openssl.cnf" -selfsign \
    -keyfile "$CA_DIR/ca.key" -in "$CA_DIR/ca.csr" -out "$CA_DIR/ca.pem" \
    -extensions ca_ext -startdate "$(utc_time '-365 days')" -enddate "$(utc_time '+3650 days')" \
    2>>"$LOGS/openssl.log"
}

# make_cert NAME KIND: certs/NAME.pem + certs/NAME.key for DNS name NAME.
#   valid      CA-signed, notBefore -1 day, notAfter +90 days
#   expired    CA-signed, -100 days .. -10 days
#   expiring   CA-signed, -85 days .. +5 days
#   selfsigned not from the CA (self-signed, 90 days)
make_cert() {
  local name="$1" kind="$2" san="${3:-DNS:$1}" start end
  local key="$CERT_DIR/$name.key" pem="$CERT_DIR/$name.pem" csr="$CERT_DIR/$name.csr"
  [[ -f "$pem" ]] && return 0   # shared names (other.lab.test) are made once
  new_key "$key"
  if [[ "$kind" == selfsigned ]]; then
    openssl req -x509 -new -config "$CA_DIR/openssl.cnf" -key "$key" -subj "/CN=$name" \
      -days 90 -addext "subjectAltName=DNS:$name" -addext "basicConstraints=critical,CA:FALSE" \
      -addext "extendedKeyUsage=serverAuth" -out "$pem" 2>>"$LOGS/openssl.log"
    return 0
  fi
  case "$kind" in
    valid)    start='-1 day';    end='+90 days' ;;
    expired)  start='-100 days'; end='-10 days' ;;
    expiring) start='-85 days';  end='+5 days' ;;
    *) fail "make_cert: unknown kind $kind" ;;
  esac
  openssl req -new -config "$CA_DIR/openssl.cnf" -key "$key" -subj "/CN=$name" -out "$csr"
  LAB_SAN="$san" openssl ca -batch -notext -config "$CA_DIR/openssl.cnf" \
    -extensions leaf_ext -startdate "$(utc_time "$start")" -enddate "$(utc_time "$end")" \
    -in "$csr" -out "$pem" 2>>"$LOGS/openssl.log"
  rm -f "$csr"
}

# ---- scenario building blocks ------------------------------------------------------------------
# Records are appended to one of two zone bodies by suffix; nginx server blocks to a third file.
DNS_DIR="$LAB_DIR/dns"
WWW_DIR="$LAB_DIR/www"
LAB_ZONE_BODY=""      # filled by rr(), written by write_zones()
SECURE_ZONE_BODY=""
VHOSTS_FILE="$LAB_DIR/nginx/vhosts.conf"
# A SHA-256 that matches no lab key (the DANE scenarios compute the real ones).
DANE_SAMPLE_HASH=8cb0fc6c527506a053f4f14c8464bebbd6dede2738d11468dd953d7d6a3021f1

# rr OWNER TYPE RDATA...: one record (absolute owner name without the final dot).
rr() {
  local owner="$1" type="$2"; shift 2
  local line
  line=$(printf '%-40s %s IN %-5s %s' "$owner." "$TTL" "$type" "$*")
  case "$owner" in
    *.secure.test | secure.test) SECURE_ZONE_BODY+="$line"$'\n' ;;
    *.lab.test | lab.test)       LAB_ZONE_BODY+="$line"$'\n' ;;
    *) fail "rr: $owner is in no lab zone" ;;
  esac
}

# mx DOMAIN HOST...: MX records with preferences 10, 20, ... (HOST without the final dot).
mx() {
  local d="$1" pref=10 h; shift
  for h in "$@"; do rr "$d" MX "$pref $h."; pref=$((pref + 10)); done
}
sts_txt()    { rr "_mta-sts.$1" TXT "\"v=STSv1; id=$STS_ID;\""; }
tlsrpt_txt() { rr "_smtp._tls.$1" TXT "\"v=TLSRPTv1; rua=mailto:tlsrpt@$1\""; }
# policy_host DOMAIN [ADDRESS]: the mta-sts.DOMAIN A record.
policy_host() { rr "mta-sts.$1" A "${2:-$HTTPS_ADDR}"; }

# policy_file DOMAIN MODE MX...: www/DOMAIN/mta-sts.txt (CRLF line ends, as in RFC 8461).
policy_file() {
  local d="$1" mode="$2" m; shift 2
  mkdir -p "$WWW_DIR/$d"
  {
    printf 'version: STSv1\r\n'
    printf 'mode: %s\r\n' "$mode"
    for m in "$@"; do printf 'mx: %s\r\n' "$m"; done
    printf 'max_age: 86400\r\n'
  } >"$WWW_DIR/$d/mta-sts.txt"
}

# vhost DOMAIN CERT [LOCATION_DIRECTIVES]: an nginx server block for mta-sts.DOMAIN presenting
# certs/CERT.pem and serving www/DOMAIN/mta-sts.txt (404 while the file does not exist).
vhost() {
  local d="$1" cert="$2"
  local body="${3:-alias $WWW_DIR/$d/mta-sts.txt;}"
  cat >>"$VHOSTS_FILE" <<EOF
server {
    listen $HTTPS_ADDR:$HTTPS_PORT ssl;
    server_name mta-sts.$d;
    ssl_certificate     $CERT_DIR/$cert.pem;
    ssl_certificate_key $CERT_DIR/$cert.key;
    location = /.well-known/mta-sts.txt { $body }
    location / { return 404; }
}
EOF
}

# standard DOMAIN MODE MXHOST...: the complete, correct setup: MX records, _mta-sts and
# _smtp._tls TXT, mta-sts host, policy listing exactly the MX hosts, valid policy cert.
standard() {
  local d="$1" mode="$2"; shift 2
  mx "$d" "$@"
  sts_txt "$d"
  tlsrpt_txt "$d"
  policy_host "$d"
  policy_file "$d" "$mode" "$@"
  make_cert "mta-sts.$d" valid
  vhost "$d" "mta-sts.$d"
}

# The scenarios. Keep README.md's table in sync with this function.
build_scenarios() {
  local entry name addr variant cert d
  # MX hosts and their certificates.
  for entry in "${MX_HOSTS[@]}"; do
    read -r name addr variant cert <<<"$entry"
    rr "$name.lab.test" A "$addr"
  done
  make_cert mx-good.lab.test       valid
  make_cert mx-good2.lab.test      valid
  make_cert mx-expired.lab.test    expired
  make_cert other.lab.test         valid      # mx-wrongname and policy-wrongname present it
  make_cert mx-selfsigned.lab.test selfsigned
  make_cert mx-expiring.lab.test   expiring
  make_cert mx-oldtls.lab.test     valid
  make_cert mx-badtls.lab.test     valid

  # Healthy and mode variants.
  standard good.lab.test     enforce mx-good.lab.test mx-good2.lab.test
  standard testing.lab.test  testing mx-good.lab.test
  standard removing.lab.test none    mx-good.lab.test

  # No MTA-STS at all: only MX.
  mx nopolicy.lab.test mx-good.lab.test

  # Broken MX hosts behind an otherwise correct testing-mode policy.
  standard expired-mx.lab.test    testing mx-expired.lab.test
  standard wrongname-mx.lab.test  testing mx-wrongname.lab.test
  standard selfsigned-mx.lab.test testing mx-selfsigned.lab.test
  standard nostarttls.lab.test    testing mx-nostarttls.lab.test
  standard expiring-mx.lab.test   testing mx-expiring.lab.test
  standard oldtls.lab.test        testing mx-oldtls.lab.test
  standard down-mx.lab.test       testing mx-down.lab.test
  standard badtls.lab.test        testing mx-badtls.lab.test

  # Policy does not cover every MX: MX mx-good + mx-good2, policy only mx-good.
  standard uncovered.lab.test testing mx-good.lab.test mx-good2.lab.test
  policy_file uncovered.lab.test testing mx-good.lab.test

  # Wildcard policy entry.
  standard wildcard.lab.test enforce mx-good.lab.test
  policy_file wildcard.lab.test enforce '*.lab.test'

  # Benchmark domains (scripts/bench): b001..bNNN.bench.lab.test sharing the MX hosts mx-good
  # and mx-good2, with STS and TLS-RPT records and one enforce policy served for all of them by
  # a single nginx server block and one certificate naming every policy host.
  local i san="" bench_count="${LAB_BENCH_DOMAINS:-200}"
  for ((i = 1; i <= bench_count; i++)); do
    d=$(printf 'b%03d.bench.lab.test' "$i")
    mx "$d" mx-good.lab.test mx-good2.lab.test
    sts_txt "$d"
    tlsrpt_txt "$d"
    policy_host "$d"
    san+="${san:+,}DNS:mta-sts.$d"
  done
  policy_file bench.lab.test enforce mx-good.lab.test mx-good2.lab.test
  make_cert mta-sts.bench.lab.test valid "$san"
  cat >>"$VHOSTS_FILE" <<EOF
server {
    listen $HTTPS_ADDR:$HTTPS_PORT ssl;
    server_name ~^mta-sts\.b[0-9]+\.bench\.lab\.test\$;
    ssl_certificate     $CERT_DIR/mta-sts.bench.lab.test.pem;
    ssl_certificate_key $CERT_DIR/mta-sts.bench.lab.test.key;
    location = /.well-known/mta-sts.txt { alias $WWW_DIR/bench.lab.test/mta-sts.txt; }
    location / { return 404; }
}
EOF

  # Policy host problems (all testing mode, MX mx-good).
  for d in policy-404 policy-redirect policy-html policy-expired-cert policy-expiring-cert \
           policy-wrongname policy-selfsigned policy-invalid policy-down; do
    d="$d.lab.test"
    mx "$d" mx-good.lab.test
    sts_txt "$d"
    tlsrpt_txt "$d"
  done
  policy_host policy-404.lab.test
  make_cert mta-sts.policy-404.lab.test valid
  vhost policy-404.lab.test mta-sts.policy-404.lab.test      # no file -> 404

  policy_host policy-redirect.lab.test
  policy_file policy-redirect.lab.test testing mx-good.lab.test
  make_cert mta-sts.policy-redirect.lab.test valid
  vhost policy-redirect.lab.test mta-sts.policy-redirect.lab.test \
    'return 301 https://example.invalid/;'

  policy_host policy-html.lab.test
  policy_file policy-html.lab.test testing mx-good.lab.test
  make_cert mta-sts.policy-html.lab.test valid
  vhost policy-html.lab.test mta-sts.policy-html.lab.test \
    "default_type text/html; alias $WWW_DIR/policy-html.lab.test/mta-sts.txt;"

  policy_host policy-expired-cert.lab.test
  policy_file policy-expired-cert.lab.test testing mx-good.lab.test
  make_cert mta-sts.policy-expired-cert.lab.test expired
  vhost policy-expired-cert.lab.test mta-sts.policy-expired-cert.lab.test

  policy_host policy-expiring-cert.lab.test
  policy_file policy-expiring-cert.lab.test testing mx-good.lab.test
  make_cert mta-sts.policy-expiring-cert.lab.test expiring
  vhost policy-expiring-cert.lab.test mta-sts.policy-expiring-cert.lab.test

  policy_host policy-wrongname.lab.test
  policy_file policy-wrongname.lab.test testing mx-good.lab.test
  vhost policy-wrongname.lab.test other.lab.test

  policy_host policy-selfsigned.lab.test
  policy_file policy-selfsigned.lab.test testing mx-good.lab.test
  make_cert mta-sts.policy-selfsigned.lab.test selfsigned
  vhost policy-selfsigned.lab.test mta-sts.policy-selfsigned.lab.test

  policy_host policy-invalid.lab.test
  mkdir -p "$WWW_DIR/policy-invalid.lab.test"
  printf 'version: STSv1\r\nMode: enforce\r\nnmx: mx-good.lab.test\r\nmax_age: 86400\r\n' \
    >"$WWW_DIR/policy-invalid.lab.test/mta-sts.txt"
  make_cert mta-sts.policy-invalid.lab.test valid
  vhost policy-invalid.lab.test mta-sts.policy-invalid.lab.test

  # mta-sts host resolves, but nothing listens there: connection refused.
  policy_host policy-down.lab.test "$HTTPS_DOWN_ADDR"

  # _mta-sts present, but no mta-sts.nohost.lab.test (NXDOMAIN).
  mx nohost.lab.test mx-good.lab.test
  sts_txt nohost.lab.test
  tlsrpt_txt nohost.lab.test

  # TXT record oddities.
  standard multi-sts.lab.test testing mx-good.lab.test
  rr _mta-sts.multi-sts.lab.test TXT '"v=STSv1; id=second2;"'
  standard split-txt.lab.test testing mx-good.lab.test
  # standard() added the usual one-string record; the split one replaces it.
  LAB_ZONE_BODY=$(grep -v '^_mta-sts\.split-txt\.lab\.test\.' <<<"$LAB_ZONE_BODY")$'\n'
  rr _mta-sts.split-txt.lab.test TXT '"v=STSv1; " "id=abc123;"'

  # MX oddities: no MX at all (only an A), and a null MX (RFC 7505).
  rr nomx.lab.test A 127.0.0.30
  sts_txt nomx.lab.test
  tlsrpt_txt nomx.lab.test
  policy_host nomx.lab.test
  policy_file nomx.lab.test testing mx-good.lab.test
  make_cert mta-sts.nomx.lab.test valid
  vhost nomx.lab.test mta-sts.nomx.lab.test

  rr nullmx.lab.test MX '0 .'
  sts_txt nullmx.lab.test
  tlsrpt_txt nullmx.lab.test
  policy_host nullmx.lab.test
  policy_file nullmx.lab.test testing mx-good.lab.test
  make_cert mta-sts.nullmx.lab.test valid
  vhost nullmx.lab.test mta-sts.nullmx.lab.test

  # The DNSSEC-signed zone.
  standard good.secure.test enforce mx-good.lab.test

  # DANE (RFC 7672): TLSA records for port 25, recorded by the checker beside each MX host;
  # one in the unsigned zone (senders ignore it) and one in the signed zone (authenticated).
  rr _25._tcp.mx-good.lab.test TLSA 3 1 1 "$DANE_SAMPLE_HASH"
  rr _25._tcp.mx.secure.test TLSA 3 1 1 "$DANE_SAMPLE_HASH"

  # DANE validation (RFC 7672) in the signed zone: MX hosts there point at mx-good's SMTP server
  # (127.0.0.30); DANE-EE ignores the certificate's names, MTA-STS does not (mx-cert.name-mismatch).
  local spki
  spki=$(openssl x509 -in "$CERT_DIR/mx-good.lab.test.pem" -noout -pubkey | openssl pkey -pubin -outform DER |
    sha256sum | cut -d' ' -f1)
  # dane.secure.test: current + next key, validated.
  rr dane-mx.secure.test A 127.0.0.30
  rr _25._tcp.dane-mx.secure.test TLSA 3 1 1 "$spki"
  rr _25._tcp.dane-mx.secure.test TLSA 3 1 1 "$DANE_SAMPLE_HASH"
  standard dane.secure.test testing dane-mx.secure.test
  # dane-mismatch.secure.test: the only record names another key: DANE senders defer.
  rr danebad-mx.secure.test A 127.0.0.30
  rr _25._tcp.danebad-mx.secure.test TLSA 3 1 1 "$DANE_SAMPLE_HASH"
  standard dane-mismatch.secure.test testing danebad-mx.secure.test
  # dane-unusable.secure.test: PKIX-EE only (usage 1), unusable for SMTP (RFC 7672 §3.1.3).
  rr daneusage-mx.secure.test A 127.0.0.30
  rr _25._tcp.daneusage-mx.secure.test TLSA 1 1 1 "$spki"
  standard dane-unusable.secure.test testing daneusage-mx.secure.test
  # dane-cname.secure.test: the MX host is a secure CNAME to dane-mx.secure.test; the TLSA base
  # domain is the CNAME's target (RFC 7672 §2.2.3), where the records are.
  rr danecname-mx.secure.test CNAME dane-mx.secure.test.
  standard dane-cname.secure.test testing danecname-mx.secure.test
  # bogus.secure.test: DNSSEC validation of its `_mta-sts` record fails (see write_zones).
  standard bogus.secure.test testing mx-good.lab.test

  # rollout.lab.test: walked none -> testing -> enforce -> ... by the rollout end-to-end test,
  # which rewrites its zone (set-zone) and policy (set-policy). Starts with no MTA-STS: MX hosts
  # (one with an expired certificate), the policy host and a TLS-RPT record, no policy file.
  make_cert mta-sts.rollout.lab.test valid
  vhost rollout.lab.test mta-sts.rollout.lab.test
}

# The records a dynamic zone starts with (zone-file lines, absolute owner names).
dynamic_zone_records() {
  case "$1" in
    rollout.lab.test)
      printf 'rollout.lab.test. 0 IN MX 10 mx-good.lab.test.\n'
      printf 'rollout.lab.test. 0 IN MX 20 mx-expired.lab.test.\n'
      printf 'mta-sts.rollout.lab.test. 0 IN A %s\n' "$HTTPS_ADDR"
      printf '_smtp._tls.rollout.lab.test. 0 IN TXT "v=TLSRPTv1; rua=mailto:tlsrpt@rollout.lab.test"\n'
      ;;
  esac
}

# write_dynamic_zone ZONE SERIAL: header (TTL 0, SOA minimum 0) + records from stdin.
write_dynamic_zone() {
  local z="$1" serial="$2" tmp="$DNS_DIR/.$1.zone.$$"
  {
    printf '$TTL 0\n'
    printf '%s. 0 IN SOA ns.lab.test. hostmaster.lab.test. %s 60 60 600 0\n' "$z" "$serial"
    printf '%s. 0 IN NS ns.lab.test.\n' "$z"
    cat
  } >"$tmp"
  if ! nsd-checkzone "$z" "$tmp" >>"$LOGS/nsd.log" 2>&1; then
    rm -f "$tmp"
    warn "zone $z does not load (see $LOGS/nsd.log)"
    return 1
  fi
  mv -f "$tmp" "$DNS_DIR/$z.zone"
  echo "$serial" >"$DNS_DIR/$z.serial"
}

# ---- DNS: zones, nsd, unbound ------------------------------------------------------------------
zone_header() { # zone apex
  cat <<EOF
\$TTL $TTL
$1.  $TTL IN SOA ns.$1. hostmaster.$1. $(date -u +%s) 60 60 600 60
$1.  $TTL IN NS  ns.$1.
ns.$1.  $TTL IN A 127.0.0.1
EOF
}

write_zones() {
  { zone_header lab.test; printf '%s' "$LAB_ZONE_BODY"; } >"$DNS_DIR/lab.test.zone"
  { zone_header secure.test; printf '%s' "$SECURE_ZONE_BODY"; } >"$DNS_DIR/secure.test.zone"

  # Sign secure.test with fresh keys (KSK + ZSK, ECDSA P-256, NSEC). Inception a day back so
  # small clock differences never matter; expiry 30 days out (the lab is rebuilt on each start).
  local ksk zsk
  ksk=$(cd "$DNS_DIR" && ldns-keygen -a ECDSAP256SHA256 -k secure.test)
  zsk=$(cd "$DNS_DIR" && ldns-keygen -a ECDSAP256SHA256 secure.test)
  (cd "$DNS_DIR" && ldns-signzone -i "$(date -u -d '-1 day' +%Y%m%d%H%M%S)" \
    -e "$(date -u -d '+30 days' +%Y%m%d%H%M%S)" -f secure.test.zone.signed \
    secure.test.zone "$ksk" "$zsk")
  # bogus.secure.test: its `_mta-sts` RRSIG is damaged after signing, so a validating resolver
  # answers SERVFAIL (bogus) and, with checking disabled (CD=1), the record itself.
  sed -i -E 's/^(_mta-sts\.bogus\.secure\.test\.\t[0-9]+\tIN\tRRSIG\tTXT .* secure\.test\. )..../\1AAAA/' \
    "$DNS_DIR/secure.test.zone.signed"
  # The resolver's trust anchor is the KSK's DS record.
  cp "$DNS_DIR/$ksk.ds" "$DNS_DIR/secure.test.ds"
  nsd-checkzone lab.test "$DNS_DIR/lab.test.zone" >>"$LOGS/nsd.log" 2>&1 ||
    fail "lab.test zone does not load" "$LOGS/nsd.log"
  local z
  for z in "${DYNAMIC_ZONES[@]}"; do
    dynamic_zone_records "$z" | write_dynamic_zone "$z" 1 || fail "$z zone does not load" "$LOGS/nsd.log"
  done
  nsd-checkzone secure.test "$DNS_DIR/secure.test.zone.signed" >>"$LOGS/nsd.log" 2>&1 ||
    fail "secure.test zone does not load" "$LOGS/nsd.log"
}

write_nsd_conf() {
  mkdir -p "$DNS_DIR/xfr"
  cat >"$DNS_DIR/nsd.conf" <<EOF
# Generated by scripts/lab/lab.sh. Authoritative for the lab zones, loopback only.
server:
    ip-address: $DNS_ADDR@$AUTH_PORT
    port: $AUTH_PORT
    do-ip4: yes
    do-ip6: no
    username: ""
    chroot: ""
    zonesdir: "$DNS_DIR"
    database: ""
    zonelistfile: "$DNS_DIR/zone.list"
    xfrdfile: "$DNS_DIR/xfrd.state"
    xfrdir: "$DNS_DIR/xfr"
    pidfile: "$DNS_DIR/nsd.self.pid"
    logfile: "$LOGS/nsd.log"
    server-count: 1
    tcp-count: 32
    verbosity: 1
    hide-version: yes
    reuseport: no
    # No response rate limiting: the resolver asks hundreds of questions a second from one
    # address when the bench domains are checked with a cold cache; RRL (200 q/s by default)
    # would drop or truncate them and turn the benchmark into a timeout test.
    rrl-ratelimit: 0
    rrl-whitelist-ratelimit: 0
remote-control:
    control-enable: no
zone:
    name: "lab.test."
    zonefile: "lab.test.zone"
zone:
    name: "secure.test."
    zonefile: "secure.test.zone.signed"
EOF
  local z
  for z in "${DYNAMIC_ZONES[@]}"; do
    printf 'zone:\n    name: "%s."\n    zonefile: "%s.zone"\n' "$z" "$z" >>"$DNS_DIR/nsd.conf"
  done
  nsd-checkconf "$DNS_DIR/nsd.conf" >>"$LOGS/nsd.log" 2>&1 ||
    fail "nsd.conf is invalid" "$LOGS/nsd.log"
}

write_unbound_conf() {
  cat >"$DNS_DIR/unbound.conf" <<EOF
# Generated by scripts/lab/lab.sh. Validating resolver that only ever talks to the lab's nsd.
server:
    interface: $DNS_ADDR@$RESOLVER_PORT
    port: $RESOLVER_PORT
    do-ip4: yes
    do-ip6: no
    do-udp: yes
    do-tcp: yes
    access-control: 127.0.0.0/8 allow
    outgoing-interface: 127.0.0.1
    username: ""
    chroot: ""
    directory: "$DNS_DIR"
    logfile: ""
    use-syslog: no
    log-time-ascii: yes
    verbosity: 1
    val-log-level: 2
    num-threads: 1
    so-reuseport: no
    # Enough slots for 64 domains checked at once, each asking several questions: with 32,
    # unbound drops queries past the limit under a cold cache and the checks see timeouts.
    outgoing-range: 512
    num-queries-per-thread: 256
    hide-identity: yes
    hide-version: yes
    module-config: "validator iterator"
    # Only this anchor: secure.test answers get AD, lab.test (no anchor above it) is insecure.
    trust-anchor-file: "$DNS_DIR/secure.test.ds"
    # .test is one of unbound's built-in local (empty) zones; resolve it for real instead.
    local-zone: "test." nodefault
    # nsd listens on 127.0.0.1, which unbound refuses to query by default.
    do-not-query-localhost: no
    qname-minimisation: no
    harden-referral-path: no
    target-fetch-policy: "0 0 0 0 0"
    prefetch: no
    trust-anchor-signaling: no

remote-control:
    control-enable: no

stub-zone:
    name: "lab.test."
    stub-addr: $DNS_ADDR@$AUTH_PORT
stub-zone:
    name: "secure.test."
    stub-addr: $DNS_ADDR@$AUTH_PORT
# Safety net: every other name (including the root priming query) also goes to nsd, which
# answers REFUSED, so the resolver never uses the built-in root hints or leaves loopback.
stub-zone:
    name: "."
    stub-addr: $DNS_ADDR@$AUTH_PORT
EOF
  unbound-checkconf "$DNS_DIR/unbound.conf" >>"$LOGS/unbound.log" 2>&1 ||
    fail "unbound.conf is invalid" "$LOGS/unbound.log"
}

# ---- nginx -----------------------------------------------------------------------------------
write_nginx_conf() {
  local p="$LAB_DIR/nginx"
  mkdir -p "$p/tmp" "$p/logs"
  # `user` only matters when started as root: workers then keep root's rights, so they can read
  # $LAB_DIR wherever it is (e.g. under /root). Ignored, with a notice, for normal users.
  local user_line=""
  [[ $EUID -eq 0 ]] && user_line="user root;"
  cat >"$LAB_DIR/nginx.conf" <<EOF
# Generated by scripts/lab/lab.sh. Policy hosts mta-sts.<domain> on $HTTPS_ADDR:$HTTPS_PORT.
$user_line
daemon off;            # lab.sh runs it in the background and keeps the pid itself
worker_processes 1;
pid $p/nginx.pid;
error_log $LOGS/nginx.log info;
events { worker_connections 128; }
http {
    access_log $LOGS/nginx-access.log;
    client_body_temp_path $p/tmp/client_body;
    proxy_temp_path       $p/tmp/proxy;
    fastcgi_temp_path     $p/tmp/fastcgi;
    uwsgi_temp_path       $p/tmp/uwsgi;
    scgi_temp_path        $p/tmp/scgi;
    server_tokens off;
    server_names_hash_bucket_size 128;
    # No MIME map: every file is text/plain unless a location says otherwise.
    types { }
    default_type text/plain;
    # Never cache policies, so tests can rewrite a file and see the change at once.
    open_file_cache off;
    etag off;
    ssl_protocols TLSv1.2 TLSv1.3;

    # Unknown SNI names (or none): refuse the handshake.
    server {
        listen $HTTPS_ADDR:$HTTPS_PORT ssl default_server;
        ssl_reject_handshake on;
    }

    include $VHOSTS_FILE;
}
EOF
}

# ---- SMTP ------------------------------------------------------------------------------------
write_smtp_conf() {
  local entry name addr variant cert first=1
  mkdir -p "$LAB_DIR/smtp"
  {
    printf '{\n  "servers": [\n'
    for entry in "${MX_HOSTS[@]}"; do
      read -r name addr variant cert <<<"$entry"
      [[ "$variant" == down ]] && continue
      [[ $first -eq 1 ]] || printf ',\n'
      first=0
      if [[ "$cert" == - ]]; then
        printf '    {"hostname": "%s", "address": "%s", "port": %d, "variant": "%s"}' \
          "$name.lab.test" "$addr" "$SMTP_PORT" "$variant"
      else
        printf '    {"hostname": "%s", "address": "%s", "port": %d, "variant": "%s", "cert": "%s", "key": "%s"}' \
          "$name.lab.test" "$addr" "$SMTP_PORT" "$variant" "$CERT_DIR/$cert.pem" "$CERT_DIR/$cert.key"
      fi
    done
    printf '\n  ]\n}\n'
  } >"$LAB_DIR/smtp/servers.json"
}

# ---- start -----------------------------------------------------------------------------------
check_tools() {
  local missing=() t
  for t in nsd nsd-checkconf nsd-checkzone unbound unbound-checkconf nginx ldns-keygen \
           ldns-signzone openssl dig curl setsid ss pgrep realpath; do
    command -v "$t" >/dev/null 2>&1 || missing+=("$t")
  done
  [[ -x "$PYTHON" ]] || missing+=("$PYTHON")
  "$PYTHON" -c 'import aiosmtpd' 2>/dev/null || missing+=("python3-aiosmtpd (for $PYTHON)")
  if ((${#missing[@]})); then
    warn "ERROR: missing: ${missing[*]}"
    warn "install them with: scripts/lab/install-deps.sh"
    exit 1
  fi
}

# Refuse to start when someone else holds one of our TCP ports (bind errors would be less clear).
# Matches our exact address or a wildcard listener, which would also conflict.
check_ports_free() {
  local entry name addr variant cert pat=""
  local -a want=("$DNS_ADDR:$AUTH_PORT" "$DNS_ADDR:$RESOLVER_PORT" "$HTTPS_ADDR:$HTTPS_PORT")
  for entry in "${MX_HOSTS[@]}"; do
    read -r name addr variant cert <<<"$entry"
    [[ "$variant" == down ]] || want+=("$addr:$SMTP_PORT")
  done
  local w busy
  for w in "${want[@]}"; do
    local port="${w##*:}"
    pat="(^|[[:space:]])(${w//./\\.}|0\\.0\\.0\\.0:$port|\\*:$port|\\[::\\]:$port)[[:space:]]"
    busy=$(ss -Hltnp 2>/dev/null | grep -E "$pat" || true)
    if [[ -n "$busy" ]]; then
      fail "TCP $w is already in use (a lab started with another LAB_DIR?):"$'\n'"$busy"
    fi
  done
}

do_start() {
  local t0 entry name addr variant cert
  t0=$(now)
  check_tools
  if [[ "$LAB_DIR" =~ [[:space:]\"\'\$\\] ]]; then
    warn "ERROR: LAB_DIR must not contain whitespace, quotes, \$ or backslashes: $LAB_DIR"
    exit 1
  fi

  do_stop                 # leftovers of an earlier run
  check_ports_free

  # Fresh run directory content (only the parts this script owns).
  rm -rf "$LAB_DIR"/{ca,certs,dns,nginx,www,smtp,logs,run} "$LAB_DIR/nginx.conf" "$LAB_DIR/lab.env"
  mkdir -p "$LAB_DIR" "$RUN" "$LOGS" "$CA_DIR" "$CERT_DIR" "$DNS_DIR" "$WWW_DIR" "$LAB_DIR/nginx"
  : >"$VHOSTS_FILE"

  # Anything failing from here on (set -e) still tears down what was started.
  trap on_start_exit EXIT

  log "creating CA, certificates, zones and configs in $LAB_DIR"
  make_ca
  build_scenarios
  write_zones
  write_nsd_conf
  write_unbound_conf
  write_nginx_conf
  write_smtp_conf
  # shellcheck disable=SC2094  # both nginx and the redirect append to the same log
  nginx -t -q -e "$LOGS/nginx.log" -c "$LAB_DIR/nginx.conf" -p "$LAB_DIR/nginx/" \
    >>"$LOGS/nginx.log" 2>&1 || fail "nginx config test failed" "$LOGS/nginx.log"

  # Start all four, then poll each until it answers (they come up in parallel).
  log "starting nsd, unbound, nginx, smtp"
  launch nsd     nsd -d -c "$DNS_DIR/nsd.conf"
  launch unbound unbound -d -p -c "$DNS_DIR/unbound.conf"
  launch nginx   nginx -e "$LOGS/nginx.log" -c "$LAB_DIR/nginx.conf" -p "$LAB_DIR/nginx/"
  launch smtp    "$PYTHON" -u "$SCRIPT_DIR/smtp_server.py" "$LAB_DIR/smtp/servers.json"

  # One deadline for all of them: 15 s from now (start-up normally takes 1-2 s in total).
  # nsd is checked first on purpose: unbound is only queried once its upstream answers, so it
  # never caches the upstream as unresponsive.
  local svc deadline
  deadline=$(awk -v t="$(now)" 'BEGIN { printf "%.3f", t + 15 }')
  for svc in "${SERVICES[@]}"; do
    # A crashed service fails the poll at once instead of after the timeout.
    if ! wait_for_service "$svc" "$deadline"; then
      alive "$svc" || fail "$svc exited during start-up" "$LOGS/$svc.log"
      fail "$svc did not answer within 15 s" "$LOGS/$svc.log"
    fi
  done
  trap - EXIT

  cat >"$LAB_DIR/lab.env" <<EOF
# Written by scripts/lab/lab.sh start. Shell KEY=VALUE lines, no quoting needed.
LAB_DIR=$LAB_DIR
LAB_RESOLVER=$DNS_ADDR:$RESOLVER_PORT
LAB_AUTH_DNS=$DNS_ADDR:$AUTH_PORT
LAB_HTTPS_ADDR=$HTTPS_ADDR
LAB_HTTPS_PORT=$HTTPS_PORT
LAB_SMTP_PORT=$SMTP_PORT
LAB_CA_FILE=$CA_DIR/ca.pem
LAB_WWW_DIR=$WWW_DIR
LAB_DNSSEC_ANCHOR=$DNS_DIR/secure.test.ds
EOF
  log "lab is up in $(elapsed_since "$t0") s; settings in $LAB_DIR/lab.env"
}

# ---- status ----------------------------------------------------------------------------------
do_status() {
  local svc pid ok=0 state
  for svc in "${SERVICES[@]}"; do
    pid=$(cat "$RUN/$svc.pid" 2>/dev/null || true)
    if is_ours "$pid"; then
      if probe "$svc" >/dev/null 2>&1; then state="running, answering"; else state="running, NOT answering"; ok=1; fi
      printf '%-8s pid %-7s %s\n' "$svc" "$pid" "$state"
    else
      printf '%-8s %-11s %s\n' "$svc" "" "stopped"
      ok=1
    fi
  done
  [[ -f "$LAB_DIR/lab.env" ]] && echo "settings: $LAB_DIR/lab.env"
  return $ok
}

probe() {
  case "$1" in
    nsd) probe_nsd ;; unbound) probe_unbound ;; nginx) probe_nginx ;; smtp) probe_smtp ;;
    *) return 1 ;;
  esac
}

# ---- set-policy ------------------------------------------------------------------------------
# Replace www/DOMAIN/mta-sts.txt with stdin atomically (nginx serves whatever is on disk).
# An empty stdin removes the file (the host then answers 404).
do_set_policy() {
  local d="${1:?usage: lab.sh set-policy DOMAIN < policy.txt}"
  [[ "$d" =~ ^[A-Za-z0-9.-]+$ ]] || { warn "bad domain: $d"; exit 2; }
  mkdir -p "$WWW_DIR/$d"
  local tmp="$WWW_DIR/$d/.mta-sts.txt.$$"
  cat >"$tmp"
  if [[ -s "$tmp" ]]; then mv -f "$tmp" "$WWW_DIR/$d/mta-sts.txt"; else rm -f "$tmp" "$WWW_DIR/$d/mta-sts.txt"; fi
}

# ---- set-zone ------------------------------------------------------------------------------
# Replace the records of a dynamic zone (DYNAMIC_ZONES) with stdin (zone-file lines, absolute
# owner names, TTL 0 recommended), bump the serial, make nsd reload (SIGHUP) and wait until nsd
# serves the new serial. The resolver caches nothing of these zones (TTL 0, SOA minimum 0).
do_set_zone() {
  local z="${1:?usage: lab.sh set-zone DOMAIN < records}" known=0 d
  for d in "${DYNAMIC_ZONES[@]}"; do [[ "$d" == "$z" ]] && known=1; done
  ((known)) || { warn "not a dynamic zone: $z (dynamic: ${DYNAMIC_ZONES[*]})"; exit 2; }
  local serial pid
  serial=$(( $(cat "$DNS_DIR/$z.serial" 2>/dev/null || echo 1) + 1 ))
  write_dynamic_zone "$z" "$serial" || exit 1
  pid=$(cat "$RUN/nsd.pid" 2>/dev/null || true)
  is_ours "$pid" || { warn "nsd is not running"; exit 1; }
  kill -HUP "$pid"
  local i
  for i in $(seq 1 50); do
    [[ "$(qdig @"$DNS_ADDR" -p "$AUTH_PORT" +short SOA "$z." | awk '{ print $3 }')" == "$serial" ]] && return 0
    sleep 0.1
  done
  warn "nsd did not serve serial $serial of $z within 5 s"
  exit 1
}

# ---- main ------------------------------------------------------------------------------------
case "${1:-}" in
  start)   do_start ;;
  stop)    do_stop; log "stopped" ;;
  restart) do_stop; do_start ;;
  status)  do_status ;;
  set-policy) shift; do_set_policy "$@" ;;
  set-zone) shift; do_set_zone "$@" ;;
  *)
    echo "usage: $0 start|stop|status|restart|set-policy DOMAIN|set-zone DOMAIN" >&2
    exit 2 ;;
esac
