#!/usr/bin/env bash
# install-deps.sh — install the Debian packages scripts/lab/lab.sh needs (Debian 12 / bookworm).
# Idempotent: safe to run again; already-installed packages are left as they are.
#
# The packages ship system services (nsd and unbound on port 53, nginx on port 80) that Debian
# would start right after installing them; unbound would then also try to reach the Internet's
# root servers. The lab runs its own instances with its own configs, so service start-up is
# blocked during the install with a temporary /usr/sbin/policy-rc.d (only when none exists;
# containers usually have one already that does the same).
set -euo pipefail

PACKAGES=(
  nsd               # authoritative DNS (nsd, nsd-checkconf, nsd-checkzone)
  unbound           # validating resolver (unbound, unbound-checkconf)
  ldnsutils         # ldns-keygen, ldns-signzone: DNSSEC-sign secure.test.
  bind9-dnsutils    # dig: readiness probes and manual checks
  nginx             # HTTPS policy hosts
  python3           # /usr/bin/python3 for smtp_server.py
  python3-aiosmtpd  # SMTP servers with STARTTLS
  openssl           # CA and certificates
  curl              # HTTPS probe
  iproute2          # ss: port checks
  procps            # ps, pgrep: stop
  util-linux        # setsid
  coreutils         # timeout, realpath
)

SUDO=""
if [[ $EUID -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: run as root (or install sudo)" >&2; exit 1; }
  SUDO="sudo"
fi

POLICY=/usr/sbin/policy-rc.d
made_policy=0
cleanup() {
  if ((made_policy)); then $SUDO rm -f "$POLICY"; fi
}
trap cleanup EXIT

if [[ ! -e "$POLICY" ]]; then
  # exit 101 = "action forbidden": invoke-rc.d / deb-systemd-invoke will not start services.
  printf '#!/bin/sh\n# temporary, from mtasts scripts/lab/install-deps.sh\nexit 101\n' |
    $SUDO tee "$POLICY" >/dev/null
  $SUDO chmod 755 "$POLICY"
  made_policy=1
fi

# (env rather than export: sudo would drop an exported variable)
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${PACKAGES[@]}"

echo "install-deps: done (${PACKAGES[*]})"
