# Sourced by ./jorge and .ci/run: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: $JAVA_HOME if it is new enough, then `java` on the PATH, then the usual install folders
# (newest first). The build itself targets --release 21, so any newer JDK is fine.

jdk_major() { # prints the major version of the JDK at $1, or 0
  local out
  out=$("$1/bin/java" -version 2>&1 | head -n 1) || { echo 0; return; }
  [ -x "$1/bin/javac" ] || { echo 0; return; }
  echo "$out" | sed -E 's/.*version "([0-9]+).*/\1/;t;s/.*/0/'
}

find_jdk() {
  local candidate best="" best_major=0 major
  if [ -n "${JAVA_HOME:-}" ] && [ "$(jdk_major "$JAVA_HOME")" -ge 21 ]; then echo "$JAVA_HOME"; return 0; fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if [ "$(jdk_major "$candidate")" -ge 21 ]; then echo "$candidate"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* \
                   "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] || continue
    major=$(jdk_major "$candidate")
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major=$major; fi
  done
  [ -n "$best" ] && { echo "$best"; return 0; }
  return 1
}

if JAVA_HOME=$(find_jdk); then
  export JAVA_HOME
  export PATH="$JAVA_HOME/bin:$PATH"
else
  echo "Jorge Platform needs a JDK 21 or newer and none was found." >&2
  echo "Install one (e.g. Temurin 21 or 25) or set JAVA_HOME to it, then run this again." >&2
  exit 1
fi
