# Shared by the build-integration tests: fail loudly, count checks, one closing line.
set -u
passed=0
failed=0
check() {  # check "what" command...
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAILED: $what" >&2
  fi
}
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
# Seconds-resolution file systems and make: make each touch count.
later() { sleep 1.1; touch "$@"; }
