# Sourced (POSIX sh) by ./mvnw and ./newsmon: exports JAVA_HOME pointing at a JDK 21 or newer.
# newsmon compiles to Java 21 while many machines still default to an older `java`, so every
# entry point must find a suitable JDK by itself instead of trusting PATH.
newsmon_java_major() {
  # prints the feature version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
newsmon_find_jdk() {
  # callers such as mvnw run with `set -f`; the search below needs globbing.
  set +f
  for candidate in "${NEWSMON_JAVA_HOME-}" "${JAVA_HOME-}" \
    "$(command -v javac >/dev/null 2>&1 && dirname "$(dirname "$(readlink -f "$(command -v javac)")")")" \
    /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(newsmon_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}
if NEWSMON_JDK=$(newsmon_find_jdk); then
  JAVA_HOME=$NEWSMON_JDK
  export JAVA_HOME
else
  echo "newsmon: no JDK 21 or newer found (looked at NEWSMON_JAVA_HOME, JAVA_HOME, PATH and /usr/lib/jvm)." >&2
  echo "newsmon: install one (for example: apt-get install openjdk-21-jdk-headless) or set NEWSMON_JAVA_HOME." >&2
  exit 1
fi
