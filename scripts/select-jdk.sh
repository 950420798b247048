#!/usr/bin/env bash
# Sourced by ./homebiyori and .ci/run: makes JAVA_HOME point at a JDK 21+ (the default java on the
# build machines is 17). Keeps a JAVA_HOME that is already 21+; otherwise picks the newest JDK 21+
# under /usr/lib/jvm; otherwise tries to install one from Debian's packages.
java_major() {
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1)
  echo "${v%%.*}"
}
pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/*; do
    [ -x "$dir/bin/javac" ] || continue
    major=$(java_major "$dir")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$dir"; best_major="$major"
    fi
  done
  if [ -n "$best" ]; then
    export JAVA_HOME="$best"
    return 0
  fi
  return 1
}
if ! pick_jdk; then
  echo "[homebiyori] no JDK 21+ found; trying Debian's openjdk-21/25 packages" >&2
  if command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && (apt-get install -y -qq openjdk-25-jdk-headless || apt-get install -y -qq openjdk-21-jdk-headless)) >&2 || true
  fi
  pick_jdk || { echo "[homebiyori] JDK 21 or newer is required: set JAVA_HOME to one" >&2; return 1 2>/dev/null || exit 1; }
fi
export PATH="$JAVA_HOME/bin:$PATH"
